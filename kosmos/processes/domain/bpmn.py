"""BPMN 2.0 XML export of a step table (pure).

A collaboration with one participant whose process has a lane per actor, a start event, a task
per step (documentation: what happens, legal basis, deadline), an exclusive gateway where a step
continues with more than one step, an end event and the sequence flows; plus the diagram
interchange (BPMNDI) from the same layout as the SVG, so standard BPMN tools show the lanes.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from kosmos.core.domain.charts.base import clean
from kosmos.processes.domain.layout import Box, layout
from kosmos.processes.domain.model import END, ProcessData

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
for _prefix, _uri in (("bpmn", BPMN), ("bpmndi", BPMNDI), ("dc", DC), ("di", DI), ("xsi", XSI)):
    ET.register_namespace(_prefix, _uri)


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def _id(prefix: str, key: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)
    return f"{prefix}_{safe}"


def _condition(process: ProcessData, target_id: str) -> str:
    key = target_id.removeprefix("Task_")
    step = next((s for s in process.steps if _id("Task", s.key) == target_id), None)
    return clean(step.title if step else key)


def bpmn_xml(process: ProcessData, *, name: str, process_key: str = "process") -> str:
    defs = ET.Element(_q(BPMN, "definitions"), {
        "id": "Definitions_1", "targetNamespace": "https://qualitaetskosmos.de/prozesse",
        "exporter": "Qualitätskosmos", "exporterVersion": "1",
    })
    process_id = _id("Process", process_key)
    collab = ET.SubElement(defs, _q(BPMN, "collaboration"), {"id": "Collaboration_1"})
    ET.SubElement(collab, _q(BPMN, "participant"), {"id": "Participant_1", "name": clean(name),
                                                    "processRef": process_id})
    proc = ET.SubElement(defs, _q(BPMN, "process"), {"id": process_id, "name": clean(name), "isExecutable": "true"})
    geo = layout(process)
    lane_set = ET.SubElement(proc, _q(BPMN, "laneSet"), {"id": "LaneSet_1"})
    lane_nodes: dict[str, ET.Element] = {}
    for key in geo.lanes:
        actor = process.actor(key)
        lane_nodes[key] = ET.SubElement(lane_set, _q(BPMN, "lane"), {"id": _id("Lane", key),
                                                                     "name": clean(actor.label if actor else key)})
    shapes: list[tuple[str, Box, bool]] = []
    flows: list[tuple[str, str, str]] = []

    def ref(lane_key: str, node_id: str) -> None:
        ET.SubElement(lane_nodes[lane_key], _q(BPMN, "flowNodeRef")).text = node_id

    if process.steps:
        ET.SubElement(proc, _q(BPMN, "startEvent"), {"id": "StartEvent_1"})
        ref(process.steps[0].actor, "StartEvent_1")
        shapes.append(("StartEvent_1", geo.start, False))
        flows.append(("StartEvent_1", _id("Task", process.steps[0].key), ""))
        end_used = False
        for index, step in enumerate(process.steps):
            task_id = _id("Task", step.key)
            task = ET.SubElement(proc, _q(BPMN, "task"), {"id": task_id, "name": clean(f"{index + 1}. {step.title}")})
            doc = "\n".join(part for part in (step.what, step.legal_basis, step.deadline) if part)
            if doc:
                ET.SubElement(task, _q(BPMN, "documentation")).text = clean(doc)
            ref(step.actor, task_id)
            shapes.append((task_id, geo.steps[step.key], False))
            known = {s.key for s in process.steps}
            targets = ["EndEvent_1" if t == END else _id("Task", t) for t in process.successors(index)
                       if t == END or t in known] or ["EndEvent_1"]
            end_used = end_used or "EndEvent_1" in targets
            if len(targets) > 1:
                gateway_id = _id("Gateway", step.key)
                # the first following step is the gateway's default; the others carry the decision as a
                # descriptive condition (the map documents the process, it does not run it)
                ET.SubElement(proc, _q(BPMN, "exclusiveGateway"), {"id": gateway_id, "default": f"Flow_{len(flows) + 2}"})
                ref(step.actor, gateway_id)
                box = geo.steps[step.key]
                shapes.append((gateway_id, Box(box.x + box.w + 5, box.cy - 12, 24, 24), True))
                flows.append((task_id, gateway_id, ""))
                flows.append((gateway_id, targets[0], ""))
                flows.extend((gateway_id, t, _condition(process, t)) for t in targets[1:])
            else:
                flows.extend((task_id, t, "") for t in targets)
        if end_used:
            ET.SubElement(proc, _q(BPMN, "endEvent"), {"id": "EndEvent_1"})
            ref(process.steps[-1].actor, "EndEvent_1")
            shapes.append(("EndEvent_1", geo.end, False))
    boxes = {node_id: box for node_id, box, _ in shapes}
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    for n, (source, target, _name) in enumerate(flows, start=1):
        flow_id = f"Flow_{n}"
        incoming.setdefault(target, []).append(flow_id)
        outgoing.setdefault(source, []).append(flow_id)
    # incoming/outgoing come first in a flow node (BPMN schema order), before the flows themselves
    for node in proc:
        node_id = node.get("id", "")
        extra = [(_q(BPMN, "incoming"), f) for f in incoming.get(node_id, [])]
        extra += [(_q(BPMN, "outgoing"), f) for f in outgoing.get(node_id, [])]
        for position, (tag, flow_id) in enumerate(extra, start=len(node.findall(_q(BPMN, "documentation")))):
            child = ET.Element(tag)
            child.text = flow_id
            node.insert(position, child)
    for n, (source, target, condition) in enumerate(flows, start=1):
        flow = ET.SubElement(proc, _q(BPMN, "sequenceFlow"), {"id": f"Flow_{n}", "sourceRef": source,
                                                              "targetRef": target})
        if condition:
            flow.set("name", condition)
            expression = ET.SubElement(flow, _q(BPMN, "conditionExpression"), {_q(XSI, "type"): "bpmn:tFormalExpression"})
            expression.text = repr(condition)
    diagram = ET.SubElement(defs, _q(BPMNDI, "BPMNDiagram"), {"id": "Diagram_1"})
    plane = ET.SubElement(diagram, _q(BPMNDI, "BPMNPlane"), {"id": "Plane_1", "bpmnElement": "Collaboration_1"})

    def bounds(parent: ET.Element, box: Box) -> None:
        ET.SubElement(parent, _q(DC, "Bounds"), {"x": f"{box.x:.0f}", "y": f"{box.y:.0f}", "width": f"{box.w:.0f}",
                                                  "height": f"{box.h:.0f}"})

    pool = Box(0, 0, geo.width, geo.height)
    bounds(ET.SubElement(plane, _q(BPMNDI, "BPMNShape"), {"id": "Participant_1_di", "bpmnElement": "Participant_1",
                                                          "isHorizontal": "true"}), pool)
    for key, lane in geo.lanes.items():
        bounds(ET.SubElement(plane, _q(BPMNDI, "BPMNShape"), {"id": f"{_id('Lane', key)}_di",
                                                              "bpmnElement": _id("Lane", key),
                                                              "isHorizontal": "true"}), lane)
    for node_id, box, _gateway in shapes:
        bounds(ET.SubElement(plane, _q(BPMNDI, "BPMNShape"), {"id": f"{node_id}_di", "bpmnElement": node_id}), box)
    for n, (source, target, _name) in enumerate(flows, start=1):
        edge = ET.SubElement(plane, _q(BPMNDI, "BPMNEdge"), {"id": f"Flow_{n}_di", "bpmnElement": f"Flow_{n}"})
        a, b = boxes[source], boxes[target]
        for x, y in ((a.x + a.w, a.cy), (b.x, b.cy)):
            ET.SubElement(edge, _q(DI, "waypoint"), {"x": f"{x:.0f}", "y": f"{y:.0f}"})
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(defs, encoding="unicode")

"""The generators and the checks of the step table (pure)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser

from kosmos.processes.domain import catalogue
from kosmos.processes.domain.bpmn import BPMN, bpmn_xml
from kosmos.processes.domain.model import dump, parse
from kosmos.processes.domain.swimlane import swimlane_svg
from kosmos.processes.domain.validation import deadline_ok, validate
from kosmos.processes.domain.views import checklist, raci_matrix, text_view

FBW = parse(catalogue.template("fbw-2025").data)


def _with_step(process, key: str, **changes):  # noqa: ANN001, ANN202
    data = dump(process)
    step = next(s for s in data["steps"] if s["key"] == key)
    step.update(changes)
    return parse(data)


def test_every_template_is_valid_and_survives_dump_and_parse() -> None:
    for template in catalogue.TEMPLATES:
        process = parse(template.data)
        assert validate(process) == [], template.key
        assert parse(dump(process)) == process
    assert len(FBW.steps) == 15


def test_text_view_numbers_the_steps_and_states_handovers_in_words() -> None:
    steps = text_view(FBW)
    assert [s.number for s in steps] == list(range(1, 16))
    referral = steps[2]
    assert referral.step.title == "An die Agentur für Arbeit überweisen"
    assert str(referral.handover) == (
        "Handover: Jobcenter – Integrationsfachkraft hands over to Agentur für Arbeit – Beratung und Förderung (FbW) "
        "(Überweisung mit Unterlagen), 5 Arbeitstage.")
    assert str(steps[6].continues) == "Continues with step 9 (Bildungsgutschein ausstellen), 8 (Ablehnung mitteilen)."
    assert str(steps[7].continues) == "The process ends here."
    assert steps[0].handover is None


def test_raci_matrix_has_a_row_per_step_and_a_column_per_actor() -> None:
    matrix = raci_matrix(FBW)
    assert [a.key for a in matrix.actors] == ["kunde", "jc", "aa", "traeger"]
    assert len(matrix.rows) == 15
    number, title, cells = matrix.rows[0]
    assert (number, title) == (1, "Weiterbildungsbedarf erkennen")
    assert [letters for _label, letters in cells] == ["C", "R/A", "", ""]


def test_checklist_has_one_item_per_step_with_the_handover() -> None:
    items = checklist(FBW)
    assert len(items) == 15
    assert items[2].handover_to == "Agentur für Arbeit – Beratung und Förderung (FbW)"
    assert items[2].deadline == "5 Arbeitstage"


def test_swimlane_is_valid_svg_with_title_a_lane_per_actor_and_a_box_per_step() -> None:
    svg = swimlane_svg(FBW, chart_id="fbw", title="FbW <Übergang>", description="Beschreibung & mehr")
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert root.get("role") == "img"
    assert root.find("s:title", ns).text == "FbW <Übergang>"
    assert "1. Weiterbildungsbedarf erkennen" in root.find("s:desc", ns).text
    groups = root.findall("s:g", ns)
    assert len(groups) == 15
    handovers = [p for p in root.findall("s:path", ns) if p.get("marker-end", "").endswith("-handover)")]
    assert handovers, "cross-lane arrows are drawn as handovers"
    assert "style" not in svg and "<script" not in svg


def _parsed(xml: str):  # noqa: ANN202
    parser = BpmnParser()
    parser.add_bpmn_xml(etree.fromstring(xml.encode("utf-8")), filename="export.bpmn")
    return parser


@pytest.mark.parametrize("template", [t.key for t in catalogue.TEMPLATES])
def test_bpmn_export_is_parsed_by_an_independent_bpmn_library(template: str) -> None:
    process = parse(catalogue.template(template).data)
    xml = bpmn_xml(process, name="Prozess & Test", process_key="p1")
    spec = _parsed(xml).get_spec("Process_p1")
    names = {t.bpmn_name for t in spec.task_specs.values() if getattr(t, "bpmn_name", None)}
    assert {f"{i}. {s.title}" for i, s in enumerate(process.steps, start=1)} <= names
    root = ET.fromstring(xml.encode("utf-8"))  # noqa: S314 - our own output
    lanes = root.findall(f".//{{{BPMN}}}lane")
    assert [lane.get("name") for lane in lanes] == [a.label for a in process.actors]
    assert root.find(f"{{{BPMN}}}collaboration/{{{BPMN}}}participant").get("processRef") == "Process_p1"


def test_bpmn_export_sequence_flows_follow_the_steps() -> None:
    root = ET.fromstring(bpmn_xml(FBW, name="FbW").encode("utf-8"))  # noqa: S314 - our own output
    flows = {(f.get("sourceRef"), f.get("targetRef")) for f in root.iter(f"{{{BPMN}}}sequenceFlow")}
    assert ("StartEvent_1", "Task_bedarf") in flows
    assert ("Task_bedarf", "Task_eignung") in flows
    assert ("Gateway_pruefung", "Task_ablehnung") in flows
    assert ("Task_ablehnung", "EndEvent_1") in flows


@pytest.mark.parametrize("deadline, ok", [
    ("", True), ("5 Arbeitstage", True), ("innerhalb von 2 Wochen", True), ("unverzüglich", True),
    ("1 Monat", True), ("bald", False), ("5", False), ("Tage 5", False), ("2 Jahrzehnte", False),
])
def test_deadline_format(deadline: str, ok: bool) -> None:
    assert deadline_ok(deadline) is ok


def test_a_handover_to_an_unknown_actor_names_the_step() -> None:
    problems = validate(_with_step(FBW, "zuweisung", handover_to="bundesamt"))
    assert [str(p.text) for p in problems] == [
        "Step 3 (An die Agentur für Arbeit überweisen) hands over to “bundesamt”, who is not an actor of this map. "
        "Please add the actor or choose another one."]


def test_a_deadline_in_the_wrong_format_names_the_step() -> None:
    problems = validate(_with_step(FBW, "eingang", deadline="bald"))
    assert len(problems) == 1 and problems[0].field == "deadline"
    assert str(problems[0].text).startswith("Step 4 (Eingang bestätigen): the deadline “bald” has not the expected")


def test_a_cycle_with_no_exit_names_its_steps() -> None:
    # 14 → 15 → 14: the graduate placement never ends
    process = _with_step(_with_step(FBW, "absolventen", next=["abschluss"]), "abschluss", next=["absolventen"])
    problems = validate(process)
    assert len(problems) == 1
    assert str(problems[0].text).startswith(
        "Steps 14 (Abschluss melden), 15 (Absolvent:innen vermitteln) form a cycle with no exit")


def test_a_cycle_with_an_exit_is_fine() -> None:
    digital = parse(catalogue.template("digital-it").data)  # freigabe → umsetzen loops back, or goes on
    assert validate(digital) == []

_KEYS = st.sampled_from(["a", "b", "c", "x"])
_STEP = st.fixed_dictionaries({
    "key": st.sampled_from(["s1", "s2", "s3", "s4", "s5"]), "title": st.text(max_size=40), "actor": _KEYS,
    "handover_to": st.one_of(st.just(""), _KEYS), "deadline": st.text(max_size=12),
    "next": st.lists(st.sampled_from(["s1", "s2", "s3", "end", "zz"]), max_size=2),
    "raci": st.fixed_dictionaries({"r": _KEYS, "c": st.lists(_KEYS, max_size=2)}),
})


@settings(max_examples=60, deadline=None)
@given(actors=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3, unique=True), steps=st.lists(_STEP, max_size=6))
def test_any_step_table_gives_messages_or_valid_views_never_an_error(actors: list[str], steps: list[dict]) -> None:
    process = parse({"actors": [{"key": k, "organisation": f"Org <{k}>"} for k in actors], "steps": steps})
    for problem in validate(process):
        assert str(problem.text)
    text_view(process)
    ET.fromstring(swimlane_svg(process, chart_id="h", title="T", description="D"))  # noqa: S314 - our own output
    ET.fromstring(bpmn_xml(process, name="P & Q").encode("utf-8"))  # noqa: S314 - our own output

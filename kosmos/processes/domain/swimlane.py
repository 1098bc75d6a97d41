"""The swimlane diagram as server-side SVG (pure).

One lane per actor, one box per step (numbered as in the text view), arrows for the flow;
an arrow that crosses lanes is a handover and is drawn thicker in a second colour with its own
arrowhead, so it is visible without colour too. The diagram is never the only carrier of
information: the page shows the text view beside it, and the ``<desc>`` lists every step.
"""

from __future__ import annotations

from kosmos.core.domain.charts.base import (
    SMALL,
    chars_for,
    num,
    safe_id,
    svg_document,
    text,
    text_lines,
    tooltip,
    wrap,
)
from kosmos.core.domain.charts.colours import GRID, MUTED_TEXT, TARGET, TEXT, WHITE
from kosmos.processes.domain.layout import BOX_W, COLUMN, LANE_LABEL, Box, layout
from kosmos.processes.domain.model import END, ProcessData

LANE_FILL = ("#f2f2f2", WHITE)


def _arrow(a: Box, b: Box, *, handover: bool, arrow_id: str, below: float) -> str:
    if b.x > a.x and b.x - a.x <= COLUMN + 1:  # the next column: a straight or elbowed arrow
        x1, y1, x2, y2 = a.x + a.w, a.cy, b.x, b.cy
        mid = (x1 + x2) / 2
        d = f"M{num(x1)},{num(y1)} L{num(mid)},{num(y1)} L{num(mid)},{num(y2)} L{num(x2)},{num(y2)}"
    elif b.x > a.x:  # skipping columns: below the source's boxes, then up or down into the target
        x1, y1, x2, y2 = a.cx, a.y + a.h, b.x, b.cy
        low = y1 + below / 2
        turn = x2 - 10
        d = (f"M{num(x1)},{num(y1)} L{num(x1)},{num(low)} L{num(turn)},{num(low)} L{num(turn)},{num(y2)} "
             f"L{num(x2)},{num(y2)}")
    else:  # back to an earlier step: around below the boxes
        x1, y1, x2, y2 = a.cx, a.y + a.h, b.cx, b.y + b.h
        low = max(y1, y2) + below
        d = f"M{num(x1)},{num(y1)} L{num(x1)},{num(low)} L{num(x2)},{num(low)} L{num(x2)},{num(y2)}"
    colour, width, dash = (TARGET, 3, "") if handover else (TEXT, 1.5, "")
    return (f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}"{dash} '
            f'marker-end="url(#{arrow_id}-{"handover" if handover else "flow"})"/>')


def swimlane_svg(process: ProcessData, *, chart_id: str, title: str, description: str,
                 step_word: str = "Step") -> str:
    chart_id = safe_id(chart_id)
    geo = layout(process)
    body: list[str] = []
    for i, (key, lane) in enumerate(geo.lanes.items()):
        actor = process.actor(key)
        label = actor.label if actor else key
        body.append(f'<rect x="{num(lane.x)}" y="{num(lane.y)}" width="{num(lane.w)}" height="{num(lane.h)}" '
                    f'fill="{LANE_FILL[i % 2]}" stroke="{GRID}"/>')
        body.append(f'<line x1="{num(LANE_LABEL)}" y1="{num(lane.y)}" x2="{num(LANE_LABEL)}" '
                    f'y2="{num(lane.y + lane.h)}" stroke="{GRID}"/>')
        body.append(text_lines(lane.x + 8, lane.y + 22, wrap(label, chars_for(LANE_LABEL - 16, SMALL), 4),
                               size=SMALL, fill=TEXT))
    start, end = geo.start, geo.end
    body.append(f'<circle cx="{num(start.cx)}" cy="{num(start.cy)}" r="{num(start.w / 2)}" fill="{WHITE}" '
                f'stroke="{TEXT}" stroke-width="1.5"/>')
    body.append(f'<circle cx="{num(end.cx)}" cy="{num(end.cy)}" r="{num(end.w / 2)}" fill="{WHITE}" '
                f'stroke="{TEXT}" stroke-width="4"/>')
    arrows: list[str] = []
    if process.steps:
        first = geo.steps[process.steps[0].key]
        arrows.append(_arrow(start, first, handover=False, arrow_id=chart_id, below=0))
    for index, step in enumerate(process.steps):
        here = geo.steps[step.key]
        for n, target in enumerate(process.successors(index)):
            if target == END:
                arrows.append(_arrow(here, end, handover=False, arrow_id=chart_id, below=12 + 6 * n))
            elif target in geo.steps:
                other = process.steps[process.number(target) - 1]  # type: ignore[operator]
                arrows.append(_arrow(here, geo.steps[target], handover=other.actor != step.actor,
                                     arrow_id=chart_id, below=12 + 6 * n))
    body.extend(arrows)
    for number, step in enumerate(process.steps, start=1):
        box = geo.steps[step.key]
        body.append(f'<g>{tooltip(f"{step_word} {number}: {step.title}")}'
                    f'<rect x="{num(box.x)}" y="{num(box.y)}" width="{num(box.w)}" height="{num(box.h)}" rx="8" '
                    f'fill="{WHITE}" stroke="{TEXT}" stroke-width="1.5"/>'
                    + text(box.x + 8, box.y + 16, str(number), size=SMALL, fill=MUTED_TEXT, bold=True)
                    + text_lines(box.x + 8, box.y + 32, wrap(step.title, chars_for(BOX_W - 16, SMALL), 3), size=SMALL)
                    + "</g>")
    summary = "; ".join(
        f"{number}. {step.title} ({(process.actor(step.actor).label if process.actor(step.actor) else step.actor)})"
        for number, step in enumerate(process.steps, start=1)
    )
    defs = [
        f'<marker id="{chart_id}-flow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{TEXT}"/></marker>',
        f'<marker id="{chart_id}-handover" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="5" markerHeight="5" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 L4,5 z" fill="{TARGET}"/></marker>',
    ]
    return svg_document(chart_id, title, f"{description} {summary}".strip(), geo.width, geo.height,
                        body, css_class="process-swimlane", defs=defs)

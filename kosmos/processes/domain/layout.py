"""Where the swimlane diagram and the BPMN export place lanes and steps (pure).

One lane per actor (in the order of the map's actors), one column per step (in step order), so
the reading order of the diagram is the order of the text view.
"""

from __future__ import annotations

from dataclasses import dataclass

from kosmos.processes.domain.model import ProcessData

LANE_LABEL = 170  # width of the lane heading
LANE_HEIGHT = 110
COLUMN = 170
BOX_W = 140
BOX_H = 70
MARGIN = 10
EVENT = 36  # diameter of the start and end events


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True, slots=True)
class Layout:
    width: float
    height: float
    lanes: dict[str, Box]
    steps: dict[str, Box]
    start: Box
    end: Box


def layout(process: ProcessData) -> Layout:
    lane_keys = [a.key for a in process.actors]
    for step in process.steps:  # an unknown actor still gets a lane, so nothing is hidden
        if step.actor not in lane_keys:
            lane_keys.append(step.actor)
    columns = len(process.steps) + 2
    width = LANE_LABEL + columns * COLUMN + MARGIN
    height = max(1, len(lane_keys)) * LANE_HEIGHT + 2 * MARGIN
    lanes = {
        key: Box(MARGIN, MARGIN + i * LANE_HEIGHT, width - 2 * MARGIN, LANE_HEIGHT) for i, key in enumerate(lane_keys)
    }
    steps = {}
    for i, step in enumerate(process.steps, start=1):
        lane = lanes[step.actor]
        steps[step.key] = Box(LANE_LABEL + i * COLUMN + (COLUMN - BOX_W) / 2, lane.y + (LANE_HEIGHT - BOX_H) / 2,
                              BOX_W, BOX_H)
    first_lane = lanes[process.steps[0].actor] if process.steps else next(iter(lanes.values()), Box(0, 0, 0, 0))
    last_lane = lanes[process.steps[-1].actor] if process.steps else first_lane
    start = Box(LANE_LABEL + (COLUMN - EVENT) / 2, first_lane.y + (LANE_HEIGHT - EVENT) / 2, EVENT, EVENT)
    end = Box(LANE_LABEL + (columns - 1) * COLUMN + (COLUMN - EVENT) / 2, last_lane.y + (LANE_HEIGHT - EVENT) / 2,
              EVENT, EVENT)
    return Layout(width, height, lanes, steps, start, end)

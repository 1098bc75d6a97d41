"""Checks of a step table, with messages that name the step (pure).

- every actor named by a step (actor, handover, RACI) belongs to the map;
- every following step exists;
- every deadline has the expected form: "unverzüglich", "sofort", or a number and a unit
  ("5 Arbeitstage", "innerhalb von 2 Wochen", "1 Monat");
- the process can end from every step it reaches (a cycle with no exit is an error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kosmos.core.domain.i18n import Message, gettext_noop, message
from kosmos.processes.domain.model import END, ProcessData, Step

DEADLINE = re.compile(
    r"^(?:unverzüglich|sofort|(?:(?:innerhalb|binnen) (?:von )?)?\d{1,3} "
    r"(?:Arbeitstage?n?|Werktage?n?|Kalendertage?n?|Tage?n?|Wochen?|Monate?n?))$",
    re.IGNORECASE,
)
DEADLINE_EXAMPLE = "5 Arbeitstage, innerhalb von 2 Wochen, unverzüglich"


@dataclass(frozen=True, slots=True)
class Problem:
    step_key: str  # "" for a problem of the whole map
    field: str
    text: Message


def deadline_ok(deadline: str) -> bool:
    return not deadline or bool(DEADLINE.match(" ".join(deadline.split())))


def _name(process: ProcessData, step: Step) -> str:
    return f"{process.number(step.key)} ({step.title})"


def validate(process: ProcessData) -> list[Problem]:
    problems: list[Problem] = []
    actor_keys = {a.key for a in process.actors}
    step_keys = {s.key for s in process.steps}
    for step in process.steps:
        name = _name(process, step)
        if not step.title:
            problems.append(Problem(step.key, "title", message(gettext_noop("Step %(step)s: please name the step."),
                                                               step=name)))
        if step.actor not in actor_keys:
            problems.append(Problem(step.key, "actor", message(
                gettext_noop("Step %(step)s: please choose who does it from the actors of this map."), step=name)))
        if step.handover_to and step.handover_to not in actor_keys:
            problems.append(Problem(step.key, "handover_to", message(
                gettext_noop("Step %(step)s hands over to “%(actor)s”, who is not an actor of this map. "
                             "Please add the actor or choose another one."), step=name, actor=step.handover_to)))
        for key in step.raci.actor_keys():
            if key not in actor_keys:
                problems.append(Problem(step.key, "raci", message(
                    gettext_noop("Step %(step)s: the responsibility (RACI) names “%(actor)s”, who is not an actor "
                                 "of this map."), step=name, actor=key)))
        if not deadline_ok(step.deadline):
            problems.append(Problem(step.key, "deadline", message(
                gettext_noop("Step %(step)s: the deadline “%(deadline)s” has not the expected form "
                             "(for example: %(example)s)."), step=name, deadline=step.deadline,
                example=DEADLINE_EXAMPLE)))
        for key in step.next:
            if key != END and key not in step_keys:
                problems.append(Problem(step.key, "next", message(
                    gettext_noop("Step %(step)s continues with a step that does not exist."), step=name)))
    problems.extend(_cycles(process))
    return problems


def _cycles(process: ProcessData) -> list[Problem]:
    """Steps reached from the start from which the end can never be reached."""
    if not process.steps:
        return []
    index = {s.key: i for i, s in enumerate(process.steps)}
    edges = {
        s.key: [k for k in process.successors(i) if k == END or k in index] for i, s in enumerate(process.steps)
    }
    reached: set[str] = set()
    todo = [process.steps[0].key]
    while todo:
        key = todo.pop()
        if key in reached or key == END:
            continue
        reached.add(key)
        todo.extend(edges[key])
    can_end = {k for k, targets in edges.items() if END in targets}
    changed = True
    while changed:
        changed = False
        for key, targets in edges.items():
            if key not in can_end and any(t in can_end for t in targets):
                can_end.add(key)
                changed = True
    stuck_keys = {s.key for s in process.steps if s.key in reached and s.key not in can_end}
    if not stuck_keys:
        return []
    # Name the steps of the cycle itself (those that come back to themselves), not the ones leading into it.
    in_cycle = {key for key in stuck_keys if _returns(key, edges, stuck_keys)}
    stuck = [s for s in process.steps if s.key in (in_cycle or stuck_keys)]
    names = [_name(process, s) for s in stuck]
    return [Problem(stuck[0].key, "next", message(
        gettext_noop("Steps %(steps)s form a cycle with no exit: the process can never end there. "
                     "Please let one of them continue to a later step or to the end."), steps=names))]


def _returns(start: str, edges: dict[str, list[str]], within: set[str]) -> bool:
    seen: set[str] = set()
    todo = [t for t in edges[start] if t in within]
    while todo:
        key = todo.pop()
        if key == start:
            return True
        if key in seen:
            continue
        seen.add(key)
        todo.extend(t for t in edges[key] if t in within)
    return False

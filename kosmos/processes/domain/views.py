"""Generated from the step table: the text view, the RACI matrix and the case checklist (pure).

The text view is the accessible source of truth on every page: numbered steps, who does what,
and every handover stated in words. The swimlane diagram (``swimlane``) and the BPMN export
(``bpmn``) are drawn from the same ``ProcessData``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kosmos.core.domain.i18n import Message, gettext_noop, message
from kosmos.processes.domain.model import END, Actor, Contact, ProcessData, Step


@dataclass(frozen=True, slots=True)
class TextStep:
    number: int
    step: Step
    actor: str
    handover: Message | None
    continues: Message


def _actor_label(process: ProcessData, key: str) -> str:
    actor = process.actor(key)
    return actor.label if actor else key


def _continues(process: ProcessData, index: int) -> Message:
    targets = process.successors(index)
    if targets == (END,):
        return message(gettext_noop("The process ends here."))
    numbers = []
    for key in targets:
        if key == END:
            numbers.append("–")
            continue
        number = process.number(key)
        if number is not None:
            step = process.steps[number - 1]
            numbers.append(f"{number} ({step.title})")
    if END in targets:
        return message(gettext_noop("Continues with step %(steps)s or ends here."),
                       steps=[n for n in numbers if n != "–"])
    return message(gettext_noop("Continues with step %(steps)s."), steps=numbers)


def text_view(process: ProcessData) -> list[TextStep]:
    result = []
    for index, step in enumerate(process.steps):
        handover = None
        if step.handover_to:
            handover = message(
                gettext_noop("Handover: %(from)s hands over to %(to)s%(what)s%(deadline)s."),
                **{
                    "from": _actor_label(process, step.actor),
                    "to": _actor_label(process, step.handover_to),
                    "what": f" ({step.output})" if step.output else "",
                    "deadline": f", {step.deadline}" if step.deadline else "",
                },
            )
        result.append(TextStep(index + 1, step, _actor_label(process, step.actor), handover,
                               _continues(process, index)))
    return result


@dataclass(frozen=True, slots=True)
class RaciMatrix:
    actors: tuple[Actor, ...]
    rows: tuple[tuple[int, str, tuple[tuple[str, str], ...]], ...]  # (number, title, (actor label, letters)…)


def raci_matrix(process: ProcessData) -> RaciMatrix:
    return RaciMatrix(
        actors=process.actors,
        rows=tuple(
            (i, step.title, tuple((actor.label, step.raci.letters_for(actor.key)) for actor in process.actors))
            for i, step in enumerate(process.steps, start=1)
        ),
    )


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    number: int
    title: str
    actor: str
    what: str
    deadline: str
    handover_to: str
    output: str
    contacts: tuple[Contact, ...] = ()


def checklist(process: ProcessData) -> list[ChecklistItem]:
    """One box to tick per step; nothing about a customer is asked or stored."""
    return [
        ChecklistItem(
            number=i,
            title=step.title,
            actor=_actor_label(process, step.actor),
            what=step.what,
            deadline=step.deadline,
            handover_to=_actor_label(process, step.handover_to) if step.handover_to else "",
            output=step.output,
            contacts=step.contacts,
        )
        for i, step in enumerate(process.steps, start=1)
    ]


def friction_points(process: ProcessData) -> list[tuple[int, Step]]:
    return [(i, s) for i, s in enumerate(process.steps, start=1) if s.friction]

"""The step table of a process map as plain data (pure).

A version of a process map is stored as one JSON document::

    {"actors": [{"key", "organisation", "unit", "kind"}],
     "steps": [{"key", "title", "actor", "what", "legal_basis", "input", "output", "handover_to",
                "deadline", "next", "raci": {"r", "a", "c", "i"}, "notes", "open_questions",
                "friction", "deviation", "contacts": [{"name", "function", "phone"}]}]}

``next`` lists the keys of the steps that follow; empty means "the step below" (or the end after
the last step); ``END`` ends the process there. Step numbers are positions (1, 2, …) and never
stored, so reordering never leaves a dangling number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

END = "end"
ACTOR_KINDS = ("jobcenter", "agency", "provider", "customer", "it", "other")


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    function: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Actor:
    key: str
    organisation: str
    unit: str = ""
    kind: str = "other"

    @property
    def label(self) -> str:
        return f"{self.organisation} – {self.unit}" if self.unit else self.organisation


@dataclass(frozen=True, slots=True)
class Raci:
    responsible: str = ""
    accountable: str = ""
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()

    def letters_for(self, actor_key: str) -> str:
        letters = []
        if self.responsible == actor_key:
            letters.append("R")
        if self.accountable == actor_key:
            letters.append("A")
        if actor_key in self.consulted:
            letters.append("C")
        if actor_key in self.informed:
            letters.append("I")
        return "/".join(letters)

    def actor_keys(self) -> tuple[str, ...]:
        keys = [k for k in (self.responsible, self.accountable) if k]
        return tuple(dict.fromkeys([*keys, *self.consulted, *self.informed]))


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    title: str
    actor: str
    what: str = ""
    legal_basis: str = ""
    input: str = ""
    output: str = ""
    handover_to: str = ""
    deadline: str = ""
    next: tuple[str, ...] = ()
    raci: Raci = field(default_factory=Raci)
    notes: str = ""
    open_questions: str = ""
    friction: str = ""
    deviation: str = ""
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True, slots=True)
class ProcessData:
    actors: tuple[Actor, ...] = ()
    steps: tuple[Step, ...] = ()

    def actor(self, key: str) -> Actor | None:
        return next((a for a in self.actors if a.key == key), None)

    def number(self, step_key: str) -> int | None:
        """The step's position, 1-based."""
        return next((i for i, s in enumerate(self.steps, start=1) if s.key == step_key), None)

    def successors(self, index: int) -> tuple[str, ...]:
        """Keys of the steps after ``steps[index]`` (``END`` for the end of the process)."""
        step = self.steps[index]
        if step.next:
            return step.next
        return (self.steps[index + 1].key,) if index + 1 < len(self.steps) else (END,)


def _text(value: Any) -> str:
    return str(value or "").strip()


def _keys(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    return tuple(k for k in (_text(v) for v in (value or ())) if k)


def parse(data: Mapping[str, Any] | None) -> ProcessData:
    """The stored JSON document as ``ProcessData`` (missing fields are empty)."""
    data = data or {}
    actors = tuple(
        Actor(
            key=_text(a.get("key")),
            organisation=_text(a.get("organisation")),
            unit=_text(a.get("unit")),
            kind=_text(a.get("kind")) if _text(a.get("kind")) in ACTOR_KINDS else "other",
        )
        for a in data.get("actors", ())
    )
    steps = []
    used: set[str] = set()
    for position, s in enumerate(data.get("steps", ()), start=1):
        raci = s.get("raci") or {}
        key = _text(s.get("key")) or f"step-{position}"
        if key in used or key == END:  # keys are unique within a version; a stray duplicate gets its own
            key = f"{key}-{position}"
        used.add(key)
        steps.append(
            Step(
                key=key,
                title=_text(s.get("title")),
                actor=_text(s.get("actor")),
                what=_text(s.get("what")),
                legal_basis=_text(s.get("legal_basis")),
                input=_text(s.get("input")),
                output=_text(s.get("output")),
                handover_to=_text(s.get("handover_to")),
                deadline=_text(s.get("deadline")),
                next=_keys(s.get("next")),
                raci=Raci(
                    responsible=_text(raci.get("r")),
                    accountable=_text(raci.get("a")),
                    consulted=_keys(raci.get("c")),
                    informed=_keys(raci.get("i")),
                ),
                notes=_text(s.get("notes")),
                open_questions=_text(s.get("open_questions")),
                friction=_text(s.get("friction")),
                deviation=_text(s.get("deviation")),
                contacts=tuple(
                    Contact(name=_text(c.get("name")), function=_text(c.get("function")), phone=_text(c.get("phone")))
                    for c in s.get("contacts", ())
                    if _text(c.get("name"))
                ),
            )
        )
    return ProcessData(actors=actors, steps=tuple(steps))


def dump(process: ProcessData) -> dict[str, Any]:
    """``ProcessData`` as the JSON document that is stored."""
    return {
        "actors": [{"key": a.key, "organisation": a.organisation, "unit": a.unit, "kind": a.kind} for a in process.actors],
        "steps": [
            {
                "key": s.key,
                "title": s.title,
                "actor": s.actor,
                "what": s.what,
                "legal_basis": s.legal_basis,
                "input": s.input,
                "output": s.output,
                "handover_to": s.handover_to,
                "deadline": s.deadline,
                "next": list(s.next),
                "raci": {"r": s.raci.responsible, "a": s.raci.accountable, "c": list(s.raci.consulted),
                         "i": list(s.raci.informed)},
                "notes": s.notes,
                "open_questions": s.open_questions,
                "friction": s.friction,
                "deviation": s.deviation,
                "contacts": [{"name": c.name, "function": c.function, "phone": c.phone} for c in s.contacts],
            }
            for s in process.steps
        ],
    }

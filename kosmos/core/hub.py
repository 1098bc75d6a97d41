"""The improvement hub: how a finding of any module becomes an action field or project.

Two directions, both through this small interface so that no module imports another:

- A module that produces findings (a self-assessment's improvement potentials, a survey
  result, a maturity-check gap, a working-group decision, a process friction point) declares
  a *finding source* in its ``Module`` declaration: given an organisation and the public id of
  the thing that holds the findings, it returns a ``FindingCollection`` (plain data).
- The module that follows findings up (improvement) declares a *follow-up provider*: given
  the source and its id, it returns what became of it (``FollowUps``, plain data), so that a
  report can show its improvement section without importing the improvement models.

Sources are named ``app_label.model`` of the object that holds the findings, e.g.
``assessments.assessment``. Nothing here is stored: the follow-up module keeps a snapshot of
the finding texts it took over, so a deleted source never empties an action field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from kosmos.core.models import Organisation


@dataclass(frozen=True)
class FindingRef:
    """One finding as the hub passes it on."""

    id: str  # the finding's public id within its source
    text: str
    topic_key: str = ""  # a stable grouping key, e.g. the EFQM criterion code
    topic: str = ""  # the grouping's German label, e.g. "3 Mitarbeitende"


@dataclass(frozen=True)
class FindingCollection:
    """The findings held by one source object (e.g. one self-assessment)."""

    source: str  # app_label.model of the source object
    source_id: str  # its public id
    title: str  # German, e.g. the assessment's title
    url: str = ""  # the source page, for a link back
    findings: tuple[FindingRef, ...] = ()
    # Topics an action field from this source may be filed under: (key, label).
    topics: tuple[tuple[str, str], ...] = ()

    def finding(self, finding_id: str) -> FindingRef | None:
        return next((f for f in self.findings if f.id == finding_id), None)


@dataclass(frozen=True)
class FollowUpItem:
    """An action field or improvement project, as a report shows it (German labels)."""

    title: str
    status: str
    goal: str = ""
    owner: str = ""
    due_date: dt.date | None = None
    topic_key: str = ""
    impact: str = ""
    effort: str = ""
    url: str = ""
    milestones: tuple[tuple[str, bool], ...] = ()  # (title, done)

    @property
    def milestones_done(self) -> int:
        return sum(1 for _, done in self.milestones if done)


@dataclass(frozen=True)
class FollowUps:
    """What became of a source's findings."""

    action_fields: tuple[FollowUpItem, ...] = ()
    projects: tuple[FollowUpItem, ...] = ()
    # finding id → titles of the action fields that took it up
    taken_up: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.action_fields and not self.projects


@dataclass(frozen=True)
class FindingSource:
    """A kind of object that holds findings, as a module declares it.

    ``available(organisation)`` lists (public id, title) of the organisation's objects that hold
    findings, newest first; ``load(organisation, public_id)`` returns their findings.
    """

    label: str | Promise  # German name of the kind, e.g. "Selbstbewertung"
    available: Callable[[Organisation], list[tuple[str, str]]]
    load: Callable[[Organisation, str], FindingCollection | None]


FollowUpProvider = Callable[["Organisation", str, Iterable[str]], FollowUps]


class HubError(LookupError):
    """An unknown finding source."""


def _modules():  # noqa: ANN202
    from kosmos.core.modules import modules

    return modules()


def finding_sources() -> dict[str, FindingSource]:
    sources: dict[str, FindingSource] = {}
    for module in _modules():
        sources.update(module.finding_sources)
    return sources


def collection(organisation: Organisation, source: str, source_id: str) -> FindingCollection | None:
    """The findings of one source object of the organisation, or None when it does not exist."""
    declared = finding_sources().get(source)
    if declared is None:
        raise HubError(source)
    return declared.load(organisation, source_id)


def available_collections(organisation: Organisation) -> list[tuple[str, str, str, str]]:
    """Every source object of the organisation that holds findings:
    (source, public id, title, German label of the kind)."""
    return [
        (source, public_id, title, str(declared.label))
        for source, declared in finding_sources().items()
        for public_id, title in declared.available(organisation)
    ]


def follow_ups(organisation: Organisation, source: str, source_ids: Iterable[str]) -> FollowUps:
    """What the follow-up module made of the findings of these source objects."""
    ids = [str(i) for i in source_ids]
    for module in _modules():
        if module.follow_up_provider is not None:
            return module.follow_up_provider(organisation, source, ids)
    return FollowUps()

"""The results report of a call: assembled from the call, the selection, the workshops, the
project profiles (``kosmos.practice.selectors``) and the office's narrative sections.

One assembly (``report_data``) feeds the page, the PDF (WeasyPrint: the h2/h3 headings become
the PDF's bookmarks, the table of contents links to them with page numbers) and the DOCX
(python-docx: Word headings 1 and 2 make the navigation pane). The number of queries does not
grow with the number of profiles.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core import documents
from kosmos.core.i18n import translate
from kosmos.practice import selectors as practice
from kosmos.practice.models import Profile
from kosmos.programme.domain import report_outline as outline_rules
from kosmos.programme.domain.report_outline import Entry, ProfileRef, TopicField
from kosmos.programme.models import Application, ApplicationState, Call, Decision, Event, RegistrationStatus

REPORT_CSS = Path(__file__).resolve().parent / "static" / "programme" / "report_pdf.css"


@dataclass
class Heading:
    """An outline entry, translated, with the narrative text of its slot."""

    entry: Entry
    title: str
    text: str = ""
    blocks: list = field(default_factory=list)  # the profiles shown below it (examples, a profile)

    @property
    def tag(self) -> str:
        return self.entry.heading_tag


@dataclass
class ProfileBlock:
    profile: Profile
    anchor: str
    number: str
    topic_title: str
    milestones: list = field(default_factory=list)
    materials: list = field(default_factory=list)


@dataclass
class CourseFacts:
    applications: int
    states: int
    applications_ge: int
    applications_zkt: int
    selected: int
    selected_ge: int
    selected_zkt: int
    institutions: list[str]


@dataclass
class ReportData:
    call: Call
    headings: list[Heading]
    facts: CourseFacts
    selected: list[Application]
    events: list[Event]
    profiles: list[ProfileBlock]
    examples: dict[str, list[ProfileBlock]]
    generated_at: Any
    missing_profiles: list[Application]

    @property
    def toc(self) -> list[tuple[Heading, list[Heading]]]:
        """Chapters with their sections, for the table of contents."""
        tree: list[tuple[Heading, list[Heading]]] = []
        for heading in self.headings:
            if heading.entry.level == 1:
                tree.append((heading, []))
            elif tree:
                tree[-1][1].append(heading)
        return tree


def topic_key(topic_id: int | None) -> str:
    return f"t{topic_id}" if topic_id is not None else "other"


def _selected(call: Call) -> list[Application]:
    return list(call.applications.filter(decision=Decision.ACCEPTED).select_related("organisation", "topic")
                .order_by("topic__position", "organisation__name"))


def _facts(call: Call, selected: list[Application]) -> CourseFacts:
    submitted = call.applications.filter(state=ApplicationState.SUBMITTED)
    counts = submitted.aggregate(
        total=Count("id"), states=Count("organisation__state", distinct=True, filter=~Q(organisation__state="")),
        ge=Count("id", filter=Q(organisation__form="ge")), zkt=Count("id", filter=Q(organisation__form="zkt")),
    )
    forms = Counter(a.organisation.form for a in selected)
    institutions = sorted({m.get_institution_display() for m in call.committee.all()})
    return CourseFacts(counts["total"], counts["states"], counts["ge"], counts["zkt"], len(selected),
                       forms["ge"], forms["zkt"], institutions)


def _events(call: Call, selected: list[Application]) -> list[Event]:
    chosen = [a.organisation_id for a in selected]
    registered = Q(registrations__status=RegistrationStatus.REGISTERED)
    return list(call.events.annotate(
        participant_count=Count("registrations", filter=registered),
        organisation_count=Count("registrations__organisation", filter=registered, distinct=True),
        guest_organisation_count=Count("registrations__organisation", distinct=True,
                                       filter=registered & ~Q(registrations__organisation_id__in=chosen)),
    ).order_by("starts_at"))


def _profiles(call: Call, selected: list[Application]) -> list[Profile]:
    linked = [a.profile_id for a in selected if a.profile_id]
    return list(practice.profiles_for_report().filter(Q(id__in=linked) | Q(programme_key=str(call.public_id))))


def report_data(call: Call) -> ReportData:
    selected = _selected(call)
    topics = list(call.topics.order_by("position", "id"))
    profiles = _profiles(call, selected)
    by_profile = {a.profile_id: topic_key(a.topic_id) for a in selected if a.profile_id}
    by_organisation = {a.organisation_id: topic_key(a.topic_id) for a in selected}
    topic_of_profile = {p.id: by_profile.get(p.id) or by_organisation.get(p.organisation_id, "other")
                        for p in profiles}
    fields = [TopicField(topic_key(t.id), t.name) for t in topics]
    known = {f.key for f in fields}
    if any(topic_of_profile.get(p.id, "other") not in known for p in profiles):
        fields.append(TopicField("other", _("Further projects")))
    titles = {f.key: f.title for f in fields}
    order = {f.key: i for i, f in enumerate(fields)}
    profiles.sort(key=lambda p: (order[topic_of_profile.get(p.id, "other")], p.organisation.name, p.title))
    refs = [ProfileRef(str(p.public_id), p.organisation.name, topic_of_profile.get(p.id, "other")) for p in profiles]
    entries = outline_rules.build_outline(fields, refs)
    texts = dict(call.report_sections.values_list("key", "body"))
    headings = [Heading(e, e.title if e.kind == "profile" else translate(e.title),
                        texts.get(e.slot, "") if e.slot else "") for e in entries]
    numbers = {e.ref: e for e in entries if e.kind == "profile"}
    blocks = []
    for profile, ref in zip(profiles, refs, strict=True):
        entry = numbers[ref.id]
        blocks.append(ProfileBlock(profile, entry.anchor, entry.number, titles[ref.topic_key],
                                   list(profile.milestones.all()), list(profile.materials.all())))
    examples: dict[str, list[ProfileBlock]] = {}
    for block, ref in zip(blocks, refs, strict=True):
        examples.setdefault(ref.topic_key, []).append(block)
    by_anchor = {block.anchor: block for block in blocks}
    for heading in headings:
        if heading.entry.kind == "examples":
            heading.blocks = examples.get(heading.entry.ref or "", [])
        elif heading.entry.kind == "profile":
            heading.blocks = [by_anchor[heading.entry.anchor]]
    return ReportData(
        call=call, headings=headings, facts=_facts(call, selected), selected=selected,
        events=_events(call, selected), profiles=blocks, examples=examples, generated_at=timezone.now(),
        missing_profiles=[a for a in selected if a.organisation_id not in {p.organisation_id for p in profiles}],
    )


def report_context(call: Call) -> dict:
    data = report_data(call)
    return {"report": data, "call": call}


def render_html(call: Call) -> str:
    """The report's HTML without PDF conversion (the benchmark's peer)."""
    from django.template.loader import render_to_string

    return render_to_string("programme/report_pdf.html", report_context(call))


def render_pdf(call: Call) -> bytes:
    return documents.render_pdf("programme/report_pdf.html", report_context(call), stylesheets=[REPORT_CSS])


def filename(call: Call, suffix: str) -> str:
    return f"{_('Results report')} {call.title}.{suffix}"

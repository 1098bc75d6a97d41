"""Reads of the knowledge base, scoped to the reading organisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from kosmos.core import sharing
from kosmos.core.models import Organisation
from kosmos.core.models.audit import AuditEvent
from kosmos.knowledge.models import Category, Entry, NetworkMeeting, Partner, PartnerContact


def visible_entries(organisation: Organisation, user: Any) -> QuerySet[Entry]:
    """Own entries and those other organisations share with this one (one query)."""
    return sharing.visible_to(Entry.objects.all(), user=user, organisation=organisation)


def own_entry_or_404(organisation: Organisation, entry_id: Any) -> Entry:
    entry = (Entry.objects.select_related("category", "partner", "responsible", "last_checked_by")
             .filter(organisation=organisation, public_id=entry_id).first())
    if entry is None:
        raise Http404
    return entry


def entry_by_code_or_404(organisation: Organisation, user: Any, code: str) -> Entry:
    """An entry by its short code, own or shared with the organisation; 404 otherwise."""
    entry = (visible_entries(organisation, user)
             .select_related("organisation", "category", "partner", "responsible", "last_checked_by")
             .filter(short_code=code).first())
    if entry is None:
        raise Http404
    return entry


@dataclass
class Version:
    event: AuditEvent
    label: str
    changes: list[tuple[str, Any, Any]]


def _field_label(name: str) -> str:
    try:
        return str(Entry._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - not a field (e.g. "origin"): the name itself
        return name


def entry_history(entry: Entry) -> list[Version]:
    """The version history of an entry: its audit events (each with the changed fields, labelled),
    newest first."""
    from kosmos.core.audit_labels import action_label

    events = AuditEvent.objects.filter(organisation=entry.organisation, object_type="knowledge.entry",
                                       object_id=str(entry.public_id)).order_by("-created_at", "-id")[:50]
    return [Version(e, action_label(e.action),
                    [(_field_label(k), v[0], v[1]) for k, v in e.changes.items() if isinstance(v, list) and len(v) == 2])
            for e in events]


def categories(organisation: Organisation) -> list[Category]:
    """The organisation's category tree in display order, each with ``depth`` and ``entry_count``."""
    rows = list(Category.objects.filter(organisation=organisation).annotate(entry_count=Count("entries"))
                .prefetch_related("shared_with").order_by("topic", "name"))
    children: dict[int | None, list[Category]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    ordered: list[Category] = []

    def walk(parent: int | None, depth: int) -> None:
        for row in children.get(parent, []):
            row.depth = depth  # type: ignore[attr-defined]
            ordered.append(row)
            walk(row.pk, depth + 1)

    walk(None, 0)
    return ordered


def own_category_or_404(organisation: Organisation, category_id: Any) -> Category:
    category = Category.objects.filter(organisation=organisation, public_id=category_id).first()
    if category is None:
        raise Http404
    return category


def shared_categories(organisation: Organisation) -> QuerySet[Category]:
    return (sharing.shared_with(Category.objects.all(), organisation).select_related("organisation")
            .annotate(entry_count=Count("entries")).order_by("organisation__name", "name"))


def partners(organisation: Organisation) -> QuerySet[Partner]:
    return (Partner.objects.filter(organisation=organisation)
            .annotate(entry_count=Count("entries", distinct=True), contact_count=Count("contacts", distinct=True))
            .order_by("name"))


def own_partner_or_404(organisation: Organisation, partner_id: Any) -> Partner:
    partner = Partner.objects.filter(organisation=organisation, public_id=partner_id).first()
    if partner is None:
        raise Http404
    return partner


def own_contact_or_404(organisation: Organisation, contact_id: Any) -> PartnerContact:
    contact = (PartnerContact.objects.select_related("partner")
               .filter(partner__organisation=organisation, public_id=contact_id).first())
    if contact is None:
        raise Http404
    return contact


def meetings(organisation: Organisation) -> QuerySet[NetworkMeeting]:
    return (NetworkMeeting.objects.filter(organisation=organisation).select_related("working_group")
            .prefetch_related("partners").order_by("-date"))


def own_meeting_or_404(organisation: Organisation, meeting_id: Any) -> NetworkMeeting:
    meeting = (NetworkMeeting.objects.select_related("working_group")
               .filter(organisation=organisation, public_id=meeting_id).first())
    if meeting is None:
        raise Http404
    return meeting


# Review queue and freshness ----------------------------------------------------------------------

def review_queue(organisation: Organisation, today: dt.date | None = None) -> QuerySet[Entry]:
    """Own entries past their review date (or never given one), oldest first."""
    today = today or timezone.localdate()
    return (Entry.objects.filter(organisation=organisation)
            .filter(Q(review_due__lt=today) | Q(review_due__isnull=True))
            .select_related("responsible", "last_checked_by", "category")
            .order_by("review_due", "title"))


def entries_due_for_reminder(today: dt.date | None = None, *, every_days: int = 7) -> QuerySet[Entry]:
    """Overdue entries with a person responsible who was not reminded in the last ``every_days``."""
    today = today or timezone.localdate()
    recent = timezone.now() - dt.timedelta(days=every_days)
    return (Entry.objects.filter(review_due__lt=today, responsible__isnull=False, responsible__is_active=True)
            .filter(Q(review_reminded_at__isnull=True) | Q(review_reminded_at__lt=recent))
            .select_related("organisation", "responsible").order_by("responsible_id", "review_due"))


@dataclass
class Freshness:
    total: int = 0
    overdue: int = 0
    checked_last_year: int = 0
    without_responsible: int = 0
    shared: int = 0
    topics: list[tuple[str, str, int]] = field(default_factory=list)  # (code, label, entries)

    @property
    def checked_share(self) -> float | None:
        return self.checked_last_year / self.total if self.total else None


def freshness(organisation: Organisation, today: dt.date | None = None) -> Freshness:
    """Freshness and topic coverage of the organisation's own entries (two queries)."""
    from kosmos.knowledge.models import Topic

    today = today or timezone.localdate()
    year_ago = timezone.now() - dt.timedelta(days=365)
    own = Entry.objects.filter(organisation=organisation)
    figures = own.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(review_due__lt=today) | Q(review_due__isnull=True)),
        checked=Count("pk", filter=Q(last_checked_at__gte=year_ago)),
        without=Count("pk", filter=Q(responsible__isnull=True)),
        shared=Count("pk", filter=~Q(visibility="own")),
    )
    per_topic = dict(own.values_list("topic").annotate(n=Count("pk")).order_by())
    return Freshness(
        total=figures["total"], overdue=figures["overdue"], checked_last_year=figures["checked"],
        without_responsible=figures["without"], shared=figures["shared"],
        topics=[(code, str(label), per_topic.get(code, 0)) for code, label in Topic.choices],
    )


# Network -----------------------------------------------------------------------------------------

def network_matrix(organisation: Organisation) -> dict[tuple[str, str], int]:
    """Entries run by partners, counted by partner type and topic (one query)."""
    rows = (Entry.objects.filter(organisation=organisation, partner__isnull=False)
            .values_list("partner__kind", "topic").annotate(n=Count("pk")).order_by())
    return {(kind, topic): n for kind, topic, n in rows}

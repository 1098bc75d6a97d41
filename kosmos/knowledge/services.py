"""Every write of the knowledge base: ``do_*`` functions (acting user, one transaction, audit log).

The audit events of an entry (``update_fields`` records only changed fields) are its version
history, shown on the entry page (``selectors.entry_history``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core import sharing
from kosmos.core.audit import about, log_created, log_deleted, log_event, update_fields
from kosmos.core.models import Organisation, User
from kosmos.knowledge.models import (
    Category,
    Entry,
    Language,
    NetworkMeeting,
    Partner,
    PartnerContact,
    TargetGroup,
    codes_field_value,
)

REVIEW_INTERVAL_DAYS = 365

ENTRY_FIELDS = [
    "topic", "category", "partner", "title", "summary", "description", "conversation_tips", "sources", "tags",
    "target_groups", "languages", "free_of_charge", "costs", "referral", "accessible", "accessibility",
    "address", "postcode", "place", "contact_role", "contact_phone", "contact_email", "website",
    "opening_hours", "valid_from", "valid_until", "responsible", "review_due",
]
CATEGORY_FIELDS = ["topic", "parent", "name", "description"]
PARTNER_FIELDS = ["name", "kind", "description", "address", "postcode", "place", "website", "phone", "email"]
MEETING_FIELDS = ["title", "date", "place", "topic", "working_group", "agenda", "results"]
POSTCODE = re.compile(r"^\d{5}$")


def geo_for(postcode: str) -> tuple[float | None, float | None]:
    """The centroid of a German postcode (K2's offline table), or (None, None) when unknown."""
    if not postcode:
        return None, None
    try:
        from kosmos.knowledge.domain import geo
    except ImportError:  # the postcode table is not installed
        return None, None
    point = geo.centroid(postcode)
    return (point[0], point[1]) if point else (None, None)


def _member(organisation: Organisation, user: User | None, field: str) -> None:
    if user is not None and not user.memberships.filter(organisation=organisation).exists():
        raise ValidationError({field: _("This person is not a member of the organisation.")})


def _own(organisation: Organisation, obj: Any, field: str) -> None:
    if obj is not None and obj.organisation_id != organisation.pk:
        raise ValidationError({field: _("Please choose one of your organisation's entries.")})


def _entry_values(organisation: Organisation, data: Mapping[str, Any]) -> dict[str, Any]:
    values = {k: data[k] for k in ENTRY_FIELDS if k in data}
    for key, choices in (("target_groups", TargetGroup.values), ("languages", Language.values)):
        if key in values and not isinstance(values[key], str):
            codes = list(values[key] or [])
            unknown = [c for c in codes if c not in choices]
            if unknown:
                raise ValidationError({key: _("Unknown value: %(value)s") % {"value": ", ".join(unknown)}})
            values[key] = codes_field_value(codes)
    for key in ("title", "postcode", "place", "summary", "tags"):
        if key in values and isinstance(values[key], str):
            values[key] = values[key].strip()
    if "title" in values and not values["title"]:
        raise ValidationError({"title": _("Please enter a title.")})
    if values.get("postcode") and not POSTCODE.match(values["postcode"]):
        raise ValidationError({"postcode": _("Please enter a postcode with five digits.")})
    _own(organisation, values.get("category"), "category")
    _own(organisation, values.get("partner"), "partner")
    _member(organisation, values.get("responsible"), "responsible")
    return values


def _check_dates(entry: Entry) -> None:
    if entry.valid_from and entry.valid_until and entry.valid_until < entry.valid_from:
        raise ValidationError({"valid_until": _("The end of validity must not be before its start.")})


@transaction.atomic
def do_save_entry(*, acting_user: User, organisation: Organisation, data: Mapping[str, Any],
                  entry: Entry | None = None) -> Entry:
    """Create or change an entry; the coordinates follow the postcode."""
    values = _entry_values(organisation, data)
    if entry is None:
        entry = Entry(organisation=organisation, **values)
        if not entry.review_due:
            entry.review_due = timezone.localdate() + dt.timedelta(days=REVIEW_INTERVAL_DAYS)
        _check_dates(entry)
        entry.latitude, entry.longitude = geo_for(entry.postcode)
        entry.save()
        _inherit_sharing(acting_user, entry, values.get("category"))
        log_created(entry, actor=acting_user, organisation=organisation, action="knowledge.entry_created",
                    fields=[k for k in ENTRY_FIELDS if k in values] + ["review_due"])
        return entry
    if entry.organisation_id != organisation.pk:
        raise PermissionDenied
    touch: dict[str, Any] = {}
    if "postcode" in values and values["postcode"] != entry.postcode:
        touch["latitude"], touch["longitude"] = geo_for(values["postcode"])
    before_category = entry.category_id
    update_fields(entry, values, actor=acting_user, organisation=organisation, action="knowledge.entry_updated",
                  clean=_check_dates, touch=touch)
    if entry.category_id != before_category:
        _inherit_sharing(acting_user, entry, entry.category)
    return entry


def _inherit_sharing(acting_user: User, entry: Entry, category: Category | None) -> None:
    """An entry put into a shared category — or below one — is shared like the nearest shared
    category above it (read from the database: the caller's instance may be older than the
    category's last sharing decision)."""
    if category is None:
        return
    current: Category | None = Category.objects.get(pk=category.pk)
    while current is not None and not current.is_shared:
        current = Category.objects.get(pk=current.parent_id) if current.parent_id else None
    if current is not None and current.is_shared and (entry.visibility != current.visibility or current.visibility == "partners"):
        sharing.do_share(acting_user=acting_user, obj=entry, visibility=current.visibility,
                         partners=list(current.shared_with.all()))
        entry.refresh_from_db(fields=["visibility", "shared_by", "shared_at"])


@transaction.atomic
def do_delete_entry(*, acting_user: User, entry: Entry) -> None:
    log_deleted(entry, actor=acting_user, organisation=entry.organisation, action="knowledge.entry_deleted",
                fields=["title", "topic", "postcode"])
    entry.delete()


@transaction.atomic
def do_mark_checked(*, acting_user: User, entry: Entry, interval_days: int = REVIEW_INTERVAL_DAYS) -> Entry:
    """"Checked now": the entry is current; the next review is due after the interval."""
    now = timezone.now()
    values = {"last_checked_at": now, "last_checked_by": acting_user,
              "review_due": timezone.localdate() + dt.timedelta(days=interval_days)}
    update_fields(entry, values, actor=acting_user, organisation=entry.organisation,
                  action="knowledge.entry_checked", touch={"review_reminded_at": None})
    return entry


def copy_entry(entry: Entry, target: Organisation, user: User) -> Entry:
    """The copier for ``sharing.do_copy_shared``: the content without category, partner and person."""
    copy = Entry(organisation=target, **{k: getattr(entry, k) for k in ENTRY_FIELDS
                                         if k not in ("category", "partner", "responsible", "review_due")})
    copy.latitude, copy.longitude = entry.latitude, entry.longitude
    copy.review_due = timezone.localdate() + dt.timedelta(days=REVIEW_INTERVAL_DAYS)
    copy.save()
    return copy


@transaction.atomic
def do_copy_entry(*, acting_user: User, entry: Entry, target_organisation: Organisation) -> Entry:
    return sharing.do_copy_shared(acting_user=acting_user, obj=entry, target_organisation=target_organisation,
                                  copier=copy_entry)


@transaction.atomic
def do_share_category(*, acting_user: User, category: Category, visibility: str,
                      partners: Iterable[Organisation] = ()) -> Category:
    """Share a category and every entry in it and its sub-categories with the same readers.

    The entries carry the decision themselves, so that every reader of an entry (the finder, the
    platform search, the shared page, a copy) asks ``kosmos.core.sharing`` the same way; entries
    added to the category later take over its sharing (``do_save_entry``)."""
    partner_list = list(partners)
    category = sharing.do_share(acting_user=acting_user, obj=category, visibility=visibility, partners=partner_list)
    for entry in Entry.objects.filter(category__in=category_tree_ids(category)).order_by("pk"):
        sharing.do_share(acting_user=acting_user, obj=entry, visibility=visibility, partners=partner_list)
    return category


def category_tree_ids(category: Category) -> list[int]:
    """The primary keys of ``category`` and all categories below it (one query per level)."""
    ids, level = [category.pk], [category.pk]
    while level:
        level = list(Category.objects.filter(parent__in=level).values_list("pk", flat=True))
        ids += level
    return ids


# Categories --------------------------------------------------------------------------------------

def _check_category(category: Category) -> None:
    duplicate = Category.objects.filter(organisation=category.organisation, parent=category.parent,
                                        name__iexact=category.name).exclude(pk=category.pk)
    if duplicate.exists():
        raise ValidationError({"name": _("A category with this name exists already.")})
    node = category.parent
    while node is not None:
        if node.pk == category.pk:
            raise ValidationError({"parent": _("A category cannot be placed below itself.")})
        node = node.parent


@transaction.atomic
def do_save_category(*, acting_user: User, organisation: Organisation, data: Mapping[str, Any],
                     category: Category | None = None) -> Category:
    values = {k: data[k] for k in CATEGORY_FIELDS if k in data}
    if "name" in values:
        values["name"] = values["name"].strip()
        if not values["name"]:
            raise ValidationError({"name": _("Please enter a name.")})
    _own(organisation, values.get("parent"), "parent")
    if values.get("parent") is not None:
        values["topic"] = values["parent"].topic
    if category is None:
        category = Category(organisation=organisation, **values)
        _check_category(category)
        category.save()
        log_created(category, actor=acting_user, organisation=organisation, action="knowledge.category_created",
                    fields=values)
        return category
    if category.organisation_id != organisation.pk:
        raise PermissionDenied
    update_fields(category, values, actor=acting_user, organisation=organisation,
                  action="knowledge.category_updated", clean=_check_category)
    return category


@transaction.atomic
def do_delete_category(*, acting_user: User, category: Category) -> None:
    """Delete a category and its sub-categories; their entries stay, without a category."""
    log_deleted(category, actor=acting_user, organisation=category.organisation,
                action="knowledge.category_deleted", fields=["name", "topic"])
    category.delete()


# Partners ----------------------------------------------------------------------------------------

@transaction.atomic
def do_save_partner(*, acting_user: User, organisation: Organisation, data: Mapping[str, Any],
                    partner: Partner | None = None) -> Partner:
    values = {k: data[k] for k in PARTNER_FIELDS if k in data}
    if "name" in values:
        values["name"] = values["name"].strip()
        if not values["name"]:
            raise ValidationError({"name": _("Please enter a name.")})
    if values.get("postcode") and not POSTCODE.match(values["postcode"]):
        raise ValidationError({"postcode": _("Please enter a postcode with five digits.")})
    if partner is None:
        partner = Partner.objects.create(organisation=organisation, **values)
        log_created(partner, actor=acting_user, organisation=organisation, action="knowledge.partner_created",
                    fields=values)
        return partner
    if partner.organisation_id != organisation.pk:
        raise PermissionDenied
    update_fields(partner, values, actor=acting_user, organisation=organisation, action="knowledge.partner_updated")
    return partner


@transaction.atomic
def do_delete_partner(*, acting_user: User, partner: Partner) -> None:
    log_deleted(partner, actor=acting_user, organisation=partner.organisation, action="knowledge.partner_deleted",
                fields=["name", "kind"])
    partner.delete()


@transaction.atomic
def do_add_contact(*, acting_user: User, partner: Partner, data: Mapping[str, Any]) -> PartnerContact:
    values = {k: (data.get(k) or "").strip() for k in ("name", "role", "phone", "email")}
    if not values["name"]:
        raise ValidationError({"name": _("Please enter a name.")})
    contact = PartnerContact.objects.create(partner=partner, **values)
    log_created(contact, actor=acting_user, organisation=partner.organisation, action="knowledge.contact_added",
                fields={"name": values["name"], "role": values["role"]}, **about(partner))
    return contact


@transaction.atomic
def do_remove_contact(*, acting_user: User, contact: PartnerContact) -> None:
    partner = contact.partner
    log_deleted(contact, actor=acting_user, organisation=partner.organisation, action="knowledge.contact_removed",
                fields=["name", "role"], **about(partner))
    contact.delete()


# Network meetings --------------------------------------------------------------------------------

@transaction.atomic
def do_save_meeting(*, acting_user: User, organisation: Organisation, data: Mapping[str, Any],
                    partners: Iterable[Partner] | None = None, meeting: NetworkMeeting | None = None) -> NetworkMeeting:
    values = {k: data[k] for k in MEETING_FIELDS if k in data}
    if "title" in values:
        values["title"] = values["title"].strip()
        if not values["title"]:
            raise ValidationError({"title": _("Please enter a title.")})
    group = values.get("working_group")
    if group is not None and group.organisation_id != organisation.pk:
        raise ValidationError({"working_group": _("Please choose one of your organisation's working groups.")})
    partner_list = list(partners) if partners is not None else None
    for partner in partner_list or []:
        _own(organisation, partner, "partners")
    names = sorted(p.name for p in partner_list) if partner_list is not None else None
    if meeting is None:
        meeting = NetworkMeeting.objects.create(organisation=organisation, **values)
        if partner_list:
            meeting.partners.set(partner_list)
        log_created(meeting, actor=acting_user, organisation=organisation, action="knowledge.meeting_created",
                    fields={**values, "partners": names or []})
        return meeting
    if meeting.organisation_id != organisation.pk:
        raise PermissionDenied
    extra: dict[str, list[Any]] = {}
    if names is not None:
        before = sorted(meeting.partners.values_list("name", flat=True))
        if before != names:
            extra["partners"] = [before, names]
            meeting.partners.set(partner_list)
    update_fields(meeting, values, actor=acting_user, organisation=organisation, action="knowledge.meeting_updated",
                  extra_changes=extra)
    return meeting


@transaction.atomic
def do_delete_meeting(*, acting_user: User, meeting: NetworkMeeting) -> None:
    log_deleted(meeting, actor=acting_user, organisation=meeting.organisation, action="knowledge.meeting_deleted",
                fields=["title", "date"])
    meeting.delete()


# Review reminders --------------------------------------------------------------------------------

@transaction.atomic
def do_record_reminders(*, entries: Iterable[Entry], sent_at: dt.datetime | None = None) -> int:
    """Remember that the persons responsible were reminded (one event per organisation)."""
    sent_at = sent_at or timezone.now()
    by_org: dict[int, list[Entry]] = {}
    for entry in entries:
        by_org.setdefault(entry.organisation_id, []).append(entry)
    for org_entries in by_org.values():
        Entry.objects.filter(pk__in=[e.pk for e in org_entries]).update(review_reminded_at=sent_at)
        log_event(actor=None, organisation=org_entries[0].organisation, action="knowledge.review_reminded",
                  object_type="knowledge.entry", object_repr=_("Review reminder"),
                  changes={"entries": [None, len(org_entries)]})
    return sum(len(v) for v in by_org.values())

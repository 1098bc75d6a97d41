"""Writes of the usage rates (Nutzungsquoten): offers, month grids, targets, notes and imports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.channels.domain.usage import ParseResult, rolling_sums
from kosmos.channels.models import DigitalOffer, UsageImport, UsageMonth, UsageNote, UsageTarget, UsageWindow
from kosmos.core.audit import log_created, log_deleted, log_event, update_fields
from kosmos.core.models import Organisation, User

OFFER_FIELDS = ("kind", "key", "name", "base_label", "channel_key")
MonthFigures = tuple[int | None, int | None, Decimal | float | None]  # uses, base, completion rate


def refresh_windows(offer_ids: Iterable[int]) -> int:
    """Recompute the twelve-month sums (``UsageWindow``) of the given offers from their months; called
    inside the transaction of every write that changes months. Returns the number of windows written."""
    offer_ids = list(offer_ids)
    owner = {pk: (org_id, kind) for pk, org_id, kind in
             DigitalOffer.objects.filter(pk__in=offer_ids).values_list("pk", "organisation_id", "kind")}
    figures: dict[int, dict[dt.date, tuple[int, int | None]]] = {pk: {} for pk in owner}
    for offer_id, month, uses, base in (UsageMonth.objects.filter(offer_id__in=offer_ids)
                                        .values_list("offer_id", "month", "uses", "eligible").iterator(2000)):
        figures[offer_id][month] = (uses, base)
    UsageWindow.objects.filter(offer_id__in=offer_ids).delete()
    windows = [UsageWindow(offer_id=offer_id, organisation_id=owner[offer_id][0], kind=owner[offer_id][1], end=end,
                           uses=uses, base=base)
               for offer_id, months in figures.items() for end, uses, base in rolling_sums(months)]
    UsageWindow.objects.bulk_create(windows, batch_size=5000)
    return len(windows)


def _check_key(organisation: Organisation, key: str, offer: DigitalOffer | None = None) -> None:
    others = DigitalOffer.objects.filter(organisation=organisation, key=key)
    if offer is not None:
        others = others.exclude(pk=offer.pk)
    if others.exists():
        raise ValidationError({"key": _("Another offer already uses this short name.")})


@transaction.atomic
def do_create_offer(*, acting_user: User, organisation: Organisation, **values: object) -> DigitalOffer:
    _check_key(organisation, str(values["key"]))
    offer = DigitalOffer.objects.create(organisation=organisation, **{k: values.get(k, "") for k in OFFER_FIELDS})
    log_created(offer, actor=acting_user, organisation=organisation, action="channels.offer_created",
                fields=OFFER_FIELDS)
    return offer


@transaction.atomic
def do_update_offer(*, acting_user: User, offer: DigitalOffer, **values: object) -> None:
    _check_key(offer.organisation, str(values.get("key", offer.key)), offer)
    changes = update_fields(offer, {k: v for k, v in values.items() if k in OFFER_FIELDS}, actor=acting_user,
                            organisation=offer.organisation, action="channels.offer_changed")
    if "kind" in changes:
        refresh_windows([offer.pk])


def _decimal(value: Decimal | float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.1"))


def _as_text(figures: tuple | None) -> str | None:
    if figures is None:
        return None
    return " / ".join("–" if v is None else str(v) for v in figures)


@transaction.atomic
def do_save_usage_year(*, acting_user: User, offer: DigitalOffer, year: int,
                       months: Mapping[int, MonthFigures], target: Decimal | float | None) -> int:
    """Save the month grid of one offer and year: a month without uses is removed. Returns the number
    of changed months; one audit event lists every changed month as "uses / base / completion"."""
    existing = {m.month.month: m for m in UsageMonth.objects.filter(offer=offer, month__year=year)}
    changes: dict[str, list[str | None]] = {}
    for number in range(1, 13):
        uses, eligible, completion = months.get(number, (None, None, None))
        current = existing.get(number)
        before = (current.uses, current.eligible, current.completion_rate) if current else None
        if uses is None:
            if current is not None:
                current.delete()
                changes[f"{number:02d}.{year}"] = [_as_text(before), None]
            continue
        if eligible is not None and uses > eligible:
            raise ValidationError(_("%(month)s: the uses exceed the base; the digital share cannot be above 100 %%.")
                                  % {"month": f"{number:02d}.{year}"})
        after = (uses, eligible, _decimal(completion))
        if before == after:
            continue
        if current is None:
            UsageMonth.objects.create(offer=offer, month=dt.date(year, number, 1), uses=uses, eligible=eligible,
                                      completion_rate=after[2])
        else:
            current.uses, current.eligible, current.completion_rate = after
            current.save(update_fields=["uses", "eligible", "completion_rate"])
        changes[f"{number:02d}.{year}"] = [_as_text(before), _as_text(after)]
    if changes:
        refresh_windows([offer.pk])
    old_target = UsageTarget.objects.filter(offer=offer, year=year).first()
    new_share = _decimal(target)
    if (old_target.share if old_target else None) != new_share:
        if new_share is None:
            old_target.delete()  # type: ignore[union-attr]
        else:
            UsageTarget.objects.update_or_create(offer=offer, year=year, defaults={"share": new_share})
        changes[f"target {year}"] = [str(old_target.share) if old_target else None,
                                     None if new_share is None else str(new_share)]
    if changes:
        log_event(actor=acting_user, organisation=offer.organisation, action="channels.usage_saved", obj=offer,
                  changes=changes)
    return len([k for k in changes if not k.startswith("target")])


@transaction.atomic
def do_add_usage_note(*, acting_user: User, organisation: Organisation, month: dt.date, text: str,
                      offer: DigitalOffer | None = None) -> UsageNote:
    note = UsageNote.objects.create(organisation=organisation, offer=offer, month=month.replace(day=1), text=text)
    log_created(note, actor=acting_user, organisation=organisation, action="channels.usage_note_added",
                fields={"month": note.month, "text": text, "offer": offer})
    return note


@transaction.atomic
def do_delete_usage_note(*, acting_user: User, note: UsageNote) -> None:
    log_deleted(note, actor=acting_user, organisation=note.organisation, action="channels.usage_note_deleted",
                fields={"month": note.month, "text": note.text, "offer": note.offer})
    note.delete()


@transaction.atomic
def do_check_usage_import(*, acting_user: User, organisation: Organisation, file_name: str,
                          result: ParseResult, messages: list[list]) -> UsageImport:
    """Keep a checked upload for the preview (the rows, never the file); ``messages`` are the German
    errors as [row, column, text]."""
    pending = UsageImport.objects.create(
        organisation=organisation, created_by=acting_user, file_name=file_name[:200],
        rows=[[r.row, r.offer, r.month.strftime("%Y-%m"), r.uses, r.eligible, r.completion_rate]
              for r in result.rows],
        errors=messages, row_count=len(result.rows) + len(result.invalid_rows),
    )
    log_created(pending, actor=acting_user, organisation=organisation, action="channels.usage_import_checked",
                fields={"file_name": pending.file_name, "row_count": pending.row_count})
    return pending


@transaction.atomic
def do_apply_usage_import(*, acting_user: User, pending: UsageImport, only_valid: bool = False) -> int:
    """Write the checked rows in one transaction. With errors nothing is written unless the user chose
    ``only_valid``. Returns the number of months written."""
    pending = UsageImport.objects.select_for_update().get(pk=pending.pk)
    if pending.applied_at is not None:
        raise ValidationError(_("This file has already been imported."))
    if pending.errors and not only_valid:
        raise ValidationError(_("The file has errors; nothing was imported. Correct the file or import only the "
                                "valid rows."))
    if not pending.rows:
        raise ValidationError(_("The file has no valid rows to import."))
    offers = {o.key: o for o in DigitalOffer.objects.filter(organisation=pending.organisation)}
    keys = {row[1] for row in pending.rows}
    if not keys <= offers.keys():
        raise ValidationError(_("An offer of the file no longer exists; please upload the file again."))
    months = {(row[1], dt.date.fromisoformat(row[2] + "-01")): row for row in pending.rows}
    existing = {(m.offer.key, m.month): m for m in UsageMonth.objects.filter(
        offer__in=[offers[k] for k in keys], month__in={m for _k, m in months}).select_related("offer")}
    new, changed = [], []
    for (key, month), (_row, _key, _m, uses, eligible, completion) in months.items():
        current = existing.get((key, month))
        rate = _decimal(completion)
        if current is None:
            new.append(UsageMonth(offer=offers[key], month=month, uses=uses, eligible=eligible, completion_rate=rate))
        elif (current.uses, current.eligible, current.completion_rate) != (uses, eligible, rate):
            current.uses, current.eligible, current.completion_rate = uses, eligible, rate
            changed.append(current)
    UsageMonth.objects.bulk_create(new)
    UsageMonth.objects.bulk_update(changed, ["uses", "eligible", "completion_rate"])
    refresh_windows({offers[k].pk for k in keys})
    pending.applied_at = timezone.now()
    pending.save(update_fields=["applied_at"])
    log_event(actor=acting_user, organisation=pending.organisation, action="channels.usage_imported", obj=pending,
              changes={"file_name": [None, pending.file_name], "months_added": [None, len(new)],
                       "months_changed": [None, len(changed)], "rows_skipped": [None, len(pending.errors)]
                       if only_valid else [None, 0]})
    return len(new) + len(changed)


"""Builders for the usage-rate tests: offers, months and notes in the test world's organisations."""

from __future__ import annotations

import datetime as dt

from kosmos.channels.domain.usage import add_months, month_start
from kosmos.channels.models import DigitalOffer, UsageImport, UsageMonth, UsageNote
from kosmos.channels.services_usage import refresh_windows


def offer(organisation, key: str = "online-termine", kind: str = "online_appointment",  # noqa: ANN001
          name: str = "Online-Terminvereinbarung", channel_key: str = "online-termine") -> DigitalOffer:
    found, _created = DigitalOffer.objects.get_or_create(
        organisation=organisation, key=key,
        defaults={"kind": kind, "name": name, "base_label": "Termine insgesamt", "channel_key": channel_key})
    return found


def months(item: DigitalOffer, shares: list[float], *, base: int = 1000, today: dt.date | None = None) -> None:
    """Figures for the last ``len(shares)`` full months before ``today`` with the given digital shares."""
    last = add_months(month_start(today or dt.date.today()), -1)
    for i, share in enumerate(reversed(shares)):
        UsageMonth.objects.update_or_create(offer=item, month=add_months(last, -i),
                                            defaults={"uses": round(base * share / 100), "eligible": base})
    refresh_windows([item.pk])


def note(organisation) -> UsageNote:  # noqa: ANN001
    found = UsageNote.objects.filter(organisation=organisation).first()
    return found or UsageNote.objects.create(organisation=organisation, month=dt.date(2025, 3, 1),
                                             text="Kampagne Eingangszone")


def pending_import(organisation, key: str = "online-termine") -> UsageImport:  # noqa: ANN001
    return UsageImport.objects.create(organisation=organisation, file_name="nutzung.csv",
                                      rows=[[2, key, "2025-01", 120, 1000, None]], errors=[], row_count=1)

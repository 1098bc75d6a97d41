"""The dashboard panel of the usage rates: last month's digital share per offer and the year's target."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest

from kosmos.channels.domain.usage import add_months, month_start, take_up
from kosmos.channels.models import UsageMonth, UsageTarget
from kosmos.core.dashboard import Panel


def usage_panel(request: HttpRequest) -> Panel | None:
    """Real content only: nothing when the organisation has no figures for last month (two queries)."""
    organisation = request.organisation
    month = add_months(month_start(dt.date.today()), -1)
    figures = list(UsageMonth.objects.filter(offer__organisation=organisation, month=month, eligible__gt=0)
                   .select_related("offer").order_by("offer__name"))
    if not figures:
        return None
    targets = dict(UsageTarget.objects.filter(offer__organisation=organisation, year=month.year)
                   .values_list("offer_id", "share"))
    rows = [(f.offer, take_up(f.uses, f.eligible), targets.get(f.offer_id)) for f in figures]
    return Panel("channels/usage_panel.html", {"rows": rows, "month": month, "org_slug": organisation.slug})

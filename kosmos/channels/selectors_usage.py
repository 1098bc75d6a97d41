"""Reads of the usage rates: an organisation's series and charts, and the distributions across
organisations (the ``channels.usage`` comparison topic and the programme office's platform view).

Every function runs a fixed number of queries whatever the number of offers, months or organisations.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kosmos.channels.domain.usage import OFFER_KINDS, add_months, comparison_window, month_start, take_up
from kosmos.channels.models import (
    DigitalOffer,
    UsageMonth,
    UsageNote,
    UsageTarget,
    UsageWindow,
    offer_kind_label,
)
from kosmos.core import benchmarks
from kosmos.core.comparisons import ComparisonFigure, sharing_organisation_ids
from kosmos.core.domain.benchmark import Breakdown
from kosmos.core.domain.charts import (
    Chart,
    DataTable,
    Series,
    Target,
    TimeNote,
    bar_chart,
    line_chart,
    percent_format,
)
from kosmos.core.domain.numbers import format_number, format_optional, format_percent
from kosmos.core.models import Organisation

TOPIC = "channels.usage"
HISTORY_MONTHS = 24


def offers(organisation: Organisation) -> QuerySet[DigitalOffer]:
    return DigitalOffer.objects.filter(organisation=organisation)


def offer_or_404(organisation: Organisation, public_id: object) -> DigitalOffer:
    return get_object_or_404(DigitalOffer, organisation=organisation, public_id=public_id)


def history(today: dt.date, count: int = HISTORY_MONTHS) -> list[dt.date]:
    """The months shown on the pages: the last ``count`` full months."""
    last = add_months(month_start(today), -1)
    return [add_months(last, -i) for i in range(count - 1, -1, -1)]


def month_label(month: dt.date) -> str:
    return month.strftime("%m/%Y")


@dataclass
class OfferSeries:
    offer: DigitalOffer
    months: list[dt.date]
    figures: dict[dt.date, UsageMonth]
    targets: dict[int, float]
    notes: list[UsageNote]
    chart: Chart | None = None

    def share(self, month: dt.date) -> float | None:
        figure = self.figures.get(month)
        return take_up(figure.uses, figure.eligible) if figure else None

    def completion(self, month: dt.date) -> float | None:
        figure = self.figures.get(month)
        return float(figure.completion_rate) if figure and figure.completion_rate is not None else None

    @property
    def latest_target(self) -> tuple[int, float] | None:
        years = [y for y in self.targets if y <= self.months[-1].year]
        return (max(years), self.targets[max(years)]) if years else None

    @property
    def has_figures(self) -> bool:
        return bool(self.figures)


def series_for(organisation: Organisation, months: list[dt.date],
               offer_list: Iterable[DigitalOffer] | None = None) -> list[OfferSeries]:
    """One ``OfferSeries`` per offer (four queries for any number of offers)."""
    offer_list = list(offer_list if offer_list is not None else offers(organisation))
    by_id = {o.pk: OfferSeries(o, months, {}, {}, []) for o in offer_list}
    for figure in UsageMonth.objects.filter(offer__in=offer_list, month__range=(months[0], months[-1])):
        by_id[figure.offer_id].figures[figure.month] = figure
    for target in UsageTarget.objects.filter(offer__in=offer_list):
        by_id[target.offer_id].targets[target.year] = float(target.share)
    general = []
    for note in UsageNote.objects.filter(organisation=organisation, month__range=(months[0], months[-1])):
        if note.offer_id is None:
            general.append(note)
        elif note.offer_id in by_id:
            by_id[note.offer_id].notes.append(note)
    result = list(by_id.values())
    for item in result:
        item.notes = sorted([*item.notes, *general], key=lambda n: (n.month, n.pk))
        item.chart = offer_chart(item)
    return result


def offer_table(item: OfferSeries) -> DataTable:
    header = [_("Month"), _("Uses"), item.offer.base_label or _("Base"), _("Digital share"), _("Completion rate"),
              _("Target"), _("Notes")]
    rows = []
    for month in item.months:
        figure = item.figures.get(month)
        share, completion = item.share(month), item.completion(month)
        target = item.targets.get(month.year)
        rows.append((
            month_label(month),
            format_number(figure.uses) if figure else "–",
            format_optional(figure.eligible if figure else None),
            format_percent(share, 1) if share is not None else "–",
            format_percent(completion, 1) if completion is not None else "–",
            format_percent(target, 1) if target is not None else "–",
            "; ".join(n.text for n in item.notes if n.month == month),
        ))
    return DataTable(_("Figures of %(offer)s by month") % {"offer": item.offer.name}, tuple(header), tuple(rows))


def offer_chart(item: OfferSeries) -> Chart | None:
    if not item.has_figures:
        return None
    months = item.months
    series = [Series(_("Digital share"), [item.share(m) for m in months])]
    if any(item.completion(m) is not None for m in months):
        series.append(Series(_("Completion rate"), [item.completion(m) for m in months]))
    latest = item.latest_target
    target = Target(latest[1], _("Target %(year)s") % {"year": latest[0]}) if latest else None
    index = {m: i for i, m in enumerate(months)}
    notes = [TimeNote(index[n.month], n.text) for n in item.notes if n.month in index]
    return line_chart(
        chart_id=f"usage-{item.offer.public_id}",
        title=_("%(offer)s: digital share by month") % {"offer": item.offer.name},
        description=_("Digital uses as a share of the base (%(base)s), in percent, for the last %(count)s months.")
        % {"base": item.offer.base_label or _("Base"), "count": len(months)},
        time_label=_("Month"), points=[month_label(m) for m in months], series=series, maximum=100,
        fmt=percent_format(1, trim=True), target=target, notes=notes, target_label=_("Target"),
        notes_label=_("Notes"), table=offer_table(item),
    )


def combined_chart(items: list[OfferSeries]) -> Chart | None:
    """The digital share of up to six offers together (the kit's limit of lines)."""
    shown = [i for i in items if i.has_figures][:6]
    if not shown:
        return None
    months = shown[0].months
    hidden = len([i for i in items if i.has_figures]) - len(shown)
    return line_chart(
        chart_id="usage-all", title=_("Digital share of all offers"),
        description=_("Digital share of each offer by month, in percent."),
        time_label=_("Month"), points=[month_label(m) for m in months],
        series=[Series(i.offer.name, [i.share(m) for m in months]) for i in shown], maximum=100,
        fmt=percent_format(1, trim=True),
        note=_("%(count)s more offers are shown on their own pages.") % {"count": hidden} if hidden else "",
    )


# --- across organisations ---------------------------------------------------------------------------

def shares_by_kind(organisations: object, today: dt.date) -> dict[str, dict[int, float]]:
    """{kind: {organisation id: digital share over the comparison window}}: one grouped query over the
    stored twelve-month sums (``UsageWindow``, one row per offer, no join). ``organisations`` is a values queryset or
    a list of ids."""
    _first, last = comparison_window(today)
    rows = (UsageWindow.objects.filter(end=last, organisation_id__in=organisations)
            .values_list("organisation_id", "kind").annotate(uses=Sum("uses"), total=Sum("base")).order_by())
    out: dict[str, dict[int, float]] = defaultdict(dict)
    for org_id, kind, uses, base in rows:
        share = take_up(uses, base)
        if share is not None:
            out[kind][org_id] = share
    return out


def comparison_figures(organisation: Organisation, today: dt.date | None = None) -> list[ComparisonFigure]:
    """The reader's own digital share per kind of offer against the distribution of the organisations that
    share the topic (two queries). Kinds that neither the reader nor anybody else reports are left out."""
    today = today or dt.date.today()
    shared = shares_by_kind(sharing_organisation_ids(TOPIC), today)
    own = shares_by_kind([organisation.pk], today)
    figures = []
    for kind in OFFER_KINDS:
        values = shared.get(kind, {})
        mine = own.get(kind, {}).get(organisation.pk)
        if not values and mine is None:
            continue
        dist = benchmarks.distribution(values)
        figures.append(ComparisonFigure(label=offer_kind_label(kind), own=mine, distribution=dist, unit="%",
                                        contributors=dist.n if dist else 0))
    return figures


@dataclass(frozen=True)
class PlatformRow:
    kind: str
    label: str
    breakdown: Breakdown
    reporting: int


def platform_rows(today: dt.date | None = None) -> list[PlatformRow]:
    """Distributions per kind across every organisation with figures, also by form (gE/zkT) with
    complementary suppression; never one organisation's value (two queries)."""
    today = today or dt.date.today()
    shares = shares_by_kind(Organisation.objects.filter(kind="jobcenter").values("pk"), today)
    ids = {org_id for values in shares.values() for org_id in values}
    form_of = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "form")) if ids else {}
    rows = []
    for kind in OFFER_KINDS:
        values = shares.get(kind, {})
        rows.append(PlatformRow(kind, offer_kind_label(kind),
                                benchmarks.breakdown(values, {k: form_of.get(k) or None for k in values},
                                                     groups=("ge", "zkt")), len(values)))
    return rows


def comparison_window_label(today: dt.date) -> str:
    first, last = comparison_window(today)
    return f"{month_label(first)}–{month_label(last)}"


def comparison_chart(figures: list[ComparisonFigure]) -> Chart | None:
    """Own digital share and the median of the sharing Jobcenters per kind of offer (bars); the page's
    comparison table beside it holds the same numbers and the quartiles."""
    if not figures:
        return None
    return bar_chart(
        chart_id="usage-comparison", title=_("Digital share per kind of offer"),
        description=_("Your digital share and the median of the Jobcenters that share their usage rates, in "
                      "percent."),
        category_label=_("Kind of offer"), categories=[str(f.label) for f in figures],
        series=[Series(_("Your digital share"), [f.own for f in figures]),
                Series(_("Median"), [f.distribution.median if f.distribution else None for f in figures])],
        maximum=100, fmt=percent_format(1, trim=True), missing=_("not shown"),
    )

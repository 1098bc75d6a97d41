"""The compliance overview as the pages show it: per department and per training, with the
small-group rule applied (``domain.small_groups``) and a bar chart with its data table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kosmos.core.domain import charts
from kosmos.core.domain.charts import Chart, Series
from kosmos.core.models import Organisation
from kosmos.training import selectors
from kosmos.training.domain.compass import Counts
from kosmos.training.domain.small_groups import hidden_groups, shows_detail
from kosmos.training.models import Department, StaffProfile, Training


@dataclass
class OverviewRow:
    label: str
    counts: Counts | None  # None: hidden by the small-group rule
    public_id: str = ""

    @property
    def shown(self) -> bool:
        return self.counts is not None

    @property
    def percent(self) -> int | None:
        rate = self.counts.rate if self.counts else None
        return None if rate is None else round(rate * 100)

    @property
    def cells(self) -> list[object]:
        c = self.counts
        if c is None:
            return []
        return [c.people, c.required, c.done, c.due, c.overdue, c.expired, c.exempt,
                "" if self.percent is None else self.percent]


@dataclass
class OverviewTables:
    departments: list[OverviewRow]
    trainings: list[OverviewRow]
    total: Counts | None
    people: int
    detail: bool  # whether per-person detail may be shown (the group has at least 5 people)
    chart: Chart | None = None
    hidden: int = field(default=0)


def _total(counts: list[Counts]) -> Counts | None:
    if not counts:
        return None
    return Counts(people=sum(c.people for c in counts), required=sum(c.required for c in counts),
                  done=sum(c.done for c in counts), exempt=sum(c.exempt for c in counts),
                  overdue=sum(c.overdue for c in counts), expired=sum(c.expired for c in counts))


def overview_tables(organisation: Organisation, *, today: dt.date,
                    team_lead: StaffProfile | None = None) -> OverviewTables:
    """Four queries whatever the number of staff, trainings and completions."""
    by_department = selectors.compliance(organisation, today=today, team_lead=team_lead)
    by_training = selectors.compliance(organisation, today=today, by="training", team_lead=team_lead)
    departments = {d.pk: d for d in Department.objects.filter(organisation=organisation, pk__in=list(by_department))}
    trainings = {t.pk: t for t in Training.objects.filter(organisation=organisation, pk__in=list(by_training))}
    total = _total(list(by_department.values()))
    people = total.people if total else 0
    hidden = hidden_groups({str(k): c.people for k, c in by_department.items()}, total_shown=True)
    dep_rows = [
        OverviewRow(departments[k].name, None if str(k) in hidden else c, str(departments[k].public_id))
        for k, c in sorted(by_department.items(), key=lambda kv: (departments[kv[0]].order, departments[kv[0]].name))
    ]
    # A training's row counts the people it is required of; the same rule applies to it.
    training_rows = [
        OverviewRow(trainings[k].title, c if shows_detail(c.people) else None, str(trainings[k].public_id))
        for k, c in sorted(by_training.items(), key=lambda kv: trainings[kv[0]].title)
    ]
    if total is not None and not shows_detail(people):
        total = None  # a team below the minimum shows no figures at all
        dep_rows = [OverviewRow(r.label, None, r.public_id) for r in dep_rows]
    return OverviewTables(dep_rows, training_rows, total, people, shows_detail(people),
                          chart=_chart(dep_rows), hidden=sum(1 for r in dep_rows if not r.shown))


def _chart(rows: list[OverviewRow]) -> Chart | None:
    if not rows or not any(r.shown for r in rows):
        return None
    return charts.bar_chart(
        chart_id="training-compliance",
        title=_("Compliance per department"),
        description=_("Share of the required trainings done, per department; exemptions left out. "
                      "Departments with fewer than 5 people are not shown."),
        category_label=_("Department"),
        categories=[r.label for r in rows],
        series=[Series(_("Compliance"), [None if r.percent is None else float(r.percent) for r in rows])],
        maximum=100,
        fmt=charts.percent_format(),
        missing=_("not shown (small group)"),
    )

"""Results as the page and the PDF show them: a chart (SVG) with its data table beside it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kosmos.core.domain import charts as kit_charts
from kosmos.core.domain.numbers import format_number, format_percent, format_signed
from kosmos.surveys.chart_labels import chart_labels
from kosmos.surveys.domain import charts
from kosmos.surveys.domain.anonymity import NO_ANSWER
from kosmos.surveys.domain.stats import compare_waves, response_rate
from kosmos.surveys.models import QuestionKind
from kosmos.surveys.results import ItemResult, WaveResults


@dataclass
class Block:
    """One question on the results page."""

    key: str
    title: str
    kind: str
    n: int
    chart: charts.Chart | None = None
    table: charts.ChartTable | None = None
    stats: list[tuple[str, str]] = field(default_factory=list)
    texts: list[str] | None = None
    text_count: int = 0
    suppressed: bool = False
    note: str = ""
    released_only: bool = False  # free texts: only those released for publication (text_release)


def _number(value: float | None, decimals: int = 1) -> str:
    return "–" if value is None else format_number(value, decimals)


def _drawn(chart: charts.Chart) -> dict:
    """A chart and, beside it, its data table."""
    return {"chart": chart, "table": chart.table}


def chart_id(prefix: str, key: str) -> str:
    return f"{prefix}-{key}".replace("_", "-")[:64]


def _likert_row(result: ItemResult, label: str) -> charts.LikertRow:
    item = result.item
    if result.suppressed:
        return charts.LikertRow(label, None)
    counts = [result.counts.get(level.key, 0) for level in item.levels]
    no_answer = sum(result.counts.get(o.key, 0) for o in item.options if o.not_applicable)
    return charts.LikertRow(label, counts, no_answer)


def _scale_stats(result: ItemResult) -> list[tuple[str, str]]:
    if result.suppressed or result.scale is None:
        return []
    summary = result.scale
    stats = [(_("Answers"), format_number(summary.n)), (_("Mean"), _number(summary.mean)),
             (_("Median"), _number(summary.median))]
    if summary.top_share is not None:
        stats.append((_("Agreement (top two levels)"), format_percent(100 * summary.top_share)))
    return stats


def block_for(result: ItemResult, k: int, prefix: str = "chart") -> Block:
    item = result.item
    title = item.text_de
    suppressed_note = _("Fewer than %(k)d answers: not shown, to protect small groups.") % {"k": k}
    if item.kind == QuestionKind.MATRIX:
        levels = [o.label for o in item.levels]
        rows = [_likert_row(s, s.item.text_de) for s in result.statements]
        block = Block(item.key, title, item.kind, result.n,
                      **_drawn(charts.likert_chart(chart_id(prefix, item.key), title, levels, rows,
                                                   labels=chart_labels())))
        block.stats = [
            (kit_charts.label_stem(s.item.text_de), _("mean %(mean)s (n = %(n)s)") % {"mean": _number(s.mean), "n": format_number(s.n)})
            for s in result.statements if not s.suppressed
        ]
        return block
    if item.kind == QuestionKind.TEXT:
        return Block(item.key, title, item.kind, result.n, texts=result.texts, text_count=result.text_count,
                     suppressed=result.texts is None)
    if result.suppressed:
        return Block(item.key, title, item.kind, result.n, suppressed=True, note=suppressed_note)
    if item.kind == QuestionKind.LIKERT:
        levels = [o.label for o in item.levels]
        rows = [_likert_row(result, title)]
        return Block(item.key, title, item.kind, result.n,
                     **_drawn(charts.likert_chart(chart_id(prefix, item.key), title, levels, rows,
                                                  labels=chart_labels())), stats=_scale_stats(result))
    if item.kind == QuestionKind.NUMBER:
        unit = f" {item.unit_de}" if item.unit_de else ""
        return Block(item.key, title, item.kind, result.n, stats=[
            (_("Answers"), format_number(result.n)), (_("Mean"), _number(result.mean) + unit),
            (_("Median"), _number(result.median) + unit),
            (_("Lowest value"), _number(result.minimum, 0) + unit), (_("Highest value"), _number(result.maximum, 0) + unit),
        ])
    bars = [charts.Bar(o.label, result.counts.get(o.key, 0)) for o in item.options]
    base = result.n
    note = ngettext("More than one answer was possible; the shares refer to the %(n)s person who answered.",
                    "More than one answer was possible; the shares refer to the %(n)s people who answered.",
                    base) % {
        "n": format_number(base)} if item.kind == QuestionKind.MULTIPLE else ""
    return Block(item.key, title, item.kind, result.n,
                 **_drawn(charts.bar_chart(chart_id(prefix, item.key), title, bars, base=base, labels=chart_labels())),
                 stats=[(_("Answers"), format_number(base))], note=note)


def group_blocks(results: WaveResults, prefix: str = "group") -> list[Block]:
    """Responses per group (department, age band, …): counts the plan hides are shown as hidden."""
    blocks = []
    for item, counts in results.group_tables:
        bars = [charts.Bar(_("No answer") if key == NO_ANSWER else (item.option(key).label if item.option(key) else key),
                           counts.get(key)) for key in counts]
        title = _("Responses by “%(question)s”") % {"question": item.text_de}
        # Shares of all responses of the (filtered) group: the hidden cells together are never a small group.
        base = results.n if results.n else None
        blocks.append(Block(item.key, title, "group", base or 0,
                            **_drawn(charts.bar_chart(chart_id(prefix, item.key), title, bars, base=base,
                                                      labels=chart_labels()))))
    return blocks


def result_blocks(results: WaveResults, prefix: str = "chart") -> list[Block]:
    k = results.questionnaire.survey.min_group_size
    return [block_for(r, k, prefix) for r in results.items]


def rate_text(responses: int, invited: int | None) -> str:
    if not invited:
        return ""
    rate = response_rate(responses, invited)
    if rate is None:
        return ""
    return _("%(rate)s of %(invited)s people asked") % {"rate": format_percent(100 * rate),
                                                       "invited": format_number(invited)}


# --- two waves -----------------------------------------------------------------------------------


@dataclass
class ComparisonRow:
    label: str
    n_first: str
    n_second: str
    first: str
    second: str
    difference: str


def comparison(first: WaveResults, second: WaveResults) -> tuple[list[ComparisonRow], charts.Chart | None]:
    """Per scale question and statement: means of both waves, their difference and both n;
    per choice option: shares of both waves and the difference in percentage points."""
    k = first.questionnaire.survey.min_group_size
    rows: list[ComparisonRow] = []
    wave_items: list[charts.WaveItem] = []
    second_by_key = {r.item.key: r for r in second.items}

    def scale_row(a: ItemResult, b: ItemResult, label: str) -> None:
        if a.scale is None or b.scale is None:
            return
        result = compare_waves(a.scale, b.scale, k)
        if result.below_min_group_size:
            rows.append(ComparisonRow(label, format_number(result.n_first), format_number(result.n_second),
                                      _("hidden"), _("hidden"), "–"))
            wave_items.append(charts.WaveItem(label, None, None))
            return
        rows.append(ComparisonRow(
            label, format_number(result.n_first), format_number(result.n_second), _number(result.mean_first),
            _number(result.mean_second),
            format_signed(result.mean_difference) if result.mean_difference is not None else "–",
        ))
        wave_items.append(charts.WaveItem(label, result.mean_first, result.mean_second))

    for a in first.items:
        b = second_by_key.get(a.item.key)
        if b is None:
            continue
        if a.item.kind == QuestionKind.MATRIX:
            b_statements = {s.item.key: s for s in b.statements}
            for s in a.statements:
                if s.item.key in b_statements:
                    scale_row(s, b_statements[s.item.key], f"{a.item.text_de} – {s.item.text_de}")
        elif a.item.kind == QuestionKind.LIKERT:
            scale_row(a, b, a.item.text_de)
        elif a.item.kind in {QuestionKind.SINGLE, QuestionKind.MULTIPLE}:
            for option in a.item.options:
                label = f"{a.item.text_de}: {option.label}"
                if a.suppressed or b.suppressed:
                    # A hidden question carries no n: its answered count could be differenced.
                    rows.append(ComparisonRow(label, "–" if a.suppressed else format_number(a.n),
                                              "–" if b.suppressed else format_number(b.n), _("hidden"),
                                              _("hidden"), "–"))
                    continue
                sa, sb = a.shares.get(option.key, 0.0), b.shares.get(option.key, 0.0)
                rows.append(ComparisonRow(label, format_number(a.n), format_number(b.n), format_percent(sa),
                                          format_percent(sb), format_signed(sb - sa, 0, _("percentage points"))))
        elif a.item.kind == QuestionKind.NUMBER:
            if a.suppressed or b.suppressed or a.mean is None or b.mean is None:
                continue
            rows.append(ComparisonRow(a.item.text_de, format_number(a.n), format_number(b.n), _number(a.mean),
                                      _number(b.mean), format_signed(b.mean - a.mean)))
    chart = None
    if wave_items:
        top = max((v for w in wave_items for v in (w.first, w.second) if v is not None), default=5.0)
        chart = charts.wave_chart(
            "vergleich", _("Means of both waves"), wave_items, wave_labels=(first.wave.name, second.wave.name),
            unit="mean", maximum=max(5.0, top), labels=chart_labels(),
        )
    return rows, chart

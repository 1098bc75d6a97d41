"""Results of a wave, aggregated in SQL and protected by the small-group rules.

A results page runs a fixed number of queries whatever the number of responses:

1. the group cells: responses per combination of group answers;
2. the wave's answer cube (all answer counts per group cell; the filter is summed from it);
3. the free-text answers per group cell and question (for the answered counts of the plan);
4. the number of free-text answers per question, and 5. a random sample of them.

Results are shown only for ended waves, whose answers never change: their counts are read from
the wave's ``AnswerCube``, built once from the answers (see ``ensure_cube``).

The wave plan (``kosmos.surveys.domain.wave_plan``) is computed from 1–3 for *all* group
questions and every question of the wave, so every page and export of the wave hides the same
numbers, including answered counts and questions shown only to some groups.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Count, F, Sum, Window
from django.db.models.functions import Random, RowNumber

from kosmos.surveys.content import Item, Questionnaire
from kosmos.surveys.domain.anonymity import (
    SuppressionPlan,
    counts_from_cells,
    plan_suppression,
    shuffle_texts,
)
from kosmos.surveys.domain.stats import (
    ScaleSummary,
    mean_from_counts,
    median_from_counts,
    percentages,
    summarize_scale,
)
from kosmos.surveys.domain.wave_plan import WavePlan, condition_dependencies, plan_wave
from kosmos.surveys.models import Answer, AnswerCube, QuestionKind, Response, TextAnswer, Wave

TEXT_SAMPLE = 200
"""Free-text answers per question on a results page (all of them are in the raw export)."""

GROUP_COLUMNS = ("g1", "g2", "g3")

Filter = dict[int, int]
"""Group slot (1–3) → code of the chosen option."""


# --- queries ---------------------------------------------------------------------------------


def ensure_cube(wave: Wave) -> bool:
    """Build the answer cube of an ended wave once (see ``AnswerCube``); return whether it is there.

    Two INSERT … SELECT statements, each one grouped pass over an index; the wave row is locked
    so that two first visitors do not build it twice.
    """
    if wave.cube_ready:
        return True
    if not wave.is_closed:
        return False
    with transaction.atomic():
        locked = Wave.objects.select_for_update().get(pk=wave.pk)
        if not locked.cube_ready and locked.is_closed:
            # The wave is final: rewrite its rows once more in random order (storage order and
            # transaction ids then say nothing about who answered when), then count.
            from kosmos.surveys.services.storage import do_shuffle_wave_storage

            do_shuffle_wave_storage(locked)
            AnswerCube.objects.filter(wave=locked).delete()
            cube, answer, response = (AnswerCube._meta.db_table, Answer._meta.db_table, Response._meta.db_table)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {cube} (wave_id, g1, g2, g3, question_id, value, n) "  # noqa: S608 - table names
                    f"SELECT wave_id, g1, g2, g3, question_id, value, COUNT(*) FROM {answer} "
                    "WHERE wave_id = %s GROUP BY wave_id, g1, g2, g3, question_id, value",
                    [locked.pk],
                )
                cursor.execute(
                    f"INSERT INTO {cube} (wave_id, g1, g2, g3, question_id, value, n) "  # noqa: S608
                    f"SELECT wave_id, g1, g2, g3, NULL, 0, COUNT(*) FROM {response} "
                    "WHERE wave_id = %s GROUP BY wave_id, g1, g2, g3",
                    [locked.pk],
                )
            Wave.objects.filter(pk=locked.pk).update(cube_ready=True)
    wave.cube_ready = True
    return True


def group_cells(wave: Wave) -> dict[tuple[int, int, int], int]:
    """Responses per combination of group codes: one grouped query (from the cube once ended)."""
    if ensure_cube(wave):
        rows = AnswerCube.objects.filter(wave=wave, question__isnull=True).values_list("g1", "g2", "g3", "n")
        return {(g1, g2, g3): n for g1, g2, g3, n in rows}
    rows = Response.objects.filter(wave=wave).values_list("g1", "g2", "g3").annotate(n=Count("*")).order_by()
    return {(g1, g2, g3): n for g1, g2, g3, n in rows}


def _filter_kwargs(group_filter: Mapping[int, int], slots: int = 3) -> dict[str, object]:
    return {f"g{slot}": code for slot, code in group_filter.items() if 1 <= slot <= slots}


def answer_counts(wave: Wave, group_filter: Mapping[int, int] | None = None,
                  codes: Mapping[int, list[int]] | None = None, *, use_cube: bool = True) -> dict[int, dict[int, int]]:
    """``{question id: {value: count}}`` for the filter, from one grouped query.

    An ended wave is read from its cube (a few thousand rows). Otherwise — and in the benchmark's
    comparison — the query reads ``answer_aggregation`` only: it groups by every column of the
    index after the wave (g1, g2, g3, question, value), so the database walks one range of the
    index in order; a filter on a later group column alone becomes a set of ranges by naming
    every code of the earlier ones (``g1 IN (…)``).
    """
    conditions = _filter_kwargs(group_filter or {})
    if use_cube and ensure_cube(wave):
        rows = (
            AnswerCube.objects.filter(wave=wave, question__isnull=False, **conditions)
            .values_list("question_id", "value")
            .annotate(total=Sum("n"))
            .order_by()
        )
        result: dict[int, dict[int, int]] = defaultdict(dict)
        for question_id, value, n in rows:
            result[question_id][value] = n
        return dict(result)
    if codes:
        highest = max(conditions, default="g0")
        for slot in range(1, 4):
            column = f"g{slot}"
            if column not in conditions and column < highest and codes.get(slot):
                conditions[f"{column}__in"] = [0, *codes[slot]]
    raw = (
        Answer.objects.filter(wave=wave, **conditions)
        .values_list("g1", "g2", "g3", "question_id", "value")
        .annotate(n=Count("*"))
        .order_by()
    )
    counts: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for _g1, _g2, _g3, question_id, value, n in raw:
        counts[question_id][value] += n
    return {q: dict(v) for q, v in counts.items()}


def text_answers(wave: Wave, group_filter: Mapping[int, int] | None = None) -> tuple[dict[int, int], dict[int, list[str]]]:
    """Number of free-text answers per question, and a random sample of each (two queries)."""
    conditions = _filter_kwargs(group_filter or {})
    base = TextAnswer.objects.filter(wave=wave, **conditions)
    counts = dict(base.values_list("question_id").annotate(n=Count("*")).order_by())
    sample: dict[int, list[str]] = defaultdict(list)
    if counts:
        rows = (
            base.annotate(rank=Window(RowNumber(), partition_by=[F("question_id")], order_by=Random().asc()))
            .filter(rank__lte=TEXT_SAMPLE)
            .values_list("question_id", "text")
        )
        for question_id, text in rows:
            sample[question_id].append(text)
    return counts, dict(sample)


# --- the plan ---------------------------------------------------------------------------------


def group_values(questionnaire: Questionnaire, codes: tuple[int, int, int]) -> tuple[str | None, ...]:
    """The option keys of a cell's group codes, in the order of the group questions (None: open)."""
    values = []
    for item in questionnaire.group_items:
        code = codes[(item.group_slot or 1) - 1]
        option = item.option_by_code(code) if code else None
        values.append(option.key if option else None)
    return tuple(values)


def _mapped(questionnaire: Questionnaire, cells: Mapping[tuple[int, int, int], int]) -> dict[tuple[str | None, ...], int]:
    mapped: dict[tuple[str | None, ...], int] = defaultdict(int)
    for codes, n in cells.items():
        mapped[group_values(questionnaire, codes)] += n
    return mapped


def build_plan(questionnaire: Questionnaire, wave: Wave, cells: Mapping[tuple[int, int, int], int]) -> SuppressionPlan:
    """The suppression plan of a wave's group counts, over all its group questions."""
    groups = questionnaire.group_items
    dims = [item.key for item in groups]
    counts = counts_from_cells(dims, _mapped(questionnaire, cells))
    domains = {item.key: [o.key for o in item.options] for item in groups}
    return plan_suppression(counts, questionnaire.survey.min_group_size, domains=domains)


CubeRow = tuple[int, int, int, int, int, int]
"""(g1, g2, g3, question id, value, n) of an ended wave's answer cube."""


def cube_rows(wave: Wave) -> list[CubeRow]:
    """All answer counts of an ended wave per group cell (one query on its cube)."""
    if not ensure_cube(wave):
        raise ResultsNotAvailable
    return list(AnswerCube.objects.filter(wave=wave, question__isnull=False).values_list(
        "g1", "g2", "g3", "question_id", "value", "n"))


def filtered_counts(rows: list[CubeRow], group_filter: Mapping[int, int]) -> dict[int, dict[int, int]]:
    """``{question id: {value: count}}`` for a filter, summed from the cube rows."""
    result: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for g1, g2, g3, question_id, value, n in rows:
        codes = (g1, g2, g3)
        if all(codes[slot - 1] == code for slot, code in group_filter.items() if 1 <= slot <= 3):
            result[question_id][value] += n
    return {q: dict(v) for q, v in result.items()}


def answered_cells(wave: Wave, questionnaire: Questionnaire,
                   rows: list[CubeRow] | None = None) -> dict[str, dict[tuple[int, int, int], int]]:
    """Per answer unit (question or statement) key: responses that answered it, per group cell.

    From the wave's cube (choices, scales, numbers) and one grouped query on the free texts.
    """
    by_id = {unit.id: unit for unit in questionnaire.answer_units() if not unit.is_group}
    result: dict[str, dict[tuple[int, int, int], int]] = defaultdict(lambda: defaultdict(int))
    for g1, g2, g3, question_id, value, n in cube_rows(wave) if rows is None else rows:
        unit = by_id.get(question_id)
        if unit is None or (unit.kind == QuestionKind.MULTIPLE and value != Answer.ANSWERED):
            continue
        result[unit.key][(g1, g2, g3)] += n
    texts = TextAnswer.objects.filter(wave=wave).values_list("g1", "g2", "g3", "question_id").annotate(
        n=Count("*")).order_by()
    for g1, g2, g3, question_id, n in texts:
        unit = by_id.get(question_id)
        if unit is not None:
            result[unit.key][(g1, g2, g3)] += n
    return {key: dict(cells) for key, cells in result.items()}


def build_wave_plan(questionnaire: Questionnaire, wave: Wave, cells: Mapping[tuple[int, int, int], int],
                    rows: list[CubeRow] | None = None) -> WavePlan:
    """The one plan for every page and export of an ended wave (``kosmos.surveys.domain.wave_plan``)."""
    groups = build_plan(questionnaire, wave, cells)
    dims = [item.key for item in questionnaire.group_items]
    answered = {
        key: counts_from_cells(dims, _mapped(questionnaire, unit_cells))
        for key, unit_cells in answered_cells(wave, questionnaire, rows).items()
    }
    units = [u for u in questionnaire.answer_units() if not u.is_group]
    for unit in units:
        answered.setdefault(unit.key, counts_from_cells(dims, {}))
    sources: dict[str, str | None] = {}
    for item in questionnaire.items:
        sources[item.key] = item.condition_key
        for statement in item.statements:
            sources[statement.key] = item.key  # a statement is shown exactly when its matrix is
    depends = condition_dependencies(sources, dims)
    return plan_wave(groups, answered, {u.key: depends.get(u.key, frozenset()) for u in units}, dims)


def filter_conditions(questionnaire: Questionnaire, group_filter: Mapping[int, int]) -> dict[str, str]:
    """The filter in the plan's terms: {group question key: option key}."""
    result = {}
    for item in questionnaire.group_items:
        code = group_filter.get(item.group_slot or 0)
        option = item.option_by_code(code) if code else None
        if option is not None:
            result[item.key] = option.key
    return result


def parse_filter(questionnaire: Questionnaire, params: Mapping[str, str]) -> Filter:
    """Read ``?gruppe1=<option key>&gruppe2=…`` (unknown values are ignored)."""
    result: Filter = {}
    for item in questionnaire.group_items:
        slot = item.group_slot or 0
        option = item.option(params.get(f"gruppe{slot}", ""))
        if option is not None:
            result[slot] = option.code
    return result


# --- results per question ------------------------------------------------------------------------


@dataclass
class ItemResult:
    item: Item
    n: int
    suppressed: bool = False
    counts: dict[str, int] = field(default_factory=dict)  # option key -> count
    shares: dict[str, float] = field(default_factory=dict)
    scale: ScaleSummary | None = None
    mean: float | None = None
    median: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    texts: list[str] | None = None
    text_count: int = 0
    statements: list[ItemResult] = field(default_factory=list)


@dataclass
class WaveResults:
    wave: Wave
    questionnaire: Questionnaire
    plan: SuppressionPlan
    conditions: dict[str, str]
    total: int
    displayable: bool
    n: int | None  # responses in the filtered group, None when not shown
    items: list[ItemResult]
    group_tables: list[tuple[Item, dict[str, int | None]]]
    wave_plan: WavePlan | None = None


class ResultsNotAvailable(Exception):  # noqa: N818
    """Results of a wave that has not ended: never computed (live numbers could be differenced)."""


def _choice_result(item: Item, counts: Mapping[int, int], k: int) -> ItemResult:
    n = counts.get(Answer.ANSWERED, 0) if item.kind == QuestionKind.MULTIPLE else sum(counts.values())
    by_key = {o.key: counts.get(o.code, 0) for o in item.options}
    if n < k:
        return ItemResult(item, n, suppressed=True)
    return ItemResult(item, n, counts=by_key, shares=percentages(by_key, base=n))


def _scale_result(item: Item, counts: Mapping[int, int], k: int) -> ItemResult:
    by_key = {o.key: counts.get(o.code, 0) for o in item.options}
    summary = summarize_scale(by_key, item.scale_values, k=k)
    return ItemResult(item, summary.n, suppressed=summary.suppressed, counts=summary.counts,
                      shares=summary.percentages, scale=summary, mean=summary.mean, median=summary.median)


def _number_result(item: Item, counts: Mapping[int, int], k: int) -> ItemResult:
    n = sum(counts.values())
    if n < k:
        return ItemResult(item, n, suppressed=True)
    return ItemResult(
        item, n, mean=mean_from_counts(counts), median=median_from_counts(counts),
        minimum=min(counts) if counts else None, maximum=max(counts) if counts else None,
    )


def item_result(item: Item, counts: Mapping[int, int], k: int) -> ItemResult:
    if item.kind in {QuestionKind.LIKERT, QuestionKind.STATEMENT}:
        return _scale_result(item, counts, k)
    if item.kind == QuestionKind.NUMBER:
        return _number_result(item, counts, k)
    return _choice_result(item, counts, k)


def wave_results(
    wave: Wave,
    questionnaire: Questionnaire,
    group_filter: Mapping[int, int] | None = None,
    *,
    with_texts: bool = True,
    cells: Mapping[tuple[int, int, int], int] | None = None,
) -> WaveResults:
    """Everything a results page shows for one filter; numbers the plan hides are never read.

    Only for ended waves (``ResultsNotAvailable`` otherwise): an ended wave is final, so its
    results are the same at every moment they are read. Every question asks the wave plan
    (``build_wave_plan``) whether it is shown for the filter; a hidden one carries no n.
    """
    if not wave.is_closed:
        raise ResultsNotAvailable
    group_filter = dict(group_filter or {})
    cells = group_cells(wave) if cells is None else cells
    rows = cube_rows(wave)
    plan = build_wave_plan(questionnaire, wave, cells, rows)
    groups = plan.groups
    conditions = filter_conditions(questionnaire, group_filter)
    total = sum(cells.values())
    k = questionnaire.survey.min_group_size
    group_tables = []
    for group in questionnaire.group_items:
        if group.key in conditions:
            continue
        table = groups.table([group.key], conditions)
        group_tables.append((group, dict(table.rows)))
    if not groups.is_displayable(conditions):
        return WaveResults(wave, questionnaire, groups, conditions, total, False, groups.count(conditions), [],
                           group_tables, plan)
    counts = filtered_counts(rows, group_filter)
    text_counts, samples = text_answers(wave, group_filter) if with_texts else ({}, {})

    def unit_result(unit: Item) -> ItemResult:
        if not plan.shows(unit.key, conditions):
            return ItemResult(unit, 0, suppressed=True)
        return item_result(unit, counts.get(unit.id, {}), k)

    items: list[ItemResult] = []
    for item in questionnaire.items:
        if item.is_group:
            continue
        if item.kind == QuestionKind.MATRIX:
            statements = [unit_result(s) for s in item.statements]
            items.append(ItemResult(item, max((s.n for s in statements), default=0), statements=statements))
        elif item.kind == QuestionKind.TEXT:
            if plan.shows(item.key, conditions):
                texts = shuffle_texts(samples.get(item.id, [])) if with_texts else None
                n = text_counts.get(item.id, 0)
                items.append(ItemResult(item, n, texts=texts, text_count=n))
            else:
                items.append(ItemResult(item, 0, suppressed=True, texts=None))
        else:
            items.append(unit_result(item))
    return WaveResults(wave, questionnaire, groups, conditions, total, True, groups.count(conditions), items,
                       group_tables, plan)

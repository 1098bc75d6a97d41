"""The rows of a wave's exports; ``kosmos.core.documents`` writes them as XLSX or CSV (formula-safe,
CSV for German Excel).

- Aggregates: the numbers of the results page for one filter, with the same suppression.
- Raw responses: one row per response, in random order, without date, language or any id;
  the group columns are those of the wave plan's ``raw_dimensions`` (every group they form is
  shown by the pages too, with at least K responses), and questions whose condition depends on
  another group question are left out (``kosmos.surveys.domain.wave_plan``).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence

from django.utils.translation import gettext as _

from kosmos.core.documents import Sheet
from kosmos.core.domain.numbers import round_half_up
from kosmos.surveys.content import Item, Questionnaire
from kosmos.surveys.domain.anonymity import NO_ANSWER
from kosmos.surveys.models import Answer, QuestionKind, Response, TextAnswer, Wave
from kosmos.surveys.results import WaveResults, build_wave_plan, group_cells, group_values

Row = Sequence[object]


class ExportRefused(Exception):  # noqa: N818
    pass


# --- aggregates ----------------------------------------------------------------------------------


def _pct(value: float | None) -> object:
    return None if value is None else round_half_up(value, 1)


def _mean(value: float | None) -> object:
    return None if value is None else round_half_up(value, 2)


def aggregate_rows(results: WaveResults) -> list[Row]:
    hidden = _("hidden (protection of small groups)")
    rows: list[Row] = [[_("Question"), _("Text"), _("Statement"), _("Answer"), _("Count"), _("Share (%)"), "n",
                        _("Mean"), _("Median")]]
    if not results.displayable:
        rows.append(["", hidden, "", "", None, None, None, None, None])
        return rows

    def choice_rows(key: str, text: str, statement: str, result) -> None:  # noqa: ANN001
        if result.suppressed:
            rows.append([key, text, statement, hidden, None, None, None, None, None])
            return
        for option in result.item.options:
            rows.append([key, text, statement, option.label, result.counts.get(option.key, 0),
                         _pct(result.shares.get(option.key)), result.n, _mean(result.mean), _mean(result.median)])

    for result in results.items:
        item = result.item
        if item.kind == QuestionKind.MATRIX:
            for statement in result.statements:
                choice_rows(statement.item.key, item.text_de, statement.item.text_de, statement)
        elif item.kind == QuestionKind.TEXT:
            rows.append([item.key, item.text_de, "", _("free-text answers"),
                         hidden if result.suppressed else result.text_count, None, None, None, None])
        elif item.kind == QuestionKind.NUMBER:
            if result.suppressed:
                rows.append([item.key, item.text_de, "", hidden, None, None, None, None, None])
            else:
                rows.append([item.key, item.text_de, "", "", None, None, result.n, _mean(result.mean),
                             _mean(result.median)])
        else:
            choice_rows(item.key, item.text_de, "", result)
    for item, counts in results.group_tables:
        for key, n in counts.items():
            label = _("No answer") if key == NO_ANSWER else (item.option(key).label if item.option(key) else key)
            rows.append([item.key, item.text_de, "", label, n if n is not None else hidden, None, None, None, None])
    return rows


def aggregate_sheets(results: WaveResults) -> list[Sheet]:
    survey = results.questionnaire.survey
    info: list[Row] = [
        [_("Survey"), survey.title], [_("Wave"), results.wave.name],
        [_("Period"), f"{results.wave.starts_on:%d.%m.%Y} – {results.wave.ends_on:%d.%m.%Y}"],
        [_("Minimum group size"), survey.min_group_size], [_("Responses"), results.total],
        [_("Filter"), ", ".join(f"{results.questionnaire.by_key[d].text_de}: "
                                f"{results.questionnaire.by_key[d].option(v).label}"  # type: ignore[union-attr]
                                for d, v in results.conditions.items()) or _("none")],
        [_("Responses in the filter"), results.n if results.n is not None else _("hidden")],
    ]
    sheets = [Sheet(_("Results"), aggregate_rows(results)), Sheet(_("About"), info, header_rows=0, bold_columns=1)]
    texts: list[Row] = [[_("Question"), _("Text"), _("Answer")]]
    for result in results.items:
        for text in result.texts or []:
            texts.append([result.item.key, result.item.text_de, text])
    if len(texts) > 1:
        sheets.append(Sheet(_("Free texts"), texts))
    return sheets


# --- raw responses ---------------------------------------------------------------------------------


def _unit_columns(questionnaire: Questionnaire) -> list[tuple[Item, str | None, str]]:
    """(unit, option key for multiple choice or None, header)."""
    columns: list[tuple[Item, str | None, str]] = []
    for unit in questionnaire.answer_units():
        if unit.is_group:
            continue
        if unit.kind == QuestionKind.MULTIPLE:
            columns += [(unit, o.key, f"{unit.key}:{o.key} ({o.label})") for o in unit.options]
        else:
            columns.append((unit, None, f"{unit.key} ({unit.text_de[:60]})"))
    return columns


def raw_rows(wave: Wave, questionnaire: Questionnaire, rng: random.Random | None = None) -> list[Row]:
    """All responses of an ended wave, anonymity-safe (four queries)."""
    k = questionnaire.survey.min_group_size
    cells = group_cells(wave)
    if sum(cells.values()) < k:
        raise ExportRefused(_("A wave with fewer than %(k)d responses cannot be exported.") % {"k": k})
    # One plan for the wave: the raw export labels every row with the same group questions
    # (those whose every group the pages show too) and none of the others.
    plan = build_wave_plan(questionnaire, wave, cells)
    all_groups = questionnaire.group_items
    groups = [g for g in all_groups if g.key in plan.raw_dimensions]
    left_out = plan.raw_hidden_questions

    def keys_of(codes: tuple[int, int, int]) -> tuple[str | None, ...]:
        values = dict(zip([g.key for g in all_groups], group_values(questionnaire, codes), strict=True))
        return tuple(values[g.key] for g in groups)

    responses = list(Response.objects.filter(wave=wave).values_list("id", "g1", "g2", "g3"))
    answers: dict[object, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for response_id, question_id, value in Answer.objects.filter(wave=wave).values_list(
        "response_id", "question_id", "value"
    ).iterator(chunk_size=20_000):
        answers[response_id][question_id].append(value)
    texts: dict[object, dict[int, str]] = defaultdict(dict)
    for response_id, question_id, text in TextAnswer.objects.filter(wave=wave).values_list(
        "response_id", "question_id", "text"
    ).iterator(chunk_size=5_000):
        texts[response_id][question_id] = text

    columns = [c for c in _unit_columns(questionnaire) if c[0].key not in left_out]
    header: list[object] = [_("No."), *[f"{g.key} ({g.text_de[:60]})" for g in groups], *[c[2] for c in columns]]
    body: list[list[object]] = []
    for response_id, g1, g2, g3 in responses:
        combo = keys_of((g1, g2, g3))
        row: list[object] = []
        for g, key in zip(groups, combo, strict=True):
            option = g.option(key) if key else None
            row.append(option.label if option else None)
        given = answers.get(response_id, {})
        own_texts = texts.get(response_id, {})
        for unit, option_key, _header in columns:
            values = given.get(unit.id, [])
            if unit.kind == QuestionKind.TEXT:
                row.append(own_texts.get(unit.id))
            elif unit.kind == QuestionKind.NUMBER:
                row.append(values[0] if values else None)
            elif unit.kind == QuestionKind.MULTIPLE:
                option = unit.option(option_key or "")
                row.append(None if not values else int(option is not None and option.code in values))
            else:
                option = unit.option_by_code(values[0]) if values else None
                if option is None:
                    row.append(None)
                elif unit.kind in {QuestionKind.LIKERT, QuestionKind.STATEMENT} and not option.not_applicable:
                    row.append(option.value if option.value is None or option.value % 1 else int(option.value))
                else:
                    row.append(option.label)
        body.append(row)
    (rng or random.SystemRandom()).shuffle(body)
    return [header, *[[i, *row] for i, row in enumerate(body, start=1)]]


def raw_sheets(wave: Wave, questionnaire: Questionnaire) -> list[Sheet]:
    rows = raw_rows(wave, questionnaire)
    legend: list[Row] = [[_("Column"), _("Meaning")]]
    legend.append([_("No."), _("Running number in random order; it says nothing about the order of submission.")])
    shown = {str(h).split(" ", 1)[0].split(":", 1)[0] for h in rows[0][1:]}
    left_out = [u.key for u in [*questionnaire.group_items, *questionnaire.answer_units()] if u.key not in shown]
    if left_out:
        legend.append(["", _("Left out to protect small groups (one rule for all pages and exports of the wave): "
                             "%(keys)s.") % {"keys": ", ".join(dict.fromkeys(left_out))}])
    legend.append(["", _("Empty cells: the question was not answered.")])
    for unit in questionnaire.answer_units():
        if unit.kind in {QuestionKind.LIKERT, QuestionKind.STATEMENT}:
            scale = ", ".join(f"{o.value:g} = {o.label}" for o in unit.levels)
            legend.append([unit.key, f"{unit.text_de} ({scale})"])
    return [Sheet(_("Responses"), rows), Sheet(_("Legend"), legend)]

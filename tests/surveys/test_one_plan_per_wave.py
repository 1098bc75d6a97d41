"""Issue 17, items 1 and 2: one suppression plan for every page and export of a wave.

Each test builds the reported situation, reads what a quality manager can read (the summary
export, which carries the numbers of the results page for a filter, and the raw export) and
plays the reported attack: for every number shown, the rows that the raw export attributes to it
must differ from it by 0 or by at least K, and a conditional question must not single out a group.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

import openpyxl
import pytest
from django.urls import reverse

from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.models import Question, Survey, Wave
from tests.surveys.conftest import close_wave, open_wave

pytestmark = pytest.mark.django_db

HIDDEN = "nicht angezeigt (Schutz kleiner Gruppen)"


def _survey(world, *, follow_up: bool) -> tuple[Survey, dict[str, Question]]:  # noqa: ANN001
    qm = world.qm
    survey = services.do_create_survey(acting_user=qm, organisation=world.freiburg, title="Angriff", audience="staff",
                                       min_group_size=5)
    section = survey.sections.get()
    area = services.do_add_question(acting_user=qm, section=section, kind="single", text="Bereich",
                                    options=["Aaa", "Bbb", "Ccc"], is_group=True)
    age = services.do_add_question(acting_user=qm, section=section, kind="single", text="Alter",
                                   options=["Jung", "Alt"], is_group=True)
    rating = services.do_add_question(acting_user=qm, section=section, kind="likert", text="Zufrieden",
                                      scale_key="agree5", required=True)
    questions = {"area": area, "age": age, "rating": rating}
    if follow_up:
        later = services.do_add_section(acting_user=qm, survey=survey, title="Nur Bereich A")
        a_key = area.choices.order_by("position").first().key
        questions["follow"] = services.do_add_question(
            acting_user=qm, section=later, kind="likert", text="Nachfrage", scale_key="agree5", required=True,
            condition=(area, [a_key]))
    return Survey.objects.get(pk=survey.pk), questions


def _fill(wave: Wave, questions: dict[str, Question], cells: dict[tuple[int, int], int]) -> None:
    questionnaire = load_questionnaire(wave.survey)
    areas = [c.key for c in questions["area"].choices.order_by("position")]
    ages = [c.key for c in questions["age"].choices.order_by("position")]
    for (a, g), n in cells.items():
        for i in range(n):
            answers = {questions["area"].key: areas[a], questions["age"].key: ages[g],
                       questions["rating"].key: str(1 + (i + a + g) % 5)}
            if "follow" in questions and a == 0:
                answers[questions["follow"].key] = str(1 + i % 5)
            services.do_submit_response(wave=wave, questionnaire=questionnaire, answers=answers, language="de",
                                        nonce=services.new_nonce())


def _url(wave: Wave, kind: str, fmt: str) -> str:
    return reverse("org:survey_wave_export", kwargs={"org_slug": "freiburg", "survey_id": wave.survey.public_id,
                                                     "wave_id": wave.public_id, "kind": kind, "fmt": fmt})


def _summary(client, wave: Wave, query: str) -> list[list[str]]:  # noqa: ANN001
    content = client.get(_url(wave, "zusammenfassung", "csv") + query).content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";"))


def _raw(client, wave: Wave) -> tuple[tuple, list[tuple]]:  # noqa: ANN001
    response = client.get(_url(wave, "antworten", "xlsx"))
    assert response.status_code == 200
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    return rows[0], rows[1:]


def _column(header: tuple, key: str) -> int | None:
    return next((i for i, h in enumerate(header) if str(h).startswith(f"{key} (")), None)


def _shown_n(rows: list[list[str]], key: str) -> int | None:
    values = {r[6] for r in rows[1:] if r[0] == key and r[4] not in ("", HIDDEN)}
    return int(values.pop()) if values else None


def test_summary_minus_labelled_raw_rows_never_isolates_a_small_cell(world, client_for):
    """Aaa & Jung = 1 (the target), the other three cells 10 each; K = 5."""
    survey, q = _survey(world, follow_up=False)
    wave = open_wave(survey, world.qm)
    _fill(wave, q, {(0, 0): 1, (0, 1): 10, (1, 0): 10, (1, 1): 10})
    close_wave(wave)
    client = client_for(world.qm)
    header, body = _raw(client, wave)
    area_col, age_col = _column(header, q["area"].key), _column(header, q["age"].key)
    labels = {"area": {c.key: c.label for c in q["area"].choices.all()},
              "age": {c.key: c.label for c in q["age"].choices.all()}}

    columns = {"area": area_col, "age": age_col}
    filters = [{}] + [{"area": a} for a in labels["area"]] + [{"age": g} for g in labels["age"]]
    filters += [{"area": a, "age": g} for a in labels["area"] for g in labels["age"]]
    for conditions in filters:
        query = "?" + "&".join(f"gruppe{1 if d == 'area' else 2}={v}" for d, v in conditions.items())
        n = _shown_n(_summary(client, wave, query), q["rating"].key)
        if n is None:
            continue
        def attributable(row: tuple, conditions: dict[str, str] = conditions) -> bool:
            return all(columns[d] is not None and row[columns[d]] == labels[d][v] for d, v in conditions.items())

        known = sum(1 for row in body if attributable(row))
        assert n - known == 0 or n - known >= 5, f"{conditions}: {n} shown, {known} rows attributable"


def test_a_follow_up_for_one_group_does_not_single_out_another(world, client_for):
    """Areas Aaa 6 / Bbb 10 / Ccc 1; a required follow-up only for Aaa."""
    survey, q = _survey(world, follow_up=True)
    wave = open_wave(survey, world.qm)
    _fill(wave, q, {(0, 0): 3, (0, 1): 3, (1, 0): 5, (1, 1): 5, (2, 1): 1})
    close_wave(wave)
    client = client_for(world.qm)

    # The aggregate: the follow-up's n would be Aaa's count and give Ccc = 17 - 10 - 6 = 1.
    total = _summary(client, wave, "")
    shown_areas = {r[3]: r[4] for r in total[1:] if r[0] == q["area"].key}
    follow_n = _shown_n(total, q["follow"].key)
    if follow_n is not None:
        assert all(v != HIDDEN for v in shown_areas.values()), (follow_n, shown_areas)

    # The raw export: which rows answered the follow-up must not single out fewer than K rows.
    header, body = _raw(client, wave)
    area_col, follow_col = _column(header, q["area"].key), _column(header, q["follow"].key)
    classes = Counter(
        (row[area_col] if area_col is not None else None, follow_col is not None and row[follow_col] is not None)
        for row in body
    )
    assert all(n >= 5 for n in classes.values()), classes

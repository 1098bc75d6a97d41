"""Property test of the anonymity promise, through the real views and exports.

Hypothesis generates a minimum group size, responses spread over two group questions (some
leaving them open) and free texts that name their group. Then every filter combination is
requested as the summary export (the numbers of the results page) and the results page itself,
and the raw export once. Nothing reachable may reveal a group below K:

- a number shown for a group is its true count, and that count is at least K (or the value was
  chosen by nobody in the whole wave);
- along every row and column whose total is shown, the hidden groups are either none or at least
  two that together hold at least K responses (so no hidden group is total minus the rest);
- a filter below K shows no answer, no mean and no free text; a question answered by fewer than
  K people in a shown group shows no distribution;
- every row of the raw export looks like at least K − 1 others in its group columns (the group
  columns it has are labelled for every row; the attacks across pages and exports are played in
  ``test_wave_plan_attacks.py`` and ``test_one_plan_per_wave.py``).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter

import openpyxl
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.models import Question, Survey, Wave
from tests.surveys.conftest import close_wave, open_wave

AREAS = ["leistung", "markt", "service"]
AGES = ["jung", "alt"]
HIDDEN = "nicht angezeigt (Schutz kleiner Gruppen)"

respondents = st.lists(
    st.tuples(
        st.sampled_from([*AREAS, None]),
        st.sampled_from([*AGES, None]),
        st.sampled_from(["1", "2", "3", "4", "5", "na", None]),
    ),
    min_size=0,
    max_size=22,
)


def _survey(world) -> Survey:  # noqa: ANN001
    existing = Survey.objects.filter(title="Eigenschaftstest").first()
    if existing:
        return existing
    qm = world.qm
    survey = services.do_create_survey(acting_user=qm, organisation=world.freiburg, title="Eigenschaftstest",
                                       audience="staff")
    section = survey.sections.get()
    area = services.do_add_question(acting_user=qm, section=section, kind="single", text="Bereich",
                                    options=["Leistung", "Markt", "Service"], is_group=True)
    age = services.do_add_question(acting_user=qm, section=section, kind="single", text="Alter",
                                   options=["Jung", "Alt"], is_group=True)
    services.do_add_question(acting_user=qm, section=section, kind="likert", text="Zufrieden", scale_key="agree5",
                             no_answer=True)
    services.do_add_question(acting_user=qm, section=section, kind="text", text="Kommentar")
    for question, keys in ((area, AREAS), (age, AGES)):
        for choice, key in zip(question.choices.order_by("position"), keys, strict=True):
            choice.key = key
            choice.save(update_fields=["key"])
    return Survey.objects.get(pk=survey.pk)


def _export(client, wave: Wave, kind: str, fmt: str, query: str = "") -> bytes:  # noqa: ANN001
    url = reverse("org:survey_wave_export", kwargs={"org_slug": "freiburg", "survey_id": wave.survey.public_id,
                                             "wave_id": wave.public_id, "kind": kind, "fmt": fmt})
    response = client.get(url + query)
    assert response.status_code in (200, 302)
    return response.content if response.status_code == 200 else b""


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(k=st.sampled_from([3, 5]), people=respondents)
def test_no_page_or_export_reveals_a_group_below_k(k, people, world, client_for, db):  # noqa: ANN001
    survey = _survey(world)
    Survey.objects.filter(pk=survey.pk).update(min_group_size=k)
    survey.refresh_from_db()
    keys = {q.text: q.key for q in Question.objects.filter(survey=survey)}
    wave = open_wave(survey, world.qm)
    questionnaire = load_questionnaire(survey)
    for i, (area, age, rating) in enumerate(people):
        answers = {keys["Kommentar"]: f"marker-{area}-{age}-{i}"}
        if area:
            answers[keys["Bereich"]] = area
        if age:
            answers[keys["Alter"]] = age
        if rating:
            answers[keys["Zufrieden"]] = rating
        services.do_submit_response(wave=wave, questionnaire=questionnaire, answers=answers, language="de",
                                    nonce=services.new_nonce())
    close_wave(wave)
    client = client_for(world.qm)

    def true_count(conditions: dict[str, str]) -> int:
        def match(person) -> bool:  # noqa: ANN001
            values = {"area": person[0] or "__none__", "age": person[1] or "__none__"}
            return all(values[d] == v for d, v in conditions.items())

        return sum(1 for p in people if match(p))

    chosen = {"area": {p[0] for p in people if p[0]}, "age": {p[1] for p in people if p[1]}}
    filters = [{}]
    filters += [{"area": a} for a in AREAS] + [{"age": a} for a in AGES]
    filters += [{"area": a, "age": b} for a, b in itertools.product(AREAS, AGES)]
    for conditions in filters:
        query = "?" + "&".join(f"gruppe{1 if d == 'area' else 2}={v}" for d, v in conditions.items())
        rows = list(csv.reader(io.StringIO(_export(client, wave, "zusammenfassung", "csv", query)
                                           .decode("utf-8-sig")), delimiter=";"))
        n_filter = true_count(conditions)
        shown_answers = [r for r in rows[1:] if r[0] == keys["Zufrieden"] and r[4] not in ("", HIDDEN)]
        if n_filter < k:
            assert not shown_answers, f"answers of a group of {n_filter} shown for {conditions}"
        for row in shown_answers:
            assert int(row[6]) >= k, f"distribution of {row[6]} answers shown"
        # group breakdowns within this filter
        for dim, key in (("area", keys["Bereich"]), ("age", keys["Alter"])):
            if dim in conditions:
                continue
            line = {r[3]: r[4] for r in rows[1:] if r[0] == key}
            hidden_total, hidden_cells = 0, 0
            for label, shown in line.items():
                value = {"Leistung": "leistung", "Markt": "markt", "Service": "service", "Jung": "jung",
                         "Alt": "alt", "Keine Angabe": "__none__"}[label]
                n = true_count({**conditions, dim: value})
                if shown == HIDDEN:
                    hidden_total += n
                    hidden_cells += 1
                else:
                    assert int(shown) == n
                    nobody = value != "__none__" and value not in chosen[dim]
                    assert n >= k or nobody, f"{dim}={value} under {conditions}: {n} < {k} shown"
            if hidden_cells and n_filter >= k and rows[1][4] != HIDDEN:
                assert hidden_cells >= 2 and hidden_total >= k, f"{dim} under {conditions} recoverable"
        # the page (same numbers as the export): free texts only for groups of at least K
        if conditions and not 0 < n_filter < k:
            continue
        page = client.get(reverse("org:survey_wave_results", kwargs={
            "org_slug": "freiburg", "survey_id": survey.public_id, "wave_id": wave.public_id}) + query)
        text = page.content.decode()
        if n_filter < k:
            assert text.count("marker-") == 0, f"free texts of a group of {n_filter} shown"
            assert "Mittelwert" not in text
    # the raw export: every visible combination of group columns is shared by at least K rows
    raw = _export(client, wave, "antworten", "xlsx")
    if len(people) < k:
        assert raw == b""
        return
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    group_columns = [i for i, h in enumerate(rows[0]) if str(h).startswith((f"{keys['Bereich']} (", f"{keys['Alter']} ("))]
    combos = Counter(tuple(row[i] for i in group_columns) for row in rows[1:])
    assert all(n >= k for n in combos.values()), combos

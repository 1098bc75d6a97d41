"""Aggregating survey results: 50,000 responses × 20 questions (1,000,000 answers).

Measures, each as the median of repeated runs on the same data:

- ``ours``: the aggregation of the results page (``kosmos.surveys.results.answer_counts``) with
  one and with two group filters (and unfiltered, and a filter on the second group only). Results
  exist only for ended waves, which read their counts from the wave's cube (``AnswerCube``); the
  cube is built once, by one grouped INSERT … SELECT (``cube_build_once_ms``);
- ``ours_without_cube``: the same aggregation straight from the answers, a grouped index-only
  scan of ``answer_aggregation`` — what the cube is built from, and what a running wave would cost;
- ``duckdb``: the same GROUP BY in DuckDB (in memory, columnar) on the same rows — the peer;
- ``python``: aggregating the same rows in Python: fetch the wave's rows and count them in a loop
  (the peer for "20× faster"); also the loop alone on rows already in memory, and fetching ORM
  rows;
- ``results_page``: the whole results page (HTTP response through Django with all charts and
  the suppression plan), unfiltered and with one filter.

The database comes from KOSMOS_DATABASE_URL (default: var/bench-surveys.sqlite3, created and
migrated here). The generated data is kept and reused; ``--fresh`` generates it again.

Run:  .venv/bin/python bench/surveys_aggregation.py
      source scripts/postgres-env.sh && .venv/bin/python bench/surveys_aggregation.py
Prints one JSON object.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KOSMOS_DEBUG", "1")
os.environ.setdefault("KOSMOS_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-surveys.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from kosmos.core.models import Membership, Organisation, User  # noqa: E402
from kosmos.surveys import services  # noqa: E402
from kosmos.surveys.models import Answer, AnswerCube, Question, Response, Survey, Wave, WaveStatus  # noqa: E402
from kosmos.surveys.results import answer_counts, ensure_cube  # noqa: E402

RESPONSES = 50_000
QUESTIONS = 20
DEPARTMENTS = 5  # g1
AGE_BANDS = 4  # g2
SLUG = "bench-befragung"
RUNS = 15


def median_ms(function, runs: int = RUNS) -> float:  # noqa: ANN001
    function()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def _survey() -> tuple[Survey, Wave, User]:
    organisation, _ = Organisation.objects.get_or_create(
        slug=SLUG, defaults={"name": "Jobcenter Benchmark", "kind": "jobcenter", "form": "ge"})
    user, created = User.objects.get_or_create(email="qm@bench.example", defaults={"full_name": "Bench QM"})
    if created:
        user.set_password(uuid.uuid4().hex)
        user.save()
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": "quality_manager"})
    survey = Survey.objects.filter(organisation=organisation, title="Benchmark").first()
    if survey is None:
        survey = services.do_create_survey(acting_user=user, organisation=organisation, title="Benchmark",
                                           audience="staff")
        section = survey.sections.get()
        services.do_add_question(acting_user=user, section=section, kind="single", text="Bereich",
                                 options=[f"Bereich {i}" for i in range(1, DEPARTMENTS + 1)], is_group=True)
        services.do_add_question(acting_user=user, section=section, kind="single", text="Altersgruppe",
                                 options=[f"Gruppe {i}" for i in range(1, AGE_BANDS + 1)], is_group=True)
        for i in range(1, QUESTIONS + 1):
            services.do_add_question(acting_user=user, section=section, kind="likert", text=f"Aussage {i}",
                                     scale_key="agree5", no_answer=True)
    wave = Wave.objects.filter(survey=survey).first()
    if wave is None:
        wave = services.do_create_wave(acting_user=user, survey=survey, starts_on=dt.date(2025, 3, 1),
                                       ends_on=dt.date(2025, 3, 31))
        Wave.objects.filter(pk=wave.pk).update(status=WaveStatus.CLOSED)
        Survey.objects.filter(pk=survey.pk).update(structure_locked=True)
        wave.refresh_from_db()
    return survey, wave, user


def _generate(wave: Wave, question_ids: list[int]) -> None:
    rng = random.Random(50_000)
    uuid_field = Response._meta.pk
    responses, answers = [], []
    for _ in range(RESPONSES):
        rid = uuid_field.get_db_prep_value(uuid.UUID(int=rng.getrandbits(128), version=4), connection)
        g1 = rng.choice([0, *range(1, DEPARTMENTS + 1), 1, 2])
        g2 = rng.choice([0, *range(1, AGE_BANDS + 1)])
        responses.append((rid, wave.pk, dt.date(2025, 3, 1 + rng.randrange(31)), "de", g1, g2, 0))
        for qid in question_ids:
            answers.append((rid, wave.pk, qid, min(6, max(1, int(rng.gauss(2.5, 1.2)))), g1, g2, 0))
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor
            with raw.copy("COPY surveys_response (id, wave_id, submitted_on, language, g1, g2, g3) FROM STDIN") as copy:
                for row in responses:
                    copy.write_row(row)
            with raw.copy("COPY surveys_answer (response_id, wave_id, question_id, value, g1, g2, g3) FROM STDIN") as copy:
                for row in answers:
                    copy.write_row(row)
        else:
            cursor.executemany("INSERT INTO surveys_response (id, wave_id, submitted_on, language, g1, g2, g3) "
                               "VALUES (%s, %s, %s, %s, %s, %s, %s)", responses)
            cursor.executemany("INSERT INTO surveys_answer (response_id, wave_id, question_id, value, g1, g2, g3) "
                               "VALUES (%s, %s, %s, %s, %s, %s, %s)", answers)


def _analyze() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE surveys_answer")
            cursor.execute("VACUUM ANALYZE surveys_response")
        else:
            cursor.execute("ANALYZE")


def main() -> dict:
    call_command("migrate", verbosity=0)
    fresh = "--fresh" in sys.argv
    survey, wave, user = _survey()
    question_ids = list(Question.objects.filter(survey=survey, kind="likert").order_by("id").values_list("id", flat=True))
    generated = False
    if fresh:
        Answer.objects.filter(wave=wave).delete()
        Response.objects.filter(wave=wave).delete()
    if Answer.objects.filter(wave=wave).count() != RESPONSES * QUESTIONS:
        Answer.objects.filter(wave=wave).delete()
        Response.objects.filter(wave=wave).delete()
        start = time.perf_counter()
        _generate(wave, question_ids)
        generated = round(time.perf_counter() - start, 1)
    if connection.vendor == "postgresql":
        connection.set_autocommit(True)
    _analyze()

    codes = {1: list(range(1, DEPARTMENTS + 1)), 2: list(range(1, AGE_BANDS + 1))}
    one, two, second_only = {1: 2}, {1: 2, 2: 3}, {2: 3}
    # Without the cube: the grouped index-only scan over the answers themselves.
    raw = {
        "one_filter_ms": median_ms(lambda: answer_counts(wave, one, codes, use_cube=False), runs=7),
        "two_filters_ms": median_ms(lambda: answer_counts(wave, two, codes, use_cube=False), runs=7),
        "second_group_only_ms": median_ms(lambda: answer_counts(wave, second_only, codes, use_cube=False), runs=7),
        "unfiltered_ms": median_ms(lambda: answer_counts(wave, {}, codes, use_cube=False), runs=5),
    }
    # The ended wave's cube, built once (what the first visitor of the results waits for).
    AnswerCube.objects.filter(wave=wave).delete()
    Wave.objects.filter(pk=wave.pk).update(cube_ready=False)
    wave.refresh_from_db()
    start = time.perf_counter()
    ensure_cube(wave)
    cube_build_ms = round((time.perf_counter() - start) * 1000, 1)
    ours = {
        "one_filter_ms": median_ms(lambda: answer_counts(wave, one, codes)),
        "two_filters_ms": median_ms(lambda: answer_counts(wave, two, codes)),
        "second_group_only_ms": median_ms(lambda: answer_counts(wave, second_only, codes)),
        "unfiltered_ms": median_ms(lambda: answer_counts(wave, {}, codes)),
    }
    expected_one = answer_counts(wave, one, codes)
    assert expected_one == answer_counts(wave, one, codes, use_cube=False)

    # The same rows in memory, for the Python loop and DuckDB.
    rows = list(Answer.objects.filter(wave=wave).values_list("question_id", "value", "g1", "g2"))

    def python_loop(g1: int, g2: int | None) -> dict:
        counts: Counter = Counter()
        for qid, value, a, b in rows:
            if a == g1 and (g2 is None or b == g2):
                counts[(qid, value)] += 1
        return counts

    def django_fetch_and_count() -> dict:
        counts: Counter = Counter()
        for qid, value, a in Answer.objects.filter(wave=wave).values_list("question_id", "value", "g1").iterator(
            chunk_size=20_000
        ):
            if a == 2:
                counts[(qid, value)] += 1
        return counts

    loop_result = python_loop(2, None)
    assert {(q, v): n for q, values in expected_one.items() for v, n in values.items()} == dict(loop_result)
    def fetch_and_count(g2: int | None) -> dict:
        """What an app that aggregates in Python does: fetch the wave's rows, count them in a loop."""
        counts: Counter = Counter()
        with connection.cursor() as cursor:
            cursor.execute("SELECT question_id, value, g1, g2 FROM surveys_answer WHERE wave_id = %s", [wave.pk])
            for qid, value, a, b in cursor.fetchall():
                if a == 2 and (g2 is None or b == g2):
                    counts[(qid, value)] += 1
        return counts

    python = {
        "fetch_and_count_one_filter_ms": median_ms(lambda: fetch_and_count(None), runs=5),
        "fetch_and_count_two_filters_ms": median_ms(lambda: fetch_and_count(3), runs=5),
        "loop_in_memory_one_filter_ms": median_ms(lambda: python_loop(2, None), runs=5),
        "loop_in_memory_two_filters_ms": median_ms(lambda: python_loop(2, 3), runs=5),
        "orm_objects_fetch_and_count_one_filter_ms": median_ms(django_fetch_and_count, runs=3),
    }

    import duckdb

    with tempfile.NamedTemporaryFile("w", suffix=".csv", newline="", delete=False) as handle:
        writer = csv.writer(handle)
        writer.writerow(["wave_id", "question_id", "value", "g1", "g2"])
        writer.writerows((wave.pk, q, v, a, b) for q, v, a, b in rows)
        path = handle.name
    duck = duckdb.connect()
    duck.execute(f"CREATE TABLE answer AS SELECT * FROM read_csv('{path}', header=true)")  # noqa: S608
    os.unlink(path)
    query = "SELECT question_id, value, COUNT(*) FROM answer WHERE wave_id = ? AND g1 = ? {} GROUP BY question_id, value"
    duck_one = query.format("")
    duck_two = query.format("AND g2 = ?")
    assert len(duck.execute(duck_one, [wave.pk, 2]).fetchall()) == len(loop_result)
    duckdb_ms = {
        "one_filter_ms": median_ms(lambda: duck.execute(duck_one, [wave.pk, 2]).fetchall()),
        "two_filters_ms": median_ms(lambda: duck.execute(duck_two, [wave.pk, 2, 3]).fetchall()),
    }

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user, backend="kosmos.core.auth_backends.EmailBackend")
    url = reverse("org:survey_wave_results", kwargs={"org_slug": SLUG, "survey_id": survey.public_id,
                                              "wave_id": wave.public_id})
    page = client.get(url)
    assert page.status_code == 200 and page.content.count(b"<svg") >= QUESTIONS
    page_ms = {
        "unfiltered_ms": median_ms(lambda: client.get(url), runs=11),
        "one_filter_ms": median_ms(lambda: client.get(url + "?gruppe1=bereich_2"), runs=11),
    }

    def ratio(a: float, b: float) -> float:
        return round(a / b, 1)

    result = {
        "benchmark": "surveys_aggregation",
        "database": connection.vendor,
        "responses": RESPONSES,
        "answers": len(rows),
        "generated_seconds": generated,
        "ours": ours,
        "cube_build_once_ms": cube_build_ms,
        "ours_without_cube": raw,
        "duckdb": duckdb_ms,
        "python": python,
        "results_page": page_ms,
        "ours_vs_duckdb": {"one_filter": ratio(ours["one_filter_ms"], duckdb_ms["one_filter_ms"]),
                           "two_filters": ratio(ours["two_filters_ms"], duckdb_ms["two_filters_ms"])},
        "python_vs_ours": {"one_filter": ratio(python["fetch_and_count_one_filter_ms"], ours["one_filter_ms"]),
                           "two_filters": ratio(python["fetch_and_count_two_filters_ms"], ours["two_filters_ms"]),
                           "in_memory_loop_one_filter": ratio(python["loop_in_memory_one_filter_ms"],
                                                              ours["one_filter_ms"])},
    }
    result["targets_met"] = {
        "within_10x_of_duckdb": max(result["ours_vs_duckdb"].values()) <= 10,
        "20x_faster_than_python": min(result["python_vs_ours"].values()) >= 20,
        "without_cube_within_10x_of_duckdb": raw["one_filter_ms"] <= 10 * duckdb_ms["one_filter_ms"]
        and raw["two_filters_ms"] <= 10 * duckdb_ms["two_filters_ms"],
        "results_page_at_most_150ms": max(page_ms.values()) <= 150,
    }
    return result


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))

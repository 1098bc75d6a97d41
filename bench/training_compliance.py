"""The Quali-Kompass compliance overview and the completion import at scale.

560 staff × 80 trainings × 3 years of completions (about 5 departments, ~16 required trainings
each): the department compliance overview computed in SQL (``selectors.compliance``, one query)
against the named peer, the same figures computed in Python over fetched rows
(``selectors.compliance_from_rows``); both must agree. Then an import of 10,000 completion rows
(CSV parsed, checked, written all-or-nothing). Prints one JSON object.

Run: .venv/bin/python bench/training_compliance.py [--runs 15]   (targets: overview ≤ 150 ms, import ≤ 10 s)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _setup(database: str | None) -> None:
    os.environ.setdefault("KOSMOS_DEBUG", "1")
    if database:
        os.environ["KOSMOS_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _build(staff: int, trainings: int, years: int, seed: int = 7):  # noqa: ANN202
    from django.utils import timezone

    from kosmos.core.models import Organisation, User
    from kosmos.training.domain.compass import valid_until
    from kosmos.training.models import Completion, Department, Requirement, StaffProfile, Training

    rng = random.Random(seed)
    today = timezone.localdate()
    org = Organisation.objects.create(slug=f"bench-{uuid.uuid4().hex[:12]}", name="Bench", kind="jobcenter",
                                      form="ge")
    user = User.objects.create_user(f"bench{org.pk}@bench.example", "x-Bench-2026!", full_name="Bench")
    departments = [Department.objects.create(organisation=org, name=f"Fachbereich {i}", deadline_days=90, order=i)
                   for i in range(5)]
    items = Training.objects.bulk_create([
        Training(organisation=org, title=f"Schulung {i}", code=f"B-{i}", validity_months=rng.choice([None, 12, 24, 36]))
        for i in range(trainings)])
    Requirement.objects.bulk_create([Requirement(organisation=org, department=d, training=t)
                                     for d in departments for t in rng.sample(items, k=16)])
    people = []
    for i in range(staff):
        start = today - dt.timedelta(days=rng.randrange(0, 15 * 365))
        dep = departments[i % len(departments)]
        people.append(StaffProfile(organisation=org, full_name=f"P{i}", personnel_key=f"P{i:05d}", department=dep,
                                   start_date=start, required_by=start + dt.timedelta(days=90)))
    people = StaffProfile.objects.bulk_create(people)
    rows, seen = [], set()
    for person in people:
        for training in rng.sample(items, k=24):
            for _ in range(rng.choice([1, 1, 2, 3])):
                day = today - dt.timedelta(days=rng.randrange(1, years * 365))
                if (person.pk, training.pk, day) in seen:
                    continue
                seen.add((person.pk, training.pk, day))
                rows.append(Completion(organisation=org, profile=person, training=training, completed_on=day,
                                       valid_until=valid_until(day, training.validity_months), source="import"))
    Completion.objects.bulk_create(rows, batch_size=5000)
    return org, user, people, items, len(rows)


def _median_ms(func, runs: int) -> float:  # noqa: ANN001
    func()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        timings.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(timings), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    database = None
    if not os.environ.get("KOSMOS_DATABASE_URL"):
        database = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    _setup(database)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from kosmos.training import selectors, services
    from kosmos.training.models import Completion

    org, user, people, items, completions = _build(560, 80, 3)
    if connection.vendor == "postgresql":  # fresh bulk inserts: give the planner its statistics, as autovacuum would
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE training_staffprofile, training_requirement, training_completion, "
                           "training_exemption")
    today = timezone.localdate()
    sql = selectors.compliance(org, today=today)
    assert sql == selectors.compliance_from_rows(org, today=today), "SQL and Python disagree"
    with CaptureQueriesContext(connection) as captured:
        selectors.compliance(org, today=today)
    overview_ms = _median_ms(lambda: selectors.compliance(org, today=today), args.runs)
    peer_ms = _median_ms(lambda: selectors.compliance_from_rows(org, today=today), args.runs)

    rng = random.Random(11)
    lines = [("Person", "Schulung", "Abschlussdatum")]
    for _ in range(10_000):
        day = today - dt.timedelta(days=rng.randrange(1, 4000))
        lines.append((rng.choice(people).personnel_key, rng.choice(items).code, day.strftime("%d.%m.%Y")))
    csv_bytes = "\n".join(";".join(line) for line in lines).encode("utf-8")
    from kosmos.training.importing import read_rows

    before = Completion.objects.count()
    start = time.perf_counter()
    created, errors = services.do_import_completions(acting_user=user, organisation=org,
                                                     rows=read_rows(csv_bytes, "export.csv"), filename="bench.csv")
    import_s = round(time.perf_counter() - start, 2)
    assert not errors and Completion.objects.count() == before + created
    print(json.dumps({
        "benchmark": "training_compliance",
        "database": connection.vendor,
        "staff": len(people), "trainings": len(items), "completions": completions,
        "overview_median_ms": overview_ms, "overview_queries": len(captured), "overview_target_ms": 150,
        "peer": "the same figures in Python over fetched rows (compliance_from_rows)",
        "peer_median_ms": peer_ms,
        "import_rows": 10_000, "import_new": created, "import_seconds": import_s, "import_target_seconds": 10,
    }, indent=2))


if __name__ == "__main__":
    main()

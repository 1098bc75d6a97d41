"""Cross-Jobcenter comparisons at platform scale: the training-compliance topic for one reader
against 405 consenting Jobcenters (30 staff, 5 required trainings each), computed in one SQL
query over all organisations (``kosmos.training.comparisons.compliance_rates``), against the
named peer: the same rates organisation by organisation with the module's own per-organisation
selector (``kosmos.training.selectors.compliance``, one query each). Both must agree. Also the
good-practice gallery with 405 published profiles (queries and time). Prints one JSON object.

Run: .venv/bin/python bench/practice_comparisons.py [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ORGANISATIONS = 405
STAFF = 30
TRAININGS = 5


def _setup(database: str | None) -> None:
    os.environ.setdefault("KOSMOS_DEBUG", "1")
    if database:
        os.environ["KOSMOS_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _median_ms(fn, runs: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def _build():  # noqa: ANN202
    from django.utils import timezone

    from kosmos.core.models import BenchmarkConsent, Organisation
    from kosmos.practice.models import Profile, ProfileStatus
    from kosmos.training.comparisons import KEY
    from kosmos.training.models import Completion, Department, Requirement, StaffProfile, Training

    today = timezone.localdate()
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Jobcenter Bench {i}", slug=f"bench-{i}", kind="jobcenter", form="ge" if i % 4 else "zkt",
                     state="BY", staff_count=50 + i) for i in range(ORGANISATIONS))
    departments = Department.objects.bulk_create(Department(organisation=o, name="Eingangszone") for o in orgs)
    trainings = Training.objects.bulk_create(
        Training(organisation=o, title=f"Pflicht {t}") for o in orgs for t in range(TRAININGS))
    Requirement.objects.bulk_create(
        Requirement(organisation=t.organisation, department=departments[i // TRAININGS], training=t)
        for i, t in enumerate(trainings))
    profiles = StaffProfile.objects.bulk_create(
        StaffProfile(organisation=d.organisation, full_name=f"P{k}", personnel_key=f"{d.organisation.slug}-{k}",
                     department=d, start_date=today - dt.timedelta(days=400),
                     required_by=today - dt.timedelta(days=300))
        for d in departments for k in range(STAFF))
    Completion.objects.bulk_create(
        Completion(organisation=p.organisation, profile=p, training=trainings[(i // STAFF) * TRAININGS + t],
                   completed_on=today, source="import")
        for i, p in enumerate(profiles) for t in range(TRAININGS) if (i + t) % 3)
    BenchmarkConsent.objects.bulk_create(BenchmarkConsent(organisation=o, topic=KEY) for o in orgs)
    Profile.objects.bulk_create(
        Profile(organisation=o, slug=f"steckbrief-{o.slug}", title=f"Projekt {o.name}", topic_field="health",
                goals="Ziel", results="Ergebnis", status=ProfileStatus.PUBLISHED, visibility="platform")
        for o in orgs)
    return orgs, today


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    database = None
    if not os.environ.get("KOSMOS_DATABASE_URL"):
        database = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    _setup(database)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kosmos.practice import selectors as practice
    from kosmos.training import selectors
    from kosmos.training.comparisons import compliance_rates

    orgs, today = _build()
    reader = orgs[0]

    def peer() -> dict[int, float]:
        rates = {}
        for org in orgs:
            counts = list(selectors.compliance(org, today=today).values())
            base = sum(c.required - c.exempt for c in counts)
            if base:
                rates[org.pk] = 100.0 * sum(c.done for c in counts) / base
        return rates

    own, others = compliance_rates(reader, today=today)
    assert {k: round(v, 6) for k, v in others.items()} == {k: round(v, 6) for k, v in peer().items()}, "disagree"
    assert own == others[reader.pk]
    with CaptureQueriesContext(connection) as captured:
        compliance_rates(reader, today=today)
    one_query_ms = _median_ms(lambda: compliance_rates(reader, today=today), args.runs)
    peer_ms = _median_ms(peer, args.runs)

    class _User:
        is_authenticated = True

    filters = practice.GalleryFilter(topic_field="health", form="ge", size_band="medium")
    with CaptureQueriesContext(connection) as gallery_queries:
        found = len(list(practice.gallery(user=_User(), organisation=reader, filters=filters)))
    gallery_ms = _median_ms(lambda: list(practice.gallery(user=_User(), organisation=reader, filters=filters)),
                            args.runs)
    print(json.dumps({
        "benchmark": "practice_comparisons",
        "database": connection.vendor,
        "organisations": ORGANISATIONS, "staff_per_organisation": STAFF, "required_trainings": TRAININGS,
        "compliance_all_organisations_median_ms": one_query_ms, "compliance_queries": len(captured),
        "peer": "the same rates organisation by organisation with kosmos.training.selectors.compliance",
        "peer_median_ms": peer_ms, "peer_queries": len(orgs),
        "gallery_profiles_found": found, "gallery_queries": len(gallery_queries), "gallery_median_ms": gallery_ms,
    }, indent=2))


if __name__ == "__main__":
    main()

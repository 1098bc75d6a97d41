"""Render time of the consensus page (Bewertungszirkel) for a full assessment group.

12 members × 35 questions × 7 RADAR attributes (2,940 attribute values) against a named peer in
the same run: the same page for a group of 3. Both are rendered through Django's test client on a
fresh SQLite database; the script prints one JSON object with the medians and the query counts.

Run: .venv/bin/python bench/assessments_consensus.py [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _setup(database: Path) -> None:
    os.environ.setdefault("KOSMOS_DEBUG", "1")
    os.environ["KOSMOS_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")
    import django
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()
    call_command("migrate", verbosity=0)


def _circle(world, members: int):  # noqa: ANN001, ANN202
    from kosmos.assessments import services
    from kosmos.core.roles import Role
    from tests.assessments import builders
    from tests.factories import make_member

    raters = [make_member(world.freiburg, f"b{members}-{i}@bench.example", f"Mitglied {i}", Role.ASSESSOR)
              for i in range(members)]
    assessment = builders.prepare(builders.create(world.freiburg, world.qm, title=f"Zirkel {members}"), world.qm,
                                  raters)
    assessment = builders.open_rating(assessment, world.qm)
    builders.bulk_ratings(assessment, raters)
    return services.do_change_phase(acting_user=world.qm, assessment=assessment, phase="consensus")


def _measure(client, url: str, runs: int) -> dict:  # noqa: ANN001
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up templates and caches
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {
        "median_ms": round(statistics.median(timings), 1),
        "min_ms": round(min(timings), 1),
        "max_ms": round(max(timings), 1),
        "queries": len(queries),
        "html_kb": round(len(response.content) / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _setup(Path(tmp) / "bench.sqlite3")
        from django.test import Client
        from django.urls import reverse

        from tests.factories import build_world

        world = build_world()
        large = _circle(world, 12)
        small = _circle(world, 3)
        client = Client()
        client.force_login(world.qm, backend="kosmos.core.auth_backends.EmailBackend")

        def url(assessment) -> str:  # noqa: ANN001
            return reverse("org:assessment_consensus", kwargs={"org_slug": "freiburg",
                                                               "assessment_id": assessment.public_id})

        result = {
            "benchmark": "assessments_consensus",
            "page": "Bewertungszirkel (consensus board)",
            "database": "sqlite",
            "runs": args.runs,
            "subject": {"members": 12, "questions": large.items.count(), "attributes": 7,
                        "attribute_values": 12 * large.items.count() * 7, **_measure(client, url(large), args.runs)},
            "peer": {"name": "same page, group of 3", "members": 3, "questions": small.items.count(),
                     **_measure(client, url(small), args.runs)},
        }
        result["ratio_to_peer"] = round(result["subject"]["median_ms"] / result["peer"]["median_ms"], 2)
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

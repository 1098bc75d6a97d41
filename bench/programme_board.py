"""The committee's scoring board at scale: 50 applications × 8 members (400 scores).

Measures the office's board (``selectors_committee.board``: three queries whatever the size, the
statistics in the pure ``domain/scoring``) and the whole page as the office requests it, against
the named peer: the same statistics with per-application queries (one query for the scores of each
application, the N+1 pattern). Both must agree. Prints one JSON object.

Run: .venv/bin/python bench/programme_board.py [--runs 25]   (target: board page ≤ 150 ms median)
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
APPLICATIONS = 50
MEMBERS = 8
STATES = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"]


def _setup(database: str | None) -> None:
    os.environ.setdefault("KOSMOS_DEBUG", "1")
    if database:
        os.environ["KOSMOS_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _build(seed: int = 5):  # noqa: ANN202
    from django.utils import timezone

    from kosmos.core.models import Organisation, User
    from kosmos.programme.models import Application, Call, CallTopic, CommitteeMember, Score

    rng = random.Random(seed)
    office = User.objects.create_user(f"office-{seed}@bench.example", "x-Bench-2026!", full_name="Programmbüro",
                                      platform_role="programme_office")
    call = Call.objects.create(title="Bench-Ausschreibung", state="review", select_count=16, min_zkt=3,
                               max_per_state=3, deadline=timezone.now() - dt.timedelta(days=1))
    topics = [CallTopic.objects.create(call=call, name=f"Thema {i}", position=i) for i in range(3)]
    organisations = Organisation.objects.bulk_create([
        Organisation(slug=f"bench-{seed}-{i}", name=f"Jobcenter Bench {i:02d}", kind="jobcenter",
                     form="zkt" if i % 6 == 0 else "ge", state=STATES[i % len(STATES)])
        for i in range(APPLICATIONS)])
    applications = Application.objects.bulk_create([
        Application(call=call, organisation=o, topic=topics[i % 3], state="submitted",
                    project_title=f"Vorhaben {i}", submitted_at=timezone.now())
        for i, o in enumerate(organisations)])
    users = User.objects.bulk_create([
        User(email=f"member-{seed}-{i}@bench.example", full_name=f"Mitglied {i}") for i in range(MEMBERS)])
    members = CommitteeMember.objects.bulk_create([
        CommitteeMember(call=call, user=u, institution="other") for u in users])
    Score.objects.bulk_create([
        Score(member=m, application=a, **{c: rng.randint(0, 4) for c in
                                           ("situation", "transferability", "relevance", "evidence")})
        for a in applications for m in members])
    return office, call


def per_application_peer(call) -> dict:  # noqa: ANN001
    """The peer: the same statistics, one query per application for its scores."""
    from kosmos.programme.domain import scoring
    from kosmos.programme.models import Score

    weights, threshold = call.weights, float(call.disagreement_threshold)
    result = {}
    for application in call.applications.filter(state="submitted").select_related("organisation"):
        rows = list(Score.objects.filter(application=application).values(*scoring.CRITERIA))
        spread = scoring.summarise(rows, weights, threshold)
        if spread is not None:
            result[application.pk] = spread
    return result


def _median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    database = None
    if not os.environ.get("KOSMOS_DATABASE_URL"):
        database = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    _setup(database)
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kosmos.programme.selectors_committee import board

    office, call = _build()
    ours = {row.application.pk: row.spread for row in board(call).rows}
    peer = per_application_peer(call)
    assert ours == peer, "board and peer disagree"
    client = Client(HTTP_HOST="localhost")
    client.force_login(office)
    url = reverse("programme_board", kwargs={"call_id": call.public_id})
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as board_queries:
        board(call)
    with CaptureQueriesContext(connection) as peer_queries:
        per_application_peer(call)
    print(json.dumps({
        "benchmark": "programme_board",
        "database": connection.vendor,
        "applications": APPLICATIONS, "members": MEMBERS, "scores": APPLICATIONS * MEMBERS,
        "board_median_ms": _median_ms(lambda: board(call), args.runs), "board_queries": len(board_queries),
        "page_median_ms": _median_ms(lambda: client.get(url), args.runs),
        "page_target_ms": 150,
        "peer": "the same statistics with one query per application (N+1)",
        "peer_median_ms": _median_ms(lambda: per_application_peer(call), args.runs),
        "peer_queries": len(peer_queries),
    }, indent=2))


if __name__ == "__main__":
    main()

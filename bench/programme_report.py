"""The results report of a call with 16 project profiles, as PDF (target ≤ 10 s).

Builds a decided call with 16 selected Jobcenters, each with a published profile (goals, a
timeline of six milestones, results, materials), three workshops with 80 registrations and every
narrative section written; then times, in the same run:

- ``pdf``: the whole report as PDF (assembly, template, WeasyPrint) — the figure with the target;
- peer ``html_only``: the same report's HTML without the PDF conversion (what WeasyPrint adds);
- peer ``pdf_one_project``: the PDF of a call with one project (what the 15 further profiles cost);
- ``docx``: the same outline as Word file.

Prints one JSON object. Run: .venv/bin/python bench/programme_report.py [--runs 3]
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

GOALS = ("Ein Qualitätsteam wird gebildet und erarbeitet einen Bewertungsbogen nach der EFQM-Logik\n"
         "Mitarbeitende werden für verständliche Sprache sensibilisiert\n"
         "Ein Fahrplan mit Meilensteinen zur Verstetigung liegt vor")
RESULTS = ("Erprobter Bewertungsbogen mit 20 Aussagen\nLeitfaden für wertschätzende Gespräche\n"
           "Umsetzung der Ergebnisse im folgenden Quartal geplant")


def _setup(database: str | None) -> None:
    os.environ.setdefault("KOSMOS_DEBUG", "1")
    if database:
        os.environ["KOSMOS_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _build(projects: int, tag: str):  # noqa: ANN202
    from django.utils import timezone

    from kosmos.core.models import Membership, Organisation, User
    from kosmos.practice.models import Material, Milestone, Profile
    from kosmos.programme.models import (
        Application,
        Call,
        CallTopic,
        Event,
        Registration,
        ReportSection,
    )

    now = timezone.now()
    call = Call.objects.create(title=f"Bench-Welle {tag}", state="decided", deadline=now - dt.timedelta(days=300),
                               period_start=dt.date(2024, 6, 1), period_end=dt.date(2025, 5, 31))
    topics = [CallTopic.objects.create(call=call, name=name, position=i)
              for i, name in enumerate(("EFQM", "Digitalisierung", "Gesundheitsförderung"))]
    events = [Event.objects.create(call=call, kind=kind, title=f"{kind} {tag}", starts_at=now - dt.timedelta(days=d),
                                   ends_at=now - dt.timedelta(days=d, hours=-4), format="online",
                                   link="https://meet.example/x", capacity=100)
              for kind, d in (("kickoff", 300), ("interim", 150), ("closing", 10))]
    for index in range(projects):
        organisation = Organisation.objects.create(
            slug=f"bench-{tag}-{index}", name=f"Jobcenter Bench {tag} {index:02d}", kind="jobcenter",
            form="zkt" if index % 5 == 0 else "ge", state="BY", staff_count=100 + index * 20,
            region_description="Ländlich geprägte Region mit zwei Geschäftsstellen und stabilem Arbeitsmarkt.")
        profile = Profile.objects.create(
            organisation=organisation, slug=f"bench-{tag}-{index}", title=f"Projekt {index:02d}: Qualität gemeinsam",
            topic_field=("efqm", "digital", "health")[index % 3], starting_situation="Ausgangslage. " * 20,
            goals=GOALS, results=RESULTS, lessons_learned="Früh beteiligen, klein anfangen. " * 5,
            contact_role="Qualitätsmanagement", status="published", visibility="platform")
        Milestone.objects.bulk_create([Milestone(profile=profile, title=f"Meilenstein {m}", period=f"2024-{m + 1:02d}",
                                                 position=m) for m in range(6)])
        Material.objects.create(profile=profile, title="Fragenset Kund:innenbefragung", url="https://example.org/f")
        Application.objects.create(call=call, organisation=organisation, topic=topics[index % 3], state="submitted",
                                   project_title=profile.title, decision="accepted", profile=profile,
                                   submitted_at=now - dt.timedelta(days=320))
        people = [User.objects.create(email=f"p{j}-{tag}-{index}@bench.example", full_name=f"P{j}")
                  for j in range(5)]
        Membership.objects.bulk_create([Membership(user=u, organisation=organisation, role="staff") for u in people])
        Registration.objects.bulk_create([Registration(event=events[1], organisation=organisation, participant=u,
                                                       status="registered") for u in people])
    for topic in topics:
        ReportSection.objects.create(call=call, key=f"findings:t{topic.id}", body="Erkenntnis. " * 60)
    for key in ("introduction", "course", "conclusion"):
        ReportSection.objects.create(call=call, key=key, body="Absatz eins.\n\nAbsatz zwei. " * 20)
    return call


def _median_s(func, runs: int) -> float:  # noqa: ANN001
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        timings.append(time.perf_counter() - start)
    return round(statistics.median(timings), 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    database = None
    if not os.environ.get("KOSMOS_DATABASE_URL"):
        database = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    _setup(database)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from kosmos.programme import report
    from kosmos.programme.report_docx import render_docx

    translation.activate("de")
    stamp = str(int(time.time()))
    large, single = _build(16, f"{stamp}a"), _build(1, f"{stamp}b")
    report.render_pdf(large)  # warm up fonts and templates
    with CaptureQueriesContext(connection) as captured:
        pdf = report.render_pdf(large)
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(json.dumps({
        "benchmark": "programme_report",
        "database": connection.vendor,
        "projects": 16, "pages": pages, "queries": len(captured),
        "pdf_median_s": _median_s(lambda: report.render_pdf(large), args.runs), "pdf_target_s": 10,
        "peer": "html_only: the same report's HTML without PDF conversion; pdf_one_project: a call with one project",
        "html_only_median_s": _median_s(lambda: report.render_html(large), args.runs),
        "pdf_one_project_median_s": _median_s(lambda: report.render_pdf(single), args.runs),
        "docx_median_s": _median_s(lambda: render_docx(report.report_data(large)), args.runs),
        "runs": args.runs,
    }, indent=2))


if __name__ == "__main__":
    main()

"""The knowledge base's Excel import at scale, against a plain openpyxl loop.

5,000 rows in the export layout (every field filled as a real knowledge base would be) are
imported the way the pages do it: read (zip guard, openpyxl read-only), kept server-side
(``do_stage_import``), checked row by row (``domain/importing.py``: dates, postcodes against
the offline table, choices, duplicates within the file and against the database) and written in
one transaction with categories, partners, coordinates, the audit event and the search index
(``do_import_entries``). The named peer, in the same run: a plain openpyxl loop that reads the
same file and bulk-creates entries without any validation, coordinates or search index.
Then a 100,000-row file: the time until it is refused with the row-limit message.

Run: .venv/bin/python bench/knowledge_import.py   (target: import with validation ≤ 10 s)
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROWS = 5_000
PLACES = [("93047", "Regensburg"), ("93053", "Regensburg"), ("94315", "Straubing"), ("82467", "Garmisch-Partenkirchen"),
          ("99423", "Weimar"), ("99510", "Apolda"), ("93128", "Regenstauf"), ("93161", "Sinzing")]
TOPICS = ["Gesundheitsfördernde Angebote in der Region", "Regionale Netzwerke und Ansprechpersonen", "offers"]


def _setup(database: str | None) -> None:
    os.environ.setdefault("KOSMOS_DEBUG", "1")
    if database:
        os.environ["KOSMOS_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _workbook(rows: int, seed: int = 5) -> bytes:
    from kosmos.core.documents import Sheet, to_xlsx
    from kosmos.knowledge.domain import importing as imp

    rng = random.Random(seed)
    lines: list[list[object]] = [imp.export_headings()]
    for i in range(rows):
        postcode, place = rng.choice(PLACES)
        start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(0, 365))
        values = {
            "title": f"Angebot {i} – Bewegung und Entspannung", "topic": "offers",
            "category": f"Kategorie {i % 12}", "partner": f"Träger {i % 40}",
            "summary": "Kurs zur Stärkung der Gesundheit, auch bei psychischer Belastung.",
            "description": "Wöchentlicher Kurs in kleiner Gruppe. " * 4, "tags": "Bewegung, Stress",
            "target_groups": rng.choice(["U25", "Ü50", "U25; Ü50", ""]), "languages": rng.choice(["de", "de, ar"]),
            "free_of_charge": rng.choice(["ja", "nein"]), "costs": "", "referral": "Anmeldung per Telefon",
            "accessible": rng.choice(["ja", "nein"]), "address": f"Hauptstraße {i % 90 + 1}",
            "postcode": postcode, "place": place, "contact_role": "Kursleitung", "contact_phone": "0941 123456",
            "contact_email": f"kurs{i}@example.org", "website": "https://example.org/kurs",
            "opening_hours": "Mo 18–19:30 Uhr", "valid_from": start.strftime("%d.%m.%Y"),
            "valid_until": start + dt.timedelta(days=365), "responsible": "", "review_due": "31.12.2026",
        }
        lines.append(imp.export_row(values))
    return to_xlsx([Sheet("Wissensdatenbank", lines)])


def _with_dimension(content: bytes, ref: str) -> bytes:
    """The workbook with the <dimension> element Excel and LibreOffice write (openpyxl's write-only
    mode leaves it out, and then openpyxl's reader scans the whole sheet once to size it)."""
    import zipfile

    source, target = io.BytesIO(content), io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml" and b"<dimension" not in data:
                for before in (b"<sheetViews", b"<sheetFormatPr", b"<sheetData"):  # dimension comes first
                    head, sep, tail = data.partition(before)
                    if sep:
                        data = head + f'<dimension ref="{ref}"/>'.encode() + sep + tail
                        break
            zout.writestr(item, data)
    return target.getvalue()


def _peer(content: bytes, organisation) -> int:  # noqa: ANN001
    """A plain openpyxl loop: read every row and create an entry from it, no validation at all."""
    from openpyxl import load_workbook

    from kosmos.knowledge.models import Entry

    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    next(rows)
    entries = [Entry(organisation=organisation, title=str(r[0]), summary=str(r[4] or ""), description=str(r[5] or ""),
                     postcode=str(r[17] or ""), place=str(r[18] or ""), contact_email=str(r[21] or ""),
                     opening_hours=str(r[23] or "")) for r in rows if r[0]]
    workbook.close()
    return len(Entry.objects.bulk_create(entries, batch_size=1000))


def main() -> None:
    database = None
    if not os.environ.get("KOSMOS_DATABASE_URL"):
        database = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    _setup(database)
    from django.core.exceptions import ValidationError
    from django.db import connection, transaction

    from kosmos.core.documents import Sheet, to_xlsx
    from kosmos.core.models import Organisation, User
    from kosmos.core.models.search import SearchDocument
    from kosmos.knowledge import imports
    from kosmos.knowledge.models import Entry

    def org(name: str) -> Organisation:
        return Organisation.objects.create(slug=f"bench-{uuid.uuid4().hex[:10]}", name=name, kind="jobcenter",
                                           form="ge")

    ours, peer_org = org("Bench import"), org("Bench peer")
    user = User.objects.create_user(f"bench-{uuid.uuid4().hex[:8]}@bench.example", "x-Bench-2026!", full_name="Bench")
    content = _workbook(ROWS)

    cpu = time.process_time()
    start = time.perf_counter()
    header, rows = imports.read_workbook(content, "wissensdatenbank.xlsx")
    read_s = time.perf_counter() - start
    staged = imports.do_stage_import(acting_user=user, organisation=ours, file_name="wissensdatenbank.xlsx",
                                     header=header, rows=rows)
    stage_s = time.perf_counter() - start - read_s
    created, skipped = imports.do_import_entries(acting_user=user, organisation=ours, staged=staged)
    total_s = time.perf_counter() - start
    total_cpu = time.process_time() - cpu
    assert (created, skipped) == (ROWS, 0), (created, skipped)
    assert Entry.objects.filter(organisation=ours, latitude__isnull=False).count() == ROWS
    indexed = SearchDocument.objects.filter(organisation=ours).count()

    cpu = time.process_time()
    start = time.perf_counter()
    with transaction.atomic():
        peer_created = _peer(content, peer_org)
    peer_s = time.perf_counter() - start
    peer_cpu = time.process_time() - cpu
    assert peer_created == ROWS

    big = to_xlsx([Sheet("Groß", [["Titel", "PLZ"], *([f"Angebot {i}", "93047"] for i in range(100_000))])])
    refusals = {}
    for label, data in (("as_excel_saves_it", _with_dimension(big, "A1:B100001")), ("without_dimension", big)):
        start = time.perf_counter()
        try:
            imports.read_workbook(data, "gross.xlsx")
            refusals[label] = (None, "")
        except ValidationError as exc:
            refusals[label] = (round(time.perf_counter() - start, 2), exc.messages[0])

    print(json.dumps({
        "benchmark": "knowledge_import",
        "database": connection.vendor,
        "rows": ROWS, "columns": len(header), "file_bytes": len(content),
        "import_seconds": round(total_s, 2), "import_cpu_seconds": round(total_cpu, 2), "import_target_seconds": 10,
        "read_seconds": round(read_s, 2), "stage_seconds": round(stage_s, 2),
        "check_and_write_seconds": round(total_s - read_s - stage_s, 2),
        "created": created, "search_documents": indexed,
        "peer": "plain openpyxl loop: read rows, bulk_create entries, no validation, no coordinates, no index",
        "peer_seconds": round(peer_s, 2), "peer_cpu_seconds": round(peer_cpu, 2),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "rows_100k_file_bytes": len(big),
        "rows_100k_refused_seconds": {label: seconds for label, (seconds, _m) in refusals.items()},
        "rows_100k_message": refusals["as_excel_saves_it"][1],
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

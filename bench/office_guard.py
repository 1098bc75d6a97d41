"""What the zip-bomb guard of uploaded office files costs and saves (one JSON object on stdout).

* ``guard``: CPU time of ``kosmos.core.documents.office.guard_archive`` refusing a .docx that is
  small on disk and unpacks to about 40 MB of tiny paragraphs (median of RUNS).
* peer ``unguarded_parse``: CPU time of the language checker's reader (``read_upload``, python-docx)
  parsing a smaller bomb of the same kind (PEER_PARAGRAPHS paragraphs) without the guard, measured
  once in the same run, and the same cost extrapolated linearly to the big bomb.
* ``ordinary_letter``: the guard's CPU time on an ordinary one-page letter (what every upload pays).

Run: .venv/bin/python bench/office_guard.py
"""

from __future__ import annotations

import io
import json
import os
import platform
import statistics
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KOSMOS_DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402

from kosmos.core.documents.office import guard_archive  # noqa: E402
from kosmos.language.analysis import read_upload  # noqa: E402

RUNS = 50
BOMB_PARAGRAPHS = 1_000_000
PEER_PARAGRAPHS = 100_000


def docx_bytes(*paragraphs: str) -> bytes:
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def bomb_docx(paragraphs: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx_bytes("Guten Tag")))
    head, tail = source.read("word/document.xml").decode().split("<w:body>", 1)
    body = head + "<w:body>" + "<w:p><w:r><w:t>Bitte</w:t></w:r></w:p>" * paragraphs + tail
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, body if info.filename == "word/document.xml" else source.read(info.filename))
    return out.getvalue()


def cpu_ms(action) -> float:  # noqa: ANN001
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def refuse(data: bytes) -> None:
    try:
        guard_archive(data, name="bombe.docx")
    except ValidationError:
        return
    raise AssertionError("the bomb was not refused")


def main() -> None:
    bomb = bomb_docx(BOMB_PARAGRAPHS)
    peer = bomb_docx(PEER_PARAGRAPHS)
    letter = docx_bytes(*["Bitte schicken Sie uns Ihre Kontoauszüge bis zum 15. Mai."] * 40)
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(bomb)).infolist())
    guard = statistics.median(cpu_ms(lambda: refuse(bomb)) for _ in range(RUNS))
    ordinary = statistics.median(cpu_ms(lambda: guard_archive(letter, name="brief.docx")) for _ in range(RUNS))
    peer_ms = cpu_ms(lambda: read_upload("bombe.docx", peer))
    print(json.dumps({
        "benchmark": "office_guard",
        "python": platform.python_version(),
        "bomb_bytes": len(bomb),
        "bomb_unpacked_bytes": unpacked,
        "guard_refusal_cpu_ms_median": round(guard, 3),
        "ordinary_letter_guard_cpu_ms_median": round(ordinary, 3),
        "peer_unguarded_parse": {
            "paragraphs": PEER_PARAGRAPHS,
            "bytes": len(peer),
            "cpu_ms": round(peer_ms, 1),
            "extrapolated_cpu_ms_for_bomb": round(peer_ms * BOMB_PARAGRAPHS / PEER_PARAGRAPHS),
        },
        "runs": RUNS,
    }, indent=2))


if __name__ == "__main__":
    main()

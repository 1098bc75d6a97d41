"""House rule: only the shared document kit writes PDFs, spreadsheets, CSV and download headers."""

from __future__ import annotations

import re
from pathlib import Path

import kosmos

KOSMOS_DIR = Path(kosmos.__file__).resolve().parent
KIT = KOSMOS_DIR / "core" / "documents"
FORBIDDEN = re.compile(
    r"Content-Disposition|url_fetcher|HTML\(string|csv\.writer|openpyxl\.Workbook|from openpyxl import Workbook"
    r"|from weasyprint|import weasyprint|FileResponse\(|as_attachment"
)


def offenders(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if KIT in path.parents:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if FORBIDDEN.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def test_no_module_writes_files_or_download_headers_past_the_kit() -> None:
    assert offenders(KOSMOS_DIR) == []


def test_the_rule_finds_a_hand_made_download(tmp_path: Path) -> None:
    (tmp_path / "views.py").write_text('response["Content-Disposition"] = "attachment"\n', encoding="utf-8")

    assert offenders(tmp_path) == ['views.py:1: response["Content-Disposition"] = "attachment"']

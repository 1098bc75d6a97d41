"""Where the shared language test data lives (outside the repository).

The data sets are not part of the package: tests and benchmarks read them
from ``<repo>/../shared/data/language`` and never copy them.
"""

from __future__ import annotations

import csv
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]


def shared_language_dir() -> Path:
    """``<repo>/../shared/data/language`` (it may not exist on every machine)."""
    return REPO_ROOT.parent / "shared" / "data" / "language"


def read_csv(name: str) -> list[dict[str, str]]:
    with (shared_language_dir() / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))

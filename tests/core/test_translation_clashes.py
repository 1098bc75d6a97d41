"""Django merges all German catalogues and the first one that knows a string wins, silently.
So one English source string must mean the same German text in every module."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2] / "kosmos"


def test_a_source_string_has_one_german_translation_across_all_modules() -> None:
    seen: dict[tuple[str | None, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    catalogues = sorted(ROOT.glob("**/locale/de/LC_MESSAGES/django.po"))
    assert catalogues, "no German catalogue found"
    for path in catalogues:
        for entry in polib.pofile(str(path)):
            if entry.obsolete or entry.msgid_plural or not entry.msgstr:
                continue
            seen[(entry.msgctxt, entry.msgid)][entry.msgstr].add(str(path.relative_to(ROOT)))
    clashes = {
        f"{ctx + ' | ' if ctx else ''}{msgid}": {text: sorted(files) for text, files in variants.items()}
        for (ctx, msgid), variants in seen.items()
        if len(variants) > 1
    }
    assert not clashes, f"Translated differently in different modules (use a msgctxt or align them): {clashes}"

"""Fill a gettext catalogue from a Python file of translations.

Usage: .venv/bin/python scripts/po_fill.py kosmos/<module>/locale/de/LC_MESSAGES/django.po translations.py

The translations file defines ``T = {msgid: msgstr}`` and, for plural entries,
``P = {msgid: [singular, plural]}``. Entries already translated in the catalogue are kept;
the fuzzy flag is removed only from the entries filled from the file (a fuzzy guess of makemessages
stays fuzzy). Prints the msgids that are still missing or fuzzy, so that nothing goes unnoticed.
"""

from __future__ import annotations

import importlib.util
import sys

import polib


def load_translations(path: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    spec = importlib.util.spec_from_file_location("translations", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"Cannot read {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, "T", {}), getattr(module, "P", {})


def fill(po_path: str, singular: dict[str, str], plural: dict[str, list[str]]) -> list[str]:
    po = polib.pofile(po_path)
    po.metadata.update(
        {
            "Language": "de",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
            "Content-Type": "text/plain; charset=UTF-8",
        }
    )
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        filled = False
        if entry.msgid_plural:
            if entry.msgid in plural:
                entry.msgstr_plural = {0: plural[entry.msgid][0], 1: plural[entry.msgid][1]}
                filled = True
            elif not entry.msgstr_plural.get(0):
                missing.append(entry.msgid)
                continue
        elif entry.msgid in singular:
            entry.msgstr = singular[entry.msgid]
            filled = True
        elif not entry.msgstr:
            missing.append(entry.msgid)
            continue
        # Only an entry filled from the file loses its fuzzy flag: a fuzzy entry that keeps
        # makemessages' guess stays fuzzy, so the catalogue test still reports it.
        if filled and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        elif "fuzzy" in entry.flags:
            missing.append(entry.msgid)
    po.save(po_path)
    return missing


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    singular, plural = load_translations(sys.argv[2])
    missing = fill(sys.argv[1], singular, plural)
    print(f"missing: {len(missing)}")
    for msgid in missing:
        print(f"  {msgid!r}")


if __name__ == "__main__":
    main()

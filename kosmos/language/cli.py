"""Command line of the language checker (no Django).

    python -m kosmos.language check FILE... [--type brief|web|leicht] [--json]

``-`` reads standard input. With ``--json`` one JSON object per file is
printed (JSON lines). Errors go to stderr in German; the exit code is then 2,
and the other files are still checked.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from kosmos.core.domain.numbers import format_number

from .analysis import TEXT_TYPES, Analysis, TextInputError, analyse, read_upload
from .analysis.reader import decode_text

EXIT_OK = 0
EXIT_INPUT_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"Fehler: {message}\n")
        raise SystemExit(EXIT_INPUT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m kosmos.language", description="Prüft deutsche Texte auf Verständlichkeit.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = sub.add_parser("check", help="Texte prüfen")
    check.add_argument("files", nargs="+", metavar="DATEI", help="Textdatei (.txt, .docx, .odt) oder - für stdin")
    check.add_argument("--type", dest="text_type", choices=sorted(TEXT_TYPES), default="brief", help="Textart")
    check.add_argument("--json", action="store_true", help="eine JSON-Zeile pro Datei ausgeben")
    return parser


def _read(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        return decode_text(data, "Standardeingabe")
    path = Path(name)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TextInputError(f"Die Datei „{name}“ gibt es nicht.") from exc
    except IsADirectoryError as exc:
        raise TextInputError(f"„{name}“ ist ein Ordner, keine Datei.") from exc
    except OSError as exc:
        raise TextInputError(f"Die Datei „{name}“ kann nicht gelesen werden.") from exc
    if path.suffix.lower() not in (".docx", ".odt", ".txt"):
        return decode_text(data, path.name)  # any other name: treat as plain text
    return read_upload(path.name, data)


def to_json_record(name: str, a: Analysis) -> dict[str, object]:
    m = a.measures
    return {
        "file": name,
        "type": a.text_type,
        "words": m.words,
        "sentences": m.sentences,
        "syllables": m.syllables,
        "flesch_amstad": round(m.flesch_amstad, 2),
        "wstf": [round(v, 2) for v in m.wstf],
        "lix": round(m.lix, 2),
        "smog_de": round(m.smog_de, 2),
        "score": a.score,
        "traffic_light": a.traffic_light,
        "long_sentence_share": round(m.long_sentence_share, 3),
        "findings": [
            {
                "rule": f.rule,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "message": f.message,
                "suggestion": f.suggestion,
                "severity": f.severity,
                "rules": list(f.rules),
                "reasons": [r.to_dict() for r in f.all_reasons()],
            }
            for f in a.findings
        ],
        "parts": [p.to_dict() for p in a.parts],
        "running_text": dict(a.running_text),
        "rewrites": [r.to_dict() for r in a.rewrites],
    }


def _fmt(value: float, digits: int = 1) -> str:
    return format_number(value, digits)


def write_summary(name: str, a: Analysis, out: TextIO) -> None:
    m = a.measures
    out.write(f"Datei: {name}  (Textart: {a.text_type_label})\n")
    out.write(f"  Verständlichkeit: {_fmt(a.score)} von 20 – {a.traffic_light_label}\n")
    out.write(f"  Wörter: {m.words}   Sätze: {m.sentences}   Silben: {m.syllables}\n")
    out.write(
        f"  Wörter pro Satz: {_fmt(m.avg_sentence_length)}   Silben pro Wort: {_fmt(m.avg_syllables_per_word, 2)}\n"
    )
    out.write(
        f"  Flesch (Amstad): {_fmt(m.flesch_amstad)}   Wiener Sachtextformel 1–4: "
        + " / ".join(_fmt(v) for v in m.wstf)
        + f"   LIX: {_fmt(m.lix)}   SMOG: {_fmt(m.smog_de)}\n"
    )
    out.write(f"  Sätze über 20 Wörter: {_fmt(100 * m.long_sentence_share, 0)} %\n")
    if not a.findings:
        out.write("  Keine Auffälligkeiten.\n\n")
        return
    out.write(f"  Auffälligkeiten: {len(a.findings)}\n")
    for f in a.findings:
        excerpt = f.text if len(f.text) <= 60 else f.text[:57] + "…"
        excerpt = " ".join(excerpt.split())
        out.write(f"  - [{f.severity_label}] {f.label}: „{excerpt}“\n")
        out.write(f"      {f.message}\n      Vorschlag: {f.suggestion}\n")
    out.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    status = EXIT_OK
    for name in args.files:
        label = "stdin" if name == "-" else name
        try:
            text = _read(name)
            result = analyse(text, args.text_type)
        except TextInputError as exc:
            sys.stderr.write(f"Fehler bei „{label}“: {exc.message_de}\n")
            status = EXIT_INPUT_ERROR
            continue
        if args.json:
            sys.stdout.write(json.dumps(to_json_record(label, result), ensure_ascii=False) + "\n")
        else:
            write_summary(label, result, sys.stdout)
        sys.stdout.flush()
    return status

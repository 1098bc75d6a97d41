"""The command line, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KEYS = {
    "file", "type", "words", "sentences", "syllables", "flesch_amstad", "wstf", "lix", "smog_de", "score",
    "long_sentence_share", "findings",
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kosmos.language", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_json_lines_for_files_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "gut.txt"
    good.write_text("Sie bekommen mehr Geld. Das Geld kommt auf Ihr Konto.", encoding="utf-8")
    hard = tmp_path / "schwer.txt"
    hard.write_text("Die Unterlagen sind unverzüglich vorzulegen, ggf. per Post.", encoding="cp1252")
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    result = run("check", str(good), str(empty), str(tmp_path / "fehlt.txt"), str(hard), "--json")
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["file"]).name for r in lines] == ["gut.txt", "schwer.txt"]
    first = lines[0]
    assert set(first) >= KEYS
    assert (first["words"], first["sentences"], first["syllables"]) == (10, 2, 13)
    assert first["flesch_amstad"] == 98.95 and first["lix"] == 15.0
    assert first["wstf"] == [0.58, 1.44, 2.8, 2.38]
    assert first["type"] == "brief" and first["findings"] == []
    rules = {r for f in lines[1]["findings"] for r in f["rules"]}
    assert {"pressure_word", "abbreviation"} <= rules
    for f in lines[1]["findings"]:
        assert set(f) >= {"rule", "start", "end", "text", "message", "suggestion", "severity"}
    assert "leer.txt" in result.stderr and "ist leer" in result.stderr
    assert "fehlt.txt" in result.stderr and "gibt es nicht" in result.stderr


def test_stdin_and_text_type() -> None:
    result = run("check", "-", "--type", "leicht", "--json", stdin="Man kann z. B. anrufen.")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["file"] == "stdin" and record["type"] == "leicht"
    assert {"impersonal_address", "abbreviation"} <= {f["rule"] for f in record["findings"]}


def test_readable_german_summary() -> None:
    result = run("check", "-", stdin="Ihr Antrag wird unverzüglich geprüft.")
    assert result.returncode == 0
    assert "Verständlichkeit:" in result.stdout
    assert "Wörter: 5" in result.stdout
    assert "Passiv" in result.stdout and "Vorschlag:" in result.stdout


def test_usage_errors_exit_2() -> None:
    assert run("check", "-", "--type", "roman", stdin="Text.").returncode == 2
    empty = run("check", "-", stdin="   ")
    assert empty.returncode == 2 and "leer" in empty.stderr

"""Public API: analyse(), compare(), validation, text types, robustness."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kosmos.language.analysis import (
    MAX_CHARS,
    TEXT_TYPES,
    Analysis,
    TextInputError,
    analyse,
    compare,
)

HARD = (
    "Es wird darauf hingewiesen, dass gem. § 32 Abs. 1 SGB II i. V. m. § 309 SGB III das Bürgergeld "
    "gemindert wird, wenn erwerbsfähige Leistungsberechtigte einer Aufforderung des Jobcenters, sich zu melden, "
    "ohne wichtigen Grund nicht nachkommen. Die Stellungnahme ist unverzüglich einzureichen."
)
EASY = (
    "Sie waren nicht beim Termin. Bitte schreiben Sie uns, warum. Sonst kann Ihr Bürgergeld sinken. "
    "Antworten Sie bitte bis zum 28. März."
)


def test_result_shape() -> None:
    a = analyse(EASY)
    assert isinstance(a, Analysis)
    assert 0.0 <= a.score <= 20.0 and round(a.score, 1) == a.score
    assert a.traffic_light in ("gruen", "gelb", "rot")
    assert a.measures.sentences == len(a.sentences) == 4
    assert [s.start for s in a.sentences] == sorted(s.start for s in a.sentences)
    for s in a.sentences:
        assert EASY[s.start : s.end] == s.text
    assert list(a.findings) == sorted(a.findings, key=lambda f: (f.start, f.end, f.rule))


def test_hard_letter_is_worse_than_plain_letter() -> None:
    hard, easy = analyse(HARD), analyse(EASY)
    assert hard.score < easy.score
    assert hard.traffic_light == "rot"
    assert easy.traffic_light == "gruen"
    assert len(hard.findings) > len(easy.findings)


def test_to_dict_is_json_ready() -> None:
    d = analyse(HARD).to_dict()
    again = json.loads(json.dumps(d, ensure_ascii=False))
    assert again["score"] == d["score"]
    assert set(d) >= {"score", "traffic_light", "measures", "sentences", "findings", "subscores"}
    assert d["measures"]["words"] > 0
    assert {"rule", "start", "end", "text", "severity", "message", "suggestion"} <= set(d["findings"][0])


def test_compare_reports_improvements() -> None:
    c = compare(analyse(HARD), analyse(EASY))
    by_name = {ch.name: ch for ch in c.measures}
    assert by_name["score"].direction == "improved"
    assert by_name["avg_sentence_length"].direction == "improved"
    assert by_name["flesch_amstad"].direction == "improved"
    assert by_name["words"].direction in ("changed", "unchanged")
    assert "score" in c.improved and "score" not in c.worsened
    findings = {ch.name: ch for ch in c.findings}
    assert findings["officialese"].direction == "improved"
    back = compare(analyse(EASY), analyse(HARD))
    assert "score" in back.worsened
    assert compare(analyse(EASY), analyse(EASY)).improved == []
    assert json.dumps(c.to_dict(), ensure_ascii=False)


def test_traffic_light_depends_on_text_type() -> None:
    text = "Sie bekommen ab dem 1. Juli jeden Monat Geld für die Miete und für die Heizung Ihrer Wohnung."
    lights = {t: analyse(text, t) for t in TEXT_TYPES}
    assert lights["brief"].score == lights["leicht"].score
    assert TEXT_TYPES["leicht"].green_from > TEXT_TYPES["brief"].green_from
    order = {"rot": 0, "gelb": 1, "gruen": 2}
    assert order[lights["leicht"].traffic_light] <= order[lights["brief"].traffic_light]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "leer"),
        ("   \n\t ", "leer"),
        ("123 456 §§ --- 14.03.2025", "keine Wörter"),
        ("a" * (MAX_CHARS + 1), "zu lang"),
    ],
)
def test_bad_input_raises_german_error(text: str, fragment: str) -> None:
    with pytest.raises(TextInputError) as err:
        analyse(text)
    assert fragment in err.value.message_de
    assert str(err.value) == err.value.message_de


def test_unknown_text_type() -> None:
    with pytest.raises(TextInputError, match="Unbekannte Textart"):
        analyse("Ein Text.", "roman")


def test_text_at_the_size_limit_is_accepted() -> None:
    from kosmos.language.analysis.api import _validate

    _validate("a" * MAX_CHARS, "brief")  # exactly at the limit: no error
    with pytest.raises(TextInputError):
        _validate("a" * (MAX_CHARS + 1), "brief")


def test_long_unbroken_input_stays_fast() -> None:
    import time

    start = time.perf_counter()
    a = analyse("Bürgergeld" * 20_000)  # 200,000 letters without a space
    assert a.measures.words == 1
    assert time.perf_counter() - start < 5.0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    try:
        a = analyse(text)
    except TextInputError as err:
        assert err.message_de
        return
    n = len(text)
    for s in a.sentences:
        assert 0 <= s.start < s.end <= n and text[s.start : s.end] == s.text
    for f in a.findings:
        assert 0 <= f.start <= f.end <= n
        assert text[f.start : f.end] == f.text


_GERMANISH = st.lists(
    st.sampled_from(
        ["Sie", "z. B.", "§", "31", "Abs.", "1.", "April", "wird", "geprüft", ",", ".", "?", "\n", "- ",
         "Sehr geehrte Frau Muster,", "unverzüglich", "nicht", "un", "man", "SGB", "II", "„", "“", "ggf.",
         "Antragsteller:in", "14.03.2025", "Sie haben", "vorzulegen", "Bürgergeld", "   ", "\n\n", "·", "…"]
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_GERMANISH, st.sampled_from(sorted(TEXT_TYPES)))
def test_administrative_fragments_keep_offsets_consistent(text: str, text_type: str) -> None:
    try:
        a = analyse(text, text_type)
    except TextInputError:
        return
    for f in a.findings:
        assert text[f.start : f.end] == f.text
    assert all(0.0 <= s.score <= 20.0 for s in a.sentences)
    assert 0.0 <= a.score <= 20.0

"""The German analysis of the search (pure Python, no database)."""

from __future__ import annotations

import pytest

from kosmos.core.search import german


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Beratungen", "Beratung"),
        ("Anträge", "Antrag"),
        ("Anträge", "Antrage"),
        ("Straße", "Strasse"),
        ("Maßnahmen", "Massnahme"),
        ("Ärzte", "Arzt"),
        ("Kunden", "Kunde"),
    ],
)
def test_inflections_and_spellings_share_a_stem(a: str, b: str) -> None:
    assert german.stem(german.words(a)[0]) == german.stem(german.words(b)[0])


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Suchtberatung", ("sucht", "beratung")),
        ("Gesundheitsförderung", ("gesundheit", "förderung")),
        ("Schuldnerberatung", ("schuldner", "beratung")),
        ("Kinderbetreuung", ("kinder", "betreuung")),
        ("Kundenzufriedenheit", ("kunden", "zufriedenheit")),
        ("Eingliederungsvereinbarung", ("eingliederung", "vereinbarung")),
    ],
)
def test_compounds_are_split_into_words(word: str, parts: tuple[str, ...]) -> None:
    assert german.compound_parts(word) == parts


@pytest.mark.parametrize("word", ["Beratung", "Ausbildung", "Vorbereitung", "Vertrag", "Antrag", "Erreichbarkeit"])
def test_plain_words_and_prefixed_verbs_stay_whole(word: str) -> None:
    assert german.compound_parts(word) == ()


def test_keywords_split_nested_compounds() -> None:
    keywords = german.compound_keywords("Die Suchtberatungsstelle der Caritas").split()
    assert {"sucht", "beratungsstelle", "beratung", "stelle"} <= set(keywords)


def test_query_drops_stop_words_and_repeats() -> None:
    terms = german.parse_query("Beratung für die Beratungen")
    assert [t.stem for t in terms] == ["berat"]


def test_query_expressions_quote_every_term() -> None:
    terms = german.parse_query('Gesundheitsförderung" OR * Anträge')
    assert german.fts5_query(terms) == '("gesundheitsforder"* OR ("gesund"* AND "forder"*)) AND "or" AND "antrag"*'
    assert german.tsquery(terms) == "(gesundheitsförderung:* | (gesundheit:* & förderung:*)) & or & anträge:*"


def test_short_stems_match_whole_words_only() -> None:
    (term,) = german.parse_query("Suche")
    assert not term.prefix
    assert not term.matches("sucht")
    assert german.parse_query("Sucht")[0].matches("suchtberatung")


def test_highlight_marks_inflections_and_compound_parts() -> None:
    fragments = german.highlight("Die Suchtberatung hilft bei Anträgen.", german.parse_query("Beratung Antrag"))
    assert [f.text for f in fragments if f.match] == ["Suchtberatung", "Anträgen"]


def test_highlight_is_empty_without_a_match() -> None:
    assert german.highlight("Nichts davon passt.", german.parse_query("Beratung")) == []

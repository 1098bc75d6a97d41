"""Sentence splitting and tokenisation of tricky German administrative text."""

from __future__ import annotations

import pytest

from kosmos.language.analysis.splitter import split
from kosmos.language.analysis.tokens import tokenize

# (text, true number of sentences/units). Written for this project.
CASES: list[tuple[str, int]] = [
    ("Bitte bringen Sie z. B. Ihren Ausweis mit. Wir freuen uns auf Sie.", 2),
    ("Die Leistung wird gem. § 59 SGB II i. V. m. § 309 SGB III gewährt. Das ist Pflicht.", 2),
    ("Nach §§ 31, 32 SGB II kann das Bürgergeld gemindert werden.", 1),
    ("Das Geld kommt ab 1. April auf Ihr Konto. Bitte prüfen Sie den Betrag.", 2),
    ("Ihr Termin ist am 3. Mai 2025 um 10 Uhr. Kommen Sie bitte pünktlich.", 2),
    ("Wir haben Ihren Antrag am 14.03.2025 erhalten. Er ist vollständig.", 2),
    ("Die Frist endet am 31.12.2025. Danach können Sie keinen Antrag mehr stellen.", 2),
    ("Rufen Sie uns an: 0221 123456. Wir helfen Ihnen gern.", 2),
    ("Tel.: 0221/123-456, Fax: 0221/123-457. Sie erreichen uns Mo.-Fr. von 8 bis 12 Uhr.", 2),
    ("Sehr geehrte Frau Muster,\n\nwir haben Ihren Antrag erhalten. Vielen Dank.", 3),
    ("Sehr geehrter Herr Dr. Beispiel,\nIhr Antrag ist da.", 2),
    ("Ihr Bürgergeld\n\nSie bekommen ab Juli mehr Geld.", 2),
    ("Bitte schicken Sie uns:\n- Kontoauszüge\n- Mietvertrag\n- Lohnabrechnung", 4),
    ("Was Sie tun müssen:\n1. Antrag ausfüllen\n2. Unterschreiben\n3. Zurückschicken", 4),
    ("Mit freundlichen Grüßen\nIhr Jobcenter Musterstadt", 2),
    ("Das gilt u. a. für Miete, Strom usw. und auch für die Heizung.", 1),
    ("Sie brauchen Möbel, Kleidung usw. Dann stellen Sie bitte einen Antrag.", 2),
    ("Haben Sie Fragen? Dann rufen Sie uns an!", 2),
    ("Er sagte: „Kommen Sie morgen vorbei! “ Dann ging er.", 2),
    ("Das steht in Art. 3 GG. Es gilt für alle Menschen.", 2),
    ("Die Summe beträgt 250. Das ist der volle Betrag.", 2),
    ("Der 2. Antrag ist unvollständig. Bitte ergänzen Sie ihn.", 2),
    ("Zum 1. Januar steigt der Regelsatz. Sie müssen nichts tun.", 2),
    ("Sie bekommen d. h. weniger Geld. Das tut uns leid.", 2),
    ("Die Kosten der Unterkunft (KdU) werden übernommen. Das gilt ab sofort.", 2),
    ("Bitte melden Sie sich bis zum 15. 04. 2025 bei uns. Danke.", 2),
    ("Laut Abs. 2 S. 1 Nr. 3 gilt eine Ausnahme. Prüfen Sie das bitte.", 2),
    ("Wir zahlen ca. 300 Euro. Der Rest folgt später.", 2),
    ("Frau Dr. med. Schulz prüft das. Sie meldet sich bei Ihnen.", 2),
    ("Hr. Müller und Fr. Meier sind zuständig. Beide sind montags da.", 2),
    ("Bitte lesen Sie S. 3 des Bescheids. Dort steht alles.", 2),
    ("Das ist wichtig... Lesen Sie bitte weiter.", 2),
    ("Die Regel gilt seit dem 1. 1. 2023. Vorher galt eine andere.", 2),
    ("Weitere Infos: www.jobcenter-ge.de. Dort finden Sie alles.", 2),
    ("Ihr Antrag ist da.Wir prüfen ihn.", 1),
    ("14.03.2025\n\nIhr Antrag vom 3. Februar\n\nSie bekommen Geld.", 2),
    (
        "Wir haben Ihren Antrag auf Bürgergeld geprüft und sind zu dem Ergebnis\n"
        "gekommen, dass Ihnen ab dem 1. Mai Leistungen zustehen. Bitte beachten Sie\n"
        "die Hinweise auf der Rückseite.",
        2,
    ),
    ("• Ausweis\n• Meldebescheinigung\n\nBitte bringen Sie beides mit.", 3),
    ("a) Antrag stellen\nb) Nachweise schicken", 2),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_count(text: str, expected: int) -> None:
    spans = split(text, tokenize(text))
    assert len(spans) == expected, [text[s.start : s.end] for s in spans]


def test_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


def test_offsets_point_into_text() -> None:
    text = "Sehr geehrte Frau Muster,\n\nbitte schicken Sie z. B. Ihre Kontoauszüge. Danke!"
    spans = split(text, tokenize(text))
    assert [text[s.start : s.end] for s in spans] == [
        "Sehr geehrte Frau Muster,",
        "bitte schicken Sie z. B. Ihre Kontoauszüge.",
        "Danke!",
    ]
    assert [s.kind for s in spans] == ["salutation", "sentence", "sentence"]


def test_unit_kinds() -> None:
    text = "Ihr Bescheid\n\nBitte schicken Sie uns:\n- Kontoauszüge\n\nMit freundlichen Grüßen"
    kinds = [s.kind for s in split(text, tokenize(text))]
    assert kinds == ["heading", "sentence", "list_item", "heading"]


def test_numbers_are_not_words() -> None:
    tokens = tokenize("Am 14.03.2025 zahlen wir 563 Euro nach § 20 SGB II.")
    words = [t.text for t in tokens if t.is_word]
    numbers = [t.text for t in tokens if t.kind == "number"]
    assert words == ["Am", "zahlen", "wir", "Euro", "nach", "SGB", "II"]
    assert numbers == ["14.03.2025", "563", "20"]


def test_abbreviations_are_single_tokens() -> None:
    tokens = tokenize("z. B. i.V.m. ggf. Nr. u. a. Antragsteller:innen Hohe·priester")
    assert [(t.text, t.kind) for t in tokens] == [
        ("z. B.", "abbrev"),
        ("i.V.m.", "abbrev"),
        ("ggf.", "abbrev"),
        ("Nr.", "abbrev"),
        ("u. a.", "abbrev"),
        ("Antragsteller:innen", "word"),
        ("Hohe·priester", "word"),
    ]


def test_ordinary_word_art_is_not_an_abbreviation() -> None:
    text = "Das ist eine neue Art. Die Leute staunen."
    assert len(split(text, tokenize(text))) == 2

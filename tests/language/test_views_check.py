"""The check page: paste or upload a text, see every finding marked in place; bad input gets a
German message, the typed text stays in the form, and nothing is stored."""

from __future__ import annotations

import re

import pytest

from kosmos.core.models import AuditEvent
from kosmos.language.models import GlossaryEntry, LetterTemplate, LetterVersion
from kosmos.language.services import MAX_TEXT_CHARS
from tests.language.helpers import OFFICIALESE, PLAIN, docx_bytes, odt_bytes, upload, url

pytestmark = pytest.mark.django_db


def check(client, world, **data):  # noqa: ANN001, ANN003, ANN201
    data.setdefault("text_type", "brief")
    return client.post(url("org:language_check", world), data)


def test_the_empty_page_offers_the_form_and_the_privacy_note(world, client_for):
    response = client_for(world.staff).get(url("org:language_check", world))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1 class=\"kern-heading-large\">Text auf Verständlichkeit prüfen</h1>" in html
    assert "Er wird nicht gespeichert" in html
    assert 'enctype="multipart/form-data"' in html
    assert "Brief / Bescheid" in html and "Webtext / Merkblatt" in html and "Leichte Sprache" in html
    assert "language/language.css" in html


def test_a_pasted_letter_shows_its_findings_marked_in_place_and_listed(world, client_for):
    response = check(client_for(world.staff), world, text=OFFICIALESE)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ergebnis" in html
    # Every finding is a <mark> with an id, a hidden rule name and a numbered link to its explanation …
    marks = re.findall(r'<mark class="lang-mark[^"]*" id="stelle-(\d+)" tabindex="-1">', html)
    assert len(marks) >= 5
    assert re.search(r'<span class="kern-sr-only">\[Fundstelle 1, Langer Satz, (Warnung|Kritisch):\]</span>', html)
    assert '<a href="#fund-1" class="lang-mark__link">' in html
    # … and each entry of the list links back to its place.
    for number in marks:
        assert f'id="fund-{number}"' in html
        assert f'href="#stelle-{number}"' in html
    assert "unverzüglich" in html and "Druck-Wort" in html
    assert "Vorschlag:" in html


def test_the_summary_has_the_traffic_light_in_words_and_the_measures_with_their_reading(world, client_for):
    response = check(client_for(world.staff), world, text=OFFICIALESE)

    html = response.content.decode()
    assert re.search(r"(Rot: schwer verständlich|Gelb: teilweise schwer|Grün: gut verständlich)", html)
    assert "Verständlichkeit: <strong>" in html
    assert "Ziel für diese Textart: Grün ab 14, Gelb ab 10 Punkten." in html
    assert "Flesch-Wert (Amstad)" in html and "Wiener Sachtextformel 1 (WSTF 1)" in html
    assert "Lesbarkeitsindex LIX" in html and "SMOG (deutsch)" in html
    # Numbers in German format, each measure with its meaning.
    assert re.search(r'kern-table__cell--numeric" data-label="Wert">\d+,\d</td><td class="kern-table__cell" '
                     r'data-label="Bedeutung">(sehr schwer|schwer|eher schwer|mittel)', html)


def test_the_text_stays_in_the_form_after_the_check(world, client_for):
    response = check(client_for(world.staff), world, text=PLAIN)

    html = response.content.decode()
    assert "Text ändern und erneut prüfen" in html
    assert "bitte schicken Sie uns Ihre Kontoauszüge bis zum 15. Mai." in html.split('<textarea')[1]


def test_the_check_is_not_stored_not_logged_and_not_cached(world, client_for):
    response = check(client_for(world.staff), world, text=OFFICIALESE)

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert not LetterTemplate.objects.exists()
    assert not LetterVersion.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="language.").exists()


def test_easy_read_uses_its_stricter_targets(world, client_for):
    text = "Wir laden Sie ein. Wir möchten mit Ihnen über Ihre Arbeit und Ihre Wünsche sprechen."

    letter = check(client_for(world.staff), world, text=text, text_type="brief").content.decode()
    easy = check(client_for(world.staff), world, text=text, text_type="leicht").content.decode()

    assert "Textart: Brief / Bescheid" in letter
    assert "Textart: Leichte Sprache" in easy
    assert "Ziel für diese Textart: Grün ab 18, Gelb ab 15 Punkten." in easy


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("brief.txt", PLAIN.encode("utf-8")),
        ("brief-cp1252.txt", PLAIN.encode("cp1252")),
        ("brief.docx", docx_bytes(*PLAIN.split("\n\n"))),
        ("brief.odt", odt_bytes(*PLAIN.split("\n\n"))),
    ],
    ids=["txt", "txt-cp1252", "docx", "odt"],
)
def test_an_uploaded_file_is_checked_and_its_text_is_put_in_the_form(world, client_for, filename, data):
    response = check(client_for(world.staff), world, text="", file=upload(filename, data))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Geprüft wurde der Text der Datei „{filename}“." in html
    assert "Wir brauchen die Auszüge, um Ihr Geld zu berechnen." in html.split("<textarea")[1]
    assert 'id="ergebnis"' in html


def test_a_file_wins_over_pasted_text(world, client_for):
    response = check(client_for(world.staff), world, text="Ein ganz anderer Text.",
                     file=upload("brief.txt", PLAIN.encode()))

    html = response.content.decode()
    assert "Geprüft wurde der Text der Datei" in html
    assert "Ein ganz anderer Text." not in html


def _error_page(response) -> str:  # noqa: ANN001
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="kern-alert kern-alert--danger kosmos-error-summary"' in html
    assert 'id="ergebnis"' not in html
    return html


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Bitte fügen Sie einen Text ein oder laden Sie eine Datei hoch."),
        ("   \n\t ", "Bitte fügen Sie einen Text ein oder laden Sie eine Datei hoch."),
        ("123 456 – 7,89 € § 12 %", "Der Text enthält keine Wörter, nur Zahlen oder Zeichen."),
    ],
    ids=["empty", "blank", "numbers-only"],
)
def test_text_without_words_gets_a_german_error(world, client_for, text, message):
    html = _error_page(check(client_for(world.staff), world, text=text))

    assert message in html
    assert 'aria-invalid="true"' in html


def test_a_numbers_only_text_is_kept_in_the_form(world, client_for):
    html = _error_page(check(client_for(world.staff), world, text="123 456 789"))

    assert "123 456 789" in html.split("<textarea")[1]


def test_a_text_over_the_limit_gets_a_german_error_and_stays_in_the_form(world, client_for):
    text = ("Bitte schicken Sie uns die Unterlagen. " * (MAX_TEXT_CHARS // 30))[: MAX_TEXT_CHARS + 50]

    html = _error_page(check(client_for(world.staff), world, text=text))

    assert "Der Text ist zu lang (100.050 Zeichen). Es können höchstens 100.000 Zeichen auf einmal geprüft werden." in html
    assert len(html.split("<textarea")[1]) > MAX_TEXT_CHARS


def test_a_file_over_one_megabyte_gets_a_german_error_and_the_typed_text_is_kept(world, client_for):
    big = upload("gross.txt", b"Bitte schicken Sie uns die Unterlagen. " * 30_000)

    html = _error_page(check(client_for(world.staff), world, text="Mein getippter Text.", file=big))

    assert "Die Datei „gross.txt“ ist zu groß (1,1 MB). Es können Dateien bis höchstens 1 MB geprüft werden." in html
    assert "Mein getippter Text." in html.split("<textarea")[1]
    assert 'href="#id_file"' in html


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("kaputt.docx", b"PK\x03\x04 das ist kein Word-Dokument", "ist beschädigt oder kein Office-Dokument"),
        ("bild.docx", bytes(range(256)) * 40, "ist beschädigt oder kein Office-Dokument"),
        ("kaputt.odt", b"kein OpenDocument", "ist beschädigt oder kein Office-Dokument"),
        ("binaer.txt", b"\x00\x01\x02\x03" * 100, "keine Textdatei"),
        ("leer.txt", b"", "ist leer"),
        ("tabelle.xlsx", b"PK\x03\x04", "hat ein Format, das wir nicht lesen können"),
    ],
    ids=["broken-docx", "binary-docx", "broken-odt", "binary-txt", "empty-file", "unknown-format"],
)
def test_unreadable_files_get_a_german_error_and_nothing_is_saved(world, client_for, filename, data, message):
    html = _error_page(
        check(client_for(world.staff), world, text="Mein getippter Text.", file=upload(filename, data))
    )

    assert message in html
    assert "Mein getippter Text." in html.split("<textarea")[1]
    assert not LetterVersion.objects.exists()


def test_a_file_with_only_numbers_gets_the_engines_german_error(world, client_for):
    html = _error_page(check(client_for(world.staff), world, text="", file=upload("zahlen.txt", b"1 2 3 4 5")))

    assert "Der Text enthält keine Wörter, nur Zahlen oder Zeichen." in html


def test_an_unknown_text_type_is_refused_in_german(world, client_for):
    html = _error_page(check(client_for(world.staff), world, text=PLAIN, text_type="roman"))

    assert "Bitte wählen Sie eine der angezeigten Möglichkeiten." in html


def test_the_organisations_glossary_feeds_the_check(world, client_for):
    GlossaryEntry.objects.create(organisation=world.freiburg, kind="avoid", term="Kontoauszüge",
                                 replacement="Bank-Auszüge")
    GlossaryEntry.objects.create(organisation=world.ulm, kind="avoid", term="Fragen", replacement="Anliegen")

    html = check(client_for(world.staff), world, text=PLAIN).content.decode()

    assert "Begriff vermeiden (Glossar)" in html
    assert "Schreiben Sie: „Bank-Auszüge“." in html
    assert "Anliegen" not in html  # another Jobcenter's glossary is not used
    assert "Das Glossar Ihrer Organisation (1 Eintrag) wurde berücksichtigt." in html


def test_overlapping_findings_are_nested_correctly(world, client_for):
    html = check(client_for(world.staff), world, text=OFFICIALESE).content.decode()

    text = html.split('<div class="lang-text">')[1].split("</div>")[0]
    assert text.count("<mark") == text.count("</mark>")
    depth = 0
    for tag in re.findall(r"</?mark", text):
        depth += 1 if tag == "<mark" else -1
        assert depth >= 0


def test_the_text_is_escaped(world, client_for):
    html = check(client_for(world.staff), world,
                 text="Bitte <script>alert(1)</script> schicken Sie uns die Unterlagen.").content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

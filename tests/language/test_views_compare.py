"""Comparing two versions of a pasted or uploaded text: measures and findings side by side."""

from __future__ import annotations

import pytest

from kosmos.language.models import LetterVersion
from tests.language.helpers import OFFICIALESE, PLAIN, docx_bytes, upload, url

pytestmark = pytest.mark.django_db


def compare(client, world, **data):  # noqa: ANN001, ANN003, ANN201
    data.setdefault("text_type", "brief")
    return client.post(url("org:language_compare", world), data)


def test_the_empty_page_offers_two_texts(world, client_for):
    html = client_for(world.staff).get(url("org:language_compare", world)).content.decode()

    assert "Zwei Fassungen eines Textes vergleichen" in html
    assert 'name="before"' in html and 'name="after"' in html
    assert 'name="before_file"' in html and 'name="after_file"' in html


def test_a_plainer_version_shows_what_improved(world, client_for):
    response = compare(client_for(world.staff), world, before=OFFICIALESE, after=PLAIN)

    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "Ergebnis des Vergleichs" in html
    improved = html.split("<h3 class=\"kern-heading-small\">Besser geworden</h3>")[1].split("</div>")[0]
    assert "Verständlichkeit (0–20)" in improved
    assert "Wörter pro Satz" in improved
    assert "Drohende Formulierung: 2 → 0" in improved
    assert '<span class="lang-change lang-change--improved">besser</span>' in html
    # Both texts are shown with their own marks and anchors.
    assert 'id="vorher-stelle-1"' in html and 'href="#vorher-fund-1"' in html
    assert "Vorher" in html and "Nachher" in html


def test_the_other_direction_shows_what_got_worse(world, client_for):
    html = compare(client_for(world.staff), world, before=PLAIN, after=OFFICIALESE).content.decode()

    worse = html.split("<h3 class=\"kern-heading-small\">Schlechter geworden</h3>")[1].split("</div>")[0]
    assert "Verständlichkeit (0–20)" in worse
    assert '<span class="lang-change lang-change--worsened">schlechter</span>' in html


def test_an_uploaded_file_can_be_one_side(world, client_for):
    html = compare(
        client_for(world.staff), world, before="", before_file=upload("alt.docx", docx_bytes(OFFICIALESE)),
        after=PLAIN,
    ).content.decode()

    assert "Ergebnis des Vergleichs" in html
    assert "hiermit werden Sie aufgefordert" in html.split('name="before"')[1]


def test_both_sides_need_a_text_and_the_typed_one_is_kept(world, client_for):
    html = compare(client_for(world.staff), world, before=PLAIN, after="").content.decode()

    assert "Ergebnis des Vergleichs" not in html
    assert "Bitte fügen Sie einen Text ein oder laden Sie eine Datei hoch." in html
    assert 'href="#id_after"' in html
    assert "bitte schicken Sie uns Ihre Kontoauszüge" in html


def test_a_side_without_words_gets_the_german_message(world, client_for):
    html = compare(client_for(world.staff), world, before=PLAIN, after="12 34 56").content.decode()

    assert "Der Text enthält keine Wörter, nur Zahlen oder Zeichen." in html
    assert "Ergebnis des Vergleichs" not in html


def test_a_broken_file_gets_the_german_message(world, client_for):
    html = compare(client_for(world.staff), world, before=PLAIN, after="",
                   after_file=upload("neu.odt", b"kaputt")).content.decode()

    assert "„neu.odt“ ist beschädigt" in html
    assert 'href="#id_after_file"' in html
    assert not LetterVersion.objects.exists()

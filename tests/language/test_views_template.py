"""Library templates: create (typed or uploaded), view with the marked current version and the
trend, edit, add versions, look at and compare versions, delete."""

from __future__ import annotations

import re

import pytest

from kosmos.core.models import AuditEvent
from kosmos.language.models import LetterTemplate, LetterVersion
from tests.language.helpers import (
    MIDDLE,
    OFFICIALESE,
    PLAIN,
    docx_bytes,
    make_template,
    odt_bytes,
    upload,
    url,
)

pytestmark = pytest.mark.django_db


def _new(client, world, **data):  # noqa: ANN001, ANN003, ANN201
    payload = {"name": "Einladung zum Termin", "category": "invitation", "text_type": "brief", "description": "",
               "text": OFFICIALESE, "note": "aus der alten Vorlage"}
    payload.update(data)
    return client.post(url("org:language_template_create", world), payload)


def test_the_quality_manager_creates_a_template_with_its_first_version(world, client_for):
    response = _new(client_for(world.qm), world)

    template = LetterTemplate.objects.get()
    version = template.current_version
    assert response.status_code == 302
    assert response["Location"] == url("org:language_template", world, template_id=template.public_id)
    assert (template.organisation, template.category, template.text_type) == (world.freiburg, "invitation", "brief")
    assert (version.number, version.note, version.author, version.text) == (1, "aus der alten Vorlage", world.qm,
                                                                           OFFICIALESE)
    assert version.score is not None and version.analysis["findings"]
    event = AuditEvent.objects.get(action="language.template_created")
    assert event.organisation == world.freiburg and event.actor == world.qm


@pytest.mark.parametrize(
    ("filename", "data"),
    [("vorlage.docx", docx_bytes(*PLAIN.split("\n\n"))), ("vorlage.odt", odt_bytes(*PLAIN.split("\n\n"))),
     ("vorlage.txt", PLAIN.encode("utf-16"))],
    ids=["docx", "odt", "txt-utf16"],
)
def test_a_template_can_be_uploaded(world, client_for, filename, data):
    response = _new(client_for(world.qm), world, text="", file=upload(filename, data))

    assert response.status_code == 302
    assert "Wir brauchen die Auszüge" in LetterVersion.objects.get().text


def test_a_duplicate_name_is_refused_in_german_and_the_input_is_kept(world, client_for):
    make_template(world, "Einladung zum Termin")

    response = _new(client_for(world.qm), world, name="einladung zum termin", text=PLAIN)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Es gibt schon eine Vorlage mit dem Namen „einladung zum termin“." in html
    assert "bitte schicken Sie uns Ihre Kontoauszüge" in html
    assert LetterTemplate.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "Bitte fügen Sie einen Text ein oder laden Sie eine Datei hoch."),
        ({"text": "12 34 56 78"}, "Der Text enthält keine Wörter, nur Zahlen oder Zeichen."),
        ({"text": "", "file": upload("v.docx", b"PK kaputt")}, "ist beschädigt"),
        ({"name": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"category": "brief"}, "Bitte wählen Sie eine der angezeigten Möglichkeiten."),
    ],
    ids=["empty", "numbers", "broken-file", "no-name", "bad-category"],
)
def test_bad_input_saves_nothing(world, client_for, data, message):
    response = _new(client_for(world.qm), world, **data)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert not LetterTemplate.objects.exists()
    assert not LetterVersion.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="language.").exists()


def test_the_detail_page_shows_the_current_version_marked_and_the_trend(world, client_for):
    template = make_template(world, "Einladung", (OFFICIALESE, MIDDLE, PLAIN))

    html = client_for(world.staff).get(url("org:language_template", world, template_id=template.public_id)
                                       ).content.decode()

    assert "<h1 class=\"kern-heading-large\">Einladung</h1>" in html
    assert "Prüfung der aktuellen Fassung" in html
    assert '<div class="lang-text">' in html and "bitte schicken Sie uns Ihre Kontoauszüge" in html
    assert re.search(r"Verlauf: \d+,\d → \d+,\d → \d+,\d", html)
    versions = re.findall(r">Fassung (\d)</a></th>", html)
    assert versions == ["3", "2", "1"]
    assert "Neue Fassung speichern" not in html  # staff may not change the library


def test_the_quality_manager_sees_the_actions(world, client_for):
    template = make_template(world)

    html = client_for(world.qm).get(url("org:language_template", world, template_id=template.public_id)
                                    ).content.decode()

    assert "Neue Fassung speichern" in html
    assert "Name und Kategorie bearbeiten" in html
    assert "Vorlage löschen" in html


def test_a_new_version_starts_from_the_current_text(world, client_for):
    template = make_template(world)

    html = client_for(world.qm).get(url("org:language_version_create", world, template_id=template.public_id)
                                    ).content.decode()

    assert "hiermit werden Sie aufgefordert" in html.split("<textarea")[1]


def test_a_new_version_is_saved_and_becomes_current(world, client_for):
    template = make_template(world)

    response = client_for(world.qm).post(
        url("org:language_version_create", world, template_id=template.public_id),
        {"text": PLAIN, "note": "kürzere Sätze"},
    )

    template.refresh_from_db()
    assert response.status_code == 302
    assert template.current_version.number == 2
    assert template.current_version.note == "kürzere Sätze"
    assert template.versions.count() == 2
    event = AuditEvent.objects.get(action="language.version_created")
    assert event.changes["version"] == [1, 2]


def test_an_unchanged_text_is_not_a_new_version(world, client_for):
    template = make_template(world)

    response = client_for(world.qm).post(
        url("org:language_version_create", world, template_id=template.public_id), {"text": OFFICIALESE + "\n"}
    )

    assert "Der Text ist derselbe wie in der aktuellen Fassung." in response.content.decode()
    assert template.versions.count() == 1


def test_a_new_version_from_a_broken_file_keeps_the_typed_text(world, client_for):
    template = make_template(world)

    response = client_for(world.qm).post(
        url("org:language_version_create", world, template_id=template.public_id),
        {"text": "Mein geänderter Text.", "file": upload("neu.odt", b"nicht lesbar")},
    )

    html = response.content.decode()
    assert "„neu.odt“ ist beschädigt" in html
    assert "Mein geänderter Text." in html.split("<textarea")[1]
    assert template.versions.count() == 1


def test_edit_name_category_and_text_type(world, client_for):
    template = make_template(world)
    score_as_letter = template.current_version.score

    response = client_for(world.qm).post(
        url("org:language_template_edit", world, template_id=template.public_id),
        {"name": "Bitte um Unterlagen", "category": "reminder", "text_type": "leicht", "description": "neu"},
    )

    template.refresh_from_db()
    version = template.current_version
    assert response.status_code == 302
    assert (template.name, template.category, template.text_type) == ("Bitte um Unterlagen", "reminder", "leicht")
    assert version.analysis["text_type"] == "leicht"  # checked again with the Easy Read targets
    assert version.score <= score_as_letter
    event = AuditEvent.objects.get(action="language.template_updated")
    assert event.changes["text_type"] == ["brief", "leicht"]


def test_edit_refuses_a_name_in_use(world, client_for):
    make_template(world, "Anhörung")
    template = make_template(world, "Einladung")

    response = client_for(world.qm).post(
        url("org:language_template_edit", world, template_id=template.public_id),
        {"name": "Anhörung", "category": "invitation", "text_type": "brief", "description": ""},
    )

    html = response.content.decode()
    assert "Es gibt schon eine Vorlage mit dem Namen „Anhörung“." in html
    assert "„Einladung“ bearbeiten" in html  # the heading keeps the stored name
    template.refresh_from_db()
    assert template.name == "Einladung"


def test_delete_asks_first_then_deletes_with_all_versions(world, client_for):
    template = make_template(world, "Alt", (OFFICIALESE, PLAIN))
    client = client_for(world.qm)
    delete_url = url("org:language_template_delete", world, template_id=template.public_id)

    confirm = client.get(delete_url).content.decode()
    response = client.post(delete_url)

    assert "alle ihre 2 Fassungen werden gelöscht" in confirm
    assert response.status_code == 302
    assert not LetterTemplate.objects.exists() and not LetterVersion.objects.exists()
    assert AuditEvent.objects.get(action="language.template_deleted").object_repr == "Alt"


def test_a_version_page_shows_that_version(world, client_for):
    template = make_template(world, "Einladung", (OFFICIALESE, PLAIN))
    first = template.versions.get(number=1)
    second = template.versions.get(number=2)

    html = client_for(world.staff).get(
        url("org:language_version", world, template_id=template.public_id, version_id=first.public_id)
    ).content.decode()
    current = client_for(world.staff).get(
        url("org:language_version", world, template_id=template.public_id, version_id=second.public_id)
    ).content.decode()

    assert "Einladung, Fassung 1" in html
    assert "hiermit werden Sie aufgefordert" in html
    assert "Mit der vorigen Fassung vergleichen" not in html
    assert "aktuelle Fassung" in current
    assert f"?vorher={first.public_id}&amp;nachher={second.public_id}" in current


def test_a_version_of_another_template_is_not_found(world, client_for):
    one = make_template(world, "Eins")
    other = make_template(world, "Zwei")

    response = client_for(world.staff).get(
        url("org:language_version", world, template_id=one.public_id, version_id=other.current_version.public_id)
    )

    assert response.status_code == 404


def test_another_jobcenters_template_is_not_found(world, client_for):
    template = make_template(world, "Ulm", organisation=world.ulm)

    response = client_for(world.qm).get(url("org:language_template", world, template_id=template.public_id))

    assert response.status_code == 404


def test_compare_defaults_to_the_last_two_versions(world, client_for):
    template = make_template(world, "Einladung", (OFFICIALESE, MIDDLE, PLAIN))

    html = client_for(world.staff).get(url("org:language_template_compare", world, template_id=template.public_id)
                                       ).content.decode()

    assert "Ergebnis des Vergleichs" in html
    assert "Vorher – Fassung 2" in html and "Nachher – Fassung 3" in html


def test_compare_chosen_versions(world, client_for):
    template = make_template(world, "Einladung", (OFFICIALESE, MIDDLE, PLAIN))
    first, third = template.versions.get(number=1), template.versions.get(number=3)

    html = client_for(world.staff).get(
        url("org:language_template_compare", world, template_id=template.public_id)
        + f"?vorher={first.public_id}&nachher={third.public_id}"
    ).content.decode()

    assert "Vorher – Fassung 1" in html and "Nachher – Fassung 3" in html
    assert "Verständlichkeit (0–20)" in html.split("Besser geworden")[1].split("</div>")[0]


def test_compare_the_same_version_twice_is_refused_in_german(world, client_for):
    template = make_template(world, "Einladung", (OFFICIALESE, PLAIN))
    first = template.versions.get(number=1)

    html = client_for(world.staff).get(
        url("org:language_template_compare", world, template_id=template.public_id)
        + f"?vorher={first.public_id}&nachher={first.public_id}"
    ).content.decode()

    assert "Bitte wählen Sie zwei verschiedene Fassungen." in html
    assert "Ergebnis des Vergleichs" not in html


def test_compare_an_unknown_version_is_refused_in_german(world, client_for):
    template = make_template(world, "Einladung", (OFFICIALESE, PLAIN))

    html = client_for(world.staff).get(
        url("org:language_template_compare", world, template_id=template.public_id) + "?vorher=xyz&nachher=abc"
    ).content.decode()

    assert "Bitte wählen Sie eine der angezeigten Möglichkeiten." in html


def test_compare_needs_two_versions(world, client_for):
    template = make_template(world)

    response = client_for(world.staff).get(url("org:language_template_compare", world,
                                               template_id=template.public_id))

    assert response.status_code == 404

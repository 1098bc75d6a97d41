"""The German catalogues are complete and compiled, and pages render in German."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from django.test import Client

import kosmos

KOSMOS_DIR = Path(kosmos.__file__).resolve().parent
CATALOGUES = sorted(KOSMOS_DIR.glob("**/locale/de/LC_MESSAGES/*.po"))


def catalogue_id(path: Path) -> str:
    return str(path.relative_to(KOSMOS_DIR))


def test_there_is_a_german_catalogue():
    assert KOSMOS_DIR / "locale" / "de" / "LC_MESSAGES" / "django.po" in CATALOGUES


@pytest.mark.parametrize("po_path", CATALOGUES, ids=catalogue_id)
def test_every_entry_is_translated_and_none_is_fuzzy(po_path: Path):
    catalogue = polib.pofile(str(po_path))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {catalogue_id(po_path)}"
    assert fuzzy == [], f"fuzzy in {catalogue_id(po_path)}"
    assert catalogue.metadata.get("Language") == "de"


@pytest.mark.parametrize("po_path", CATALOGUES, ids=catalogue_id)
def test_placeholders_survive_translation(po_path: Path):
    for entry in polib.pofile(str(po_path)).translated_entries():
        pairs = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            pairs = [(entry.msgid_plural, translated) for translated in entry.msgstr_plural.values()]
        for source, translated in pairs:
            for placeholder in ("%(", "{", "%s", "%d"):
                assert source.count(placeholder) == translated.count(placeholder), source


@pytest.mark.parametrize("po_path", CATALOGUES, ids=catalogue_id)
def test_every_catalogue_is_compiled_and_not_older_than_its_source(po_path: Path):
    mo_path = po_path.with_suffix(".mo")

    assert mo_path.exists(), f"{catalogue_id(mo_path)} is missing: run `make messages`"
    assert mo_path.stat().st_mtime >= po_path.stat().st_mtime, f"{catalogue_id(mo_path)} is stale: run `make messages`"


@pytest.mark.django_db
def test_the_login_page_is_german():
    response = Client().get("/anmelden/")

    html = response.content.decode()
    assert response["Content-Language"] == "de"
    assert '<html lang="de"' in html
    assert "<title>Anmelden – Qualitätskosmos</title>" in html
    assert "Passwort vergessen?" in html
    assert "Zum Inhalt springen" in html
    assert "E-Mail-Adresse" in html
    assert "Log in" not in html


@pytest.mark.django_db
def test_a_browser_asking_for_english_still_gets_german():
    response = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").get("/anmelden/")

    assert response["Content-Language"] == "de"
    assert "Passwort vergessen?" in response.content.decode()


@pytest.mark.django_db
def test_the_not_found_page_is_german(world, client_for):
    response = client_for(world.staff).get("/o/ulm/")

    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()

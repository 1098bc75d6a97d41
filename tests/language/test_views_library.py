"""The letter library: every template in one table, worst score first, with its trend; the number of
queries does not grow with the number of templates."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kosmos.language import services
from kosmos.language.models import GlossaryEntry, LetterVersion
from tests.language.helpers import MIDDLE, OFFICIALESE, PLAIN, make_template, url

pytestmark = pytest.mark.django_db


def _names_in_order(html: str) -> list[str]:
    table = html.split("<tbody")[1].split("</tbody>")[0]
    return re.findall(r'<th scope="row" class="kern-table__cell"><a class="kern-link" href="[^"]+">([^<]+)</a>', table)


def test_the_library_lists_templates_worst_first(world, client_for):
    make_template(world, "Gut", (PLAIN,))
    make_template(world, "Schlecht", (OFFICIALESE,))
    make_template(world, "Mittel", (MIDDLE,))

    html = client_for(world.staff).get(url("org:language_library", world)).content.decode()

    assert _names_in_order(html) == ["Schlecht", "Mittel", "Gut"]
    assert "Briefbibliothek" in html
    lights = list(LetterVersion.objects.values_list("traffic_light", flat=True))
    counts = {light: lights.count(light) for light in ("rot", "gelb", "gruen")}
    assert f"Rot: {counts['rot']} · Gelb: {counts['gelb']} · Grün: {counts['gruen']}" in html


def test_each_row_shows_score_traffic_light_findings_and_trend(world, client_for):
    make_template(world, "Einladung", (OFFICIALESE, MIDDLE, PLAIN))

    html = client_for(world.staff).get(url("org:language_library", world)).content.decode()

    row = html.split("<tbody")[1].split("</tbody>")[0]
    assert re.search(r"\d+,\d <span class=\"kosmos-muted\">\(", row)
    assert re.search(r"(Rot: schwer verständlich|Gelb: teilweise schwer|Grün: gut verständlich)", row)
    assert re.search(r"Verlauf: \d+,\d → \d+,\d → \d+,\d", row)
    assert '<svg class="kosmos-sparkline"' in row and 'aria-hidden="true"' in row
    assert "Mitwirkung" in row


def test_staff_see_the_library_but_no_button_to_create(world, client_for):
    make_template(world)

    staff = client_for(world.staff).get(url("org:language_library", world)).content.decode()
    qm = client_for(world.qm).get(url("org:language_library", world)).content.decode()

    assert "Neue Vorlage" not in staff
    assert "Neue Vorlage" in qm


def test_another_jobcenters_templates_are_not_listed(world, client_for):
    make_template(world, "Freiburger Vorlage")
    make_template(world, "Ulmer Vorlage", organisation=world.ulm)

    html = client_for(world.staff).get(url("org:language_library", world)).content.decode()

    assert "Freiburger Vorlage" in html
    assert "Ulmer Vorlage" not in html


def test_the_category_filter(world, client_for):
    make_template(world, "Einladung zum Termin", category="invitation")
    make_template(world, "Anhörung", category="hearing")

    html = client_for(world.staff).get(url("org:language_library", world) + "?kategorie=hearing").content.decode()

    assert _names_in_order(html) == ["Anhörung"]
    assert '<option value="hearing" selected>' in html


def test_an_unknown_category_shows_everything(world, client_for):
    make_template(world, "Einladung zum Termin", category="invitation")

    html = client_for(world.staff).get(url("org:language_library", world) + "?kategorie=xyz").content.decode()

    assert _names_in_order(html) == ["Einladung zum Termin"]


def test_an_empty_library_says_so(world, client_for):
    html = client_for(world.staff).get(url("org:language_library", world)).content.decode()

    assert "Die Bibliothek hat noch keine Vorlagen." in html


def _queries(client, world) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url("org:language_library", world))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_number_of_queries_does_not_grow_with_the_number_of_templates(world, client_for):
    client = client_for(world.staff)
    for i in range(2):
        make_template(world, f"Vorlage {i}", (OFFICIALESE, PLAIN))
    client.get(url("org:language_library", world))  # warm the session
    few = _queries(client, world)
    for i in range(2, 12):
        make_template(world, f"Vorlage {i}", (OFFICIALESE, MIDDLE, PLAIN))

    many = _queries(client, world)

    assert many == few
    assert many <= 14  # session, user, tenancy, navigation: 10; glossary, templates, versions: 3


def test_stale_analyses_are_recomputed_in_one_bulk_update(world, client_for):
    for i in range(4):
        make_template(world, f"Vorlage {i}", (OFFICIALESE, PLAIN))
    client = client_for(world.staff)
    client.get(url("org:language_library", world))
    fresh = _queries(client, world)
    LetterVersion.objects.update(analysis_key="alte-engine")

    stale = _queries(client, world)

    assert stale <= fresh + 3  # read the texts, one bulk update (and its savepoint)
    assert not LetterVersion.objects.filter(analysis_key="alte-engine").exists()


def test_a_glossary_change_is_reflected_in_the_table(world, client_for):
    template = make_template(world, "Vorlage", (PLAIN,))
    before = template.current_version.finding_count

    services.do_create_glossary_entry(
        acting_user=world.qm, organisation=world.freiburg, kind="avoid", term="Kontoauszüge", replacement="Auszüge"
    )

    template.current_version.refresh_from_db()
    assert template.current_version.finding_count == before + 1
    assert GlossaryEntry.objects.count() == 1

"""The organisation's glossary: staff read it, the quality manager maintains it, and every entry
feeds the checks."""

from __future__ import annotations

import pytest

from kosmos.core.models import AuditEvent
from kosmos.language import services
from kosmos.language.models import GlossaryEntry
from tests.language.helpers import PLAIN, make_template, url

pytestmark = pytest.mark.django_db


def _entry(world, **fields):  # noqa: ANN001, ANN003, ANN202
    data = {"kind": "avoid", "term": "zwecks", "replacement": "für"}
    data.update(fields)
    return services.do_create_glossary_entry(acting_user=world.qm, organisation=world.freiburg, **data)


def test_staff_read_the_glossary_grouped_by_kind(world, client_for):
    _entry(world)
    _entry(world, kind="explain", term="Bedarfsgemeinschaft", replacement="",
           explanation="alle Menschen in Ihrem Haushalt")
    _entry(world, kind="preferred", term="Bürgergeld", replacement="", variants="ALG II, Hartz IV")

    html = client_for(world.staff).get(url("org:language_glossary", world)).content.decode()

    assert "Das Glossar Ihrer Organisation" in html
    assert "Zu vermeidender Begriff (1)" in html
    assert "Zu erklärender Begriff (1)" in html
    assert "Bevorzugter Begriff (1)" in html
    assert "ALG II, Hartz IV" in html
    assert "Bearbeiten" not in html and "Neuer Eintrag" not in html


def test_the_quality_manager_adds_an_entry(world, client_for):
    response = client_for(world.qm).post(
        url("org:language_glossary_create", world),
        {"kind": "avoid", "term": "  Kontoauszüge ", "replacement": "Bank-Auszüge", "variants": "", "explanation": ""},
    )

    entry = GlossaryEntry.objects.get()
    assert response.status_code == 302
    assert (entry.organisation, entry.term, entry.replacement) == (world.freiburg, "Kontoauszüge", "Bank-Auszüge")
    event = AuditEvent.objects.get(action="language.glossary_created")
    assert event.changes["term"] == [None, "Kontoauszüge"]


def test_the_new_entry_shows_up_in_the_next_check(world, client_for):
    client = client_for(world.qm)
    client.post(url("org:language_glossary_create", world),
                {"kind": "avoid", "term": "Kontoauszüge", "replacement": "Bank-Auszüge"})

    html = client.post(url("org:language_check", world), {"text": PLAIN, "text_type": "brief"}).content.decode()

    assert "Begriff vermeiden (Glossar)" in html
    assert "Schreiben Sie: „Bank-Auszüge“." in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"kind": "avoid", "term": "zwecks", "replacement": ""}, "replacement",
         "Bitte geben Sie an, was stattdessen geschrieben werden soll."),
        ({"kind": "explain", "term": "Regelbedarf", "explanation": ""}, "explanation",
         "Bitte geben Sie die Erklärung ein."),
        ({"kind": "preferred", "term": "Bürgergeld", "variants": " , "}, "variants",
         "Bitte geben Sie mindestens ein Wort ein, das durch den bevorzugten Begriff ersetzt werden soll."),
        ({"kind": "avoid", "term": "", "replacement": "für"}, "term", "Dieses Feld ist zwingend erforderlich."),
        ({"kind": "unbekannt", "term": "x"}, "kind", "Bitte wählen Sie eine der angezeigten Möglichkeiten."),
    ],
    ids=["avoid-needs-replacement", "explain-needs-explanation", "preferred-needs-variants", "no-term", "bad-kind"],
)
def test_incomplete_entries_are_refused_in_german_and_the_input_is_kept(world, client_for, data, field, message):
    response = client_for(world.qm).post(url("org:language_glossary_create", world), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'href="#id_{field}"' in html
    if data.get("term"):
        assert f'value="{data["term"]}"' in html
    assert not GlossaryEntry.objects.exists()


def test_a_term_is_in_the_glossary_only_once(world, client_for):
    _entry(world, term="Zwecks")

    response = client_for(world.qm).post(url("org:language_glossary_create", world),
                                         {"kind": "avoid", "term": "zwecks", "replacement": "um … zu"})

    assert "„zwecks“ steht schon im Glossar." in response.content.decode()
    assert GlossaryEntry.objects.count() == 1


def test_the_same_term_may_stand_in_another_jobcenters_glossary(world):
    services.do_create_glossary_entry(acting_user=world.outsider, organisation=world.ulm, kind="avoid",
                                      term="zwecks", replacement="für")

    _entry(world)

    assert GlossaryEntry.objects.filter(term="zwecks").count() == 2


def test_edit_an_entry(world, client_for):
    entry = _entry(world)

    response = client_for(world.qm).post(
        url("org:language_glossary_edit", world, entry_id=entry.public_id),
        {"kind": "avoid", "term": "zwecks", "replacement": "um … zu", "variants": "", "explanation": ""},
    )

    entry.refresh_from_db()
    assert response.status_code == 302
    assert entry.replacement == "um … zu"
    assert AuditEvent.objects.get(action="language.glossary_updated").changes == {"replacement": ["für", "um … zu"]}


def test_an_edit_with_errors_keeps_the_stored_term_in_the_heading(world, client_for):
    entry = _entry(world)

    response = client_for(world.qm).post(
        url("org:language_glossary_edit", world, entry_id=entry.public_id),
        {"kind": "avoid", "term": "wegen", "replacement": ""},
    )

    html = response.content.decode()
    assert "„zwecks“ bearbeiten" in html
    assert 'value="wegen"' in html
    entry.refresh_from_db()
    assert entry.term == "zwecks"


def test_remove_an_entry_after_asking(world, client_for):
    entry = _entry(world)
    client = client_for(world.qm)
    delete_url = url("org:language_glossary_delete", world, entry_id=entry.public_id)

    confirm = client.get(delete_url).content.decode()
    response = client.post(delete_url)

    assert "„zwecks“ aus dem Glossar entfernen" in confirm
    assert response.status_code == 302
    assert not GlossaryEntry.objects.exists()
    assert AuditEvent.objects.get(action="language.glossary_deleted").changes["term"] == ["zwecks", None]


def test_another_jobcenters_entry_is_not_found(world, client_for):
    entry = services.do_create_glossary_entry(acting_user=world.outsider, organisation=world.ulm, kind="avoid",
                                              term="zwecks", replacement="für")

    response = client_for(world.qm).get(url("org:language_glossary_edit", world, entry_id=entry.public_id))

    assert response.status_code == 404


def test_removing_an_entry_updates_the_library(world):
    entry = _entry(world, term="Kontoauszüge", replacement="Auszüge")
    template = make_template(world, "Vorlage", (PLAIN,))
    with_entry = template.current_version.finding_count

    services.do_delete_glossary_entry(acting_user=world.qm, entry=entry)

    template.current_version.refresh_from_db()
    assert template.current_version.finding_count == with_entry - 1

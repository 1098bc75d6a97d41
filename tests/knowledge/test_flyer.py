"""The customer flyer: PDF in A4 and A5 with the offers' text and headings, never a customer's data."""

from __future__ import annotations

import io

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from kosmos.knowledge import flyer, services
from kosmos.knowledge.models import Topic
from tests.factories import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        category = services.do_save_category(acting_user=world.qm, organisation=world.freiburg,
                                             data={"name": "Psychische Gesundheit", "topic": "offers"})
        services.do_save_entry(acting_user=world.qm, organisation=world.freiburg, data={
            "title": "Sozialpsychiatrischer Dienst", "topic": "offers", "category": category,
            "summary": "Beratung bei psychischer Belastung.", "address": "Berliner Allee 1", "postcode": "79098",
            "place": "Freiburg", "opening_hours": "Di und Do 14–17 Uhr", "contact_role": "Sozialarbeit",
            "contact_phone": "0761 555", "free_of_charge": True, "languages": ["de", "ar"],
            "description": "Intern: nur nach Rücksprache mit Frau Muster vermitteln.",
            "conversation_tips": "Interner Gesprächshinweis", "responsible": world.qm})
        services.do_save_entry(acting_user=world.qm, organisation=world.freiburg, data={
            "title": "Lauftreff Seepark", "topic": "offers", "costs": "2 € pro Termin", "postcode": "79100"})
        services.do_save_entry(acting_user=world.qm, organisation=world.freiburg, data={
            "title": "Betriebliches Gesundheitsmanagement", "topic": "workplace"})
        shared = services.do_save_entry(acting_user=world.partner, organisation=world.loerrach, data={
            "title": "Suchtberatung Lörrach", "topic": "offers", "postcode": "79539"})
        from kosmos.core.sharing import do_share

        do_share(acting_user=world.partner, obj=shared, visibility="partners", partners=[world.freiburg])
        yield world
        transaction.set_rollback(True)


def _url() -> str:
    return reverse("org:knowledge_flyer", kwargs={"org_slug": "freiburg"})


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(("paper", "width_mm"), [("a4", 210), ("a5", 148)])
def test_the_flyer_is_a_pdf_of_the_chosen_size_with_the_offers(setup, client_for, paper, width_mm):  # noqa: ANN001
    response = client_for(setup.staff).get(_url(), {"topic": "offers", "paper": paper, "download": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == width_mm
    text = _text(response.content)
    for expected in ("Sozialpsychiatrischer Dienst", "Di und Do 14–17 Uhr", "Berliner Allee 1", "0761 555",
                     "Lauftreff Seepark", "2 € pro Termin", "Suchtberatung Lörrach", "Jobcenter Freiburg"):
        assert expected in text
    assert "Betriebliches Gesundheitsmanagement" not in text  # another topic
    # Never internal notes or people: description, conversation tips, the person responsible.
    for secret in ("Frau Muster", "Interner Gesprächshinweis", "Quirin"):
        assert secret not in text
    # Headings become the PDF's outline: the title and one per offer.
    top, children = reader.outline[0], reader.outline[1]
    with translation.override("de"):
        assert top.title == str(Topic.OFFERS.label)
    assert sorted(item.title for item in children) == [
        "Lauftreff Seepark", "Sozialpsychiatrischer Dienst", "Suchtberatung Lörrach"]
    assert reader.metadata.title.startswith(top.title)


def test_a_selection_and_a_category_narrow_the_flyer(setup, client_for):  # noqa: ANN001
    client = client_for(setup.staff)
    category = flyer.Category.objects.get(organisation=setup.freiburg, name="Psychische Gesundheit")
    response = client.get(_url(), {"topic": "offers", "category": str(category.public_id), "paper": "a5",
                                   "download": "pdf"})
    text = _text(response.content)
    assert "Psychische Gesundheit" in text and "Sozialpsychiatrischer Dienst" in text
    assert "Lauftreff Seepark" not in text

    lauftreff = flyer.Entry.objects.get(title="Lauftreff Seepark")
    response = client.get(_url(), {"topic": "offers", "paper": "a4", "entries": [lauftreff.short_code],
                                   "download": "pdf"})
    text = _text(response.content)
    assert "Lauftreff Seepark" in text and "Sozialpsychiatrischer Dienst" not in text


def test_the_page_lists_the_offers_and_has_no_free_text_field(setup, client_for):  # noqa: ANN001
    client = client_for(setup.staff)
    first = client.get(_url()).content.decode()
    assert 'type="text"' not in first and "<textarea" not in first
    listing = client.get(_url(), {"topic": "offers", "paper": "a4"}).content.decode()
    assert "3 Angebote passen." in listing and "Lauftreff Seepark" in listing
    assert 'type="text"' not in listing and "<textarea" not in listing


def test_bad_choices_are_form_errors_not_pdfs(setup, client_for):  # noqa: ANN001
    client = client_for(setup.staff)
    response = client.get(_url(), {"topic": "nonsense", "paper": "a3", "download": "pdf"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    empty = client.get(_url(), {"topic": "staff", "paper": "a4", "download": "pdf"})
    assert "In diesem Thema oder dieser Kategorie gibt es noch kein Angebot." in empty.content.decode()
    foreign = client.get(_url(), {"topic": "offers", "paper": "a4", "entries": ["zzzzzzz"], "download": "pdf"})
    assert foreign["Content-Type"].startswith("text/html")


def test_the_flyer_context_holds_only_published_fields(setup):  # noqa: ANN001
    fields = set(flyer.FlyerEntry.__dataclass_fields__)
    assert not fields & {"description", "conversation_tips", "responsible", "sources", "name"}

"""The programme office's call pages: create, edit, states, documents, committee."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from kosmos.core.models import AuditEvent
from kosmos.programme.models import Call, CallDocument, CommitteeMember
from tests.factories import build_world, make_user
from tests.programme.builders_calls import make_call

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Voneinander lernen 2028", "summary": "", "eligibility": "", "topics": "Kanäle\nSprache\nKanäle",
    "deadline": "2099-03-31T23:59", "period_start": "2099-06-01", "period_end": "2100-05-31",
    "weight_situation": "2", "weight_transferability": "1", "weight_relevance": "1", "weight_evidence": "0",
    "rank_by": "median", "disagreement_threshold": "2", "select_count": "11", "min_ge": "2", "min_zkt": "2",
    "max_per_state": "", "cover_topics": "on",
}


@pytest.fixture(scope="module")
def setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        yield world, make_call(world, open_call=False)
        transaction.set_rollback(True)


def _url(name: str, call=None, **kwargs: object) -> str:  # noqa: ANN001
    return reverse(name, kwargs={"call_id": call.public_id, **kwargs} if call else kwargs)


def test_the_office_creates_a_call_with_topics_and_weights(setup, client_for) -> None:  # noqa: ANN001
    world, _ = setup
    response = client_for(world.programme).post(_url("programme_call_create"), FORM)
    call = Call.objects.get(title="Voneinander lernen 2028")
    assert response.status_code == 302
    assert list(call.topics.values_list("name", flat=True)) == ["Kanäle", "Sprache"]
    assert (call.state, call.weights["situation"], call.weights["evidence"]) == ("draft", 2, 0)
    event = AuditEvent.objects.get(action="programme.call_created", object_id=str(call.public_id))
    assert event.changes["topics"] == [None, ["Kanäle", "Sprache"]]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("weight_situation", "11", "kleiner oder gleich 10"),
    ("period_end", "2098-01-01", "Der Projektzeitraum endet, bevor er beginnt."),
    ("topics", " \n ", "Dieses Feld ist zwingend erforderlich."),
])
def test_bad_call_input_gets_german_messages(setup, client_for, field, value, message) -> None:  # noqa: ANN001
    world, _ = setup
    response = client_for(world.programme).post(_url("programme_call_create"), {**FORM, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Call.objects.filter(title="Voneinander lernen 2028").exists()


def test_all_weights_zero_is_refused(setup, client_for) -> None:  # noqa: ANN001
    world, _ = setup
    zero = {f"weight_{c}": "0" for c in ("situation", "transferability", "relevance", "evidence")}
    page = client_for(world.programme).post(_url("programme_call_create"), {**FORM, **zero}).content.decode()
    assert "Mindestens ein Kriterium braucht ein Gewicht über 0." in page


def test_states_move_only_along_the_workflow(setup, client_for) -> None:  # noqa: ANN001
    world, call = setup
    client = client_for(world.programme)
    client.post(_url("programme_call_state", call), {"state": "decided"})
    assert Call.objects.get(pk=call.pk).state == "draft"
    client.post(_url("programme_call_state", call), {"state": "open"})
    assert Call.objects.get(pk=call.pk).state == "open"
    assert client.post(_url("programme_call_state", call), {"state": "bogus"}).status_code == 302


def test_a_document_must_be_a_pdf_and_is_downloaded_privately(setup, client_for) -> None:  # noqa: ANN001
    world, call = setup
    client = client_for(world.programme)
    bad = SimpleUploadedFile("aufruf.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    page = client.post(_url("programme_call_document_add", call), {"title": "Aufruf", "file": bad}).content.decode()
    assert "Bitte laden Sie eine PDF-Datei hoch." in page
    good = SimpleUploadedFile("aufruf.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    assert client.post(_url("programme_call_document_add", call), {"title": "Aufruf", "file": good}).status_code == 302
    document = CallDocument.objects.get(call=call)
    response = client.get(_url("programme_call_document", call, document_id=document.public_id))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    document.file.delete(save=False)


def test_the_office_adds_committee_members_by_account(setup, client_for) -> None:  # noqa: ANN001
    world, call = setup
    make_user("land@gremium.test", "Lina Land")
    client = client_for(world.programme)
    page = client.post(_url("programme_committee_add", call), {"email": "niemand@gremium.test",
                                                              "institution": "ba"}).content.decode()
    assert "Es gibt kein Konto mit dieser E-Mail-Adresse." in page
    client.post(_url("programme_committee_add", call), {"email": "LAND@gremium.test", "institution": "state",
                                                       "state": "NI"})
    member = CommitteeMember.objects.get(call=call)
    assert (member.user.email, member.state) == ("land@gremium.test", "NI")
    page = client.get(_url("programme_call_detail", call)).content.decode()
    assert "Lina Land" in page and "Niedersachsen" in page


def test_a_call_with_applications_can_be_deleted_as_a_whole(setup) -> None:  # noqa: ANN001
    world, _ = setup
    call = make_call(world, title="Wird gelöscht")
    from tests.programme.builders_calls import apply

    apply(call, world.freiburg, world.qm)
    call.delete()  # topics go with it although applications point to them (RESTRICT, not PROTECT)
    assert not Call.objects.filter(title="Wird gelöscht").exists()

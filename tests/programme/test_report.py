"""The results report: assembled from call, selection, workshops and profiles; narrative sections
written by the office (audited, versioned); PDF with the table of contents as bookmarks and every
profile; DOCX with the same outline; bounded queries."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from kosmos.core.models import AuditEvent
from kosmos.programme import report
from kosmos.programme import services_events as events
from kosmos.programme.models import Decision, Event
from kosmos.programme.services_report import do_save_report_section
from tests.programme import exchange_builders as build

pytestmark = pytest.mark.django_db

PROJECTS = [("regensburg", "Jobcenter Regensburg", 0, "Wissensdatenbank Gesundheit", "zkt"),
            ("ulm2", "Jobcenter Ulm-Land", 1, "Digitale Zugangswege", "ge"),
            ("weimar", "Jobcenter Weimarer Land", 2, "Soll-Prozesse FbW", "ge")]


@pytest.fixture(autouse=True)
def _german():  # noqa: ANN202
    with translation.override("de"):
        yield


def _programme(world, extra: int = 0):  # noqa: ANN001, ANN202
    call = build.call()
    for slug, name, topic, title, form in PROJECTS + [
            (f"extra{i}", f"Jobcenter Extra {i}", i % 3, f"Projekt {i}", "ge") for i in range(extra)]:
        organisation = build.jobcenter(slug, name, form=form)
        build.application(call, organisation, topic_index=topic, profile=build.profile(organisation, title))
    unpublished = build.jobcenter("chemnitz", "Jobcenter Chemnitz")
    build.application(call, unpublished, profile=build.profile(unpublished, "Entwurf", published=False))
    build.application(call, world.ulm, decision=Decision.REJECTED)
    kickoff = build.event(the_call=call, days=10)
    events.do_register(acting_user=world.outsider, event=kickoff, organisation=world.ulm, participant=world.outsider)
    Event.objects.filter(pk=kickoff.pk).update(starts_at=kickoff.starts_at - dt.timedelta(days=110),
                                               ends_at=kickoff.ends_at - dt.timedelta(days=110))
    return call


def test_the_report_follows_the_seed_structure_and_names_what_is_missing(world):
    call = _programme(world)
    data = report.report_data(call)
    chapters = [h.title for h in data.headings if h.entry.level == 1]
    assert chapters[:2] == ["Einleitung", "Verlauf des Programms"]
    assert chapters[2:5] == ["Themenfeld »Verständliche Sprache«", "Themenfeld »Kommunikationskanäle«",
                             "Themenfeld »Übergang FbW«"]
    assert [b.profile.title for b in data.profiles] == [p[3] for p in PROJECTS]
    assert [b.topic_title for b in data.profiles] == ["Verständliche Sprache", "Kommunikationskanäle", "Übergang FbW"]
    assert [a.organisation.name for a in data.missing_profiles] == ["Jobcenter Chemnitz"]
    assert (data.facts.applications, data.facts.selected, data.facts.selected_zkt) == (5, 4, 1)
    [kickoff] = data.events
    assert (kickoff.participant_count, kickoff.guest_organisation_count) == (1, 1)  # Ulm was not selected


def test_the_pdf_has_the_table_of_contents_as_bookmarks_and_every_profile(world):
    call = _programme(world)
    do_save_report_section(acting_user=world.programme, call=call, key="introduction",
                           body="Der Bericht dokumentiert den Verlauf.\n\nZweiter Absatz.")
    pdf = PdfReader(io.BytesIO(report.render_pdf(call)))

    def titles(outline) -> list[str]:  # noqa: ANN001
        found = []
        for item in outline:
            found += titles(item) if isinstance(item, list) else [item.title]
        return found

    bookmarks = titles(pdf.outline)
    expected = [f"{h.entry.number} {h.title}" for h in report.report_data(call).headings]
    assert [b for b in bookmarks if b[0].isdigit()] == expected
    assert "Inhalt" in bookmarks
    text = " ".join(page.extract_text() for page in pdf.pages)
    for _slug, name, _topic, title, _form in PROJECTS:
        assert name in text and title in text
    assert "Der Bericht dokumentiert den Verlauf." in text
    assert pdf.metadata.title.startswith("Ergebnisbericht")


def test_the_docx_has_the_same_outline_as_word_headings(world):
    from docx import Document

    call = _programme(world)
    from kosmos.programme.report_docx import render_docx

    document = Document(io.BytesIO(render_docx(report.report_data(call))))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    expected = [(f"Heading {h.entry.level}", f"{h.entry.number} {h.title}") for h in report.report_data(call).headings]
    assert headings == expected
    assert document.core_properties.title.startswith("Ergebnisbericht")


def test_the_office_writes_a_section_every_version_is_in_the_log_and_a_stale_save_is_refused(world):
    call = build.call()
    do_save_report_section(acting_user=world.programme, call=call, key="course", body="Erste Fassung", version=0)
    section = do_save_report_section(acting_user=world.programme, call=call, key="course", body="Zweite Fassung",
                                     version=1)
    assert section.version == 2
    with pytest.raises(ValidationError, match="zwischenzeitlich"):
        do_save_report_section(acting_user=world.programme, call=call, key="course", body="Veraltet", version=1)
    section.refresh_from_db()
    assert section.body == "Zweite Fassung"
    history = AuditEvent.objects.filter(action="programme.report_section_saved").order_by("id")
    assert [e.changes["body"] for e in history] == [["", "Erste Fassung"], ["Erste Fassung", "Zweite Fassung"]]
    with pytest.raises(ValidationError):
        do_save_report_section(acting_user=world.programme, call=call, key="preface", body="x")
    with pytest.raises(PermissionDenied):
        do_save_report_section(acting_user=world.qm, call=call, key="course", body="x")


def test_the_section_page_keeps_the_typed_text_when_somebody_saved_in_between(world, client_for):
    call = build.call()
    do_save_report_section(acting_user=world.programme, call=call, key="conclusion", body="Stand A")
    url = reverse("programme_report_section", kwargs={"call_id": call.public_id, "key": "conclusion"})
    response = client_for(world.programme).post(url, {"body": "Mein neuer Text", "version": "0"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Mein neuer Text" in html and "Stand A" in html
    ok = client_for(world.programme).post(url, {"body": "Mein neuer Text", "version": "1"})
    assert ok.status_code == 302 and ok["Location"].endswith("#schluss")
    assert client_for(world.programme).get(reverse("programme_report_section", kwargs={
        "call_id": call.public_id, "key": "findings:t0"})).status_code == 404


def test_the_report_reads_a_fixed_number_of_queries_whatever_the_number_of_profiles(world):
    small, large = _programme(world), None

    def count(call) -> int:  # noqa: ANN001
        with CaptureQueriesContext(connection) as queries:
            report.render_html(call)
        return len(queries)

    before = count(small)
    large = build.call(title="Vierte Welle")
    for i in range(8):
        organisation = build.jobcenter(f"gross{i}", f"Jobcenter Groß {i}")
        build.application(large, organisation, topic_index=i % 3, profile=build.profile(organisation, f"Projekt {i}"))
    assert count(large) == before

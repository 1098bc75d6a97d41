"""Free-text answers reach published results only after a quality manager released them,
in the wording released (redacted); the raw answer never changes."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kosmos.core.models import AuditEvent
from kosmos.surveys import services
from kosmos.surveys.models import Question, ReleasedText, TextAnswer, Wave
from kosmos.surveys.results import ensure_cube
from tests.surveys.test_views_results import page_text

pytestmark = pytest.mark.django_db

RAW = "Frau Müller in Zimmer 12 hat mich angeschrien"


@pytest.fixture
def ended(wave, fill) -> Wave:  # noqa: ANN001
    fill(wave, 6, bereich="leistung", zufrieden="5", kommentar="Gute Beratung")
    fill(wave, 1, bereich="leistung", zufrieden="5", kommentar=RAW)
    wave = Wave.objects.get(pk=wave.pk)
    Wave.objects.filter(pk=wave.pk).update(status="closed")
    wave.refresh_from_db()
    services.do_set_results_published(acting_user=wave.survey.created_by, wave=wave, published=True)
    ensure_cube(wave)  # the first reading of an ended wave rewrites its response ids once
    return Wave.objects.get(pk=wave.pk)


def _url(name: str, wave: Wave) -> str:
    return reverse(name, kwargs={"org_slug": "freiburg", "survey_id": wave.survey.public_id, "wave_id": wave.public_id})


def _comment(wave: Wave) -> Question:
    return Question.objects.get(survey=wave.survey, text="Was möchten Sie uns noch sagen?")


def test_published_results_show_no_free_text_by_default(ended, client_for, world):
    text = page_text(client_for(world.staff).get(_url("org:survey_wave_results_published", ended)))

    assert "Frau Müller" not in text and "Gute Beratung" not in text
    assert "0 von 7 Antworten vom Qualitätsmanagement freigegeben" in text


def test_a_released_answer_appears_redacted_and_the_raw_answer_is_unchanged(ended, client_for, world):
    question = _comment(ended)
    answer = TextAnswer.objects.get(wave=ended, question=question, text=RAW)
    qm = client_for(world.qm)

    moderation = page_text(qm.get(_url("org:survey_wave_texts", ended) + f"?frage={question.public_id}"))
    assert RAW in moderation
    response = qm.post(_url("org:survey_wave_text_release", ended), {
        "frage": str(question.public_id), "antwort": str(answer.response_id), "aktion": "freigeben",
        "text": "[…] hat mich angeschrien",
    })

    assert response.status_code == 302
    staff_text = page_text(client_for(world.staff).get(_url("org:survey_wave_results_published", ended)))
    assert "[…] hat mich angeschrien" in staff_text
    assert "Müller" not in staff_text and "Gute Beratung" not in staff_text
    assert TextAnswer.objects.get(pk=answer.pk).text == RAW
    assert ReleasedText.objects.get().redacted is True
    event = AuditEvent.objects.filter(action="wave.text_released").get()
    assert "angeschrien" not in str(event.changes)


def test_the_pdf_report_holds_only_released_free_texts(ended, client_for, world):
    question = _comment(ended)
    answer = TextAnswer.objects.filter(wave=ended, question=question, text="Gute Beratung").first()
    from kosmos.surveys.services.releasing import do_release_text

    do_release_text(acting_user=world.qm, wave=ended, question=question, response_id=answer.response_id,
                    text="Gute Beratung")

    pdf = client_for(world.qm).get(_url("org:survey_wave_report", ended)).content
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)

    assert "Gute Beratung" in text
    assert "Müller" not in text


def test_withdrawing_a_release_removes_it_from_the_published_page(ended, client_for, world):
    question = _comment(ended)
    answer = TextAnswer.objects.filter(wave=ended, question=question, text="Gute Beratung").first()
    qm = client_for(world.qm)
    data = {"frage": str(question.public_id), "antwort": str(answer.response_id), "text": "Gute Beratung"}
    qm.post(_url("org:survey_wave_text_release", ended), {**data, "aktion": "freigeben"})
    release = ReleasedText.objects.get()
    qm.post(_url("org:survey_wave_text_release", ended),
            {**data, "aktion": "zuruecknehmen", "freigabe": str(release.public_id)})

    assert not ReleasedText.objects.exists()
    assert "Gute Beratung" not in page_text(client_for(world.staff).get(_url("org:survey_wave_results_published", ended)))

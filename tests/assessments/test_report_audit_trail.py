"""The report is an audit trail: per question the consensus value, the individual spread (no
names), the reason for a deviation and the evidence, in the XLSX and the PDF."""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from kosmos.assessments import services
from kosmos.assessments.models import Phase
from tests.assessments import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def documented(world):  # noqa: ANN001, ANN201
    """Two raters (30 % and 50 %); the first question agreed at 70 % with a reason and an observation."""
    assessment = builders.assessment_in_phase(world, Phase.CONSENSUS)
    first = builders.first_item(assessment)
    services.do_add_evidence(acting_user=world.assessor, item=first, title="Teambesprechung",
                             description="Kennzahlen werden monatlich besprochen.")
    services.do_record_consensus(acting_user=world.qm, item=first, score=70,
                                 reason="Die Belege zeigen eine gelebte Praxis.")
    return assessment, first


def _url(name: str, assessment) -> str:  # noqa: ANN001
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", "assessment_id": assessment.public_id})


def test_the_xlsx_lists_per_question_how_the_score_came_about(world, documented, client_for):
    assessment, first = documented

    response = client_for(world.management).get(_url("assessment_report_xlsx", assessment))

    book = load_workbook(io.BytesIO(response.content))
    rows = list(book["Fragen"].iter_rows(values_only=True))
    header, row = rows[0], rows[1]
    values = dict(zip(header, row, strict=True))
    assert values["Nr."] == "1.1"
    assert values["Konsens (%)"] == 70 and values["Vorschlag (%)"] == 40
    assert (values["Einzelbewertungen"], values["Niedrigste (%)"], values["Median (%)"], values["Höchste (%)"]) == (
        2, 30, 40, 50)
    assert values["Begründung der Abweichung"] == "Die Belege zeigen eine gelebte Praxis."
    assert "Teambesprechung" in values["Belege"] and "Kennzahlen werden monatlich besprochen." in values["Belege"]
    assert rows[2][0] == "1.2" or rows[2][0].startswith("2.")
    everything = json.dumps([list(s.iter_rows(values_only=True)) for s in book.worksheets], default=str)
    assert world.assessor.full_name not in everything and world.management.full_name not in everything


def test_the_pdf_carries_the_reason_and_the_evidence(world, documented, client_for):
    assessment, _first = documented

    pdf = client_for(world.management).get(_url("assessment_report_pdf", assessment)).content

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Wie jede Bewertung zustande kam" in text
    assert "Die Belege zeigen eine gelebte Praxis." in text
    squeezed = text.replace(" ", "")  # narrow table cells break lines inside words
    assert "Teambesprechung(Beobachtung:Kennzahlenwerdenmonatlichbesprochen.)" in squeezed
    assert "2Bewertungen:30%–50%,Median40%" in squeezed

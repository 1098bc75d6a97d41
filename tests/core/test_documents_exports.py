"""Every export of the platform goes through the shared kit: user text stays text, numbers read as
numbers in German Excel, and every download is private (``Cache-Control: private, no-store``)."""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
from django.db import transaction
from django.urls import reverse

from kosmos.assessments.models import Finding
from kosmos.core.roles import ROLE_PERMISSIONS
from kosmos.surveys.models import Wave
from tests.assessments import builders
from tests.permissions.rows import OrgRow
from tests.permissions.test_url_permissions import LEAST_PRIVILEGED_FIRST, PATTERNS, ROWS
from tests.surveys.conftest import answers_for, build_survey, close_wave, open_wave, submit

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x","y")'
GERMAN_NUMBER = re.compile(r"^-?\d+(,\d+)?$")


@pytest.fixture(autouse=True)
def _reference_data(db):  # noqa: ANN001, ANN202
    """The EFQM model rows come from a data migration; a transactional test may have flushed them."""
    from kosmos.assessments.model_sync import ensure_reference_data

    ensure_reference_data()


@pytest.fixture
def ended_wave(world) -> Wave:  # noqa: ANN001
    """16 responses: satisfaction 5 (8 ×), 2 (6 ×) and 1 (2 ×), so the mean is 3.375."""
    survey = build_survey(world)
    wave = open_wave(survey, world.qm)
    for count, bereich, zufrieden in ((8, "leistung", "5"), (6, "markt_und_integration", "2"), (2, "service", "1")):
        for _ in range(count):
            submit(wave, answers_for(survey, bereich=bereich, zufrieden=zufrieden))
    return close_wave(wave)


def _wave_url(name: str, wave: Wave, **kwargs: str) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", "survey_id": wave.survey.public_id,
                                          "wave_id": wave.public_id, **kwargs})


def _assessment_url(name: str, assessment) -> str:  # noqa: ANN001
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", "assessment_id": assessment.public_id})


# --- user text stays text ----------------------------------------------------------------------------


def test_a_finding_that_starts_with_a_formula_arrives_as_text_in_the_assessment_xlsx(world, client_for):  # noqa: ANN001
    completed = builders.assessment_in_phase(world, "completed")
    updated = Finding.objects.filter(assessment=completed, kind="improvement", is_consensus=True).update(text=FORMULA)
    assert updated

    response = client_for(world.management).get(_assessment_url("assessment_report_xlsx", completed))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Befunde"]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells
    assert all(c.data_type == "s" and c.value == FORMULA for c in cells)


def test_a_free_text_that_starts_with_a_formula_arrives_as_text_in_the_raw_survey_xlsx(world, client_for):  # noqa: ANN001
    survey = build_survey(world)
    wave = open_wave(survey, world.qm)
    for _ in range(5):
        submit(wave, answers_for(survey, kommentar=FORMULA))
    close_wave(wave)

    response = client_for(world.qm).get(_wave_url("survey_wave_export", wave, kind="antworten", fmt="xlsx"))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert len(cells) == 5
    assert all(c.data_type == "s" and c.value == FORMULA for c in cells)


# --- numbers stay numbers ----------------------------------------------------------------------------


def _german_excel(content: bytes) -> list[list[object]]:
    """The CSV as German Excel reads it: ``;`` columns; a number with a decimal comma is a number."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    return [[float(v.replace(",", ".")) if GERMAN_NUMBER.match(v) else v for v in row] for row in rows]


def test_the_survey_summary_csv_has_decimal_commas_that_german_excel_reads_as_numbers(ended_wave, world,  # noqa: ANN001
                                                                                     client_for):  # noqa: ANN001
    response = client_for(world.qm).get(_wave_url("survey_wave_export", ended_wave, kind="zusammenfassung",
                                                  fmt="csv"))

    assert response.content.startswith(b"\xef\xbb\xbf") and b"\r\n" in response.content
    rows = _german_excel(response.content)
    header = rows[0]
    mean = header.index("Mittelwert")
    share = header.index("Anteil (%)")
    means = {r[mean] for r in rows[1:] if r[mean] != ""}
    assert 3.38 in means  # 3.375 rounded half up, written "3,38"
    assert all(isinstance(r[share], float) for r in rows[1:] if r[share] != "")
    # nothing that German Excel would turn into a date
    assert not any(re.match(r"^\d+\.\d+$", str(v)) for r in csv.reader(
        io.StringIO(response.content.decode("utf-8-sig")), delimiter=";") for v in r)


def test_the_survey_summary_xlsx_keeps_real_numbers(ended_wave, world, client_for):  # noqa: ANN001
    response = client_for(world.qm).get(_wave_url("survey_wave_export", ended_wave, kind="zusammenfassung",
                                                  fmt="xlsx"))

    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows())
    mean = [c.value for c in rows[0]].index("Mittelwert")
    values = [r[mean] for r in rows[1:] if r[mean].value is not None]
    assert values and all(c.data_type == "n" for c in values)
    assert 3.38 in {c.value for c in values}


# --- every download is private -------------------------------------------------------------------


DOWNLOADS = {
    "org:survey_wave_qr", "org:survey_wave_poster", "org:survey_wave_cards", "org:survey_wave_report",
    "org:survey_wave_export", "org:assessment_report_pdf", "org:assessment_report_xlsx",
    "org:assessment_evidence_file",
}


def _member_with(world, name: str, row: OrgRow):  # noqa: ANN001, ANN202
    permission = PATTERNS[name].required_permission
    role = row.with_role or next(r for r in LEAST_PRIVILEGED_FIRST if permission in ROLE_PERMISSIONS[r])
    return world.by_role(role)


def _check_private(response, where: str, failures: list[str]) -> bool:  # noqa: ANN001
    if not response.has_header("Content-Disposition"):
        return False
    cache = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    if not {"private", "no-store"} <= cache:
        failures.append(f"{where}: Content-Disposition without private, no-store ({response.get('Cache-Control')})")
    if response.get("X-Content-Type-Options") != "nosniff":
        failures.append(f"{where}: no X-Content-Type-Options: nosniff")
    return True


@pytest.mark.parametrize("module", ["survey", "assessment"])
def test_every_response_with_a_content_disposition_is_private(module: str, world, client_for):  # noqa: ANN001
    """Every GET page of the module (the permission walk's rows), as the member who may see it."""
    failures: list[str] = []
    downloads: set[str] = set()
    names = sorted(n for n, row in ROWS.items()
                   if n.startswith(f"org:{module}_") and isinstance(row, OrgRow) and row.method == "get")
    assert len(names) > 10
    for name in names:
        row = ROWS[name]
        url = reverse(name, kwargs={**row.kwargs(world), "org_slug": world.freiburg.slug})
        with transaction.atomic():
            response = client_for(_member_with(world, name, row)).get(url)
            transaction.set_rollback(True)
        if _check_private(response, f"{name} ({url})", failures):
            downloads.add(name)
    assert not failures, "\n".join(failures)
    assert downloads == {n for n in DOWNLOADS if n.startswith(f"org:{module}_")}


def test_every_survey_export_format_is_private(ended_wave, world, client_for):  # noqa: ANN001
    client = client_for(world.qm)
    failures: list[str] = []
    urls = [_wave_url("survey_wave_export", ended_wave, kind=kind, fmt=fmt)
            for kind in ("zusammenfassung", "antworten") for fmt in ("csv", "xlsx")]
    urls += [_wave_url("survey_wave_qr", ended_wave, fmt=fmt) for fmt in ("svg", "png")]
    urls += [_wave_url("survey_wave_report", ended_wave), _wave_url("survey_wave_poster", ended_wave)]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _check_private(response, url, failures), f"{url} is no download"
    assert not failures, "\n".join(failures)

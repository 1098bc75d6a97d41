"""Pages of the maturity check: answering per channel, the result with heat map and
recommendations, versions, exports, the hub, the history and the dashboard panel."""

from __future__ import annotations

import datetime as dt
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kosmos.channels.models import Answer, CheckChannel
from kosmos.core import hub
from tests.channels import check_builders
from tests.channels.check_builders import uniform


def _url(name: str, **kwargs) -> str:
    return reverse(f"org:{name}", kwargs={"org_slug": "freiburg", **kwargs})


def _answer_data(levels: dict[str, int], target: int | str = "") -> dict[str, object]:
    data: dict[str, object] = {f"{key}-level": level for key, level in levels.items()}
    data.update({f"{key}-evidence": "Dienstanweisung 2025" for key in levels})
    data["target_level"] = target
    return data


def test_the_quality_manager_answers_one_channel_after_the_other(world, client_for):
    check = check_builders.check(world.freiburg, world.qm)
    client = client_for(world.qm)

    page = client.get(_url("channel_check_answer", check_id=check.public_id, channel_key="telefon"))
    assert page.status_code == 200
    assert 'type="radio"' in page.content.decode() and "Stufe 0" in page.content.decode()

    levels = {**uniform(3), "barrierefreiheit": 1}
    response = client.post(_url("channel_check_answer", check_id=check.public_id, channel_key="telefon"),
                           {**_answer_data(levels, 3), "next": "1"})

    assert response.status_code == 302
    assert response["Location"].endswith(f"/kanaele/check/{check.public_id}/video/")
    stored = CheckChannel.objects.get(check_run=check, channel_key="telefon")
    assert (stored.overall_level, stored.target_level) == (1, 3)
    assert Answer.objects.filter(check_run=check, current=True, evidence="Dienstanweisung 2025").count() == 8


def test_a_level_outside_the_scale_is_a_form_error_and_nothing_is_saved(world, client_for):
    check = check_builders.check(world.freiburg, world.qm)
    response = client_for(world.qm).post(_url("channel_check_answer", check_id=check.public_id, channel_key="video"),
                                         _answer_data({"strategie": 7}))
    assert response.status_code == 200
    assert not Answer.objects.filter(check_run=check).exists()


def test_the_result_shows_weakest_levels_heat_map_radar_and_recommendations_in_bounded_queries(world, client_for):
    check = check_builders.check(world.freiburg, world.qm, levels={
        "telefon": uniform(3), "video": {**uniform(2), "datenschutz": 0}, "portal": uniform(1)})
    client = client_for(world.qm)
    with CaptureQueriesContext(connection) as small:
        page = client.get(_url("channel_check", check_id=check.public_id))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="channels-heatmap' in html and "channels-radar-1" in html
    assert "Lassen Sie den Kanal vom Datenschutz prüfen." in html  # video: data protection 0 → 1
    assert "Turn gaps into an action field" not in html  # German page

    bigger = check_builders.check(world.freiburg, world.qm, date=dt.date(2026, 6, 1),
                                  channels=("telefon", "video", "portal", "email", "brief", "chat", "eingangszone"),
                                  levels={"email": uniform(2), "brief": uniform(4), "chat": uniform(1)})
    with CaptureQueriesContext(connection) as large:
        assert client.get(_url("channel_check", check_id=bigger.public_id)).status_code == 200
    assert len(large) == len(small)


def test_every_version_of_an_answer_is_listed(world, client_for):
    check = check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    client = client_for(world.qm)
    unchanged_evidence = {f"{key}-level": level for key, level in {**uniform(2), "steuerung": 3}.items()}
    client.post(_url("channel_check_answer", check_id=check.public_id, channel_key="video"), unchanged_evidence)
    page = client_for(world.staff).get(_url("channel_check_versions", check_id=check.public_id, channel_key="video"))
    assert page.status_code == 200
    assert page.content.decode().count("frühere Version") == 1


def test_the_result_exports_to_xlsx_and_pdf(world, client_for):
    check = check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    client = client_for(world.staff)
    xlsx = client.get(_url("channel_check_xlsx", check_id=check.public_id))
    assert xlsx.status_code == 200 and "private" in xlsx["Cache-Control"]
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    assert ("Videoberatung", 2, 2, None, 8) in rows
    pdf = client.get(_url("channel_check_pdf", check_id=check.public_id))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_gaps_reach_the_improvement_hub_and_the_action_field_form(world, client_for):
    check = check_builders.check(world.freiburg, world.qm, levels={"portal": {**uniform(2), "steuerung": 1}})
    found = hub.collection(world.freiburg, "channels.check", str(check.public_id))
    assert [f.id for f in found.findings] == ["portal.steuerung"]
    assert hub.collection(world.ulm, "channels.check", str(check.public_id)) is None
    page = client_for(world.qm).get(reverse("org:improvement_action_field_create", kwargs={"org_slug": "freiburg"}),
                                    {"quelle": "channels.check", "objekt": str(check.public_id)})
    assert page.status_code == 200
    assert "Messung und Steuerung" in page.content.decode()


def test_history_puts_check_dates_side_by_side_with_a_trend(world, client_for):
    check_builders.check(world.freiburg, world.qm, date=dt.date(2025, 3, 1), levels={"video": uniform(1)})
    check_builders.check(world.freiburg, world.qm, date=dt.date(2026, 3, 1), levels={"video": uniform(3)})
    page = client_for(world.staff).get(_url("channel_history"))
    html = page.content.decode()
    assert "01.03.2025" in html and "01.03.2026" in html and 'id="channels-trend' in html


def test_the_dashboard_panel_shows_the_latest_levels(world, client_for):
    check_builders.check(world.freiburg, world.qm, levels={"video": uniform(2)})
    page = client_for(world.staff).get(reverse("org:dashboard", kwargs={"org_slug": "freiburg"}))
    assert "channels-check-panel-heading" in page.content.decode()

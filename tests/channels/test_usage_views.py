"""Usage rates in the browser's place: entry by hand, import with preview, charts, export, comparison."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kosmos.channels import selectors_usage
from kosmos.channels.models import DigitalOffer, UsageImport, UsageMonth, UsageNote, UsageTarget
from kosmos.core.comparisons import do_set_benchmark_consent
from kosmos.core.documents import Sheet, to_xlsx
from kosmos.core.models import AuditEvent
from tests.channels import usage_builders
from tests.factories import build_world, make_organisation

pytestmark = pytest.mark.django_db

TOPIC = "channels.usage"
SHARES_OF_OTHERS = [12.0, 20.0, 25.0, 31.0, 40.0, 55.0]


@pytest.fixture(scope="module")
def setup(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    """One world for the module (rolled back at its end); each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        termine = usage_builders.offer(world.freiburg)
        usage_builders.offer(world.freiburg, key="video", kind="video_counselling", name="Videoberatung",
                             channel_key="video")
        usage_builders.months(termine, [20.0 + i for i in range(24)])
        UsageTarget.objects.create(offer=termine, year=dt.date.today().year - 1, share=35)
        UsageNote.objects.create(organisation=world.freiburg, month=usage_builders.add_months(
            usage_builders.month_start(dt.date.today()), -3), text="Kampagne Eingangszone")
        yield world
        transaction.set_rollback(True)


def _others(world, shares: list[float], consent: bool = True) -> None:  # noqa: ANN001
    for i, share in enumerate(shares):
        org = make_organisation(f"synth-{i}", f"Jobcenter Vergleich {i}")
        usage_builders.months(usage_builders.offer(org), [share] * 12)
        if consent:
            do_set_benchmark_consent(acting_user=world.programme, organisation=org, topic_key=TOPIC, granted=True)


def _url(world, name: str, **kwargs: object) -> str:  # noqa: ANN001
    return reverse(name, kwargs={"org_slug": world.freiburg.slug, **kwargs})


def test_the_overview_shows_a_chart_with_target_notes_and_its_data_table(setup, client_for):  # noqa: ANN001
    response = client_for(setup.staff).get(_url(setup, "org:channel_usage"))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<svg") >= 2  # all offers together + the offer with figures
    assert "Kampagne Eingangszone" in page
    assert "Ziel" in page  # the target line and its column
    assert "43,0\u00a0%" in page  # the last month's share in the data table (20 + 23)
    assert "Noch keine Zahlen für die letzten 24 Monate." in page  # the video offer has none


def test_the_month_grid_saves_figures_and_the_target_in_one_audited_step(setup, client_for):  # noqa: ANN001
    offer = DigitalOffer.objects.get(organisation=setup.freiburg, key="video")
    data = {"target": "30", "uses_1": "120", "eligible_1": "1.000", "completion_1": "80,5", "uses_2": "130",
            "eligible_2": "1000"}
    response = client_for(setup.qm).post(_url(setup, "org:channel_usage_grid", offer_id=offer.public_id,
                                               year=2025), data)
    assert response.status_code == 302
    months = UsageMonth.objects.filter(offer=offer).order_by("month")
    assert [(m.month, m.uses, m.eligible) for m in months] == [(dt.date(2025, 1, 1), 120, 1000),
                                                             (dt.date(2025, 2, 1), 130, 1000)]
    assert float(months[0].completion_rate) == 80.5
    assert UsageTarget.objects.get(offer=offer, year=2025).share == 30
    event = AuditEvent.objects.get(action="channels.usage_saved")
    assert set(event.changes) == {"01.2025", "02.2025", "target 2025"}


def test_the_month_grid_refuses_a_share_above_100_percent_and_keeps_the_input(setup, client_for):  # noqa: ANN001
    offer = DigitalOffer.objects.get(organisation=setup.freiburg, key="video")
    response = client_for(setup.qm).post(_url(setup, "org:channel_usage_grid", offer_id=offer.public_id,
                                               year=2025), {"uses_3": "1500", "eligible_3": "1000"})
    assert response.status_code == 200
    assert "über 100" in response.content.decode()
    assert 'value="1500"' in response.content.decode()
    assert not UsageMonth.objects.filter(offer=offer).exists()


CSV_GOOD_AND_ONE_BAD = (
    "Monat;Angebot;Nutzungen;Grundgesamtheit;Abschlussquote in %\n"
    "01.2025;video;100;1.000;75,5\n"
    "02.2025;video;110;1.000;\n"
    "03.2025;video;-4;1.000;\n"
    "04.2025;video;130;1.000;\n"
)


def _upload(client, world, name: str, content: bytes):  # noqa: ANN001, ANN202
    return client.post(_url(world, "org:channel_usage_import"), {"upload": _file(name, content)})


def _file(name: str, content: bytes) -> io.BytesIO:
    handle = io.BytesIO(content)
    handle.name = name
    return handle


def test_an_import_with_one_bad_row_names_it_and_writes_nothing_until_confirmed(setup, client_for):  # noqa: ANN001
    client = client_for(setup.qm)
    response = _upload(client, setup, "nutzung.csv", CSV_GOOD_AND_ONE_BAD.encode("utf-8"))
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "Zeile 4, Spalte „Nutzungen“" in page
    assert 'value="valid"' in page and 'value="all"' not in page
    assert not UsageMonth.objects.filter(offer__key="video").exists()
    refused = client.post(response["Location"], {"mode": "all"})
    assert refused.status_code == 200
    assert not UsageMonth.objects.filter(offer__key="video").exists()
    done = client.post(response["Location"], {"mode": "valid"})
    assert done.status_code == 302
    assert sorted(UsageMonth.objects.filter(offer__key="video").values_list("uses", flat=True)) == [100, 110, 130]
    again = client.post(response["Location"], {"mode": "valid"})
    assert again.status_code == 200  # applied once only
    assert UsageMonth.objects.filter(offer__key="video").count() == 3
    assert AuditEvent.objects.filter(action="channels.usage_imported").count() == 1


def test_a_clean_xlsx_import_is_written_in_one_go(setup, client_for):  # noqa: ANN001
    rows = [["Monat", "Angebot", "Nutzungen", "Grundgesamtheit"],
            *[[f"{m:02d}.2024", "Videoberatung", 50 + m, 900] for m in range(1, 13)]]
    client = client_for(setup.qm)
    response = _upload(client, setup, "nutzung.xlsx", to_xlsx([Sheet("Daten", rows)]))
    assert response.status_code == 302
    pending = UsageImport.objects.get(public_id=response["Location"].rstrip("/").split("/")[-1])
    assert pending.errors == [] and len(pending.rows) == 12
    assert client.post(response["Location"], {"mode": "all"}).status_code == 302
    assert UsageMonth.objects.filter(offer__key="video", month__year=2024).count() == 12


def test_a_file_of_another_type_is_refused_on_the_form(setup, client_for):  # noqa: ANN001
    response = _upload(client_for(setup.qm), setup, "nutzung.txt", b"hallo")
    assert response.status_code == 200
    assert "CSV oder XLSX" in response.content.decode()
    assert not UsageImport.objects.exists()


def test_the_export_is_an_xlsx_with_one_sheet_per_offer(setup, client_for):  # noqa: ANN001
    from openpyxl import load_workbook

    response = client_for(setup.staff).get(_url(setup, "org:channel_usage_export"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Online-Terminvereinbarung", "Videoberatung"]
    assert workbook["Online-Terminvereinbarung"].max_row == 25  # header + 24 months


def test_the_comparison_hides_the_distribution_below_five_sharing_organisations(setup, client_for):  # noqa: ANN001
    _others(setup, SHARES_OF_OTHERS[:4])
    _others_without = SHARES_OF_OTHERS[4:]
    for i, share in enumerate(_others_without):
        org = make_organisation(f"ohne-{i}", f"Jobcenter ohne Zustimmung {i}")
        usage_builders.months(usage_builders.offer(org), [share] * 12)
    figures = selectors_usage.comparison_figures(setup.freiburg)
    termine = next(f for f in figures if f.label == "Online-Terminvereinbarung" or "Online" in str(f.label))
    assert termine.distribution is None
    page = client_for(setup.staff).get(_url(setup, "org:channel_usage_comparison")).content.decode()
    assert "zu wenige Jobcenter" in page


def test_the_comparison_shows_median_and_quartiles_never_another_value(setup, client_for):  # noqa: ANN001
    _others(setup, SHARES_OF_OTHERS)
    figures = selectors_usage.comparison_figures(setup.freiburg)
    termine = next(f for f in figures if f.distribution is not None)
    assert termine.distribution.n == 6
    assert termine.distribution.median == pytest.approx(28.0)
    assert termine.own == pytest.approx(sum(20.0 + i for i in range(12, 24)) / 12, abs=0.05)
    page = client_for(setup.staff).get(_url(setup, "org:channel_usage_comparison")).content.decode()
    assert "28,0\u00a0%" in page
    for share in SHARES_OF_OTHERS:  # the extremes are single organisations' values
        if share in (12.0, 55.0):
            assert f"{share:.1f}".replace(".", ",") + "\u00a0%" not in page


def test_the_comparison_page_runs_the_same_queries_for_more_data(setup, client_for):  # noqa: ANN001
    client = client_for(setup.staff)
    url = _url(setup, "org:channel_usage_comparison")
    _others(setup, SHARES_OF_OTHERS)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _others_more = [s + 1 for s in SHARES_OF_OTHERS * 3]
    for i, share in enumerate(_others_more):
        org = make_organisation(f"mehr-{i}", f"Jobcenter mehr {i}")
        usage_builders.months(usage_builders.offer(org), [share] * 12)
        usage_builders.months(usage_builders.offer(org, key="video", kind="video_counselling", name="Video"),
                              [share / 2] * 12)
        do_set_benchmark_consent(acting_user=setup.programme, organisation=org, topic_key=TOPIC, granted=True)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert 0 < len(many) == len(few)


def test_the_overview_runs_the_same_queries_for_more_offers(setup, client_for):  # noqa: ANN001
    client = client_for(setup.staff)
    url = _url(setup, "org:channel_usage")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(3):
        usage_builders.months(usage_builders.offer(setup.freiburg, key=f"o{i}", kind="chat", name=f"Chat {i}"),
                              [10.0] * 24)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert 0 < len(many) == len(few)


def test_the_programme_office_sees_distributions_by_form_only(setup, client_for):  # noqa: ANN001
    _others(setup, SHARES_OF_OTHERS, consent=False)
    response = client_for(setup.programme).get(reverse("channel_usage_platform"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "7" in page  # Freiburg and the six others report online appointments
    assert "ausgeblendet" in page  # zkT has none: hidden
    assert reverse("channel_usage_platform") in client_for(setup.programme).get(reverse("home"), follow=True
                                                                                ).content.decode()
    assert reverse("channel_usage_platform") not in client_for(setup.qm).get(reverse("home"), follow=True
                                                                             ).content.decode()


def test_notes_are_added_and_deleted_with_the_audit_log(setup, client_for):  # noqa: ANN001
    client = client_for(setup.qm)
    response = client.post(_url(setup, "org:channel_usage_note_add"),
                           {"month": "05.2025", "text": "Gruppeninfo für Neukund:innen"})
    assert response.status_code == 302
    note = UsageNote.objects.get(text="Gruppeninfo für Neukund:innen")
    assert note.month == dt.date(2025, 5, 1)
    client.post(_url(setup, "org:channel_usage_note_delete", note_id=note.public_id))
    assert not UsageNote.objects.filter(pk=note.pk).exists()
    assert AuditEvent.objects.filter(action__in=["channels.usage_note_added", "channels.usage_note_deleted"]).count() == 2


def test_offers_are_created_with_a_unique_short_name(setup, client_for):  # noqa: ANN001
    client = client_for(setup.qm)
    data = {"name": "Verschlüsselte E-Mail", "kind": "encrypted_email", "key": "video", "base_label": "",
            "channel_key": "email-verschluesselt"}
    refused = client.post(_url(setup, "org:channel_usage_offer_create"), data)
    assert refused.status_code == 200
    assert "Kurzname" in refused.content.decode() or "short name" in refused.content.decode()
    data["key"] = "e-mail"
    assert client.post(_url(setup, "org:channel_usage_offer_create"), data).status_code == 302
    assert DigitalOffer.objects.filter(organisation=setup.freiburg, key="e-mail").exists()


def test_the_dashboard_panel_shows_last_months_share(setup, client_for):  # noqa: ANN001
    page = client_for(setup.staff).get(reverse("org:dashboard", kwargs={"org_slug": setup.freiburg.slug}))
    text = page.content.decode()
    assert "Nutzungsquoten digitaler Angebote" in text
    assert "Online-Terminvereinbarung: 43,0\u00a0%" in text
    empty = client_for(setup.outsider).get(reverse("org:dashboard", kwargs={"org_slug": setup.ulm.slug}))
    assert "Nutzungsquoten digitaler Angebote" not in empty.content.decode()


def test_the_stored_sums_follow_the_months_and_the_kind_of_the_offer(setup):  # noqa: ANN001
    from kosmos.channels import services_usage
    from kosmos.channels.domain.usage import comparison_window
    from kosmos.channels.models import UsageWindow

    termine = DigitalOffer.objects.get(organisation=setup.freiburg, key="online-termine")
    _first, last = comparison_window(dt.date.today())
    window = UsageWindow.objects.get(offer=termine, end=last)
    assert (window.organisation_id, window.kind, window.base) == (setup.freiburg.pk, "online_appointment", 12000)
    assert window.uses == sum(UsageMonth.objects.filter(offer=termine, month__gt=usage_builders.add_months(
        last, -12)).values_list("uses", flat=True))
    services_usage.do_update_offer(acting_user=setup.qm, offer=termine, kind="chat")
    assert set(UsageWindow.objects.filter(offer=termine).values_list("kind", flat=True)) == {"chat"}

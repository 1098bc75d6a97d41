"""The map pages: the shared map edited and approved by both sides, German messages, query counts,
the partner sees only the shared map, downloads."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import etree
from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser

from kosmos.core import hub
from kosmos.core.sharing import do_share
from kosmos.processes import services
from kosmos.processes.models import VersionStatus
from tests.processes import builders


def _url(name: str, org, process_map, **kwargs) -> str:  # noqa: ANN001
    return reverse(f"org:{name}", kwargs={"org_slug": org.slug, "map_id": process_map.public_id, **kwargs})


def _shared(world):  # noqa: ANN001, ANN202
    process_map = builders.process_map(world)
    services.do_set_sides(acting_user=world.qm, process_map=process_map, partners=[world.loerrach])
    return process_map


def _step_post(process_map, key: str, **changes) -> dict:  # noqa: ANN001
    version = builders.newest(process_map)
    step = next(s for s in version.data["steps"] if s["key"] == key)
    numbers = {s["key"]: str(i) for i, s in enumerate(version.data["steps"], start=1)}
    data = {
        "title": step["title"], "actor": step["actor"], "what": step["what"], "legal_basis": step["legal_basis"],
        "input": step["input"], "output": step["output"], "handover_to": step["handover_to"],
        "deadline": step["deadline"], "next": ", ".join("Ende" if k == "end" else numbers[k] for k in step["next"]),
        "responsible": step["raci"]["r"], "accountable": step["raci"]["a"], "consulted": step["raci"]["c"],
        "informed": step["raci"]["i"], "contacts": "", "notes": step["notes"],
        "open_questions": step["open_questions"], "friction": step["friction"], "deviation": "",
        "token": services.token(version),
    }
    data.update(changes)
    return data


def test_both_sides_edit_and_approve_the_shared_map(world, client_for) -> None:  # noqa: ANN001
    process_map = _shared(world)
    partner = client_for(world.partner)
    response = partner.post(_url("process_shared_step_edit", world.loerrach, process_map, step_key="eingang"),
                            _step_post(process_map, "eingang", deadline="2 Arbeitstage",
                                       contacts="Kai Reimers; Beratung FbW; 07621 555-310"))
    assert response.status_code == 302
    assert response["Location"] == _url("process_shared_detail", world.loerrach, process_map)
    token = services.token(builders.newest(process_map))
    assert partner.post(_url("process_shared_approve", world.loerrach, process_map), {"token": token}).status_code == 302
    owner = client_for(world.qm)
    page = owner.get(_url("process_detail", world.freiburg, process_map)).content.decode()
    assert "Warten auf die Zustimmung von" in page and "Jobcenter Freiburg" in page
    assert 'href="tel:07621555310"' in page
    owner.post(_url("process_approve", world.freiburg, process_map), {"token": token})
    assert builders.newest(process_map).status == VersionStatus.AGREED
    page = partner.get(_url("process_shared_detail", world.loerrach, process_map)).content.decode()
    assert "Fassung 1 – Vereinbart" in page
    assert "<svg" in page and "Zuständigkeitsmatrix (RACI)" in page
    assert "Übergabe: Jobcenter – Integrationsfachkraft übergibt an Agentur für Arbeit" in page


def test_a_stale_approval_is_refused_with_a_german_message(world, client_for) -> None:  # noqa: ANN001
    process_map = _shared(world)
    stale = services.token(builders.newest(process_map))
    partner = client_for(world.partner)
    partner.post(_url("process_shared_step_edit", world.loerrach, process_map, step_key="termin"),
                 _step_post(process_map, "termin", deadline="1 Woche"))
    response = client_for(world.qm).post(_url("process_approve", world.freiburg, process_map), {"token": stale},
                                         follow=True)
    assert "Ihre Zustimmung wurde nicht gespeichert" in response.content.decode()
    assert not builders.newest(process_map).approvals.exists()


def test_a_wrong_deadline_in_the_form_names_the_step_and_keeps_the_input(world, client_for) -> None:  # noqa: ANN001
    process_map = builders.process_map(world)
    response = client_for(world.qm).post(_url("process_step_edit", world.freiburg, process_map, step_key="eingang"),
                                         _step_post(process_map, "eingang", deadline="zeitnah", notes="Mein Text"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Schritt 4 (Eingang bestätigen): Die Frist „zeitnah“ hat nicht die erwartete Form" in page
    assert "Mein Text" in page


def test_removing_an_actor_that_steps_hand_over_to_names_the_steps(world, client_for) -> None:  # noqa: ANN001
    process_map = builders.process_map(world)
    version = builders.newest(process_map)
    lines = "\n".join(f"{a['key']}; {a['organisation']}; {a['unit']}; {a['kind']}"
                      for a in version.data["actors"] if a["key"] != "traeger")
    response = client_for(world.qm).post(_url("process_actors", world.freiburg, process_map),
                                         {"actors": lines, "token": services.token(version)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Schritt 10 (Beim Bildungsträger anmelden) übergibt an „traeger“" in page
    assert builders.newest(process_map).revision == 1


def test_a_reader_that_is_not_a_side_cannot_approve(world, client_for) -> None:  # noqa: ANN001
    process_map = builders.process_map(world)
    do_share(acting_user=world.qm, obj=process_map, visibility="platform")
    response = client_for(world.outsider).post(_url("process_shared_approve", world.ulm, process_map),
                                               {"token": services.token(builders.newest(process_map))}, follow=True)
    assert "nicht eine ihrer Seiten" in response.content.decode()
    assert not builders.newest(process_map).approvals.exists()


def test_the_partner_sees_only_the_shared_map(world, client_for) -> None:  # noqa: ANN001
    shared = _shared(world)
    private = builders.process_map(world, template="digital-it", title="Nur intern")
    partner = client_for(world.partner)
    page = partner.get(reverse("org:process_list", kwargs={"org_slug": world.loerrach.slug})).content.decode()
    assert shared.title in page and private.title not in page
    assert partner.get(_url("process_shared_detail", world.loerrach, private)).status_code == 404
    assert partner.get(_url("process_detail", world.freiburg, shared)).status_code == 404
    assert partner.get(reverse("org:dashboard", kwargs={"org_slug": world.freiburg.slug})).status_code == 404


def _map_page_queries(client, url: str) -> int:  # noqa: ANN001
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_map_page_needs_the_same_number_of_queries_for_2_and_8_versions(world, client_for) -> None:  # noqa: ANN001
    process_map = _shared(world)
    client = client_for(world.qm)
    url = _url("process_detail", world.freiburg, process_map)

    def agree_and_change(note: str) -> None:
        version = builders.newest(process_map)
        for user, org in ((world.qm, world.freiburg), (world.partner, world.loerrach)):
            services.do_approve(acting_user=user, organisation=org, process_map=process_map,
                                seen=services.token(version))
        step = next(s for s in version.data["steps"] if s["key"] == "beratung")
        services.do_save_step(acting_user=world.qm, organisation=world.freiburg, process_map=process_map,
                              seen=services.token(version), step={**step, "notes": note})

    agree_and_change("eins")
    few = _map_page_queries(client, url)
    for n in range(6):
        agree_and_change(f"mehr {n}")
    assert process_map.versions.count() == 8
    assert _map_page_queries(client, url) == few


def test_bpmn_and_pdf_downloads(world, client_for) -> None:  # noqa: ANN001
    process_map = _shared(world)
    partner = client_for(world.partner)
    response = partner.get(_url("process_shared_bpmn", world.loerrach, process_map))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    parser = BpmnParser()
    parser.add_bpmn_xml(etree.fromstring(response.content), filename="export.bpmn")
    assert parser.get_process_ids()
    pdf = client_for(world.staff).get(_url("process_pdf", world.freiburg, process_map))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_known_friction_is_offered_to_the_improvement_hub(world, client_for) -> None:  # noqa: ANN001
    process_map = builders.process_map(world)
    available = [entry for entry in hub.available_collections(world.freiburg) if entry[0] == "processes.processmap"]
    assert [(source_id, title) for _s, source_id, title, _l in available] == [(str(process_map.public_id),
                                                                               process_map.title)]
    collection = hub.collection(world.freiburg, "processes.processmap", str(process_map.public_id))
    assert [f.id for f in collection.findings] == ["zuweisung", "gutschein", "abbruch"]
    assert hub.collection(world.ulm, "processes.processmap", str(process_map.public_id)) is None
    client = client_for(world.qm)
    page = client.get(_url("process_detail", world.freiburg, process_map)).content.decode()
    assert "befund=zuweisung" in page
    create = reverse("org:improvement_action_field_create", kwargs={"org_slug": world.freiburg.slug})
    form = client.get(f"{create}?quelle=processes.processmap&objekt={process_map.public_id}&befund=zuweisung")
    assert form.status_code == 200
    assert "3. An die Agentur für Arbeit überweisen: Unterschiedliche Formulare" in form.content.decode()


def test_a_new_map_from_the_catalogue(world, client_for) -> None:  # noqa: ANN001
    client = client_for(world.qm)
    response = client.post(reverse("org:process_create", kwargs={"org_slug": world.freiburg.slug}),
                           {"template": "reha-2025", "title": "", "summary": ""})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Berufliche Rehabilitation (Teilhabe) ab 2025" in page
    response = client.post(reverse("org:process_create", kwargs={"org_slug": world.freiburg.slug}),
                           {"template": "", "title": ""})
    assert "Bitte geben Sie der Prozesslandkarte einen Titel" in response.content.decode()


def test_the_owner_names_the_partner_side(world, client_for) -> None:  # noqa: ANN001
    process_map = builders.process_map(world)
    client = client_for(world.qm)
    url = reverse("org:process_sides", kwargs={"org_slug": world.freiburg.slug, "map_id": process_map.public_id})
    assert "Jobcenter Lörrach" in client.get(url + "?suche=Lörrach").content.decode()
    assert client.post(url, {"partners": [world.loerrach.pk]}).status_code == 302
    process_map.refresh_from_db()
    assert process_map.visibility == "partners" and list(process_map.shared_with.all()) == [world.loerrach]
    response = client.post(url, {})
    assert response.status_code == 302, response.content.decode()[-3000:]
    process_map.refresh_from_db()
    assert process_map.visibility == "own"


def test_a_step_added_and_removed_by_the_partner(world, client_for) -> None:  # noqa: ANN001
    process_map = _shared(world)
    partner = client_for(world.partner)
    data = _step_post(process_map, "bedarf", title="Rückmeldung an die Agentur", next="Ende", friction="")
    response = partner.post(_url("process_shared_step_add", world.loerrach, process_map), data)
    assert response.status_code == 302
    steps = builders.newest(process_map).data["steps"]
    assert steps[-1]["title"] == "Rückmeldung an die Agentur" and len(steps) == 16
    response = partner.post(_url("process_shared_step_delete", world.loerrach, process_map, step_key=steps[-1]["key"]),
                            {"token": services.token(builders.newest(process_map))})
    assert response.status_code == 302
    assert len(builders.newest(process_map).data["steps"]) == 15


def test_a_cycle_entered_in_the_form_is_refused_with_the_steps_named(world, client_for) -> None:  # noqa: ANN001
    process_map = builders.process_map(world)
    # 15 back to 14, and 14 continues with 15 (the step below): the process never ends
    response = client_for(world.qm).post(_url("process_step_edit", world.freiburg, process_map, step_key="absolventen"),
                                         _step_post(process_map, "absolventen", next="14"))
    page = response.content.decode()
    assert "bilden eine Schleife ohne Ausgang" in page and "14 (Abschluss melden), 15 (Absolvent:innen vermitteln)" in page
    assert next(s for s in builders.newest(process_map).data["steps"] if s["key"] == "absolventen")["next"] == ["end"]

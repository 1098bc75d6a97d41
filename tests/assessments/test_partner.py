"""Partner model: shared preparation (ecosystem maps, question set, retrospective), never scores;
everything else of the partner answers 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.assessments import services
from kosmos.assessments.models import Partnership, PartnershipStatus, Phase
from tests.assessments import builders
from tests.assessments.permission_rows import ROWS


@pytest.fixture
def partnership(world, pforzheim):  # noqa: ANN001, ANN201
    organisation, qm_p, _staff = pforzheim
    freiburg_assessment = builders.assessment_in_phase(world, Phase.COMPLETED)
    partner_assessment = builders.prepare(builders.create(organisation, qm_p), qm_p, [])
    shared = builders.ecosystem(world.freiburg, world.qm, shared=True)
    private = builders.ecosystem(world.freiburg, world.qm, shared=False)
    private.title = "Interne Karte"
    private.save()
    partnership = services.do_propose_partnership(acting_user=world.qm, organisation=world.freiburg,
                                                  partner=organisation, assessment=freiburg_assessment)
    services.do_accept_partnership(acting_user=qm_p, partnership=partnership, organisation=organisation,
                                   assessment=partner_assessment)
    services.do_add_retrospective_note(acting_user=world.qm, partnership=partnership, organisation=world.freiburg,
                                       text="Austausch über die Ecosysteme war hilfreich.")
    return {"partnership": partnership, "assessment": freiburg_assessment, "shared": shared, "private": private,
            "organisation": organisation}


def test_the_partner_sees_shared_maps_the_question_set_and_the_retrospective(world, pforzheim, partnership, client_for):
    _org, _qm, staff = pforzheim
    url = reverse("org:assessment_partner_detail", kwargs={"org_slug": "pforzheim",
                                                "partnership_id": partnership["partnership"].public_id})

    html = client_for(staff).get(url).content.decode()

    assert partnership["shared"].title in html
    assert "Interne Karte" not in html
    assert builders.first_item(partnership["assessment"]).question.text in html
    assert "Austausch über die Ecosysteme war hilfreich." in html


def test_the_partner_never_sees_ratings_scores_or_findings(world, pforzheim, partnership, client_for):
    _org, qm_p, _staff = pforzheim
    client = client_for(qm_p)
    detail = reverse("org:assessment_partner_detail", kwargs={"org_slug": "pforzheim",
                                                   "partnership_id": partnership["partnership"].public_id})
    ecosystem = reverse("org:assessment_partner_ecosystem", kwargs={
        "org_slug": "pforzheim", "partnership_id": partnership["partnership"].public_id,
        "map_id": partnership["shared"].public_id})

    for url in (detail, ecosystem):
        html = client.get(url).content.decode()
        assert "Punkte" not in html and "Konsens" not in html and " %" not in html
        assert "Mehr Kundenfeedback nutzen" not in html and "Klare Ziele" not in html
    assert "Kund:innen" in client.get(ecosystem).content.decode()


def test_an_unshared_map_of_the_partner_answers_404(world, pforzheim, partnership, client_for):
    _org, qm_p, _staff = pforzheim
    url = reverse("org:assessment_partner_ecosystem", kwargs={"org_slug": "pforzheim",
                                                   "partnership_id": partnership["partnership"].public_id,
                                                   "map_id": partnership["private"].public_id})

    assert client_for(qm_p).get(url).status_code == 404


def _freiburg_urls(world) -> list[tuple[str, str, str]]:  # noqa: ANN001
    urls = []
    for name, row in ROWS.items():
        kwargs = dict(row.kwargs(world))
        kwargs["org_slug"] = "freiburg"
        urls.append((name, reverse(name, kwargs=kwargs), row.method))
    return urls


def test_every_page_of_the_partner_organisation_answers_404(world, pforzheim, partnership, client_for):
    _org, qm_p, staff = pforzheim
    urls = _freiburg_urls(world)
    for user in (qm_p, staff):
        client = client_for(user)
        for name, url, method in urls:
            response = client.post(url) if method == "post" else client.get(url)
            assert response.status_code == 404, f"{name} answered {response.status_code} to the partner"


def test_a_proposed_or_ended_partnership_shares_nothing(world, pforzheim, partnership, client_for):
    organisation, qm_p, _staff = pforzheim
    services.do_end_partnership(acting_user=world.qm, partnership=partnership["partnership"],
                                organisation=world.freiburg)
    url = reverse("org:assessment_partner_detail", kwargs={"org_slug": "pforzheim",
                                                "partnership_id": partnership["partnership"].public_id})

    html = client_for(qm_p).get(url).content.decode()

    assert partnership["shared"].title not in html
    assert "beendet" in html
    map_url = reverse("org:assessment_partner_ecosystem", kwargs={"org_slug": "pforzheim",
                                                       "partnership_id": partnership["partnership"].public_id,
                                                       "map_id": partnership["shared"].public_id})
    assert client_for(qm_p).get(map_url).status_code == 404


def test_a_third_organisation_cannot_open_the_partnership(world, partnership, client_for):
    url = reverse("org:assessment_partner_detail", kwargs={"org_slug": "ulm",
                                                "partnership_id": partnership["partnership"].public_id})

    assert client_for(world.outsider).get(url).status_code == 404


def test_only_the_invited_organisation_accepts(world, pforzheim, client_for):
    organisation, qm_p, _staff = pforzheim
    proposal = services.do_propose_partnership(acting_user=world.qm, organisation=world.freiburg,
                                               partner=organisation, assessment=None)
    own = reverse("org:assessment_partner_accept", kwargs={"org_slug": "freiburg", "partnership_id": proposal.public_id})
    theirs = reverse("org:assessment_partner_accept", kwargs={"org_slug": "pforzheim", "partnership_id": proposal.public_id})

    assert client_for(world.qm).get(own).status_code == 404
    assert client_for(qm_p).post(theirs, {}).status_code == 302
    assert Partnership.objects.get().status == PartnershipStatus.ACTIVE

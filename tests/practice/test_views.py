"""The good-practice pages: the gallery with filters, profiles as the owner, another Jobcenter and
an anonymous visitor see them, "who else worked on this", the reuse page; query counts."""

from __future__ import annotations

from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kosmos.core.access import resolve_access
from kosmos.core.sharing import do_share
from kosmos.practice.models import Profile, ProfileStatus
from tests.factories import make_member, make_organisation
from tests.practice import builders


def _gallery(world, client, org=None, **params) -> object:  # noqa: ANN001
    return client.get(reverse("org:practice_gallery", kwargs={"org_slug": (org or world.ulm).slug}), params)


def _jobcenter(slug: str, name: str, **fields) -> tuple:  # noqa: ANN003
    org = make_organisation(slug, name, **fields)
    return org, make_member(org, f"qm@{slug}.test", "Q", "quality_manager")


def test_a_jobcenter_not_in_the_programme_finds_the_health_projects_by_filters(world, client_for) -> None:  # noqa: ANN001
    garmisch, qm_g = _jobcenter("garmisch", "Jobcenter Garmisch-Partenkirchen", state="BY", staff_count=30)
    chemnitz, qm_c = _jobcenter("chemnitz", "Jobcenter Chemnitz", state="SN", staff_count=324)
    builders.published(world, organisation=garmisch, author=qm_g, title="Arbeitskreis Gesundheit")
    builders.published(world, organisation=chemnitz, author=qm_c, title="EFQM als Managementmethode",
                       topic_field="efqm")
    builders.draft(world, organisation=chemnitz, author=qm_c, title="Unveröffentlicht Gesundheit")
    client = client_for(world.outsider)  # Ulm has no profile of its own

    page = _gallery(world, client, topic="health").content.decode()
    assert "Arbeitskreis Gesundheit" in page and "EFQM als" not in page and "Unveröffentlicht" not in page
    assert "Arbeitskreis Gesundheit" in _gallery(world, client, land="BY", size="small").content.decode()
    assert "Arbeitskreis Gesundheit" not in _gallery(world, client, form="zkt").content.decode()
    assert "EFQM als" in _gallery(world, client, q="Managementmethode").content.decode()
    bad = _gallery(world, client, size="riesig", land="XX")
    assert bad.status_code == 200 and "Arbeitskreis Gesundheit" in bad.content.decode()  # bad filters: ignored


def test_the_gallery_needs_the_same_number_of_queries_for_more_profiles(world, client_for) -> None:  # noqa: ANN001
    client = client_for(world.outsider)
    builders.published(world, title="Eins")
    with CaptureQueriesContext(connection) as few:
        assert _gallery(world, client).status_code == 200
    for index in range(4):
        org, qm = _jobcenter(f"jc{index}", f"Jobcenter {index}")
        builders.published(world, organisation=org, author=qm, title=f"Projekt {index}")
    with CaptureQueriesContext(connection) as more:
        page = _gallery(world, client).content.decode()
    assert "Projekt 3" in page
    assert len(more) == len(few)


def test_owner_reader_and_anonymous_see_what_they_may(world, client_for) -> None:  # noqa: ANN001
    platform = builders.published(world, title="Nur Plattform")
    public = builders.published(world, title="Öffentlich", visibility="public")
    anonymous = client_for(None)
    assert anonymous.get(reverse("practice_public_profile", kwargs={"slug": public.slug})).status_code == 200
    assert anonymous.get(reverse("practice_public_profile", kwargs={"slug": platform.slug})).status_code == 404
    listing = anonymous.get(reverse("practice_public_list")).content.decode()
    assert "Öffentlich" in listing and "Nur Plattform" not in listing

    reader = client_for(world.outsider)
    shared = reverse("org:practice_shared_profile", kwargs={"org_slug": world.ulm.slug, "profile_id": platform.public_id})
    page = reader.get(shared).content.decode()
    assert "Nur Plattform" in page and "Auftaktveranstaltung" in page
    draft = builders.draft(world, title="Entwurf")
    assert reader.get(reverse("org:practice_shared_profile", kwargs={
        "org_slug": world.ulm.slug, "profile_id": draft.public_id})).status_code == 404

    owner = client_for(world.staff)
    own = owner.get(reverse("org:practice_profile", kwargs={"org_slug": world.freiburg.slug,
                                                          "profile_id": draft.public_id}))
    assert own.status_code == 200 and "Entwurf" in own.content.decode()


def test_the_jobcenter_sees_the_review_comments_and_links_only_what_the_reader_may_see(world, client_for) -> None:  # noqa: ANN001
    from kosmos.practice import services

    profile = builders.submitted(world)
    criteria = {**builders.ALL_MET, "evidence": (False, "Bitte Belege ergänzen.")}
    services.do_review_profile(acting_user=world.programme, profile=profile, criteria=criteria, decision="returned")
    page = client_for(world.qm).get(reverse("org:practice_profile", kwargs={
        "org_slug": world.freiburg.slug, "profile_id": profile.public_id})).content.decode()
    assert "Bitte Belege ergänzen." in page

    linked = builders.published(world, title="Verlinktes Projekt")
    services.do_link_platform_object(acting_user=world.qm, profile=profile, obj=linked)
    services.do_submit_profile(acting_user=world.qm, profile=profile)
    services.do_review_profile(acting_user=world.programme, profile=profile, criteria=builders.ALL_MET,
                               decision="published", visibility="public")
    public_url = reverse("practice_public_profile", kwargs={"slug": profile.slug})
    assert "Verlinktes Projekt" not in client_for(None).get(public_url).content.decode()  # platform only
    shared = reverse("org:practice_shared_profile", kwargs={"org_slug": world.ulm.slug, "profile_id": profile.public_id})
    assert "Verlinktes Projekt" in client_for(world.outsider).get(shared).content.decode()
    do_share(acting_user=world.qm, obj=linked, visibility="own")
    assert "Verlinktes Projekt" not in client_for(world.outsider).get(shared).content.decode()


def test_who_else_worked_on_this_shows_up_to_three_readable_profiles(world) -> None:  # noqa: ANN001
    for index in range(4):
        builders.published(world, title=f"Gesundheit {index}")
    builders.draft(world, title="Gesundheit Entwurf")
    request = RequestFactory().get("/")
    request.user = world.outsider
    request.organisation = world.ulm
    request.org_access = resolve_access(world.outsider, world.ulm)
    html = Template('{% load practice_related %}{% related_profiles "health" %}').render(Context({"request": request}))
    assert html.count("Gesundheit ") == 3 and "Entwurf" not in html
    assert Template('{% load practice_related %}{% related_profiles "survey" %}').render(
        Context({"request": request})).strip() == ""


def test_the_reuse_page_lists_what_others_share_with_us(world, client_for) -> None:  # noqa: ANN001
    from kosmos.language.models import LetterTemplate

    template = LetterTemplate.objects.create(organisation=world.freiburg, name="Einladung verständlich",
                                             category=LetterTemplate._meta.get_field("category").choices[0][0])
    page = client_for(world.outsider).get(reverse("org:practice_templates", kwargs={"org_slug": world.ulm.slug}))
    assert "Einladung verständlich" not in page.content.decode()
    do_share(acting_user=world.qm, obj=template, visibility="platform")
    page = client_for(world.outsider).get(reverse("org:practice_templates", kwargs={"org_slug": world.ulm.slug}))
    assert "Einladung verständlich" in page.content.decode() and "Jobcenter Freiburg" in page.content.decode()
    assert 'href="/o/ulm/sprache/geteilt/' in page.content.decode()  # the reader's page of the module
    own = client_for(world.qm).get(reverse("org:practice_templates", kwargs={"org_slug": world.freiburg.slug}))
    assert "Einladung verständlich" not in own.content.decode()  # our own is not "of other Jobcenters"


def test_editing_a_profile_keeps_what_was_typed_on_a_bad_timeline(world, client_for) -> None:  # noqa: ANN001
    client = client_for(world.qm)
    url = reverse("org:practice_profile_create", kwargs={"org_slug": world.freiburg.slug})
    response = client.post(url, {**builders.VALUES, "milestones": "2022-01 Auftakt\nirgendwann Workshop"})
    assert response.status_code == 200
    assert "Zeile 2: Bitte beginnen Sie mit Jahr und Monat" in response.content.decode()
    assert not Profile.objects.exists()
    response = client.post(url, {**builders.VALUES, "milestones": "2022-01 Auftakt", "topic_keys": ["health"]})
    profile = Profile.objects.get()
    assert response.status_code == 302 and profile.status == ProfileStatus.DRAFT
    assert list(profile.milestones.values_list("period", "title")) == [("2022-01", "Auftakt")]


def test_a_timeline_line_needs_a_month_or_a_dash() -> None:
    from django.core.exceptions import ValidationError

    from kosmos.practice.forms import parse_milestones

    assert parse_milestones("2022-01 Auftakt\n\n– Verstetigung (ab 3. Quartal)") == [
        ("2022-01", "Auftakt"), ("", "Verstetigung (ab 3. Quartal)")]
    for bad in ("2022-13 Workshop", "März Workshop", "2022-03"):
        try:
            parse_milestones(bad)
        except ValidationError:
            continue
        raise AssertionError(bad)


def test_the_profile_comparison_and_reuse_pages_lead_back_to_the_gallery(world, client_for) -> None:  # noqa: ANN001
    profile = builders.published(world)  # Freiburg's
    own, reader = client_for(world.qm), client_for(world.outsider)
    pages = [
        (own, world.freiburg, reverse("org:practice_profile", kwargs={"org_slug": world.freiburg.slug,
                                                                     "profile_id": profile.public_id})),
        (reader, world.ulm, reverse("org:practice_shared_profile", kwargs={"org_slug": world.ulm.slug,
                                                                          "profile_id": profile.public_id})),
        (own, world.freiburg, reverse("org:practice_comparisons", kwargs={"org_slug": world.freiburg.slug})),
        (own, world.freiburg, reverse("org:practice_templates", kwargs={"org_slug": world.freiburg.slug})),
    ]
    for client, org, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        gallery = reverse("org:practice_gallery", kwargs={"org_slug": org.slug})
        # in the page's kicker, not only in the module navigation of every page
        assert f'<p class="kosmos-kicker"><a class="kern-link" href="{gallery}">' in response.content.decode(), url

"""The shared letter library: Freiburg shares a template, Lörrach (a partner) reads and copies it
with its version history and the origin credited; Ulm sees it only when shared platform-wide; a
published template is read without login; the owner's pages stay the owner's."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.core import sharing
from kosmos.core.models import AuditEvent
from kosmos.language import services
from kosmos.language.models import LetterTemplate
from tests.factories import share_with_partner

FIRST = "Sehr geehrte Frau Muster, hiermit werden Sie gebeten, die Unterlagen vorzulegen."
SECOND = "Guten Tag, bitte schicken Sie uns die Unterlagen bis zum 1. Mai."


def _template(world, name: str = "Einladung") -> LetterTemplate:  # noqa: ANN001
    template = services.do_create_template(
        acting_user=world.qm, organisation=world.freiburg, name=name, category="invitation",
        text_type="brief", text=FIRST, note="erste Fassung",
    )
    services.do_add_version(acting_user=world.qm, template=template, text=SECOND, note="kürzer")
    template.refresh_from_db()
    return template


def _url(name: str, organisation, template=None) -> str:  # noqa: ANN001
    kwargs = {"org_slug": organisation.slug}
    if template is not None:
        kwargs["template_id"] = template.public_id
    return reverse(f"org:{name}", kwargs=kwargs)


# --------------------------------------------------------------------------- the owner shares


def test_the_quality_manager_shares_a_template_with_a_partner(world, client_for) -> None:  # noqa: ANN001
    template = _template(world)
    client = client_for(world.qm)
    page = client.get(_url("language_template", world.freiburg, template))
    assert _url("language_template_share", world.freiburg, template) in page.content.decode()
    response = client.post(
        _url("language_template_share", world.freiburg, template),
        {"visibility": "partners", "partners": [world.loerrach.pk]},
    )
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.visibility == "partners" and list(template.shared_with.all()) == [world.loerrach]
    assert AuditEvent.objects.filter(action="sharing.changed", object_id=str(template.public_id)).exists()


def test_partners_without_a_partner_is_refused_with_a_message(world, client_for) -> None:  # noqa: ANN001
    template = _template(world)
    response = client_for(world.qm).post(
        _url("language_template_share", world.freiburg, template), {"visibility": "partners"}
    )
    assert response.status_code == 200
    assert 'id="id_partners-error"' in response.content.decode()
    template.refresh_from_db()
    assert template.visibility == "own"


def test_the_share_page_searches_organisations_by_name(world, client_for) -> None:  # noqa: ANN001
    template = share_with_partner(world, _template(world))
    page = client_for(world.qm).get(_url("language_template_share", world.freiburg, template) + "?suche=Ulm")
    content = page.content.decode()
    assert "Jobcenter Ulm" in content
    assert "Jobcenter Lörrach" in content  # the current partner is always listed
    assert "Programmbüro" not in content
    assert "Jobcenter Freiburg</label>" not in content  # never the owner itself


def test_a_partner_found_by_search_can_be_added(world, client_for) -> None:  # noqa: ANN001
    template = share_with_partner(world, _template(world))
    url = _url("language_template_share", world.freiburg, template) + "?suche=Ulm"
    client_for(world.qm).post(url, {"visibility": "partners", "partners": [world.loerrach.pk, world.ulm.pk]})
    assert set(template.shared_with.all()) == {world.loerrach, world.ulm}


# --------------------------------------------------------------------------- the partner reads


def test_the_partner_lists_and_reads_the_shared_template_read_only(world, client_for) -> None:  # noqa: ANN001
    template = share_with_partner(world, _template(world))
    client = client_for(world.partner_staff)
    listing = client.get(_url("language_shared_library", world.loerrach)).content.decode()
    assert "Einladung" in listing and "Jobcenter Freiburg" in listing
    page = client.get(_url("language_shared_template", world.loerrach, template))
    assert page.status_code == 200
    content = page.content.decode()
    assert "bitte schicken Sie uns die Unterlagen" in content  # the current text
    assert "kürzer" in content and "erste Fassung" in content  # the version history
    assert "Quirin Qualität" not in content  # the owner's staff are not named outside
    assert "bearbeiten" not in content and "Kopieren" not in content  # no edit, no copy for staff
    assert "/o/freiburg/" not in content


def test_the_owners_pages_stay_the_owners(world, client_for) -> None:  # noqa: ANN001
    template = share_with_partner(world, _template(world))
    client = client_for(world.partner)
    assert client.get(_url("language_template", world.loerrach, template)).status_code == 404
    assert client.get(_url("language_template_edit", world.freiburg, template)).status_code == 404
    assert client.get(_url("language_template_share", world.loerrach, template)).status_code == 404


def test_another_organisation_sees_it_only_when_shared_platform_wide(world, client_for) -> None:  # noqa: ANN001
    template = share_with_partner(world, _template(world))
    client = client_for(world.outsider)
    assert client.get(_url("language_shared_template", world.ulm, template)).status_code == 404
    assert "Einladung" not in client.get(_url("language_shared_library", world.ulm)).content.decode()
    sharing.do_share(acting_user=world.qm, obj=template, visibility="platform")
    assert client.get(_url("language_shared_template", world.ulm, template)).status_code == 200
    assert "Einladung" in client.get(_url("language_shared_library", world.ulm)).content.decode()


def test_the_shared_library_runs_a_fixed_number_of_queries(world, client_for, django_assert_max_num_queries) -> None:  # noqa: ANN001, E501
    client = client_for(world.partner_staff)
    share_with_partner(world, _template(world, "Erste"))
    with django_assert_max_num_queries(40) as one:
        client.get(_url("language_shared_library", world.loerrach))
    for number in range(4):
        share_with_partner(world, _template(world, f"Weitere {number}"))
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = client.get(_url("language_shared_library", world.loerrach))
    assert page.content.decode().count("Weitere") == 4


# --------------------------------------------------------------------------- copying


def test_the_partner_copies_the_template_with_its_versions_and_the_origin(world, client_for) -> None:  # noqa: ANN001
    template = share_with_partner(world, _template(world))
    client = client_for(world.partner)
    page = client.get(_url("language_shared_template", world.loerrach, template)).content.decode()
    assert _url("language_shared_template_copy", world.loerrach, template) in page
    response = client.post(_url("language_shared_template_copy", world.loerrach, template))
    copy = LetterTemplate.objects.get(organisation=world.loerrach)
    assert response["Location"] == _url("language_template", world.loerrach, copy)
    assert [(v.number, v.note) for v in copy.versions.order_by("number")] == [(1, "erste Fassung"), (2, "kürzer")]
    assert copy.current_version.text == SECOND
    assert copy.origin_organisation == world.freiburg and copy.origin_public_id == template.public_id
    detail = client.get(response["Location"]).content.decode()
    assert "Jobcenter Freiburg" in detail  # "Übernommen von Jobcenter Freiburg"
    # The original is untouched and still Freiburg's.
    template.refresh_from_db()
    assert template.organisation == world.freiburg and template.versions.count() == 2


def test_a_second_copy_gets_a_free_name(world, client_for) -> None:  # noqa: ANN001
    template = share_with_partner(world, _template(world))
    client = client_for(world.partner)
    client.post(_url("language_shared_template_copy", world.loerrach, template))
    client.post(_url("language_shared_template_copy", world.loerrach, template))
    names = sorted(LetterTemplate.objects.filter(organisation=world.loerrach).values_list("name", flat=True))
    assert len(names) == 2 and names[0] == "Einladung" and names[1].startswith("Einladung (")


@pytest.mark.parametrize("who", ["partner_staff", "outsider"])
def test_copy_needs_the_permission_and_the_share(world, client_for, who: str) -> None:  # noqa: ANN001
    template = share_with_partner(world, _template(world))
    user = getattr(world, who)
    organisation = world.loerrach if who == "partner_staff" else world.ulm
    response = client_for(user).post(_url("language_shared_template_copy", organisation, template))
    assert response.status_code == (403 if who == "partner_staff" else 404)
    assert not LetterTemplate.objects.exclude(organisation=world.freiburg).exists()


# --------------------------------------------------------------------------- published


def test_a_published_template_is_read_without_login(world, client_for) -> None:  # noqa: ANN001
    template = _template(world)
    other = _template(world, "Nur auf der Plattform")
    sharing.do_share(acting_user=world.qm, obj=other, visibility="platform")
    anonymous = client_for(None)
    url = reverse("language_public_template", kwargs={"template_id": template.public_id})
    assert anonymous.get(url).status_code == 404
    sharing.do_share(acting_user=world.qm, obj=template, visibility="public")
    page = anonymous.get(url)
    assert page.status_code == 200 and "bitte schicken Sie uns die Unterlagen" in page.content.decode()
    listing = anonymous.get(reverse("language_public_library")).content.decode()
    assert "Einladung" in listing and "Nur auf der Plattform" not in listing
    assert anonymous.get(
        reverse("language_public_template", kwargs={"template_id": other.public_id})
    ).status_code == 404

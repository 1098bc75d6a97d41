"""Taking over a shared category with its structure ("Struktur übernehmen"): service and page."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kosmos.core import search, sharing
from kosmos.core.models import AuditEvent
from kosmos.knowledge import services
from kosmos.knowledge.models import Category, Entry
from kosmos.knowledge.services_copy import do_copy_category
from tests.knowledge import builders

pytestmark = pytest.mark.django_db


def _shared_tree(world, visibility: str = "partners"):  # noqa: ANN001, ANN202
    """Freiburg's "Psychische Gesundheit" › "Sucht" with two shared entries, shared with Lörrach,
    and one entry in the sub-category that Freiburg keeps private."""
    root = builders.category(world)
    child = services.do_save_category(acting_user=world.qm, organisation=world.freiburg,
                                      data={"name": "Sucht", "parent": root, "description": "Suchtberatung"})
    builders.entry(world, category=root)
    builders.entry(world, title="Suchtberatung Drogenhilfe", category=child)
    partners = [world.loerrach] if visibility == "partners" else []
    services.do_share_category(acting_user=world.qm, category=root, visibility=visibility, partners=partners)
    private = builders.entry(world, title="Interne Notiz Sucht", category=child)
    sharing.do_share(acting_user=world.qm, obj=private, visibility="own")
    return root


def test_the_structure_and_the_visible_entries_are_copied_with_their_origin(world):
    root = _shared_tree(world)
    copy = do_copy_category(acting_user=world.partner, category=root, target_organisation=world.loerrach)
    assert copy.organisation == world.loerrach and copy.name == "Psychische Gesundheit" and copy.parent is None
    child = Category.objects.get(organisation=world.loerrach, parent=copy)
    assert child.name == "Sucht" and child.description == "Suchtberatung"
    for category in (copy, child):
        assert category.origin_organisation_name == "Jobcenter Freiburg" and category.visibility == "own"
    assert child.origin_public_id == Category.objects.get(organisation=world.freiburg, name="Sucht").public_id
    entries = {e.title: e for e in Entry.objects.filter(organisation=world.loerrach)}
    assert set(entries) == {"Sozialpsychiatrischer Dienst Freiburg", "Suchtberatung Drogenhilfe"}
    assert entries["Sozialpsychiatrischer Dienst Freiburg"].category == copy
    assert entries["Suchtberatung Drogenhilfe"].category == child
    assert all(e.origin_organisation_name == "Jobcenter Freiburg" and e.visibility == "own"
               for e in entries.values())
    event = AuditEvent.objects.get(action="knowledge.category_copied")
    assert event.organisation == world.loerrach and event.changes["entries"] == [None, 2]
    assert AuditEvent.objects.filter(action="sharing.copied", organisation=world.loerrach).count() == 3
    hits = search.search(world.partner, "Drogenhilfe").hits
    code = entries["Suchtberatung Drogenhilfe"].short_code
    assert f"/o/loerrach/wissen/{code}/" in [h.url for h in hits]


def test_a_category_that_is_not_shared_with_the_target_is_refused(world):
    root = _shared_tree(world)
    with pytest.raises(ValidationError, match="nicht für Ihre Organisation freigegeben"):
        do_copy_category(acting_user=world.outsider, category=root, target_organisation=world.ulm)
    with pytest.raises(ValidationError):
        do_copy_category(acting_user=world.qm, category=root, target_organisation=world.freiburg)
    assert not Category.objects.filter(organisation__in=[world.ulm]).exists()


def test_a_second_copy_is_refused_naming_the_first_and_a_name_clash_is_resolved(world):
    root = _shared_tree(world, visibility="platform")
    services.do_save_category(acting_user=world.outsider, organisation=world.ulm,
                              data={"name": "Psychische Gesundheit"})
    copy = do_copy_category(acting_user=world.outsider, category=root, target_organisation=world.ulm)
    assert copy.name == "Psychische Gesundheit (Jobcenter Freiburg)"
    with pytest.raises(ValidationError, match="bereits übernommen: „Psychische Gesundheit \\(Jobcenter Freiburg\\)“"):
        do_copy_category(acting_user=world.outsider, category=root, target_organisation=world.ulm)
    assert Category.objects.filter(organisation=world.ulm).count() == 3


def _url(org: str, category: Category) -> str:
    return reverse("org:knowledge_category_copy", kwargs={"org_slug": org, "category_id": category.public_id})


def test_the_page_copies_for_the_manager_and_refuses_others(world, client_for):
    root = _shared_tree(world)
    shared = client_for(world.partner).get(reverse("org:knowledge_shared", kwargs={"org_slug": "loerrach"}))
    assert _url("loerrach", root) in shared.content.decode()
    assert client_for(world.partner_staff).post(_url("loerrach", root)).status_code == 403
    assert client_for(world.outsider).post(_url("ulm", root)).status_code == 404
    assert client_for(world.partner).get(_url("loerrach", root)).status_code == 405
    response = client_for(world.partner).post(_url("loerrach", root))
    copy = Category.objects.get(organisation=world.loerrach, parent=None)
    assert response.status_code == 302 and response.url.endswith(f"#kategorie-{copy.public_id}")
    again = client_for(world.partner).post(_url("loerrach", root), follow=True)
    errors = [str(m) for m in again.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and "bereits übernommen" in errors[0] and f"„{copy.name}“" in errors[0]
    assert Category.objects.filter(organisation=world.loerrach, parent=None).count() == 1

"""Sharing across organisations (kosmos/core/sharing.py): one helper decides who may read what,
in one query; the share and copy services write the audit log.

Letter templates serve as the shareable model (any ``Shareable`` model behaves alike).
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kosmos.core import sharing
from kosmos.core.models import AuditEvent
from kosmos.core.models.sharing import Visibility
from kosmos.language import services
from kosmos.language.models import LetterTemplate, LetterVersion
from kosmos.language.sharing import copy_template
from tests.factories import make_user

LETTER = "Guten Tag, bitte schicken Sie uns die Unterlagen bis zum 1. Mai."


def _template(world, name: str, visibility: str = "own", *, organisation=None) -> LetterTemplate:  # noqa: ANN001
    template = services.do_create_template(
        acting_user=world.qm, organisation=organisation or world.freiburg, name=name,
        category="information", text_type="brief", text=LETTER,
    )
    if visibility == Visibility.PARTNERS:
        return sharing.do_share(acting_user=world.qm, obj=template, visibility=visibility, partners=[world.loerrach])
    if visibility != Visibility.OWN:
        return sharing.do_share(acting_user=world.qm, obj=template, visibility=visibility)
    return template


@pytest.fixture
def levels(world):  # noqa: ANN001, ANN201
    """One Freiburg template per visibility level; the name is the level."""
    return {level: _template(world, level, level) for level in Visibility.values}


# Who sees which level: the reader's organisation (None: no organisation) and whether logged in.
EXPECTED = {
    "owner": {"own", "partners", "platform", "public"},
    "partner": {"partners", "platform", "public"},
    "other_organisation": {"platform", "public"},
    "programme_office": {"platform", "public"},
    "logged_in_without_organisation": {"public"},
    "anonymous": {"public"},
    "anonymous_claiming_an_organisation": {"public"},
}


def _viewer(world, kind: str):  # noqa: ANN001, ANN202
    return {
        "owner": (world.qm, world.freiburg),
        "partner": (world.partner_staff, world.loerrach),
        "other_organisation": (world.outsider, world.ulm),
        "programme_office": (world.programme, world.programme_office),
        "logged_in_without_organisation": (world.unassigned_adviser, None),
        "anonymous": (AnonymousUser(), None),
        "anonymous_claiming_an_organisation": (None, world.freiburg),
    }[kind]


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_visible_to_each_level_for_each_viewer_in_one_query(
    kind: str, world, levels, django_assert_num_queries  # noqa: ANN001
) -> None:
    user, organisation = _viewer(world, kind)
    with django_assert_num_queries(1):
        names = set(sharing.visible_to(LetterTemplate.objects.all(), user=user, organisation=organisation)
                    .values_list("name", flat=True))
    assert names == EXPECTED[kind]


@pytest.mark.parametrize("kind", ["owner", "partner", "other_organisation", "programme_office"])
def test_can_read_agrees_with_the_queryset_helper(kind: str, world, levels) -> None:  # noqa: ANN001
    _user, organisation = _viewer(world, kind)
    assert {level for level, obj in levels.items() if sharing.can_read(obj, organisation)} == EXPECTED[kind]


def test_anonymous_can_read_only_published(world, levels) -> None:  # noqa: ANN001
    assert {level for level, obj in levels.items() if sharing.can_read(obj, None)} == {"public"}


def test_shared_with_leaves_out_own_objects(world, levels) -> None:  # noqa: ANN001
    own_of_loerrach = _template(world, "Lörrachs eigene", organisation=world.loerrach)
    names = set(sharing.shared_with(LetterTemplate.objects.all(), world.loerrach).values_list("name", flat=True))
    assert names == {"partners", "platform", "public"}
    assert own_of_loerrach.name not in names


def test_partner_list_counts_only_while_visibility_is_partners(world) -> None:  # noqa: ANN001
    template = _template(world, "Einladung", "partners")
    template.visibility = Visibility.OWN  # e.g. set back without the service: partners no longer count
    template.save(update_fields=["visibility"])
    assert not sharing.visible_to(LetterTemplate.objects.all(), user=world.partner, organisation=world.loerrach)


def test_visibility_filter_through_a_relation_never_duplicates_rows(world) -> None:  # noqa: ANN001
    template = _template(world, "Einladung")
    services.do_add_version(acting_user=world.qm, template=template, text=LETTER + " Danke.")
    sharing.do_share(acting_user=world.qm, obj=template, visibility="partners",
                     partners=[world.loerrach, world.ulm, world.programme_office])
    q = sharing.visibility_filter(LetterTemplate, organisation=world.freiburg, prefix="template__")
    assert LetterVersion.objects.filter(q).count() == 2  # own: two versions, not one per partner
    q = sharing.visibility_filter(LetterTemplate, organisation=world.loerrach, prefix="template__")
    assert LetterVersion.objects.filter(q).count() == 2
    assert LetterVersion.objects.filter(sharing.visibility_filter(LetterTemplate, organisation=None,
                                                                  prefix="template__")).count() == 0


def test_visibility_filter_refuses_a_model_that_is_not_shareable() -> None:
    with pytest.raises(TypeError):
        sharing.visibility_filter(LetterVersion, organisation=None)


def test_object_helpers_answer_404(world, levels) -> None:  # noqa: ANN001
    qs = LetterTemplate.objects.all()
    assert sharing.shared_object_or_404(qs, world.loerrach, public_id=levels["partners"].public_id)
    with pytest.raises(Http404):
        sharing.shared_object_or_404(qs, world.ulm, public_id=levels["partners"].public_id)
    assert sharing.public_object_or_404(qs, public_id=levels["public"].public_id)
    with pytest.raises(Http404):
        sharing.public_object_or_404(qs, public_id=levels["platform"].public_id)


def test_partner_candidates_are_all_other_organisations_searchable_by_name(world) -> None:  # noqa: ANN001
    names = list(sharing.partner_candidates(world.freiburg).values_list("name", flat=True))
    assert names == sorted(names)
    assert "Jobcenter Freiburg" not in names
    assert {"Jobcenter Lörrach", "Jobcenter Ulm", "Programmbüro"} <= set(names)
    assert list(sharing.partner_candidates(world.freiburg, "  lörr ").values_list("slug", flat=True)) == ["loerrach"]
    assert list(sharing.partner_candidates(world.freiburg, "jobcenter ulm").values_list("slug", flat=True)) == ["ulm"]


# --------------------------------------------------------------------------- do_share


def test_do_share_writes_one_audit_event_with_visibility_and_partners(world) -> None:  # noqa: ANN001
    template = _template(world, "Einladung")
    sharing.do_share(acting_user=world.qm, obj=template, visibility="partners", partners=[world.ulm, world.loerrach])
    event = AuditEvent.objects.get(action="sharing.changed")
    assert event.organisation == world.freiburg and event.actor == world.qm
    assert event.object_type == "language.lettertemplate" and event.object_id == str(template.public_id)
    assert event.changes == {
        "visibility": ["own", "partners"],
        "partners": [[], ["Jobcenter Lörrach", "Jobcenter Ulm"]],
    }
    template.refresh_from_db()
    assert template.shared_by == world.qm and template.shared_at is not None


def test_a_wider_level_clears_the_partner_list(world) -> None:  # noqa: ANN001
    template = _template(world, "Einladung", "partners")
    sharing.do_share(acting_user=world.qm, obj=template, visibility="platform", partners=[world.ulm])
    assert list(template.shared_with.all()) == []
    event = AuditEvent.objects.filter(action="sharing.changed").latest("id")
    assert event.changes == {"visibility": ["partners", "platform"], "partners": [["Jobcenter Lörrach"], []]}


def test_sharing_without_change_writes_nothing(world) -> None:  # noqa: ANN001
    template = _template(world, "Einladung", "platform")
    before = AuditEvent.objects.filter(action="sharing.changed").count()
    sharing.do_share(acting_user=world.qm, obj=template, visibility="platform")
    assert AuditEvent.objects.filter(action="sharing.changed").count() == before


@pytest.mark.parametrize(
    ("visibility", "partners", "field"),
    [("partners", [], "partners"), ("partners", ["own"], "partners"), ("everybody", [], "visibility")],
)
def test_do_share_refuses_bad_input(world, visibility: str, partners: list[str], field: str) -> None:  # noqa: ANN001
    template = _template(world, "Einladung")
    orgs = [world.freiburg for _ in partners]
    with pytest.raises(ValidationError) as caught:
        sharing.do_share(acting_user=world.qm, obj=template, visibility=visibility, partners=orgs)
    assert field in caught.value.error_dict
    assert not AuditEvent.objects.filter(action="sharing.changed").exists()


# --------------------------------------------------------------------------- do_copy_shared


def test_copy_records_the_origin_and_logs_in_the_target_organisation(world) -> None:  # noqa: ANN001
    template = _template(world, "Einladung", "partners")
    copy = sharing.do_copy_shared(acting_user=world.partner, obj=template, target_organisation=world.loerrach,
                                  copier=copy_template)
    copy.refresh_from_db()
    assert copy.organisation == world.loerrach and copy.visibility == "own"
    assert (copy.origin_organisation, copy.origin_organisation_name) == (world.freiburg, "Jobcenter Freiburg")
    assert copy.origin_public_id == template.public_id and copy.origin_label == "Einladung"
    assert copy.copied_at is not None and copy.is_copy
    event = AuditEvent.objects.get(action="sharing.copied")
    assert event.organisation == world.loerrach and event.actor == world.partner
    assert event.object_id == str(copy.public_id)
    assert event.changes["origin"] == [None, "Jobcenter Freiburg: Einladung"]


def test_copy_of_an_unshared_object_is_refused(world) -> None:  # noqa: ANN001
    template = _template(world, "Einladung", "partners")
    with pytest.raises(PermissionDenied):
        sharing.do_copy_shared(acting_user=world.outsider, obj=template, target_organisation=world.ulm,
                               copier=copy_template)
    assert LetterTemplate.objects.filter(organisation=world.ulm).count() == 0


def test_copy_into_the_owner_itself_is_refused(world) -> None:  # noqa: ANN001
    template = _template(world, "Einladung", "platform")
    with pytest.raises(ValidationError):
        sharing.do_copy_shared(acting_user=world.qm, obj=template, target_organisation=world.freiburg,
                               copier=copy_template)


def test_a_copier_that_saves_elsewhere_rolls_everything_back(world) -> None:  # noqa: ANN001
    template = _template(world, "Einladung", "platform")

    def wrong(obj, target, user):  # noqa: ANN001, ANN202
        return copy_template(obj, world.ulm, user)

    with pytest.raises(RuntimeError):
        sharing.do_copy_shared(acting_user=world.partner, obj=template, target_organisation=world.loerrach,
                               copier=wrong)
    assert LetterTemplate.objects.filter(organisation=world.ulm).count() == 0


def test_an_account_without_organisation_sees_only_published(world, levels) -> None:  # noqa: ANN001
    lonely = make_user("allein@test.example", "Alleine")
    names = set(sharing.visible_to(LetterTemplate.objects.all(), user=lonely).values_list("name", flat=True))
    assert names == {"public"}

"""Two sides approve a version; changes after the agreement start a new draft; races are refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kosmos.core.models import AuditEvent
from kosmos.processes import services
from kosmos.processes.models import ProcessVersion, VersionStatus
from tests.factories import share_with_partner
from tests.processes import builders


def _shared(world):  # noqa: ANN001, ANN202
    process_map = builders.process_map(world)
    services.do_set_sides(acting_user=world.qm, process_map=process_map, partners=[world.loerrach])
    return process_map


def _step(process_map, key: str) -> dict:  # noqa: ANN001
    return dict(next(s for s in builders.newest(process_map).data["steps"] if s["key"] == key))


def test_a_version_is_agreed_only_when_every_side_approved_it(world) -> None:  # noqa: ANN001
    process_map = _shared(world)
    seen = services.token(builders.newest(process_map))
    version = services.do_approve(acting_user=world.qm, organisation=world.freiburg, process_map=process_map, seen=seen)
    assert version.status == VersionStatus.DRAFT
    version = services.do_approve(acting_user=world.partner, organisation=world.loerrach, process_map=process_map,
                                  seen=seen)
    assert version.status == VersionStatus.AGREED and version.agreed_at is not None
    assert set(AuditEvent.objects.filter(action__startswith="processes.").values_list("action", flat=True)) >= {
        "processes.map_created", "processes.approved", "processes.agreed"}


def test_a_change_after_the_agreement_makes_a_new_draft_and_keeps_the_history(world) -> None:  # noqa: ANN001
    process_map = _shared(world)
    seen = services.token(builders.newest(process_map))
    for user, organisation in ((world.qm, world.freiburg), (world.partner, world.loerrach)):
        services.do_approve(acting_user=user, organisation=organisation, process_map=process_map, seen=seen)
    draft = services.do_save_step(acting_user=world.partner, organisation=world.loerrach, process_map=process_map,
                                  seen=seen, step={**_step(process_map, "eingang"), "deadline": "2 Arbeitstage"})
    assert (draft.number, draft.status) == (2, VersionStatus.DRAFT)
    agreed = process_map.versions.get(number=1)
    assert agreed.status == VersionStatus.AGREED
    assert next(s for s in agreed.data["steps"] if s["key"] == "eingang")["deadline"] == "3 Arbeitstage"
    # both approve version 2: it becomes the agreed one, version 1 stays as superseded history
    seen = services.token(draft)
    for user, organisation in ((world.qm, world.freiburg), (world.partner, world.loerrach)):
        services.do_approve(acting_user=user, organisation=organisation, process_map=process_map, seen=seen)
    assert list(process_map.versions.order_by("number").values_list("status", flat=True)) == [
        VersionStatus.SUPERSEDED, VersionStatus.AGREED]


def test_approvals_of_different_versions_at_the_same_time_are_refused_with_a_clear_message(world) -> None:  # noqa: ANN001
    """Both sides opened revision 1; Lörrach changes a step and approves its revision; Freiburg's
    approval of the revision it saw is refused, and Lörrach's change is kept."""
    process_map = _shared(world)
    seen_by_both = services.token(builders.newest(process_map))
    changed = services.do_save_step(acting_user=world.partner, organisation=world.loerrach, process_map=process_map,
                                    seen=seen_by_both, step={**_step(process_map, "termin"), "deadline": "1 Woche"})
    services.do_approve(acting_user=world.partner, organisation=world.loerrach, process_map=process_map,
                        seen=services.token(changed))
    with pytest.raises(ValidationError) as refused:
        services.do_approve(acting_user=world.qm, organisation=world.freiburg, process_map=process_map,
                            seen=seen_by_both)
    assert refused.value.code == "conflict"
    assert f"jetzt Fassung 1, Stand {changed.revision}). Ihre Zustimmung wurde nicht gespeichert" in (
        refused.value.messages[0])
    version = builders.newest(process_map)
    assert version.status == VersionStatus.DRAFT
    assert list(version.approvals.values_list("organisation__slug", flat=True)) == ["loerrach"]
    assert _step(process_map, "termin")["deadline"] == "1 Woche"


def test_an_approval_of_an_older_revision_does_not_count(world) -> None:  # noqa: ANN001
    process_map = _shared(world)
    seen = services.token(builders.newest(process_map))
    services.do_approve(acting_user=world.qm, organisation=world.freiburg, process_map=process_map, seen=seen)
    changed = services.do_save_step(acting_user=world.partner, organisation=world.loerrach, process_map=process_map,
                                    seen=seen, step={**_step(process_map, "termin"), "notes": "neu"})
    version = services.do_approve(acting_user=world.partner, organisation=world.loerrach, process_map=process_map,
                                  seen=services.token(changed))
    assert version.status == VersionStatus.DRAFT  # Freiburg approved revision 1, not the changed one


def test_a_concurrent_edit_is_refused_and_nothing_is_overwritten(world) -> None:  # noqa: ANN001
    process_map = _shared(world)
    seen = services.token(builders.newest(process_map))
    services.do_save_step(acting_user=world.qm, organisation=world.freiburg, process_map=process_map, seen=seen,
                          step={**_step(process_map, "beratung"), "notes": "Freiburg"})
    with pytest.raises(ValidationError, match="Jemand anderes hat diese Prozesslandkarte inzwischen geändert"):
        services.do_save_step(acting_user=world.partner, organisation=world.loerrach, process_map=process_map,
                              seen=seen, step={**_step(process_map, "beratung"), "notes": "Lörrach"})
    assert _step(process_map, "beratung")["notes"] == "Freiburg"


def test_an_invalid_change_is_refused_with_the_step_named(world) -> None:  # noqa: ANN001
    process_map = builders.process_map(world)
    seen = services.token(builders.newest(process_map))
    with pytest.raises(ValidationError) as refused:
        services.do_save_step(acting_user=world.qm, organisation=world.freiburg, process_map=process_map, seen=seen,
                              step={**_step(process_map, "zuweisung"), "handover_to": "bamf"})
    assert "Schritt 3 (An die Agentur für Arbeit überweisen) übergibt an „bamf“" in refused.value.messages[0]
    assert builders.newest(process_map).revision == 1


def test_only_the_sides_edit_and_approve(world) -> None:  # noqa: ANN001
    process_map = builders.process_map(world)
    share_with_partner(world, process_map)
    seen = services.token(builders.newest(process_map))
    with pytest.raises(PermissionDenied):
        services.do_approve(acting_user=world.outsider, organisation=world.ulm, process_map=process_map, seen=seen)
    from kosmos.core.sharing import do_share

    do_share(acting_user=world.qm, obj=process_map, visibility="platform")
    with pytest.raises(PermissionDenied):  # reading platform-wide does not make Ulm a side
        services.do_save_step(acting_user=world.outsider, organisation=world.ulm, process_map=process_map, seen=seen,
                              step=_step(process_map, "bedarf"))
    assert ProcessVersion.objects.filter(process_map=process_map).count() == 1


def test_a_map_from_a_template_and_an_unknown_template(world) -> None:  # noqa: ANN001
    process_map = builders.process_map(world, template="reha-2025", title="")
    assert process_map.title == "Berufliche Rehabilitation (Teilhabe) ab 2025"
    assert len(builders.newest(process_map).data["steps"]) == 6
    with pytest.raises(ValidationError):
        services.do_create_map(acting_user=world.qm, organisation=world.freiburg, template_key="gibt-es-nicht")

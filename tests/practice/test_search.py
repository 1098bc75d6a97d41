"""The platform search finds published profiles everywhere on the platform, drafts only at home."""

from __future__ import annotations

from kosmos.core import search
from tests.practice import builders


def _hits(user, text: str) -> list:  # noqa: ANN001
    return list(search.search(user, text, module="practice").hits)


def test_published_profiles_are_found_by_other_jobcenters_and_drafts_only_by_the_owner(world) -> None:  # noqa: ANN001
    published = builders.published(world, title="Arbeitskreis Gesundheit", results="Infoportal erstellt")
    draft = builders.draft(world, title="Entwurf Infoportal", results="Infoportal geplant")
    search.rebuild()
    other = _hits(world.outsider, "Infoportal")
    assert [h.url for h in other] == [f"/o/ulm/praxis/geteilt/{published.public_id}/"]
    owner = {h.document.object_id for h in _hits(world.staff, "Infoportal")}
    assert owner == {str(published.public_id), str(draft.public_id)}
    assert _hits(world.outsider, "Auftaktveranstaltung")  # milestones are indexed

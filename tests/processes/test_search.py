"""The platform search finds a process map by its steps: the owner, and the partner under its own address."""

from __future__ import annotations

from kosmos.core import search
from kosmos.processes import services
from tests.processes import builders


def _hits(user, text: str) -> list:  # noqa: ANN001
    return list(search.search(user, text, module="processes").hits)


def test_a_shared_map_is_found_by_its_steps_by_both_sides_only(world) -> None:  # noqa: ANN001
    process_map = builders.process_map(world)
    services.do_set_sides(acting_user=world.qm, process_map=process_map, partners=[world.loerrach])
    search.rebuild()
    owner_hits = _hits(world.qm, "Bildungsgutschein")
    assert [h.document.title for h in owner_hits] == [process_map.title]
    assert owner_hits[0].url.startswith(f"/o/freiburg/prozesse/{process_map.public_id}/")
    partner_hits = _hits(world.partner, "Bildungsgutschein")
    assert [h.url for h in partner_hits] == [f"/o/loerrach/prozesse/geteilt/{process_map.public_id}/"]
    assert _hits(world.outsider, "Bildungsgutschein") == []

"""The platform search finds knowledge entries; a partner's hit leads to the entry's short URL under
the partner's own organisation."""

from __future__ import annotations

import pytest

from kosmos.core import search, sharing
from tests.knowledge import builders

pytestmark = pytest.mark.django_db


def test_entries_are_found_by_the_platform_search_also_by_partners(world):
    entry = builders.entry(world)
    own = search.search(world.staff, "psychische Belastung")
    assert [h.url for h in own.hits] == [f"/o/freiburg/wissen/{entry.short_code}/"]
    assert search.search(world.partner, "psychische Belastung").total == 0
    sharing.do_share(acting_user=world.qm, obj=entry, visibility="partners", partners=[world.loerrach])
    shared = search.search(world.partner, "psychische Belastung")
    assert [h.url for h in shared.hits] == [f"/o/loerrach/wissen/{entry.short_code}/"]
    assert search.search(world.outsider, "psychische Belastung").total == 0

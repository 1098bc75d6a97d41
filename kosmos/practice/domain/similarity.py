"""Similar Jobcenters: form, size band by staff count and region type (pure, no Django).

A Jobcenter is "similar" to another when it shares the organisational form (gE/zkT), the size
band and the region type; the score counts the shared traits so that the best matches come
first. Size bands and the region type are coarse on purpose: a reader looks for Jobcenters
that work under comparable conditions, not for twins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SMALL = "small"
MEDIUM = "medium"
LARGE = "large"
SIZE_BANDS = (SMALL, MEDIUM, LARGE)
# Upper bounds (exclusive) of the bands, in staff (head count or full-time equivalents).
SMALL_BELOW = 100
MEDIUM_BELOW = 300

CITY = "city"
DISTRICT = "district"

# Words that mark a district (Landkreis) or a city; the name decides before the description.
_DISTRICT_WORDS = ("landkreis", "kreis ", "ländlich")
_CITY_WORDS = ("stadt", "bezirk", "regiopole")


def size_band(staff_count: int | None) -> str | None:
    if staff_count is None:
        return None
    if staff_count < 0:
        raise ValueError("staff_count must not be negative")
    if staff_count < SMALL_BELOW:
        return SMALL
    if staff_count < MEDIUM_BELOW:
        return MEDIUM
    return LARGE


def _classify(text: str) -> str | None:
    district = any(word in text for word in _DISTRICT_WORDS)
    city = any(word in text for word in _CITY_WORDS)
    if district == city:
        return None
    return DISTRICT if district else CITY


def region_type(name: str, region_description: str = "") -> str | None:
    """City or district, read from the name first, then from the region description."""
    lowered = name.lower() + " "
    if lowered.endswith(" land "):  # e.g. "Weimarer Land"
        return DISTRICT
    return _classify(lowered) or _classify(region_description.lower())


@dataclass(frozen=True)
class Traits:
    key: int  # the organisation's id (any hashable id in tests)
    form: str
    size_band: str | None
    region_type: str | None


def similarity(a: Traits, b: Traits) -> int:
    """Number of shared traits (0-3); an unknown trait is never shared."""
    score = 0
    if a.form and a.form == b.form:
        score += 1
    if a.size_band is not None and a.size_band == b.size_band:
        score += 1
    if a.region_type is not None and a.region_type == b.region_type:
        score += 1
    return score


def similar(target: Traits, candidates: Iterable[Traits], *, minimum: int = 2, limit: int = 5) -> Sequence[Traits]:
    """Candidates sharing at least ``minimum`` traits with ``target``, best first (stable by key)."""
    scored = [(similarity(target, c), c) for c in candidates if c.key != target.key]
    scored = [item for item in scored if item[0] >= minimum]
    scored.sort(key=lambda item: (-item[0], str(item[1].key)))
    return [c for _score, c in scored[:limit]]

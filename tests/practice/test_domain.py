"""Similar Jobcenters (pure): size bands, region type, ranking by shared traits."""

from __future__ import annotations

import pytest

from kosmos.practice.domain.similarity import (
    CITY,
    DISTRICT,
    LARGE,
    MEDIUM,
    SMALL,
    Traits,
    region_type,
    similar,
    similarity,
    size_band,
)


@pytest.mark.parametrize(("staff", "band"), [(None, None), (0, SMALL), (99, SMALL), (100, MEDIUM), (299, MEDIUM),
                                              (300, LARGE), (560, LARGE)])
def test_size_bands_by_staff_count(staff, band) -> None:  # noqa: ANN001
    assert size_band(staff) == band


def test_a_negative_staff_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        size_band(-1)


@pytest.mark.parametrize(("name", "description", "expected"), [
    ("Jobcenter Landkreis Regensburg", "", DISTRICT),
    ("Jobcenter Weimarer Land", "", DISTRICT),
    ("Jobcenter Nürnberg-Stadt", "", CITY),
    ("Jobcenter Landeshauptstadt Magdeburg", "", CITY),
    ("Jobcenter Traunstein", "Landkreis in Bayern mit kleinbetrieblich geprägten Arbeitsmärkten", DISTRICT),
    ("Jobcenter Braunschweig", "die zweitgrößte Stadt Niedersachsens", CITY),
    ("Jobcenter Oberhavel", "Region mit einem sehr hohen Anteil an erwerbstätigen Beziehern", None),
])
def test_region_type_from_name_then_description(name, description, expected) -> None:  # noqa: ANN001
    assert region_type(name, description) == expected


def test_similar_jobcenters_share_at_least_two_traits_best_first() -> None:
    target = Traits(1, "ge", SMALL, DISTRICT)
    twin = Traits(2, "ge", SMALL, DISTRICT)
    two = Traits(3, "ge", SMALL, CITY)
    one = Traits(4, "zkt", SMALL, CITY)
    unknown = Traits(5, "ge", None, None)
    assert similarity(target, twin) == 3
    assert similarity(target, unknown) == 1  # an unknown trait is never shared
    assert [t.key for t in similar(target, [one, two, unknown, twin, target])] == [2, 3]
    assert [t.key for t in similar(target, [one, two, twin], limit=1)] == [2]

"""The offline postcode table and distance helpers (pure, no database)."""

import math

import pytest

from kosmos.knowledge.domain import geo


def test_regensburg_to_straubing_is_about_forty_km():
    regensburg = geo.centroid("93047")
    straubing = geo.centroid("94315")
    assert regensburg is not None and straubing is not None
    assert 30 <= geo.distance_km(regensburg, straubing) <= 45


def test_known_long_distance_munich_to_berlin():
    # Munich Marienplatz to Berlin Mitte: about 504 km as the crow flies.
    distance = geo.distance_km(geo.centroid("80331"), geo.centroid("10115"))
    assert 490 <= distance <= 515


def test_distance_is_symmetric_and_zero_for_same_point():
    a, b = geo.centroid("82467"), geo.centroid("99423")
    assert geo.distance_km(a, b) == pytest.approx(geo.distance_km(b, a))
    assert geo.distance_km(a, a) == 0


@pytest.mark.parametrize("text", ["00123", "05123", "1234", "123456", "9304a", "", None, "43123", " 93047x"])
def test_invalid_postcodes(text):
    assert not geo.is_valid_postcode(text)
    assert geo.centroid(text or "") is None


def test_valid_but_unassigned_postcode_has_no_centroid():
    assert geo.is_valid_postcode("99999")
    assert not geo.is_known_postcode("99999")
    assert geo.centroid("99999") is None


def test_known_postcode_without_coordinates_is_known_but_unplaced():
    # Fürth is missing from the places table: a real postcode, honestly without a point.
    assert geo.is_known_postcode("90762")
    assert geo.centroid("90762") is None


def test_spreadsheet_number_keeps_leading_zero():
    assert geo.normalise_postcode(1067) == "01067"
    assert geo.normalise_postcode(1067.0) == "01067"
    assert geo.normalise_postcode(" 93047 ") == "93047"
    assert geo.place_name("01067") == "Dresden"


def test_bounding_box_contains_every_point_within_radius():
    center = geo.centroid("93047")
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(center, 20)
    for code, distance in geo.postcodes_within(center, 20):
        lat, lon = geo.centroid(code)
        assert distance <= 20
        assert min_lat <= lat <= max_lat and min_lon <= lon <= max_lon
    # the box is tight: its edges are about 20 km from the centre
    assert geo.distance_km(center, (max_lat, center[1])) == pytest.approx(20, rel=0.01)
    assert geo.distance_km(center, (center[0], max_lon)) == pytest.approx(20, rel=0.02)


def test_postcodes_within_regensburg_are_nearby_and_sorted():
    found = geo.postcodes_within(geo.centroid("93047"), 20)
    codes = [code for code, _ in found]
    assert "93047" in codes and "93053" in codes
    assert "94315" not in codes  # Straubing is farther than 20 km
    assert [d for _, d in found] == sorted(d for _, d in found)


def test_table_is_plausible():
    table = geo._table()
    assert len(table) > 8000
    placed = [entry for entry in table.values() if entry.point]
    assert len(placed) / len(table) > 0.99
    assert all(47.2 <= e.point[0] <= 55.1 and 5.8 <= e.point[1] <= 15.1 for e in placed)
    assert not math.isnan(placed[0].point[0])

"""German postcodes and distances, offline.

The centroid table ``kosmos/knowledge/data/postcodes_de.tsv.gz`` is built by
``scripts/build_postcodes.py`` from openly licensed data (ODbL 1.0, see
``kosmos/knowledge/data/SOURCES.md``). No network access at run time.
"""

from __future__ import annotations

import gzip
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "postcodes_de.tsv.gz"
EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180.0

# Five digits; German postcodes run from 01001 to 99998 ("00" and "05", "43", "62" are not
# assigned as leading pairs).
_FORMAT = re.compile(r"^\d{5}$")
_UNASSIGNED_PREFIXES = frozenset({"00", "05", "43", "62"})

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Postcode:
    code: str
    point: Point | None
    precision: str  # "L" locality, "R" coarse (region of the first three digits), "-" none
    state: str
    place: str


def normalise_postcode(text: object) -> str:
    """A postcode as typed or read from a spreadsheet, as five digits where possible.

    Spreadsheets drop the leading zero of "01067" (a number cell 1067), so four digits get it back.
    """
    if isinstance(text, bool):
        return ""
    if isinstance(text, int | float) and not isinstance(text, bool):
        if isinstance(text, float) and not text.is_integer():
            return str(text)
        text = str(int(text))
    value = str(text or "").strip().replace(" ", "")
    if value.isdigit() and len(value) == 4:
        value = "0" + value
    return value


def is_valid_postcode(text: object) -> bool:
    """Five digits in the German range (format only; see ``is_known_postcode`` for the table)."""
    value = str(text or "").strip()
    return bool(_FORMAT.match(value)) and value[:2] not in _UNASSIGNED_PREFIXES


@cache
def _table() -> dict[str, Postcode]:
    found: dict[str, Postcode] = {}
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            code, lat, lon, precision, state, place = line.rstrip("\n").split("\t")
            point = (float(lat), float(lon)) if lat and lon else None
            found[code] = Postcode(code, point, precision, state, place)
    return found


def lookup(postcode: object) -> Postcode | None:
    return _table().get(normalise_postcode(postcode))


def is_known_postcode(text: object) -> bool:
    """A valid postcode that exists in the table (assigned by Deutsche Post)."""
    return is_valid_postcode(text) and str(text).strip() in _table()


def centroid(postcode: str) -> Point | None:
    """(lat, lon) of a postcode, or None for an unknown one or one the table cannot place."""
    if not is_valid_postcode(postcode):
        return None
    found = _table().get(postcode.strip())
    return found.point if found else None


def place_name(postcode: str) -> str:
    found = lookup(postcode)
    return found.place if found else ""


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance (haversine) in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def bounding_box(center: Point, km: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box containing every point within ``km``.

    For a cheap database pre-filter; the exact test is ``distance_km`` afterwards.
    """
    if km < 0:
        raise ValueError("km must not be negative")
    lat, lon = center
    dlat = km / KM_PER_DEGREE_LAT
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    dlon = min(180.0, km / (KM_PER_DEGREE_LAT * cos_lat))
    return (lat - dlat, lat + dlat, lon - dlon, lon + dlon)


def within(center: Point, km: float, point: Point | None) -> bool:
    return point is not None and distance_km(center, point) <= km


def postcodes_within(center: Point, km: float) -> list[tuple[str, float]]:
    """Every postcode with a point within ``km`` of ``center``, nearest first."""
    min_lat, max_lat, min_lon, max_lon = bounding_box(center, km)
    found = []
    for entry in _table().values():
        if entry.point is None:
            continue
        lat, lon = entry.point
        if min_lat <= lat <= max_lat and min_lon <= lon <= max_lon:
            distance = distance_km(center, entry.point)
            if distance <= km:
                found.append((entry.code, distance))
    return sorted(found, key=lambda item: (item[1], item[0]))

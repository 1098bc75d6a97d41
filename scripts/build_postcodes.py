"""Build kosmos/knowledge/data/postcodes_de.tsv.gz, the offline postcode centroid table.

Where the data comes from (both packages from PyPI, both built from the
"countries-states-cities-database" by dr5hn, licensed under the Open Database
Licence ODbL 1.0, see kosmos/knowledge/data/SOURCES.md):

- countrystatecity-postal-codes 2.0.1: every German postcode (8,159 distinct
  codes, 12,815 postcode/locality records) with its locality names and federal
  state, but without coordinates (latitude/longitude are null for Germany).
- countrystatecity-countries 2.0.1: 7,107 German places (cities and
  municipalities) with latitude/longitude, per federal state.

How the table is built (nothing is invented, every coordinate is a place
coordinate of the source):

1. Each postcode/locality record is joined to a place of the same federal
   state by name (one alias: the places table says "Munich" for München);
   a name shared by places more than 10 km apart is ambiguous and not used.
   Names are compared exactly first, then normalised
   (lower case, parenthetical and "/..." suffixes dropped, suffixes such as
   " am Main", " an der ...", " bei ..." dropped), with the same ambiguity rule.
2. A postcode's centroid is the mean of its matched localities' coordinates
   (precision "L", locality).
3. A postcode without any matched locality gets the mean of the locality
   centroids of the postcodes sharing its first three digits in the same
   state (precision "R", region: coarse, a few km up to ~20 km off). Codes
   without even that stay in the table without coordinates (precision "-"):
   they are valid postcodes, but distance filters cannot place them.

Run (installs the two packages into a temporary directory, nothing into the venv):

    .venv/bin/python scripts/build_postcodes.py
    .venv/bin/python scripts/build_postcodes.py --source-dir /tmp/pkgs   # already installed
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

PACKAGES = ("countrystatecity-postal-codes==2.0.1", "countrystatecity-countries==2.0.1")
OUT = Path(__file__).resolve().parent.parent / "kosmos" / "knowledge" / "data" / "postcodes_de.tsv.gz"
AMBIGUOUS_KM = 10.0
# The places table spells this one city in English; the postcode table in German.
ALIASES = {"Munich": "München"}

_SUFFIX = re.compile(r"\s+(am|an der|an den|im|in der|in|bei|ob der|vor der|auf der|a\.|i\.|b\.)\s.*$")


def normalise(name: str) -> str:
    name = name.lower().strip()
    name = re.sub(r"\s*\(.*?\)", "", name)
    name = name.split("/")[0]
    name = name.split(",")[0]
    name = _SUFFIX.sub("", name)
    return re.sub(r"\s+", " ", name).strip()


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def load_places(root: Path) -> tuple[dict, dict]:
    exact: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    normal: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    base = root / "countrystatecity_countries" / "data" / "by-country" / "DE" / "states"
    for path in sorted(base.glob("*/cities.json")):
        state = path.parent.name
        for city in json.loads(path.read_text(encoding="utf-8")):
            if city.get("latitude") is None or city.get("longitude") is None:
                continue
            point = (float(city["latitude"]), float(city["longitude"]))
            exact[(state, ALIASES.get(city["name"], city["name"]))].append(point)
            normal[(state, normalise(ALIASES.get(city["name"], city["name"])))].append(point)
    return _unambiguous(exact), _unambiguous(normal)


def _unambiguous(found: dict[tuple[str, str], list[tuple[float, float]]]) -> dict:
    return {
        key: _mean(points)
        for key, points in found.items()
        if all(_km(points[0], p) <= AMBIGUOUS_KM for p in points)
    }


def build(root: Path) -> list[tuple[str, ...]]:
    exact, normal = load_places(root)
    records = json.loads(
        (root / "countrystatecity_postal_codes" / "data" / "by-country" / "DE" / "postcodes.json").read_text(
            encoding="utf-8"
        )
    )
    by_code: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_code[record["code"]].append(record)
    located: dict[str, tuple[float, float]] = {}
    for code, recs in by_code.items():
        points = []
        for rec in recs:
            point = exact.get((rec["stateCode"], rec["localityName"])) or normal.get(
                (rec["stateCode"], normalise(rec["localityName"]))
            )
            if point:
                points.append(point)
        if points:
            located[code] = _mean(points)
    regions: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for code, point in located.items():
        regions[(code[:3], by_code[code][0]["stateCode"])].append(point)
    rows = []
    for code in sorted(by_code):
        recs = by_code[code]
        place = recs[0]["localityName"]
        state = recs[0]["stateCode"]
        if code in located:
            lat, lon = located[code]
            rows.append((code, f"{lat:.4f}", f"{lon:.4f}", "L", state, place))
        elif regions.get((code[:3], state)):
            lat, lon = _mean(regions[(code[:3], state)])
            rows.append((code, f"{lat:.4f}", f"{lon:.4f}", "R", state, place))
        else:
            rows.append((code, "", "", "-", state, place))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, help="directory where the two packages are installed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.source_dir
        if root is None:
            root = Path(tmp)
            subprocess.run(  # noqa: S603 - fixed argument list, our own interpreter
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--no-deps",
                    "--target",
                    str(root),
                    *PACKAGES,
                ],
                check=True,
            )
        rows = build(root)
    header = "# postcode\tlat\tlon\tprecision\tstate\tplace\n"
    body = "".join("\t".join(row) + "\n" for row in rows)
    with gzip.GzipFile(OUT, "wb", mtime=0) as handle:
        handle.write((header + body).encode("utf-8"))
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row[3]] += 1
    print(
        json.dumps(
            {"rows": len(rows), "precision": dict(counts), "bytes": OUT.stat().st_size, "out": str(OUT)}
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

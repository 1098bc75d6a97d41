"""SVG output: well-formed, accessible, CSP-safe, escaped; entries in their ecosystem ring."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kosmos.assessments.domain.charts import (
    SPHERES,
    ChartSeries,
    EcosystemEntry,
    ecosystem_map,
    radar,
)
from kosmos.assessments.domain.model_data import load_model
from kosmos.core.domain.charts import escape

NS = {"svg": "http://www.w3.org/2000/svg"}
AXES = [c.label for c in load_model("efqm2020").criteria]
SPHERE_LABELS = {
    "organisation": "Organisation",
    "stakeholders": "Interessengruppen",
    "market": "Markt",
    "global": "Globales Umfeld/Megatrends",
}


def radar_chart_svg(axes, series, *, title="Ergebnis je Kriterium", description="", id_prefix="radar"):
    """The adapter with the words the Django side passes (German here, as on the page)."""
    return radar(axes, series, title=title, description=description, axis_label="Kriterium",
                 not_rated="nicht bewertet", id_prefix=id_prefix).svg


def ecosystem_svg(entries, *, title="Ecosystem"):
    return ecosystem_map(entries, title=title, description="Ecosystem-Karte.", sphere_labels=SPHERE_LABELS,
                         sphere_heading="Sphäre", entries_heading="Einträge", empty="keine Einträge").svg


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own generated SVG, not untrusted input


def assert_accessible_and_csp_safe(root: ET.Element) -> None:
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title is not None and title.get("id") == title_id and title.text
    assert desc is not None and desc.get("id") == desc_id and desc.text
    for element in root.iter():
        assert "style" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)
        assert element.tag.split("}")[-1] not in {"style", "script", "foreignObject"}


# ---- radar ------------------------------------------------------------------------------------------------


def test_radar_with_one_series_is_well_formed_and_accessible():
    root = parse(radar_chart_svg(AXES, [ChartSeries("Selbstbewertung 2024", [40, 35, 30, 30, 25, 30, 25])]))
    assert_accessible_and_csp_safe(root)
    series = root.findall(".//svg:g[@class='radar-series radar-series-1']", NS)
    assert len(series) == 1
    polygon = series[0].find("svg:polygon", NS)
    assert len(polygon.get("points").split()) == 7
    assert len(series[0].findall("svg:circle", NS)) == 7
    desc = root.find("svg:desc", NS).text
    assert (
        "1 Zweck, Vision und Strategie: 40 %" in desc
        and "7 Strategie- und leistungsbezogene Ergebnisse: 25 %" in desc
    )


def test_radar_with_two_cycles_draws_two_distinguishable_series_and_a_legend():
    svg = radar_chart_svg(
        AXES,
        [
            ChartSeries("Zyklus 2023", [40, 35, 30, 30, 25, 30, 25]),
            ChartSeries("Zyklus 2025", [55, 45, 40, 35, 40, None, 37.5]),
        ],
        title="Vergleich zweier Zyklen",
        description="Zwei Selbstbewertungen im Vergleich.",
        id_prefix="cmp 1",
    )
    root = parse(svg)
    assert_accessible_and_csp_safe(root)
    assert root.get("id") == "cmp-1"
    polygons = [
        g.find("svg:polygon", NS)
        for g in root.findall(".//svg:g", NS)
        if "radar-series" in (g.get("class") or "")
    ]
    assert len(polygons) == 2
    assert polygons[0].get("stroke") != polygons[1].get("stroke")
    assert polygons[1].get("stroke-dasharray")  # not distinguishable by colour alone
    legend = [t.text for t in root.findall(".//svg:g[@class='radar-legend']/svg:text", NS)]
    assert legend == ["Zyklus 2023", "Zyklus 2025"]
    desc = root.find("svg:desc", NS).text
    assert desc.startswith("Zwei Selbstbewertungen im Vergleich.")
    assert "6 Wahrnehmung der Interessengruppen: nicht bewertet" in desc and "37,5 %" in desc
    second = root.find(".//svg:g[@class='radar-series radar-series-2']", NS)
    assert len(second.findall("svg:rect", NS)) == 6  # square markers; none for the unrated criterion


def test_radar_points_lie_at_the_right_distance():
    root = parse(radar_chart_svg(["a", "b", "c", "d"], [ChartSeries("s", [100, 50, 0, 25])]))
    grid = root.find(".//svg:g[@class='radar-grid']/svg:polygon[last()]", NS)  # the 100 % ring
    outer = [tuple(map(float, p.split(","))) for p in grid.get("points").split()]
    polygon = root.find(".//svg:g[@class='radar-series radar-series-1']/svg:polygon", NS)
    points = [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]
    cx, cy = points[2]  # 0 % lies in the centre
    full = math.dist((cx, cy), outer[0])
    assert math.dist((cx, cy), points[0]) == pytest.approx(full, abs=0.2)
    assert math.dist((cx, cy), points[1]) == pytest.approx(full / 2, abs=0.2)
    assert math.dist((cx, cy), points[3]) == pytest.approx(full / 4, abs=0.2)


def test_radar_escapes_all_text():
    evil = "<script>alert(\"x\")</script> & 'Kund:innen'\x00\x1b"
    svg = radar_chart_svg([evil, "b", "c"], [ChartSeries(evil, [10, 20, 30])], title=evil, description=evil)
    assert "<script>" not in svg and "\x00" not in svg
    root = parse(svg)
    assert_accessible_and_csp_safe(root)
    assert root.find("svg:title", NS).text == "<script>alert(\"x\")</script> & 'Kund:innen'"
    assert "&lt;script&gt;" in svg


@pytest.mark.parametrize(
    ("axes", "series"),
    [
        (["a", "b"], [ChartSeries("s", [1, 2])]),
        (["a", "b", "c"], [ChartSeries("s", [1, 2])]),
        (["a", "b", "c"], [ChartSeries("s", [1, 2, 120])]),
        (["a", "b", "c"], []),
        (["a", "b", "c"], [ChartSeries(str(i), [1, 2, 3]) for i in range(5)]),
    ],
)
def test_radar_rejects_invalid_input(axes, series):
    with pytest.raises(ValueError):
        radar_chart_svg(axes, series)


@given(st.text(max_size=60), st.lists(st.integers(0, 100) | st.none(), min_size=3, max_size=3))
def test_radar_is_well_formed_for_any_label(label, values):
    root = parse(radar_chart_svg([label, "b", "c"], [ChartSeries(label, values)], title=f"Ergebnis {label}"))
    assert_accessible_and_csp_safe(root)


# ---- ecosystem ------------------------------------------------------------------------------------------

ENTRIES = [
    EcosystemEntry("organisation", "Geschäftsführung"),
    EcosystemEntry("organisation", "Personalrat"),
    EcosystemEntry("stakeholders", "Kund:innen"),
    EcosystemEntry("stakeholders", "Arbeitgeber"),
    EcosystemEntry("stakeholders", "Träger"),
    EcosystemEntry("stakeholders", "BA und Kommune"),
    EcosystemEntry("stakeholders", "Netzwerkpartner"),
    ("market", "Agentur für Arbeit"),  # plain (sphere code, label) tuples are accepted
    EcosystemEntry("market", "Kammern"),
    EcosystemEntry("global", "Fachkräftemangel"),
    EcosystemEntry("global", "Demografischer Wandel"),
    EcosystemEntry("global", "Digitalisierung & KI"),
]


def circles_by_sphere(root: ET.Element) -> dict[str, ET.Element]:
    return {
        c.get("class").split("sphere-")[1]: c
        for c in root.findall(".//svg:g[@class='ecosystem-spheres']/svg:circle", NS)
    }


def test_ecosystem_has_four_concentric_spheres_from_organisation_outwards():
    root = parse(ecosystem_svg(ENTRIES))
    assert_accessible_and_csp_safe(root)
    circles = circles_by_sphere(root)
    assert list(circles) == ["global", "market", "stakeholders", "organisation"]  # drawn outside-in
    radii = [float(circles[code].get("r")) for code in SPHERES]
    assert radii == sorted(radii) and len(set(radii)) == 4
    centres = {(c.get("cx"), c.get("cy")) for c in circles.values()}
    assert len(centres) == 1
    labels = [t.text for t in root.findall(".//svg:text[@class='sphere-label']", NS)]
    assert labels == ["Organisation", "Interessengruppen", "Markt", "Globales Umfeld/Megatrends"]


def test_ecosystem_entries_are_placed_inside_their_ring():
    root = parse(ecosystem_svg(ENTRIES))
    circles = circles_by_sphere(root)
    cx, cy = float(circles["organisation"].get("cx")), float(circles["organisation"].get("cy"))
    bounds = {}
    inner = 0.0
    for code in SPHERES:
        outer = float(circles[code].get("r"))
        bounds[code] = (inner, outer)
        inner = outer
    entries = root.findall(".//svg:g[@class='ecosystem-entries']/svg:g", NS)
    assert len(entries) == len(ENTRIES)
    for entry in entries:
        sphere = entry.get("class").split("entry-")[1]
        marker = entry.find("svg:circle", NS)
        distance = math.dist((cx, cy), (float(marker.get("cx")), float(marker.get("cy"))))
        lo, hi = bounds[sphere]
        assert lo < distance < hi, (entry.find("svg:title", NS).text, sphere, distance, bounds[sphere])
    market = [e.find("svg:title", NS).text for e in entries if e.get("class") == "entry entry-market"]
    assert market == ["Agentur für Arbeit", "Kammern"]


def test_ecosystem_escapes_text_and_wraps_long_labels_without_cutting_them():
    long_label = "Regionale Arbeitsmarktpolitik <Land> & kommunale Strukturförderung"
    svg = ecosystem_svg([("global", long_label)], title="Ecosystem <Jobcenter>")
    root = parse(svg)
    assert_accessible_and_csp_safe(root)
    assert root.find("svg:title", NS).text == "Ecosystem <Jobcenter>"
    entry = root.find(".//svg:g[@class='entry entry-global']", NS)
    assert entry.find("svg:title", NS).text == long_label
    lines = [t.text for t in entry.findall("svg:text/svg:tspan", NS)]
    assert len(lines) > 1 and " ".join(lines).replace("- ", "") == long_label  # wrapped, not shortened
    assert long_label in root.find("svg:desc", NS).text


LONG_ENTRIES = [
    ("organisation", "Geschäftsführung und Bereichsleitungen"),
    ("organisation", "Personalrat und Gleichstellungsbeauftragte"),
    ("stakeholders", "Kund:innen in der Grundsicherung für Arbeitsuchende"),
    ("stakeholders", "Arbeitgeber und Unternehmensverbände der Region"),
    ("stakeholders", "Bildungsträger und Maßnahmeträger"),
    ("stakeholders", "Netzwerkpartner der kommunalen Eingliederungsleistungen"),
    ("market", "Agentur für Arbeit und Familienkasse"),
    ("market", "Industrie- und Handelskammer, Handwerkskammer"),
    ("market", "Private Arbeitsvermittlungen"),
    ("global", "Fachkräftemangel in Pflege, Handwerk und Logistik"),
    ("global", "Demografischer Wandel und alternde Belegschaften"),
    ("global", "Digitalisierung, künstliche Intelligenz und Onlinezugangsgesetz"),
]


def test_long_ecosystem_labels_stay_inside_their_ring_whole_and_apart():
    # Issue 15: labels stood outside the ring or were cut. Check every line's extent (the kit's own
    # width estimate for font size 11) against the radii of the entry's sphere.
    from kosmos.assessments.domain.charts import CHAR_WIDTH, LINE_HEIGHT

    root = parse(ecosystem_svg(LONG_ENTRIES))
    circles = circles_by_sphere(root)
    cx, cy = float(circles["organisation"].get("cx")), float(circles["organisation"].get("cy"))
    width = float(root.get("viewBox").split()[2]) if root.get("viewBox") else float(root.get("width"))
    bounds, inner = {}, 0.0
    for code in SPHERES:
        outer = float(circles[code].get("r"))
        bounds[code] = (inner, outer)
        inner = outer
    boxes = []
    for entry in root.findall(".//svg:g[@class='ecosystem-entries']/svg:g", NS):
        sphere = entry.get("class").split("entry-")[1]
        label = entry.find("svg:title", NS).text
        text = entry.find("svg:text", NS)
        lines = [t.text for t in text.findall("svg:tspan", NS)]
        assert "…" not in "".join(lines)
        assert " ".join(lines).replace("- ", "") == label.replace("- ", ""), lines
        x, y = float(text.get("x")), float(text.get("y"))
        lo, hi = bounds[sphere]
        half = max(CHAR_WIDTH * len(line) for line in lines) / 2
        for i in range(len(lines)):
            top, bottom = y + i * LINE_HEIGHT - 10, y + i * LINE_HEIGHT + 3
            for corner in ((x - half, top), (x + half, top), (x - half, bottom), (x + half, bottom)):
                assert math.dist((cx, cy), corner) < hi, (label, sphere, "outside its ring")
                assert 0 <= corner[0] <= width
            nearest = math.dist((cx, cy), (min(max(cx, x - half), x + half), min(max(cy, top), bottom)))
            assert lo == 0 or nearest > lo, (label, sphere, "inside the inner ring")
        boxes.append((label, x - half, y - 10, x + half, y + (len(lines) - 1) * LINE_HEIGHT + 3))
    assert len(boxes) == len(LONG_ENTRIES)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
            assert apart, (a[0], b[0], "overlap")


def test_ecosystem_description_lists_empty_spheres():
    desc = parse(ecosystem_svg([])).find("svg:desc", NS).text
    assert "Organisation: keine Einträge;" in desc and "Globales Umfeld/Megatrends: keine Einträge." in desc


def test_ecosystem_data_table_lists_every_sphere_with_its_entries():
    chart = ecosystem_map(ENTRIES, title="Ecosystem", description="", sphere_labels=SPHERE_LABELS,
                          sphere_heading="Sphäre", entries_heading="Einträge", empty="keine Einträge")
    assert chart.table.header == ("Sphäre", "Einträge")
    assert chart.table.rows[0] == ("Organisation", "Geschäftsführung, Personalrat")
    assert chart.table.rows[2] == ("Markt", "Agentur für Arbeit, Kammern")


def test_unknown_sphere_is_rejected():
    with pytest.raises(ValueError, match="unknown sphere"):
        ecosystem_svg([("Weltall", "Sterne")])


@given(st.lists(st.tuples(st.sampled_from(SPHERES), st.text(max_size=50)), max_size=25))
def test_ecosystem_is_well_formed_for_any_entries(entries):
    root = parse(ecosystem_svg(entries))
    assert_accessible_and_csp_safe(root)


def test_escape_handles_quotes_and_invalid_characters():
    assert escape("a\"b'c<d>&\x07") == "a&quot;b&#39;c&lt;d&gt;&amp;"

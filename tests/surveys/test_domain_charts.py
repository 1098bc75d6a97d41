"""Survey charts (adapter over the core chart kit): values, shares, tables, escaping (pure)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.core.domain.charts.colours import SCALES
from kosmos.surveys.domain.charts import (
    Bar,
    ChartLabels,
    LikertRow,
    WaveItem,
    bar_chart,
    likert_chart,
    wave_chart,
)

SVG = "{http://www.w3.org/2000/svg}"
LEVELS = ["Stimme gar nicht zu", "Stimme eher nicht zu", "Teils, teils", "Stimme eher zu", "Stimme voll zu"]
LABELS = ChartLabels(
    suppressed="nicht angezeigt (Schutz kleiner Gruppen)",
    answer="Antwort",
    count="Anzahl",
    share="Anteil",
    statement="Aussage",
    question="Frage",
    change="Veränderung",
    no_answer="Keine Angabe",
    percentage_points="Prozentpunkte",
    rounding_note="Die Anteile sind gerundet.",
    likert_note="Anteile ohne »Keine Angabe«.",
    bar_chart="Balkendiagramm",
    likert_chart="Gestapeltes Balkendiagramm",
    wave_chart="Vergleich zweier Befragungen",
    table_caption="Daten des Diagramms: %(title)s",
)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output


def all_text(root: ET.Element) -> str:
    return " ".join("".join(el.itertext()) for el in root.iter(f"{SVG}text"))


def check_accessible_and_csp_safe(svg: str, chart_id: str) -> ET.Element:
    root = parse(svg)
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby", "").split()
    assert ids == [f"{chart_id}-title", f"{chart_id}-desc"]
    assert root.find(f"{SVG}title").get("id") == ids[0]
    assert root.find(f"{SVG}desc").get("id") == ids[1]
    assert root.find(f"{SVG}desc").text
    assert "style" not in svg  # neither attribute nor element: strict CSP
    assert "<script" not in svg and "on" not in {a[:2] for el in root.iter() for a in el.attrib}
    return root


def test_bar_chart_shows_every_value_as_text_and_its_table() -> None:
    bars = [Bar("Smartphone", 120), Bar("Computer", 64), Bar("Keines", None)]
    chart = bar_chart("geraete", "Welche Geräte haben Sie?", bars, base=150, labels=LABELS)
    root = check_accessible_and_csp_safe(chart.svg, "geraete")
    text = all_text(root)
    assert "80\u00a0% (120)" in text and "43\u00a0% (64)" in text
    assert "nicht angezeigt" in text
    assert len([r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]) == 2  # none if hidden
    assert "80\u00a0% (120)" in root.find(f"{SVG}desc").text
    assert chart.table.caption == "Daten des Diagramms: Welche Geräte haben Sie?"
    assert chart.table.header == ("Antwort", "Anzahl", "Anteil")
    assert chart.table.rows[0] == ("Smartphone", "120", "80\u00a0%")
    assert chart.table.rows[2][1].startswith("nicht angezeigt")
    assert "gerundet" in chart.table.note


def test_likert_chart_stacks_to_100_percent_with_legend_labels() -> None:
    rows = [LikertRow("Ich erreiche das Jobcenter gut am Telefon.", [5, 10, 12, 20, 13], no_answer=4)]
    rows.append(LikertRow("Kleine Gruppe", None))
    chart = likert_chart("erreichbarkeit", "Erreichbarkeit", LEVELS, rows, labels=LABELS)
    root = check_accessible_and_csp_safe(chart.svg, "erreichbarkeit")
    text = all_text(root)
    for level in LEVELS:
        assert level in text  # legend: colour is not the only carrier
    segments = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(segments) == 5
    assert sum(float(r.get("width")) for r in segments) == pytest.approx(360, abs=0.5)
    assert {r.get("fill") for r in segments} == set(SCALES[5])
    assert "n\u00a0=\u00a060" in text
    assert "Keine Angabe: 4" in root.find(f"{SVG}desc").text
    assert "nicht angezeigt" in text


def test_likert_table_rows_and_validation() -> None:
    chart = likert_chart("t", "Erreichbarkeit", LEVELS, [LikertRow("Telefon", [1, 1, 0, 0, 2], no_answer=3)],
                         labels=LABELS)
    assert chart.table.header == ("Aussage", *LEVELS, "Keine Angabe", "n")
    assert chart.table.rows[0] == (
        "Telefon",
        "25\u00a0% (1)",
        "25\u00a0% (1)",
        "0\u00a0% (0)",
        "0\u00a0% (0)",
        "50\u00a0% (2)",
        "3",
        "4",
    )
    with pytest.raises(ValueError, match="counts for 5 levels"):
        likert_chart("x", "x", LEVELS, [LikertRow("falsch", [1, 2])], labels=LABELS)
    with pytest.raises(ValueError):
        likert_chart("x", "x", ["a"] * 9, [], labels=LABELS)


def test_wave_chart_labels_each_bar_with_its_wave() -> None:
    items = [WaveItem("Ich verstehe die Briefe.", 45, 58), WaveItem("Respekt", 70, None)]
    chart = wave_chart("wellen", "Zustimmung", items, labels=LABELS)
    root = check_accessible_and_csp_safe(chart.svg, "wellen")
    text = all_text(root)
    assert "t0: 45\u00a0%" in text and "t1: 58\u00a0%" in text
    assert "t1: nicht angezeigt" in text
    means = wave_chart("mittel", "Mittelwerte", [WaveItem("Briefe", 3.25, 3.5)], unit="mean", maximum=5,
                       labels=LABELS)
    assert "t0: 3,3" in all_text(parse(means.svg))
    assert chart.table.header == ("Frage", "t0", "t1", "Veränderung")
    assert chart.table.rows[0] == ("Ich verstehe die Briefe.", "45\u00a0%", "58\u00a0%", "+13\u00a0Prozentpunkte")
    assert chart.table.rows[1][3] == ""


def test_text_is_escaped_and_ids_are_checked() -> None:
    evil = '<script>alert("x")</script> & "Anführung" \x00\x1b'
    chart = bar_chart("evil", evil, [Bar(evil, 5)], description=evil, labels=LABELS)
    root = check_accessible_and_csp_safe(chart.svg, "evil")
    assert root.find(f"{SVG}title").text == '<script>alert("x")</script> & "Anführung"'
    with pytest.raises(ValueError, match="Chart id"):
        bar_chart('x" onload="alert(1)', "t", [], labels=LABELS)
    with pytest.raises(ValueError):
        wave_chart("w", "t", [], unit="kg", labels=LABELS)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=80), st.one_of(st.none(), st.integers(0, 500))), max_size=8))
def test_any_labels_give_well_formed_svg(data: list[tuple[str, int | None]]) -> None:
    chart = bar_chart("prop", "Titel", [Bar(label, n) for label, n in data], labels=LABELS)
    root = parse(chart.svg)
    assert root.get("role") == "img"
    assert "style" not in chart.svg
    assert len(chart.table.rows) == len(data)

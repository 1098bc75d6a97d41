"""SVG charts: well-formed, accessible, CSP-safe, escaped (pure)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.surveys.domain.charts import (
    AXIS,
    BAR,
    PALETTES,
    TEXT,
    WAVE_COLOURS,
    WHITE,
    Bar,
    LikertRow,
    WaveItem,
    bar_chart,
    bar_table,
    contrast_ratio,
    distinguishable,
    likert_chart,
    likert_table,
    wave_chart,
    wave_table,
    wrap,
)

SVG = "{http://www.w3.org/2000/svg}"
LEVELS = ["Stimme gar nicht zu", "Stimme eher nicht zu", "Teils, teils", "Stimme eher zu", "Stimme voll zu"]


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


def test_bar_chart_shows_every_value_as_text() -> None:
    bars = [Bar("Smartphone", 120), Bar("Computer", 64), Bar("Keines", None)]
    svg = bar_chart("geraete", "Welche Geräte haben Sie?", bars, base=150)
    root = check_accessible_and_csp_safe(svg, "geraete")
    text = all_text(root)
    assert "80\u00a0% (120)" in text and "43\u00a0% (64)" in text
    assert "nicht angezeigt" in text
    assert len(root.findall(f"{SVG}rect")) == 2  # no bar for the suppressed group
    assert "80\u00a0% (120)" in root.find(f"{SVG}desc").text


def test_bar_table_rows() -> None:
    table = bar_table("Geräte", [Bar("Smartphone", 120), Bar("Keines", None)], base=150)
    assert table.header == ("Antwort", "Anzahl", "Anteil")
    assert table.rows[0] == ("Smartphone", "120", "80\u00a0%")
    assert table.rows[1][1].startswith("nicht angezeigt")
    assert "gerundet" in table.note


def test_likert_chart_stacks_to_100_percent_with_legend_labels() -> None:
    rows = [LikertRow("Ich erreiche das Jobcenter gut am Telefon.", [5, 10, 12, 20, 13], no_answer=4)]
    rows.append(LikertRow("Kleine Gruppe", None))
    svg = likert_chart("erreichbarkeit", "Erreichbarkeit", LEVELS, rows)
    root = check_accessible_and_csp_safe(svg, "erreichbarkeit")
    text = all_text(root)
    for level in LEVELS:
        assert level in text  # legend: colour is not the only carrier
    segments = [r for r in root.findall(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(segments) == 5
    assert sum(float(r.get("width")) for r in segments) == pytest.approx(360, abs=0.5)
    assert {r.get("fill") for r in segments} == set(PALETTES[5])
    assert "n\u00a0=\u00a060" in text
    assert "Keine Angabe: 4" in root.find(f"{SVG}desc").text


def test_likert_table_rows_and_validation() -> None:
    table = likert_table("Erreichbarkeit", LEVELS, [LikertRow("Telefon", [1, 1, 0, 0, 2], no_answer=3)])
    assert table.header == ("Aussage", *LEVELS, "Keine Angabe", "n")
    assert table.rows[0] == (
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
        likert_chart("x", "x", LEVELS, [LikertRow("falsch", [1, 2])])
    with pytest.raises(ValueError):
        likert_chart("x", "x", ["a"] * 9, [])


def test_wave_chart_labels_each_bar_with_its_wave() -> None:
    items = [WaveItem("Ich verstehe die Briefe.", 45, 58), WaveItem("Respekt", 70, None)]
    svg = wave_chart("wellen", "Zustimmung", items)
    root = check_accessible_and_csp_safe(svg, "wellen")
    text = all_text(root)
    assert "t0: 45\u00a0%" in text and "t1: 58\u00a0%" in text
    assert "t1: nicht angezeigt" in text
    means = wave_chart("mittel", "Mittelwerte", [WaveItem("Briefe", 3.25, 3.5)], unit="mean", maximum=5)
    assert "t0: 3,3" in all_text(parse(means))
    table = wave_table("Zustimmung", items)
    assert table.header == ("Frage", "t0", "t1", "Veränderung")
    assert table.rows[0] == ("Ich verstehe die Briefe.", "45\u00a0%", "58\u00a0%", "+13\u00a0Prozentpunkte")
    assert table.rows[1][3] == ""


def test_text_is_escaped_and_ids_are_checked() -> None:
    evil = '<script>alert("x")</script> & "Anführung" \x00\x1b'
    svg = bar_chart("evil", evil, [Bar(evil, 5)], description=evil)
    root = check_accessible_and_csp_safe(svg, "evil")
    assert root.find(f"{SVG}title").text == '<script>alert("x")</script> & "Anführung" '
    with pytest.raises(ValueError, match="Chart id"):
        bar_chart('x" onload="alert(1)', "t", [])
    with pytest.raises(ValueError):
        wave_chart("w", "t", [], unit="kg")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=80), st.one_of(st.none(), st.integers(0, 500))), max_size=8))
def test_any_labels_give_well_formed_svg(data: list[tuple[str, int | None]]) -> None:
    svg = bar_chart("prop", "Titel", [Bar(label, n) for label, n in data])
    root = parse(svg)
    assert root.get("role") == "img"
    assert "style" not in svg


def test_colours_meet_contrast_and_are_distinguishable() -> None:
    for colour in [BAR, *WAVE_COLOURS, *(c for p in PALETTES.values() for c in p)]:
        assert contrast_ratio(colour, WHITE) >= 4.5, colour  # white labels inside bars stay readable
    assert contrast_ratio(TEXT, WHITE) >= 4.5
    assert contrast_ratio(AXIS, WHITE) >= 3  # non-text contrast
    for colours in PALETTES.values():
        assert len(set(colours)) == len(colours)
        for left, right in zip(colours, colours[1:], strict=False):
            assert distinguishable(left, right), (left, right)
    assert distinguishable(*WAVE_COLOURS)
    assert not distinguishable("#666666", "#6b6b6b")


def test_wrap_keeps_words_and_cuts_only_overlong_ones() -> None:
    assert wrap("Ich erreiche das Jobcenter gut am Telefon.", 16) == [
        "Ich erreiche das",
        "Jobcenter gut am",
        "Telefon.",
    ]
    assert wrap("Leistungsberechtigtenbefragung", 10) == ["Leistungs-", "berechtig-", "tenbefrag-", "ung"]
    assert wrap("", 10) == [""]

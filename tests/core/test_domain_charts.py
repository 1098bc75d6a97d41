"""The shared SVG chart kit: every chart type is well-formed, named, described, escaped, CSP-safe,
wraps long labels, and its data table holds the same values (pure, no database)."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.core.domain.charts import (
    Chart,
    Series,
    StackedRow,
    Target,
    TimeNote,
    bar_chart,
    line_chart,
    matrix_chart,
    number_format,
    percent_format,
    radar_chart,
    safe_id,
    stacked_bar_chart,
    wrap,
)
from kosmos.core.domain.charts.colours import HEAT, SERIES
from kosmos.core.domain.charts.line import nice_ticks

SVG = "{http://www.w3.org/2000/svg}"
EVIL = 'Kund:innen <script>alert("x")</script> & Träger'
LONG = "Zusammenarbeit mit Arbeitgebern und Netzwerkpartnern in der Region Südbaden und der Ortenau"
MARCH = "03/2025 nach der Umstellung der Telefonanlage"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(f"{SVG}text")]


def radar(label: str = "Führung") -> Chart:
    return radar_chart(chart_id="radar", title=f"Ergebnis {label}", description=f"Beschreibung {label}",
                       axis_label="Kriterium", axes=[label, "Strategie", "Ergebnisse", LONG],
                       series=[Series(f"Zyklus {label}", [40, None, 62.5, 100]), Series("2023", [20, 30, 40, 50])],
                       missing="nicht bewertet")


def bars(label: str = "Telefon", vertical: bool = False) -> Chart:
    return bar_chart(chart_id="bars", title=f"Kontaktwege {label}", description=f"Beschreibung {label}",
                     category_label="Kanal", categories=[label, "E-Mail", LONG],
                     series=[Series("2024", [12, 1234.5, None])], fmt=number_format(1), missing="verborgen",
                     vertical=vertical)


def grouped(label: str = "Telefon", vertical: bool = False) -> Chart:
    return bar_chart(chart_id="grouped", title=f"Wellen {label}", description="",
                     category_label="Frage", categories=[label, LONG],
                     series=[Series(f"t0 {label}", [45, 70]), Series("t1", [58, None])], maximum=100,
                     fmt=percent_format(), missing="verborgen", vertical=vertical)


def stacked(label: str = "Telefon") -> Chart:
    return stacked_bar_chart(chart_id="stacked", title=f"Zufriedenheit {label}", description="",
                             category_label="Aussage", levels=["nein", f"teils {label}", "ja"],
                             rows=[StackedRow(label, [1, 1, 2], note="n = 4"), StackedRow(LONG, None)],
                             share_format=percent_format(), missing="verborgen", note_label="n")


def line(label: str = "Telefon") -> Chart:
    return line_chart(chart_id="line", title=f"Nutzung {label}", description="",
                      time_label="Monat", points=["01/2025", "02/2025", MARCH],
                      series=[Series(label, [10, None, 30]), Series("E-Mail", [5, 15, 25])],
                      target=Target(20, f"Ziel {label}"), notes=[TimeNote(1, f"{label}: neue Anlage")],
                      notes_label="Hinweis", target_label="Ziel")


def matrix(label: str = "hoch") -> Chart:
    return matrix_chart(chart_id="matrix", title=f"Wirkung × Aufwand {label}", description="",
                        corner_label="Wirkung", rows=[label, "gering"], columns=["gering", LONG],
                        values=[[3, 0], [None, 1]], missing="–", row_axis="Wirkung", column_axis="Aufwand")


BUILDERS: dict[str, Callable[..., Chart]] = {
    "radar": radar,
    "bars": bars,
    "columns": lambda label="Telefon": bars(label, vertical=True),
    "grouped": grouped,
    "grouped-columns": lambda label="Telefon": grouped(label, vertical=True),
    "stacked": stacked,
    "line": line,
    "matrix": matrix,
}


@pytest.mark.parametrize("kind", BUILDERS)
def test_every_chart_is_well_formed_named_described_and_csp_safe(kind: str) -> None:
    chart = BUILDERS[kind]()
    root = parse(chart.svg)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id and root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").get("id") == desc_id and root.find(f"{SVG}desc").text
    assert "style" not in chart.svg  # no style attribute, no <style> element
    for element in root.iter():
        assert element.tag.split("}")[-1] not in {"script", "foreignObject"}
        assert not any(name.startswith("on") for name in element.attrib)
    assert chart.__html__() == chart.svg


@pytest.mark.parametrize("kind", BUILDERS)
def test_every_text_is_escaped(kind: str) -> None:
    chart = BUILDERS[kind](EVIL)
    assert "<script>" not in chart.svg and "&lt;script&gt;" in chart.svg and "&amp; Träger" in chart.svg
    root = parse(chart.svg)
    assert EVIL in root.find(f"{SVG}title").text
    assert any("&" in t for t in texts(root)) or EVIL in root.find(f"{SVG}desc").text
    assert any(EVIL in "".join(cell for row in chart.table.rows for cell in row) or EVIL in h
               for h in (*chart.table.header, chart.table.caption))


@pytest.mark.parametrize("kind", BUILDERS)
def test_long_labels_are_wrapped(kind: str) -> None:
    root = parse(BUILDERS[kind]().svg)
    multi_line = [el for el in root.iter(f"{SVG}text") if len(el.findall(f"{SVG}tspan")) > 1]
    assert multi_line, "the long label should be split over several lines"
    width = float(root.get("width"))
    for el in root.iter(f"{SVG}text"):
        for span in el.findall(f"{SVG}tspan"):  # every line fits into the chart (average glyph: 0.56 em)
            assert len(span.text or "") * float(el.get("font-size")) * 0.56 <= width


@pytest.mark.parametrize("kind", BUILDERS)
def test_the_description_carries_every_table_value(kind: str) -> None:
    chart = BUILDERS[kind]()
    desc = parse(chart.svg).find(f"{SVG}desc").text
    for row in chart.table.rows:
        assert row[0] in desc
        for cell in row[1:]:
            assert cell in desc


def test_radar_table_and_geometry() -> None:
    chart = radar()
    assert chart.table.header == ("Kriterium", "Zyklus Führung", "2023")
    assert chart.table.rows[0] == ("Führung", "40\u00a0%", "20\u00a0%")
    assert chart.table.rows[1] == ("Strategie", "nicht bewertet", "30\u00a0%")
    assert chart.table.rows[2][1] == "62,5\u00a0%"
    root = parse(chart.svg)
    first = root.find(f".//{SVG}g[@class='radar-series radar-series-1']")
    points = [tuple(map(float, p.split(","))) for p in first.find(f"{SVG}polygon").get("points").split()]
    centre = points[1]  # the unrated value sits in the centre
    assert math.dist(centre, points[3]) == pytest.approx(2.5 * math.dist(centre, points[0]), rel=0.01)
    assert len(first.findall(f"{SVG}circle")) == 3  # no marker for the unrated value
    second = root.find(f".//{SVG}g[@class='radar-series radar-series-2']/{SVG}polygon")
    assert second.get("stroke-dasharray")  # series differ by more than colour
    with pytest.raises(ValueError):
        radar_chart(chart_id="r", title="t", description="", axis_label="a", axes=["a", "b"],
                    series=[Series("s", [1, 2])])
    with pytest.raises(ValueError):
        radar_chart(chart_id="r", title="t", description="", axis_label="a", axes=["a", "b", "c"],
                    series=[Series("s", [1, 2, 101])])


def test_bar_table_rows_match_the_values_and_hidden_values_have_no_bar() -> None:
    chart = bars()
    assert chart.table.header == ("Kanal", "2024")
    assert chart.table.rows == (("Telefon", "12,0"), ("E-Mail", "1.234,5"), (LONG, "verborgen"))
    root = parse(chart.svg)
    value_bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(value_bars) == 2
    widths = [float(r.get("width")) for r in value_bars]
    assert widths[0] / widths[1] == pytest.approx(12 / 1234.5, rel=0.05)
    assert "1.234,5" in texts(root)


def test_vertical_bars_grow_from_the_baseline() -> None:
    root = parse(bars(vertical=True).svg)
    value_bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    bottoms = {round(float(r.get("y")) + float(r.get("height")), 1) for r in value_bars}
    assert len(bottoms) == 1
    assert float(value_bars[1].get("height")) > float(value_bars[0].get("height"))


def test_grouped_bars_use_patterns_a_legend_and_name_each_value() -> None:
    chart = grouped()
    root = parse(chart.svg)
    assert root.find(f"{SVG}defs/{SVG}pattern") is not None  # the second series is hatched
    fills = {r.get("fill") for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None}
    assert any(f.startswith("url(#grouped-pattern-") for f in fills) and SERIES[0].colour in fills
    shown = texts(root)
    assert "t0 Telefon" in shown and "t1" in shown  # legend
    assert "t1: 58\u00a0%" in shown and "t1: verborgen" in shown
    assert chart.table.rows[1] == (LONG, "70\u00a0%", "verborgen")


def test_stacked_bars_split_each_row_by_its_shares() -> None:
    chart = stacked()
    assert chart.table.header == ("Aussage", "nein", "teils Telefon", "ja", "n")
    assert chart.table.rows[0] == ("Telefon", "25\u00a0%", "25\u00a0%", "50\u00a0%", "n = 4")
    assert chart.table.rows[1][:2] == (LONG, "verborgen")
    root = parse(chart.svg)
    segments = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    widths = [float(r.get("width")) for r in segments]
    assert widths[2] == pytest.approx(2 * widths[0], abs=0.2) and sum(widths) == pytest.approx(360, abs=0.5)
    assert "50\u00a0%" in texts(root)
    with pytest.raises(ValueError, match="values for 3 levels"):
        stacked_bar_chart(chart_id="s", title="t", description="", category_label="a", levels=["a", "b", "c"],
                          rows=[StackedRow("x", [1])], share_format=percent_format())


def test_line_chart_has_target_notes_and_breaks_at_missing_values() -> None:
    chart = line()
    assert chart.table.header == ("Monat", "Telefon", "E-Mail", "Ziel", "Hinweis")
    assert chart.table.rows == (
        ("01/2025", "10", "5", "20", ""),
        ("02/2025", "–", "15", "20", "Telefon: neue Anlage"),
        (MARCH, "30", "25", "20", ""),
    )
    root = parse(chart.svg)
    first = root.find(f".//{SVG}g[@class='line-series line-series-1']")
    assert first.find(f"{SVG}polyline") is None  # 10, –, 30: no line across the gap
    assert len(first.findall(f"{SVG}circle")) == 2
    second = root.find(f".//{SVG}g[@class='line-series line-series-2']/{SVG}polyline")
    assert len(second.get("points").split()) == 3 and second.get("stroke-dasharray")
    shown = texts(root)
    assert "Ziel Telefon: 20" in shown and "1 Telefon: neue Anlage" in shown
    target = [el for el in root.iter(f"{SVG}line") if el.get("stroke-dasharray") == "10 3 2 3"]
    assert len(target) == 1
    with pytest.raises(ValueError):
        line_chart(chart_id="l", title="t", description="", time_label="m", points=["a"],
                   series=[Series("s", [1])], notes=[TimeNote(3, "x")])
    with pytest.raises(ValueError):
        line_chart(chart_id="l", title="t", description="", time_label="m", points=["a", "b"],
                   series=[Series("s", [1, 2])], positions=[2, 1])


def test_value_axis_ticks_are_round_numbers_that_cover_the_data() -> None:
    assert nice_ticks(0, 30) == [0, 5, 10, 15, 20, 25, 30]
    assert nice_ticks(0, 1234.5) == [0, 250, 500, 750, 1000, 1250]
    assert nice_ticks(10, 37.5) == [10, 15, 20, 25, 30, 35, 40]
    root = parse(line().svg)
    ticks = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert ticks == ["0", "5", "10", "15", "20", "25", "30"]


def test_matrix_cells_carry_their_value_and_a_readable_text_colour() -> None:
    chart = matrix()
    assert chart.table.header == ("Wirkung", "gering", LONG)
    assert chart.table.rows == (("hoch", "3", "0"), ("gering", "–", "1"))
    root = parse(chart.svg)
    cells = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert [r.get("fill") for r in cells] == [HEAT[-1], HEAT[0], "#ffffff", HEAT[2]]
    assert cells[0].find(f"{SVG}title").text == "hoch – gering: 3"
    assert {"Wirkung", "Aufwand"} <= set(texts(root))
    with pytest.raises(ValueError):
        matrix_chart(chart_id="m", title="t", description="", corner_label="c", rows=["a"], columns=["b"],
                     values=[[1, 2]])


def test_chart_ids_and_titles_are_checked() -> None:
    with pytest.raises(ValueError, match="Chart id"):
        bar_chart(chart_id='x" onload="a', title="t", description="", category_label="c", categories=[],
                  series=[Series("s", [])])
    with pytest.raises(ValueError, match="title"):
        bar_chart(chart_id="x", title=" \n", description="", category_label="c", categories=[],
                  series=[Series("s", [])])
    assert safe_id("radar-3f2a 9c") == "radar-3f2a-9c" and safe_id("123") == "c-123" and safe_id("") == "chart"


def test_wrap_keeps_words_cuts_overlong_ones_and_can_shorten() -> None:
    assert wrap("Ich erreiche das Jobcenter gut am Telefon.", 16) == ["Ich erreiche das", "Jobcenter gut am", "Telefon."]
    assert wrap("Leistungsberechtigtenbefragung", 10) == ["Leistungs-", "berechtig-", "tenbefrag-", "ung"]
    assert wrap("", 10) == [""]
    assert wrap("80\u00a0% der Kund:innen", 6) == ["80\u00a0%", "der", "Kund:-", "innen"]  # "80 %" stays together
    shortened = wrap(LONG, 20, 2)
    assert len(shortened) == 2 and shortened[-1].endswith("…")


@settings(max_examples=60, deadline=None)
@given(
    labels=st.lists(st.text(max_size=60), min_size=3, max_size=6),
    values=st.lists(st.one_of(st.none(), st.floats(0, 100, allow_nan=False)), min_size=6, max_size=6),
)
def test_any_text_and_values_give_well_formed_charts_with_matching_tables(labels, values) -> None:
    n = len(labels)
    series = [Series("a", values[:n])]
    for chart in (
        radar_chart(chart_id="r", title="t", description="", axis_label="x", axes=labels, series=series),
        bar_chart(chart_id="b", title="t", description="", category_label="x", categories=labels, series=series),
        line_chart(chart_id="l", title="t", description="", time_label="x", points=labels, series=series),
        matrix_chart(chart_id="m", title="t", description="", corner_label="x", rows=labels[:1], columns=labels,
                     values=[values[:n]]),
    ):
        root = parse(chart.svg)
        assert root.get("role") == "img" and not re.search(r"\sstyle=", chart.svg)
        assert [row[0] for row in chart.table.rows] == (labels if len(chart.table.rows) == n else labels[:1])


def test_the_sparkline_is_decorative_and_scaled_between_its_bounds():
    import xml.etree.ElementTree as ET

    from kosmos.core.domain.charts import sparkline

    svg = sparkline([0.0, 10.0, 20.0], low=0.0, high=20.0, middle=10.0, width=108, height=28)
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.get("aria-hidden") == "true"
    points = [tuple(map(float, p.split(","))) for p in root.find("polyline").get("points").split()]
    assert points == [(4.0, 24.0), (54.0, 14.0), (104.0, 4.0)]
    assert "style=" not in svg
    assert sparkline([3.0], low=0, high=20) == "" and sparkline([3.0, None], low=0, high=20) == ""

"""Marking findings in the text (including overlaps), readings of the measures, the sparkline."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from kosmos.language.presentation import (
    NumberedFinding,
    flesch_reading,
    lix_reading,
    mark_up,
    number_findings,
    sparkline,
    trend_text,
)


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def finding(start: int, end: int, rule: str = "passive", severity: str = "hinweis", number: int = 1):  # noqa: ANN201
    return NumberedFinding(number, f"stelle-{number}", f"fund-{number}", rule, rule, severity, severity, start, end,
                           "", "", "")


def _plain(html: str) -> str:
    html = re.sub(r'<span class="kern-sr-only">[^<]*</span>', "", html)
    html = re.sub(r"<sup .*?</sup>", "", html)
    return re.sub(r"<[^>]+>", "", html)


def test_one_finding_is_one_mark_with_hidden_name_and_numbered_link():
    html = mark_up("Der Antrag wird geprüft.", [finding(11, 23)])

    assert html == (
        'Der Antrag <mark class="lang-mark lang-mark--hinweis" id="stelle-1" tabindex="-1">'
        '<span class="kern-sr-only">[Fundstelle 1, passive, hinweis:]</span>wird geprüft'
        '<sup class="lang-mark__ref"><a href="#fund-1" class="lang-mark__link">'
        '<span class="kern-sr-only">zur Erklärung der Fundstelle </span>1</a></sup></mark>.'
    )


def test_crossing_findings_are_split_into_nested_pieces():
    text = "abcdefghij"
    html = mark_up(text, [finding(0, 6, number=1), finding(3, 9, number=2)])

    assert _plain(html) == text
    assert html.count('id="stelle-1"') == 1 and html.count('id="stelle-2"') == 1
    assert "lang-mark--cont" in html  # the second finding continues after the first one closed
    assert html.count('href="#fund-1"') == 1 and html.count('href="#fund-2"') == 1


def test_a_sentence_finding_is_underlined_not_shaded():
    html = mark_up("Ein sehr langer Satz.", [finding(0, 21, rule="long_sentence", severity="kritisch")])

    assert 'class="lang-mark lang-mark--kritisch lang-mark--wide"' in html


def test_findings_outside_the_text_are_ignored():
    assert mark_up("kurz", [finding(2, 99)]) == "kurz"


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet="ab <&>\"'\n", min_size=1, max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 45), st.integers(1, 45)), max_size=8),
)
def test_marks_always_nest_and_keep_the_text(text, spans):
    findings = [finding(a, b, number=i + 1) for i, (a, b) in enumerate(spans)]

    html = mark_up(text, findings)

    depth = 0
    for tag in re.findall(r"</?mark", html):
        depth += 1 if tag == "<mark" else -1
        assert depth >= 0
    assert depth == 0
    plain = _plain(html).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    assert plain.replace("&#x27;", "'").replace("&amp;", "&") == text


def test_findings_are_numbered_in_text_order_with_the_outer_one_first():
    analysis = {"findings": [
        {"rule": "passive", "start": 10, "end": 20, "severity": "hinweis"},
        {"rule": "long_sentence", "start": 0, "end": 50, "severity": "warnung"},
        {"rule": "officialese", "start": 0, "end": 7, "severity": "hinweis"},
    ]}

    numbered = number_findings(analysis, prefix="vorher-")

    assert [(f.number, f.rule) for f in numbered] == [(1, "long_sentence"), (2, "officialese"), (3, "passive")]
    assert numbered[0].anchor == "vorher-stelle-1" and numbered[0].list_anchor == "vorher-fund-1"


@pytest.mark.parametrize(("value", "reading"), [(15, "sehr schwer"), (35, "schwer"), (55, "eher schwer"),
                                                (65, "mittel"), (75, "eher leicht"), (85, "leicht"),
                                                (99, "sehr leicht")])
def test_flesch_reading(value, reading):
    assert flesch_reading(value) == reading


def test_lix_reading():
    assert lix_reading(25) == "sehr leicht"
    assert lix_reading(65) == "sehr schwer (Fachliteratur)"


def test_sparkline_is_decorative_svg_without_style_and_the_trend_is_text():
    svg = sparkline([6.2, 9.8, 14.1])

    assert svg.startswith('<svg class="kosmos-sparkline"') and 'aria-hidden="true"' in svg
    assert "style" not in svg
    assert sparkline([7.0]) == ""
    assert trend_text([6.2, 9.8, 14.1]) == "Verlauf: 6,2 → 9,8 → 14,1"

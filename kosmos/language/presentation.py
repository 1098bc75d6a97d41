"""How an analysis is shown: findings marked in place, measures with their reading, sparklines.

Works on the JSON form of an analysis (``Analysis.to_dict()``), so a fresh check and a cached
library version render the same way. Marking is done here in Python (escaped with
``format_html``) because findings may overlap, which a template cannot untangle.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy

from kosmos.core.domain import charts
from kosmos.language.analysis import RULE_LABELS, TEXT_TYPES
from kosmos.language.analysis.diff import diff_counts, word_diff

# Rules whose finding covers a whole sentence: underlined instead of shaded, so that the word-level
# marks inside stay readable.
SENTENCE_RULES = frozenset({"long_sentence", "nested_sentence", "nominal_style", "legal_reference", "negation"})
WIDE_FINDING_CHARS = 80
RULE_NAMES = frozenset(RULE_LABELS)
SEVERITY_ORDER = {"kritisch": 0, "warnung": 1, "hinweis": 2}


def fmt(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    return number_format(value, decimal_pos=digits, force_grouping=True)


# --------------------------------------------------------------------------- findings


@dataclass
class NumberedFinding:
    number: int
    anchor: str  # id of the place in the text
    list_anchor: str  # id of the entry in the list of findings
    rule: str
    label: str
    severity: str
    severity_label: str
    start: int
    end: int
    text: str
    message: str
    suggestion: str
    reasons: list[dict[str, str]] | None = None  # further rules that flag the same place

    @property
    def excerpt(self) -> str:
        words = " ".join(self.text.split())
        return words if len(words) <= 80 else words[:77].rstrip() + " …"

    @property
    def wide(self) -> bool:
        return self.rule in SENTENCE_RULES or self.end - self.start > WIDE_FINDING_CHARS


def number_findings(analysis: Mapping[str, Any], prefix: str = "") -> list[NumberedFinding]:
    """The findings in text order, numbered from 1, with the ids of their place and list entry."""
    findings = sorted(analysis.get("findings", []), key=lambda f: (f["start"], -f["end"]))
    numbered = []
    for number, f in enumerate(findings, start=1):
        numbered.append(
            NumberedFinding(
                number=number,
                anchor=f"{prefix}stelle-{number}",
                list_anchor=f"{prefix}fund-{number}",
                rule=f["rule"],
                label=f.get("label") or f["rule"],
                severity=f["severity"],
                severity_label=f.get("severity_label") or f["severity"],
                start=int(f["start"]),
                end=int(f["end"]),
                text=f.get("text", ""),
                message=f.get("message", ""),
                suggestion=f.get("suggestion", ""),
                reasons=[r for r in f.get("reasons", [])[1:] if isinstance(r, dict)],
            )
        )
    return numbered


def _open(f: NumberedFinding, first: bool, label: str) -> str:
    classes = escape(f"lang-mark lang-mark--{f.severity}" + (" lang-mark--wide" if f.wide else ""))
    if not first:
        return f'<mark class="{classes} lang-mark--cont">'
    hidden = escape(label % {"number": f.number, "rule": f.label, "severity": f.severity_label})
    return f'<mark class="{classes}" id="{escape(f.anchor)}" tabindex="-1"><span class="kern-sr-only">{hidden}</span>'


def _close(f: NumberedFinding, last: bool, link_text: str) -> str:
    if not last:
        return "</mark>"
    return (
        f'<sup class="lang-mark__ref"><a href="#{escape(f.list_anchor)}" class="lang-mark__link">'
        f'<span class="kern-sr-only">{link_text} </span>{f.number}</a></sup></mark>'
    )


def mark_up(text: str, findings: Sequence[NumberedFinding]) -> SafeString:
    """The text as HTML with every finding wrapped in ``<mark>``.

    Overlapping findings are split into properly nested pieces: the first piece carries the id,
    the hidden rule name and the numbered reference at its end; continuation pieces only shade.
    """
    # Translated once per call: a long letter has hundreds of marks.
    label = _("[Finding %(number)s, %(rule)s, %(severity)s:]")
    link_text = escape(_("to the explanation of finding"))
    valid = [f for f in findings if 0 <= f.start < f.end <= len(text)]
    boundaries = sorted({0, len(text), *(f.start for f in valid), *(f.end for f in valid)})
    starting: dict[int, list[NumberedFinding]] = {}
    for f in valid:
        starting.setdefault(f.start, []).append(f)
    out: list[str] = []
    stack: list[NumberedFinding] = []
    position = 0
    for boundary in boundaries:
        if boundary > position:
            out.append(escape(text[position:boundary]))
            position = boundary
        ending = {id(f) for f in stack if f.end == boundary}
        if ending:
            reopen: list[NumberedFinding] = []
            while any(id(f) in ending for f in stack):
                top = stack.pop()
                done = id(top) in ending
                out.append(_close(top, done, link_text))
                if not done:
                    reopen.append(top)
            for f in reversed(reopen):
                out.append(_open(f, False, label))
                stack.append(f)
        for f in sorted(starting.get(boundary, []), key=lambda f: -f.end):
            out.append(_open(f, True, label))
            stack.append(f)
    while stack:  # only reached for findings ending past the text, which `valid` excludes
        out.append(_close(stack.pop(), True, link_text))
    return mark_safe("".join(out))  # noqa: S308 - the text and every inserted value are escaped above


def severity_summary(findings: Sequence[NumberedFinding]) -> list[dict[str, object]]:
    labels = {"kritisch": pgettext("language", "critical"), "warnung": pgettext("language", "warnings"), "hinweis": pgettext("language", "notes")}
    counts = {key: 0 for key in SEVERITY_ORDER}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return [{"severity": key, "label": labels[key], "count": counts[key]} for key in SEVERITY_ORDER]


def rule_summary(findings: Sequence[NumberedFinding]) -> list[dict[str, object]]:
    """Findings counted by rule, most frequent first (each with the number of its first place)."""
    rows: dict[str, dict[str, object]] = {}
    for f in findings:
        row = rows.setdefault(f.rule, {"rule": f.rule, "label": f.label, "count": 0, "first": f})
        row["count"] = int(row["count"]) + 1
    return sorted(rows.values(), key=lambda r: (-int(r["count"]), str(r["label"])))


# --------------------------------------------------------------------------- measures


def _band(value: float, bands: Sequence[tuple[float, str]], last: str) -> str:
    for limit, label in bands:
        if value < limit:
            return label
    return last


def flesch_reading(value: float) -> str:
    return _band(
        value,
        [
            (30, pgettext("language", "very difficult")),
            (50, pgettext("language", "difficult")),
            (60, pgettext("language", "fairly difficult")),
            (70, pgettext("language", "medium")),
            (80, pgettext("language", "fairly easy")),
            (90, pgettext("language", "easy")),
        ],
        pgettext("language", "very easy"),
    )


def grade_reading(value: float) -> str:
    """Wiener Sachtextformel and German SMOG: roughly a school grade (4 easy … 15 very hard)."""
    return _band(
        value,
        [(6, pgettext("language", "easy")), (8, pgettext("language", "fairly easy")), (10, pgettext("language", "medium")), (12, pgettext("language", "difficult"))],
        pgettext("language", "very difficult"),
    )


def lix_reading(value: float) -> str:
    return _band(
        value,
        [(30, pgettext("language", "very easy")), (40, pgettext("language", "easy")), (50, pgettext("language", "medium")), (60, pgettext("language", "difficult"))],
        _("very difficult (technical literature)"),
    )


def score_reading(value: float) -> str:
    return _band(
        value,
        [(6, pgettext("language", "very difficult")), (10, pgettext("language", "difficult")), (14, pgettext("language", "medium")), (17, pgettext("language", "easy"))],
        pgettext("language", "very easy"),
    )


def sentence_length_reading(value: float, text_type: str) -> str:
    tt = TEXT_TYPES.get(text_type) or TEXT_TYPES["brief"]
    if value <= tt.sentence_hint * 0.6:
        return pgettext("language", "short")
    if value <= tt.sentence_hint:
        return _("within the target of %(target)s words") % {"target": tt.sentence_hint}
    return _("above the target of %(target)s words") % {"target": tt.sentence_hint}


def measure_rows(analysis: Mapping[str, Any]) -> list[dict[str, str]]:
    """The measures as table rows: name, value (German number format) and what the value means."""
    m = analysis["measures"]
    text_type = analysis.get("text_type", "brief")
    return [
        {"label": pgettext("language", "Comprehensibility (0–20)"), "value": fmt(analysis["score"]),
         "reading": score_reading(analysis["score"])},
        {"label": _("Flesch reading ease (Amstad)"), "value": fmt(m["flesch_amstad"]),
         "reading": flesch_reading(m["flesch_amstad"])},
        {"label": _("Vienna readability formula 1 (WSTF 1)"), "value": fmt(m["wstf1"]),
         "reading": grade_reading(m["wstf1"])},
        {"label": _("Vienna readability formula 2 (WSTF 2)"), "value": fmt(m["wstf2"]),
         "reading": grade_reading(m["wstf2"])},
        {"label": _("Vienna readability formula 3 (WSTF 3)"), "value": fmt(m["wstf3"]),
         "reading": grade_reading(m["wstf3"])},
        {"label": _("Vienna readability formula 4 (WSTF 4)"), "value": fmt(m["wstf4"]),
         "reading": grade_reading(m["wstf4"])},
        {"label": pgettext("language", "LIX readability index"), "value": fmt(m["lix"]), "reading": lix_reading(m["lix"])},
        {"label": pgettext("language", "SMOG (German)"), "value": fmt(m["smog_de"]), "reading": grade_reading(m["smog_de"])},
        {"label": pgettext("language", "Words per sentence"), "value": fmt(m["avg_sentence_length"]),
         "reading": sentence_length_reading(m["avg_sentence_length"], text_type)},
        {"label": _("Sentences over 20 words"), "value": fmt(100 * m["long_sentence_share"], 0) + " %",
         "reading": _("%(count)s of %(total)s sentences")
         % {"count": round(m["long_sentence_share"] * m["sentences"]), "total": m["sentences"]}},
        {"label": pgettext("language", "Syllables per word"), "value": fmt(m["avg_syllables_per_word"], 2), "reading": ""},
        {"label": _("Words with three or more syllables"), "value": fmt(m["polysyllable_percent"], 0) + " %",
         "reading": ""},
        {"label": pgettext("language", "Words, sentences"), "value": f"{fmt(m['words'])}, {fmt(m['sentences'])}", "reading": ""},
    ]


TRAFFIC_LIGHT_TEXT = {
    "gruen": pgettext_lazy("language", "Green: easy to understand"),
    "gelb": pgettext_lazy("language", "Yellow: partly difficult"),
    "rot": pgettext_lazy("language", "Red: difficult to understand"),
}


def traffic_light_text(light: str) -> str:
    return str(TRAFFIC_LIGHT_TEXT.get(light, ""))


def text_type_target(text_type: str) -> str:
    tt = TEXT_TYPES.get(text_type) or TEXT_TYPES["brief"]
    return _("Target for this text type: green from %(green)s, yellow from %(yellow)s points.") % {
        "green": fmt(tt.green_from, 0),
        "yellow": fmt(tt.yellow_from, 0),
    }


def result_context(analysis: Mapping[str, Any], text: str, prefix: str = "") -> dict[str, object]:
    """Everything the result partial (``language/includes/result.html``) shows."""
    findings = number_findings(analysis, prefix)
    return {
        "prefix": prefix,
        "score": fmt(analysis["score"]),
        "score_value": analysis["score"],
        "light": analysis["traffic_light"],
        "light_text": traffic_light_text(analysis["traffic_light"]),
        "target": text_type_target(analysis.get("text_type", "brief")),
        "text_type_label": analysis.get("text_type_label", ""),
        "marked_text": mark_up(text, findings),
        "findings": findings,
        "severities": severity_summary(findings),
        "rules": rule_summary(findings),
        "measures": measure_rows(analysis),
        "parts": part_rows(analysis),
        "running": running_text_summary(analysis),
        "rewrites": analysis.get("rewrites", []),
    }


def part_rows(analysis: Mapping[str, Any]) -> list[dict[str, str]]:
    """The parts of the letter (or web text) in order: name and size."""
    labels = {
        "letterhead": pgettext("letter part", "Letterhead"),
        "reference": pgettext("letter part", "Reference line"),
        "subject": pgettext("letter part", "Subject"),
        "salutation": pgettext("letter part", "Salutation"),
        "heading": pgettext("letter part", "Heading"),
        "body": pgettext("letter part", "Body text"),
        "list": pgettext("letter part", "List"),
        "closing": pgettext("letter part", "Closing"),
        "signature": pgettext("letter part", "Signature"),
        "legal_remedy": pgettext("letter part", "Legal remedy notice"),
        "attachments": pgettext("letter part", "Attachments"),
    }
    rows = []
    for part in analysis.get("parts", []):
        units, words = int(part.get("units", 0)), int(part.get("words", 0))
        if part.get("part") == "list":
            size = ngettext("%(count)s list item", "%(count)s list items", units) % {"count": units}
        elif part.get("part") == "body":
            size = ngettext("%(count)s unit", "%(count)s units", units) % {"count": units}
        else:
            size = ngettext("%(count)s line", "%(count)s lines", units) % {"count": units}
        rows.append({
            "part": part.get("part", ""),
            "label": labels.get(part.get("part", ""), part.get("label", "")),
            "size": size,
            "words": fmt(words),
        })
    return rows


def running_text_summary(analysis: Mapping[str, Any]) -> str:
    running = analysis.get("running_text") or {}
    if not running:
        return ""
    return _(
        "Measured: %(sentences)s sentences of the running text with %(words)s words. "
        "List items (%(items)s), headings, salutation, closing and signature are not counted as sentences."
    ) % {
        "sentences": fmt(int(running.get("sentences", 0))),
        "words": fmt(int(running.get("words", 0))),
        "items": fmt(int(running.get("list_items", 0))),
    }


# --------------------------------------------------------------------------- comparison


DIRECTION_TEXT = {
    "improved": pgettext_lazy("language", "better"),
    "worsened": pgettext_lazy("language", "worse"),
    "unchanged": pgettext_lazy("language", "unchanged"),
    "changed": pgettext_lazy("language", "changed"),
}
# The measures shown in the comparison (the rest are counts and shares that add little).
COMPARED_MEASURES = [
    "score",
    "flesch_amstad",
    "wstf1",
    "lix",
    "smog_de",
    "avg_sentence_length",
    "long_sentence_share",
    "avg_syllables_per_word",
    "polysyllable_percent",
    "words",
    "sentences",
]


def comparison_rows(comparison: Any) -> dict[str, list[dict[str, str]]]:
    """The engine's ``Comparison`` as rows with German number format and direction text."""

    def row(change: Any, digits: int) -> dict[str, str]:
        share = change.name.endswith("_share")
        scale = 100 if share else 1
        suffix = " %" if share else ""
        whole = change.name in {"words", "sentences"} or change.name in RULE_NAMES
        d = 0 if whole or share else digits
        return {
            "name": change.name,
            "label": change.label,
            "before": fmt(change.before * scale, d) + suffix,
            "after": fmt(change.after * scale, d) + suffix,
            "direction": change.direction,
            "direction_text": str(DIRECTION_TEXT[change.direction]),
        }

    by_name = {c.name: c for c in comparison.measures}
    measures = [row(by_name[name], 1) for name in COMPARED_MEASURES if name in by_name]
    findings = [row(c, 0) for c in comparison.findings]
    return {
        "measures": measures,
        "findings": findings,
        "improved": [r for r in measures + findings if r["direction"] == "improved"],
        "worsened": [r for r in measures + findings if r["direction"] == "worsened"],
    }


# --------------------------------------------------------------------------- sparkline


def sparkline(scores: Sequence[float | None], *, width: int = 120, height: int = 32) -> SafeString:
    """A small SVG line of the scores (0–20) over the versions; decorative, the numbers stand beside it."""
    return mark_safe(  # noqa: S308 - built by the chart kit from numbers only
        charts.sparkline(scores, low=0.0, high=20.0, middle=10.0, width=width, height=height))


def trend_text(scores: Sequence[float | None]) -> str:
    values = [fmt(s) for s in scores if s is not None]
    return pgettext("trend of scores", "Trend: %(values)s") % {"values": " → ".join(values)}


# --------------------------------------------------------------------------- text difference


def text_diff(before: str, after: str) -> dict[str, object]:
    """The word-level difference as HTML: ``<del>``/``<ins>`` with a hidden word for screen readers.

    Deleted words are struck through, inserted words underlined and bold (see language.css), so the
    marking does not rely on colour; the hidden "deleted:"/"inserted:" is read out before each change.
    """
    pieces = word_diff(before, after)
    deleted, inserted = escape(pgettext("text difference", "deleted:")), escape(pgettext("text difference", "inserted:"))
    end_text = escape(pgettext("text difference", "end of change"))
    out: list[str] = []
    for op, piece in pieces:
        if op == "equal":
            out.append(escape(piece))
            continue
        core = piece.rstrip()
        tail = piece[len(core):]
        tag, hidden = ("del", deleted) if op == "delete" else ("ins", inserted)
        out.append(
            f'<{tag} class="lang-diff__{tag}"><span class="kern-sr-only">[{hidden} </span>{escape(core)}'
            f'<span class="kern-sr-only"> – {end_text}]</span></{tag}>{escape(tail)}'
        )
    counts = diff_counts(pieces)
    summary = _("%(deleted)s words deleted, %(inserted)s words inserted, %(kept)s words unchanged.") % {
        "deleted": fmt(counts["delete"]),
        "inserted": fmt(counts["insert"]),
        "kept": fmt(counts["equal"]),
    }
    return {"html": mark_safe("".join(out)), "summary": summary}  # noqa: S308 - every piece is escaped above


"""Findings from the organisation glossary."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..glossary import AVOID, EXPLAIN, PREFERRED
from .base import Context


def glossary(ctx: Context) -> Iterator[Finding]:
    g = ctx.glossary
    if g is None:
        return
    low_text = ctx.text.lower()
    for e in g.entries:
        if e.kind == AVOID:
            for m in g.pattern(e.term).finditer(ctx.text):
                yield ctx.finding(
                    "glossary_avoid",
                    m.start(),
                    m.end(),
                    "warnung",
                    f"„{m.group()}“ steht in Ihrem Glossar unter „vermeiden“.",
                    f"Schreiben Sie: „{e.replacement}“." if e.replacement else "Verwenden Sie ein anderes Wort.",
                )
        elif e.kind == PREFERRED:
            for variant in e.variants:
                for m in g.pattern(variant).finditer(ctx.text):
                    yield ctx.finding(
                        "glossary_preferred",
                        m.start(),
                        m.end(),
                        "hinweis",
                        f"Ihre Organisation schreibt „{e.term}“ statt „{m.group()}“.",
                        f"Schreiben Sie: „{e.term}“.",
                    )
        elif e.kind == EXPLAIN:
            m = g.pattern(e.term).search(ctx.text)
            if m is None:
                continue
            if e.explanation and e.explanation.lower()[:40] in low_text:
                continue
            yield ctx.finding(
                "glossary_explain",
                m.start(),
                m.end(),
                "hinweis",
                f"„{m.group()}“ ist ein Fachbegriff. Er muss bleiben, braucht aber eine Erklärung.",
                f"Erklären Sie den Begriff beim ersten Vorkommen: „{e.term}: {e.explanation}“."
                if e.explanation
                else "Erklären Sie den Begriff beim ersten Vorkommen.",
            )

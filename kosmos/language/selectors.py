"""Reads of the language module, scoped to one organisation, with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, Prefetch

from kosmos.core.models import Organisation
from kosmos.language.models import LetterTemplate, LetterVersion

# The version fields the library table needs; the text and the full analysis stay in the database.
HISTORY_FIELDS = (
    "id",
    "public_id",
    "template_id",
    "number",
    "created_at",
    "author_name",
    "note",
    "analysis_key",
    "score",
    "traffic_light",
    "finding_count",
    "critical_count",
    "word_count",
)


@dataclass
class LibraryRow:
    template: LetterTemplate
    history: list[LetterVersion]

    @property
    def current(self) -> LetterVersion | None:
        return self.history[-1] if self.history else None

    @property
    def scores(self) -> list[float | None]:
        return [v.score for v in self.history]


def _sort_key(row: LibraryRow) -> tuple[float, str]:
    score = row.current.score if row.current and row.current.score is not None else -1.0
    return (score, row.template.name.lower())


def library(organisation: Organisation, category: str = "") -> list[LibraryRow]:
    """Every template with its version history, worst current score first.

    Two queries (templates, versions) whatever the number of templates. A pure read: the view
    refreshes stale cached analyses explicitly (``services.refresh_library``).
    """
    templates = LetterTemplate.objects.filter(organisation=organisation)
    if category:
        templates = templates.filter(category=category)
    templates = templates.prefetch_related(
        Prefetch("versions", queryset=LetterVersion.objects.only(*HISTORY_FIELDS).order_by("number"),
                 to_attr="history")
    ).order_by(F("current_version__score").asc(nulls_first=True), "name")
    return [LibraryRow(t, list(t.history)) for t in templates]


def resort(rows: list[LibraryRow]) -> None:
    """Worst current score first again, after analyses were refreshed."""
    rows.sort(key=_sort_key)


def template_history(template: LetterTemplate) -> list[LetterVersion]:
    """The template's versions, oldest first, without text and analysis."""
    return list(template.versions.only(*HISTORY_FIELDS).order_by("number"))


def traffic_light_counts(rows: list[LibraryRow]) -> dict[str, int]:
    counts = {"rot": 0, "gelb": 0, "gruen": 0}
    for row in rows:
        if row.current and row.current.traffic_light in counts:
            counts[row.current.traffic_light] += 1
    return counts

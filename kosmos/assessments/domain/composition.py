"""Checks of the assessment group (Bewertungsgruppe) before the assessment starts.

Rules (from the results report, section 3.1), each producing a German :class:`~.hints.Hint`:

- ``group_too_small`` / ``group_too_large``: 9–12 members, regardless of the size of the Jobcenter.
- ``gender_single`` / ``gender_unbalanced``: among members with a known gender ("w", "m", "d") only one
  gender occurs, or the largest gender group is more than two thirds. ``gender_unknown`` (info) when no
  member has a known gender.
- ``hierarchy_single_level``: fewer than two different hierarchy levels.
- ``department_single`` (info): all members with a department come from the same one.
- ``criterion_uncovered``: a criterion nobody in the group can speak to (one hint per criterion).
- ``leadership_missing``: no management member covers the leadership criteria (EFQM: 1 and 2, "Ausrichtung").
- ``results_expertise_missing``: nobody from controlling or customer feedback management
  (Kundenreaktionsmanagement) covers the results criteria (EFQM: 6 and 7).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kosmos.core.hints import Hint

from .structures import AssessmentModel

GENDERS = {"w": "weiblich", "m": "männlich", "d": "divers"}
LEVEL_LABELS = {"leitung": "Leitung", "fuehrung": "Führungsebene", "mitarbeitende": "Mitarbeitende"}
RESULTS_FUNCTIONS = frozenset({"controlling", "kundenreaktionsmanagement"})
FUNCTION_ALIASES = {"krm": "kundenreaktionsmanagement", "kundenreaktion": "kundenreaktionsmanagement"}


def _norm(value: str) -> str:
    return " ".join(value.casefold().split())


def _criterion_code(code: str) -> str:
    """``"1.3"`` -> ``"1"``: a member who can speak to a sub-criterion can speak to its criterion."""
    return str(code).strip().split(".")[0]


@dataclass(frozen=True, slots=True)
class Member:
    """One member of the assessment group. Iterables are normalised to frozensets."""

    name: str = ""
    gender: str = ""  # "w", "m", "d" or "" (unknown / not stated)
    level: str = ""  # e.g. "leitung", "fuehrung", "mitarbeitende"
    department: str = ""
    is_management: bool = False
    functions: frozenset[str] = field(default_factory=frozenset)  # e.g. {"controlling"}
    criteria: frozenset[str] = field(
        default_factory=frozenset
    )  # criteria (or sub-criteria) they can speak to

    def __post_init__(self) -> None:
        object.__setattr__(self, "gender", _norm(self.gender))
        object.__setattr__(self, "level", _norm(self.level))
        functions = {_norm(f) for f in self.functions if _norm(f)}
        object.__setattr__(self, "functions", frozenset(FUNCTION_ALIASES.get(f, f) for f in functions))
        object.__setattr__(
            self, "criteria", frozenset(_criterion_code(c) for c in self.criteria if str(c).strip())
        )

    @property
    def known_gender(self) -> str | None:
        return self.gender if self.gender in GENDERS else None


@dataclass(frozen=True, slots=True)
class CompositionRules:
    criteria: Mapping[str, str]  # code -> German name, in model order
    leadership_criteria: tuple[str, ...] = ("1", "2")
    results_criteria: tuple[str, ...] = ("6", "7")
    results_functions: frozenset[str] = RESULTS_FUNCTIONS
    min_size: int = 9
    max_size: int = 12


def rules_for_model(model: AssessmentModel) -> CompositionRules:
    return CompositionRules(
        criteria=model.criterion_names,
        leadership_criteria=model.leadership_criteria,
        results_criteria=model.results_criteria,
    )


def _default_rules() -> CompositionRules:
    from .model_data import load_model

    return rules_for_model(load_model("efqm2020"))


def _named(codes: Iterable[str], names: Mapping[str, str]) -> str:
    """``Kriterium 4 „Nachhaltigen Nutzen schaffen“`` or ``die Kriterien 1 „…“ und 2 „…“``."""
    parts = [f"{c} „{names[c]}“" if names.get(c) else c for c in codes]
    if len(parts) == 1:
        return f"Kriterium {parts[0]}"
    return "die Kriterien " + ", ".join(parts[:-1]) + " und " + parts[-1]


def check_composition(members: Iterable[Member], rules: CompositionRules | None = None) -> list[Hint]:
    """German warnings about the composition of an assessment group (empty list = no objections)."""
    rules = rules or _default_rules()
    group = list(members)
    size = len(group)
    hints: list[Hint] = []

    if size < rules.min_size:
        hints.append(
            Hint(
                "group_too_small",
                f"Die Bewertungsgruppe hat {size} Mitglieder. Empfohlen sind {rules.min_size} bis {rules.max_size}, "
                "damit alle Kriterien fachkundig abgedeckt sind und unterschiedliche Sichtweisen einfließen.",
            )
        )
    elif size > rules.max_size:
        hints.append(
            Hint(
                "group_too_large",
                f"Die Bewertungsgruppe hat {size} Mitglieder. Empfohlen sind {rules.min_size} bis {rules.max_size}; "
                "in größeren Gruppen wird die Konsensfindung im Bewertungszirkel schwierig.",
            )
        )

    genders = Counter(g for m in group if (g := m.known_gender))
    known = sum(genders.values())
    if known == 0:
        if group:
            hints.append(
                Hint(
                    "gender_unknown",
                    "Für kein Mitglied ist ein Geschlecht angegeben; die Geschlechterparität lässt sich nicht prüfen.",
                    severity="info",
                )
            )
    elif len(genders) == 1:
        only = next(iter(genders))
        hints.append(
            Hint(
                "gender_single",
                f"Alle Mitglieder mit Angabe zum Geschlecht sind {GENDERS[only]}. "
                "Achten Sie auf eine möglichst paritätische Besetzung der Bewertungsgruppe.",
            )
        )
    else:
        largest, count = genders.most_common(1)[0]
        if 3 * count > 2 * known:
            hints.append(
                Hint(
                    "gender_unbalanced",
                    f"{count} von {known} Mitgliedern mit Angabe zum Geschlecht sind {GENDERS[largest]} "
                    "(mehr als zwei Drittel). Achten Sie auf eine ausgewogenere Besetzung.",
                )
            )

    levels = {m.level for m in group if m.level}
    if len(levels) < 2 and group:
        if levels:
            level = next(iter(levels))
            detail = (
                f"Alle Mitglieder gehören derselben Hierarchieebene an ({LEVEL_LABELS.get(level, level)})."
            )
        else:
            detail = "Für die Mitglieder ist keine Hierarchieebene angegeben."
        hints.append(
            Hint(
                "hierarchy_single_level",
                f"{detail} Eine Gruppe aus mehreren Ebenen – Leitung, Führungskräfte und Mitarbeitende – "
                "bewertet ausgewogener und verringert Verzerrungen.",
            )
        )

    with_department = [_norm(m.department) for m in group if _norm(m.department)]
    if len(with_department) >= 2 and len(set(with_department)) == 1:
        hints.append(
            Hint(
                "department_single",
                "Alle Mitglieder kommen aus demselben Bereich. Mitglieder aus weiteren Fachbereichen "
                "(z. B. Leistung, Markt und Integration, Arbeitgeber-Service, Controlling) erweitern den Blick.",
                severity="info",
            )
        )

    covered = {c for m in group for c in m.criteria}
    for code in rules.criteria:
        if code not in covered:
            hints.append(
                Hint(
                    "criterion_uncovered",
                    f"Für {_named([code], rules.criteria)} ist niemand in der Gruppe sprachfähig. "
                    "Gewinnen Sie ein Mitglied, das dazu fachkundig Auskunft geben kann.",
                    subject=code,
                )
            )

    leadership_missing = [
        c for c in rules.leadership_criteria if not any(m.is_management and c in m.criteria for m in group)
    ]
    if leadership_missing:
        hints.append(
            Hint(
                "leadership_missing",
                f"Kein Mitglied der Leitungsebene deckt {_named(leadership_missing, rules.criteria)} ab. "
                "Die strategische Führungsebene sollte an der Bewertung der Ausrichtung beteiligt sein.",
                subject=",".join(leadership_missing),
            )
        )

    results_missing = [
        c
        for c in rules.results_criteria
        if not any(m.functions & rules.results_functions and c in m.criteria for m in group)
    ]
    if results_missing:
        hints.append(
            Hint(
                "results_expertise_missing",
                "Niemand aus Controlling oder Kundenreaktionsmanagement deckt "
                f"{_named(results_missing, rules.criteria)} ab. Für die Ergebnisse braucht die Gruppe "
                "Einblick in Kennzahlen und Kundenrückmeldungen.",
                subject=",".join(results_missing),
            )
        )
    return hints

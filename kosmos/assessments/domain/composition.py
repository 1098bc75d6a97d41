"""Checks of the assessment group (Bewertungsgruppe) before the assessment starts.

Rules (from the results report, section 3.1), each producing a :class:`~kosmos.core.hints.Hint` whose message
the Django layer translates:

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

from kosmos.core.domain.i18n import Message, gettext_noop, message
from kosmos.core.hints import Hint

from .structures import AssessmentModel

GENDERS = {"w": gettext_noop("female"), "m": gettext_noop("male"), "d": gettext_noop("diverse")}
LEVEL_LABELS = {
    "leitung": gettext_noop("Management"),
    "fuehrung": gettext_noop("Leadership level"),
    "mitarbeitende": gettext_noop("Staff"),
}
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


def _named(codes: Iterable[str], names: Mapping[str, str]) -> Message:
    """``Kriterium 4 „Nachhaltigen Nutzen schaffen“`` or ``die Kriterien 1 „…“ und 2 „…“`` (in German)."""
    parts = [
        message(gettext_noop("%(code)s “%(name)s”"), code=c, name=names[c]) if names.get(c) else c for c in codes
    ]
    if len(parts) == 1:
        return message(gettext_noop("Criterion %(criterion)s"), criterion=parts[0])
    return message(gettext_noop("the criteria %(criteria)s and %(last)s"), criteria=parts[:-1], last=parts[-1])


def check_composition(members: Iterable[Member], rules: CompositionRules | None = None) -> list[Hint]:
    """Warnings about the composition of an assessment group (empty list = no objections)."""
    rules = rules or _default_rules()
    group = list(members)
    size = len(group)
    hints: list[Hint] = []
    sizes = {"size": size, "low": rules.min_size, "high": rules.max_size}

    if size < rules.min_size:
        hints.append(
            Hint(
                "group_too_small",
                message(
                    gettext_noop(
                        "The assessment group has %(size)s members. %(low)s to %(high)s are recommended, so that "
                        "every criterion is covered with expertise and different perspectives flow in."
                    ),
                    **sizes,
                ),
            )
        )
    elif size > rules.max_size:
        hints.append(
            Hint(
                "group_too_large",
                message(
                    gettext_noop(
                        "The assessment group has %(size)s members. %(low)s to %(high)s are recommended; "
                        "in larger groups reaching consensus in the assessment circle becomes difficult."
                    ),
                    **sizes,
                ),
            )
        )

    genders = Counter(g for m in group if (g := m.known_gender))
    known = sum(genders.values())
    if known == 0:
        if group:
            hints.append(
                Hint(
                    "gender_unknown",
                    message(
                        gettext_noop("No member has a gender recorded; gender parity cannot be checked.")
                    ),
                    severity="info",
                )
            )
    elif len(genders) == 1:
        only = next(iter(genders))
        hints.append(
            Hint(
                "gender_single",
                message(
                    gettext_noop(
                        "All members with a recorded gender are %(gender)s. "
                        "Aim for a group with as equal a share of genders as possible."
                    ),
                    gender=message(GENDERS[only]),
                ),
            )
        )
    else:
        largest, count = genders.most_common(1)[0]
        if 3 * count > 2 * known:
            hints.append(
                Hint(
                    "gender_unbalanced",
                    message(
                        gettext_noop(
                            "%(count)s of %(known)s members with a recorded gender are %(gender)s "
                            "(more than two thirds). Aim for a more balanced group."
                        ),
                        count=count, known=known, gender=message(GENDERS[largest]),
                    ),
                )
            )

    levels = {m.level for m in group if m.level}
    if len(levels) < 2 and group:
        if levels:
            level = next(iter(levels))
            label = LEVEL_LABELS.get(level)
            detail = message(
                gettext_noop("All members belong to the same hierarchy level (%(level)s)."),
                level=message(label) if label else level,
            )
        else:
            detail = message(gettext_noop("No hierarchy level is recorded for the members."))
        hints.append(
            Hint(
                "hierarchy_single_level",
                message(
                    gettext_noop(
                        "%(detail)s A group from several levels – management, leaders and staff – "
                        "rates in a more balanced way and reduces bias."
                    ),
                    detail=detail,
                ),
            )
        )

    with_department = [_norm(m.department) for m in group if _norm(m.department)]
    if len(with_department) >= 2 and len(set(with_department)) == 1:
        hints.append(
            Hint(
                "department_single",
                message(
                    gettext_noop(
                        "All members come from the same area. Members from further departments "
                        "(e.g. benefits, market and integration, employer service, controlling) widen the view."
                    )
                ),
                severity="info",
            )
        )

    covered = {c for m in group for c in m.criteria}
    for code in rules.criteria:
        if code not in covered:
            hints.append(
                Hint(
                    "criterion_uncovered",
                    message(
                        gettext_noop(
                            "Nobody in the group can speak to %(criterion)s. "
                            "Win a member who can give expert information on it."
                        ),
                        criterion=_named([code], rules.criteria),
                    ),
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
                message(
                    gettext_noop(
                        "No member of the management covers %(criteria)s. "
                        "The strategic management level should take part in rating the direction."
                    ),
                    criteria=_named(leadership_missing, rules.criteria),
                ),
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
                message(
                    gettext_noop(
                        "Nobody from controlling or customer feedback management covers %(criteria)s. "
                        "For the results the group needs insight into key figures and customer feedback."
                    ),
                    criteria=_named(results_missing, rules.criteria),
                ),
                subject=",".join(results_missing),
            )
        )
    return hints

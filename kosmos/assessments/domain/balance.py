"""Balance check of a question set for the chosen assessment method.

The input is one criterion code per selected question; a sub-criterion code such as ``"4.2"`` counts for
criterion ``"4"``. With ``n`` criteria (EFQM: 7) the rules are:

- ``workshop``: every criterion 4–6 questions; total about 5·n (35), warning below 4·n (28) or above
  6·n (42). Info when all questions of a criterion address the same sub-criterion.
- ``quick_check``: exactly 2 questions per criterion, 2·n (14) in total.
- ``questionnaire``: at most 30 questions; every criterion covered.
- ``award_simulation``: every criterion covered (the application covers the whole model anyway).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kosmos.core.hints import Hint

METHODS = ("quick_check", "questionnaire", "workshop", "award_simulation")
METHOD_LABELS = {
    "quick_check": "Quick-Check",
    "questionnaire": "Fragebogenmethode",
    "workshop": "Workshopmethode",
    "award_simulation": "Bewerbungssimulation",
}
WORKSHOP_PER_CRITERION = (4, 6)
WORKSHOP_TARGET_PER_CRITERION = 5
QUICK_CHECK_PER_CRITERION = 2
QUESTIONNAIRE_MAX = 30


@dataclass(frozen=True, slots=True)
class BalanceReport:
    method: str
    counts: dict[str, int]  # criterion code -> number of questions, in model order (0 if missing)
    total: int
    hints: list[Hint]
    recommended_total: int | None = None

    @property
    def warnings(self) -> list[Hint]:
        return [h for h in self.hints if h.is_warning]

    @property
    def ok(self) -> bool:
        return not self.warnings


def _default_criteria() -> dict[str, str]:
    from .model_data import load_model

    return load_model("efqm2020").criterion_names


def _label(code: str, names: Mapping[str, str]) -> str:
    name = names.get(code)
    return f"Kriterium {code} „{name}“" if name else f"Kriterium {code}"


def _questions(n: int) -> str:
    return "1 Frage" if n == 1 else f"{n} Fragen"


def check_balance(
    question_codes: Iterable[str],
    method: str,
    *,
    criteria: Mapping[str, str] | Sequence[str] | None = None,
) -> BalanceReport:
    """Count questions per criterion and return German warnings on what is off, and where."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    if criteria is None:
        names: dict[str, str] = _default_criteria()
    elif isinstance(criteria, Mapping):
        names = dict(criteria)
    else:
        names = {str(c): "" for c in criteria}
    order = list(names)
    n = len(order)

    raw_codes = [str(c).strip() for c in question_codes]
    per_criterion = Counter(code.split(".")[0] for code in raw_codes)
    units_by_criterion: dict[str, set[str]] = {}
    for code in raw_codes:
        units_by_criterion.setdefault(code.split(".")[0], set()).add(code)
    counts = {code: per_criterion.get(code, 0) for code in order}
    total = len(raw_codes)
    hints: list[Hint] = []

    unknown = sorted(set(per_criterion) - set(order))
    if unknown:
        hints.append(
            Hint(
                "unknown_criterion",
                "Einige Fragen gehören zu keinem Kriterium des Modells: " + ", ".join(unknown) + ".",
                subject=",".join(unknown),
            )
        )

    for code in order:
        if counts[code] == 0:
            hints.append(
                Hint(
                    "criterion_missing",
                    f"{_label(code, names)} ist im Fragenset nicht vertreten. "
                    "Für eine ganzheitliche Betrachtung sollte jedes Kriterium Fragen enthalten.",
                    subject=code,
                )
            )

    recommended: int | None = None
    if method == "workshop":
        lo, hi = WORKSHOP_PER_CRITERION
        recommended = WORKSHOP_TARGET_PER_CRITERION * n
        for code in order:
            count = counts[code]
            if 0 < count < lo:
                hints.append(
                    Hint(
                        "criterion_too_few",
                        f"{_label(code, names)}: nur {_questions(count)}. Empfohlen sind {lo} bis {hi} je Kriterium.",
                        subject=code,
                    )
                )
            elif count > hi:
                hints.append(
                    Hint(
                        "criterion_too_many",
                        f"{_label(code, names)}: {_questions(count)}. Empfohlen sind {lo} bis {hi} je Kriterium, "
                        "damit die Kriterien ausgewogen bleiben.",
                        subject=code,
                    )
                )
            elif count >= 3 and len(units_by_criterion.get(code, set())) == 1:
                only = next(iter(units_by_criterion[code]))
                if "." in only:
                    hints.append(
                        Hint(
                            "single_aspect",
                            f"{_label(code, names)}: Alle Fragen betreffen Teilkriterium {only}. "
                            "Wählen Sie nach Möglichkeit Fragen zu unterschiedlichen Aspekten.",
                            severity="info",
                            subject=code,
                        )
                    )
        if total < lo * n:
            hints.append(
                Hint(
                    "total_too_low",
                    f"Das Fragenset umfasst {_questions(total)}. Für die Workshopmethode haben sich rund "
                    f"{recommended} Fragen bewährt (mindestens {lo * n}).",
                )
            )
        elif total > hi * n:
            hints.append(
                Hint(
                    "total_too_high",
                    f"Das Fragenset umfasst {_questions(total)}. Für die Workshopmethode haben sich rund "
                    f"{recommended} Fragen bewährt (höchstens {hi * n}); mehr Fragen erhöhen den Aufwand "
                    "für Belegrecherche und Bewertung deutlich.",
                )
            )
    elif method == "quick_check":
        recommended = QUICK_CHECK_PER_CRITERION * n
        for code in order:
            count = counts[code]
            if count and count != QUICK_CHECK_PER_CRITERION:
                hints.append(
                    Hint(
                        "criterion_count_not_exact",
                        f"{_label(code, names)}: {_questions(count)}. Der Quick-Check sieht genau "
                        f"{QUICK_CHECK_PER_CRITERION} Fragen je Kriterium vor.",
                        subject=code,
                    )
                )
        if total != recommended:
            hints.append(
                Hint(
                    "total_not_exact",
                    f"Der Quick-Check umfasst {_questions(total)}; vorgesehen sind genau {recommended} "
                    f"({QUICK_CHECK_PER_CRITERION} je Kriterium).",
                )
            )
    elif method == "questionnaire":
        recommended = QUESTIONNAIRE_MAX
        if total > QUESTIONNAIRE_MAX:
            hints.append(
                Hint(
                    "total_too_high",
                    f"Der Fragebogen umfasst {_questions(total)}. Empfohlen sind höchstens {QUESTIONNAIRE_MAX}, "
                    "damit die Befragten ihn vollständig beantworten.",
                )
            )
    return BalanceReport(method, counts, total, hints, recommended)

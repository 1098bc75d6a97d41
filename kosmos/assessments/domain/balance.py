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

from kosmos.core.domain.i18n import Message, gettext_noop, message, ngettext_noop, plural_message
from kosmos.core.hints import Hint

METHODS = ("quick_check", "questionnaire", "workshop", "award_simulation")
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


def _label(code: str, names: Mapping[str, str]) -> Message:
    name = names.get(code)
    if name:
        return message(gettext_noop("Criterion %(code)s “%(name)s”"), code=code, name=name)
    return message(gettext_noop("Criterion %(code)s"), code=code)


def _questions(n: int) -> Message:
    return plural_message(ngettext_noop("%(count)s question", "%(count)s questions"), n)


def check_balance(
    question_codes: Iterable[str],
    method: str,
    *,
    criteria: Mapping[str, str] | Sequence[str] | None = None,
) -> BalanceReport:
    """Count questions per criterion and return warnings (messages) on what is off, and where."""
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
                message(
                    gettext_noop("Some questions belong to no criterion of the model: %(codes)s."), codes=unknown
                ),
                subject=",".join(unknown),
            )
        )

    for code in order:
        if counts[code] == 0:
            hints.append(
                Hint(
                    "criterion_missing",
                    message(
                        gettext_noop(
                            "%(criterion)s is not represented in the question set. "
                            "For a holistic view every criterion should have questions."
                        ),
                        criterion=_label(code, names),
                    ),
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
                        message(
                            gettext_noop(
                                "%(criterion)s: only %(questions)s. %(low)s to %(high)s per criterion are "
                                "recommended."
                            ),
                            criterion=_label(code, names), questions=_questions(count), low=lo, high=hi,
                        ),
                        subject=code,
                    )
                )
            elif count > hi:
                hints.append(
                    Hint(
                        "criterion_too_many",
                        message(
                            gettext_noop(
                                "%(criterion)s: %(questions)s. %(low)s to %(high)s per criterion are recommended, "
                                "so that the criteria stay balanced."
                            ),
                            criterion=_label(code, names), questions=_questions(count), low=lo, high=hi,
                        ),
                        subject=code,
                    )
                )
            elif count >= 3 and len(units_by_criterion.get(code, set())) == 1:
                only = next(iter(units_by_criterion[code]))
                if "." in only:
                    hints.append(
                        Hint(
                            "single_aspect",
                            message(
                                gettext_noop(
                                    "%(criterion)s: All questions concern sub-criterion %(unit)s. "
                                    "Where possible, choose questions on different aspects."
                                ),
                                criterion=_label(code, names), unit=only,
                            ),
                            severity="info",
                            subject=code,
                        )
                    )
        if total < lo * n:
            hints.append(
                Hint(
                    "total_too_low",
                    message(
                        gettext_noop(
                            "The question set has %(questions)s. For the workshop method about %(recommended)s "
                            "questions have proven themselves (at least %(minimum)s)."
                        ),
                        questions=_questions(total), recommended=recommended, minimum=lo * n,
                    ),
                )
            )
        elif total > hi * n:
            hints.append(
                Hint(
                    "total_too_high",
                    message(
                        gettext_noop(
                            "The question set has %(questions)s. For the workshop method about %(recommended)s "
                            "questions have proven themselves (at most %(maximum)s); more questions considerably "
                            "increase the effort for researching evidence and for rating."
                        ),
                        questions=_questions(total), recommended=recommended, maximum=hi * n,
                    ),
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
                        message(
                            gettext_noop(
                                "%(criterion)s: %(questions)s. The Quick-Check provides for exactly %(per)s "
                                "questions per criterion."
                            ),
                            criterion=_label(code, names), questions=_questions(count),
                            per=QUICK_CHECK_PER_CRITERION,
                        ),
                        subject=code,
                    )
                )
        if total != recommended:
            hints.append(
                Hint(
                    "total_not_exact",
                    message(
                        gettext_noop(
                            "The Quick-Check has %(questions)s; exactly %(recommended)s are provided for "
                            "(%(per)s per criterion)."
                        ),
                        questions=_questions(total), recommended=recommended, per=QUICK_CHECK_PER_CRITERION,
                    ),
                )
            )
    elif method == "questionnaire":
        recommended = QUESTIONNAIRE_MAX
        if total > QUESTIONNAIRE_MAX:
            hints.append(
                Hint(
                    "total_too_high",
                    message(
                        gettext_noop(
                            "The questionnaire has %(questions)s. At most %(maximum)s are recommended, "
                            "so that respondents answer it completely."
                        ),
                        questions=_questions(total), maximum=QUESTIONNAIRE_MAX,
                    ),
                )
            )
    return BalanceReport(method, counts, total, hints, recommended)

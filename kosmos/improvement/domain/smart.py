"""SMART check of an action field or improvement project – simple, transparent rules.

The check looks only at what is written down; it cannot judge content. The word lists below are data for
matching German text and stay German; the hints are English source strings that the Django layer translates.
Rules:

S – Spezifisch
    ``smart_specific_missing``  no goal text;
    ``smart_specific_short``    goal with fewer than 6 words;
    ``smart_specific_vague``    vague words such as "möglichst", "irgendwie", "ggf.", "diverse".
M – Messbar
    ``smart_measurable_indicator``  no measure/indicator given;
    ``smart_measurable_target``     neither goal nor indicator contains a target value: a number that is not
                                    a year or a date, or a word like "halbieren", "verdoppeln", "Hälfte".
A – Attraktiv/Akzeptiert
    ``smart_accepted_owner``    no owner;
    ``smart_accepted_generic``  owner is a collective ("alle", "Team", "Jobcenter", "N. N.", …);
    ``smart_attractive_benefit`` (info) the goal does not say what it is good for ("damit", "um … zu", "sodass").
R – Realistisch
    ``smart_realistic_absolute`` (info) absolute targets such as "100 %", "alle", "immer", "nie", "vollständig";
    ``smart_realistic_long``    due date more than 24 months ahead – set intermediate milestones.
T – Terminiert
    ``smart_timebound_missing`` no due date;
    ``smart_timebound_past``    due date before today.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kosmos.core.domain.i18n import Message, gettext_noop, message
from kosmos.core.hints import Hint

MIN_GOAL_WORDS = 6
MAX_HORIZON_DAYS = 730
LETTERS = {
    "S": gettext_noop("Specific"),
    "M": gettext_noop("Measurable"),
    "A": gettext_noop("Attractive/Accepted"),
    "R": gettext_noop("Realistic"),
    "T": gettext_noop("Time-bound"),
}

_VAGUE = re.compile(
    r"\b(möglichst|irgendwie|eventuell|ggf\.?|gegebenenfalls|diverse[nmrs]?|allgemein|einigermaßen|"
    r"bei bedarf|nach möglichkeit|so weit wie möglich|etwas)(?=\W|$)",
    re.IGNORECASE,
)
_ABSOLUTE = re.compile(
    r"(\b100\s?%|\b100\s?prozent\b|\b(alle|immer|nie|niemals|vollständig|sämtliche|jede[nmrs]?)\b)",
    re.IGNORECASE,
)
_BENEFIT = re.compile(r"\b(damit|sodass|so dass|um\b.+\bzu)\b", re.IGNORECASE)
_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.(\s?\d{2,4})?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_TARGET_WORDS = re.compile(
    r"\b(halbier\w*|verdoppel\w*|verdreifach\w*|hälfte|drittel|viertel|zwei|drei|vier|fünf|sechs|sieben|acht|"
    r"neun|zehn|elf|zwölf|zwanzig|dreißig|fünfzig|hundert)\b",
    re.IGNORECASE,
)
_GENERIC_OWNERS = {
    "alle",
    "alle mitarbeitenden",
    "alle führungskräfte",
    "team",
    "das team",
    "wir",
    "jobcenter",
    "das jobcenter",
    "niemand",
    "n.n.",
    "n. n.",
    "nn",
    "offen",
    "tbd",
    "noch offen",
    "alle teams",
}


@dataclass(frozen=True, slots=True)
class SmartResult:
    hints: list[Hint]
    fulfilled: dict[str, bool]  # letter -> no warning for this letter

    @property
    def ok(self) -> bool:
        return all(self.fulfilled.values())


def _quoted(words: list[str]) -> list[Message]:
    return [message(gettext_noop("“%(word)s”"), word=word) for word in words]


def _has_target_value(text: str) -> bool:
    without_dates = _DATE.sub(" ", text)
    numbers = [n for n in _NUMBER.findall(without_dates) if not _YEAR.match(n)]
    return bool(numbers) or bool(_TARGET_WORDS.search(text))


def check_smart(
    goal: str,
    *,
    owner: str = "",
    due: dt.date | None = None,
    indicator: str = "",
    today: dt.date | None = None,
) -> SmartResult:
    """Return hints on what is missing for a SMART formulation."""
    today = today or dt.date.today()
    goal = " ".join((goal or "").split())
    owner = " ".join((owner or "").split())
    indicator = " ".join((indicator or "").split())
    hints: list[Hint] = []

    # S
    if not goal:
        hints.append(
            Hint(
                "smart_specific_missing",
                message(gettext_noop("Describe the goal: what is to change, and for whom?")),
                subject="S",
            )
        )
    else:
        if len(goal.split()) < MIN_GOAL_WORDS:
            hints.append(
                Hint(
                    "smart_specific_short",
                    message(
                        gettext_noop(
                            "The goal is very brief. Describe more precisely what is to change, for whom and where."
                        )
                    ),
                    subject="S",
                )
            )
        vague = sorted({m.group(1).lower() for m in _VAGUE.finditer(goal)})
        if vague:
            hints.append(
                Hint(
                    "smart_specific_vague",
                    message(
                        gettext_noop("Vague words make the goal unclear (%(words)s). Put it unambiguously."),
                        words=_quoted(vague),
                    ),
                    subject="S",
                )
            )

    # M
    if not indicator:
        hints.append(
            Hint(
                "smart_measurable_indicator",
                message(
                    gettext_noop(
                        "Set a key figure or a feature by which you recognise success "
                        "(e.g. waiting time in days, share of online appointments)."
                    )
                ),
                subject="M",
            )
        )
    if not _has_target_value(f"{goal} {indicator}"):
        hints.append(
            Hint(
                "smart_measurable_target",
                message(
                    gettext_noop(
                        "Name a target value, such as a number, a rate or a duration (e.g. “from 20 per cent to 35 "
                        "per cent”)."
                    )
                ),
                subject="M",
            )
        )

    # A
    if not owner:
        hints.append(
            Hint(
                "smart_accepted_owner",
                message(gettext_noop("Name a responsible person or role who steers the project.")),
                subject="A",
            )
        )
    elif owner.casefold() in _GENERIC_OWNERS:
        hints.append(
            Hint(
                "smart_accepted_generic",
                message(
                    gettext_noop("“%(owner)s” is no clear responsibility. Name a person or role."), owner=owner
                ),
                subject="A",
            )
        )
    if goal and not _BENEFIT.search(goal):
        hints.append(
            Hint(
                "smart_attractive_benefit",
                message(
                    gettext_noop(
                        "Say what the goal is for (e.g. “…, so that customers get an appointment sooner”). "
                        "A visible benefit creates acceptance."
                    )
                ),
                severity="info",
                subject="A",
            )
        )

    # R
    absolute = sorted({m.group(0).lower() for m in _ABSOLUTE.finditer(goal)})
    if absolute:
        hints.append(
            Hint(
                "smart_realistic_absolute",
                message(
                    gettext_noop("Absolute goals (%(words)s) can rarely be reached. Check whether the goal is realistic."),
                    words=_quoted(absolute),
                ),
                severity="info",
                subject="R",
            )
        )
    if due is not None and (due - today).days > MAX_HORIZON_DAYS:
        hints.append(
            Hint(
                "smart_realistic_long",
                message(
                    gettext_noop(
                        "The due date is more than two years ahead. Plan intermediate goals so that progress "
                        "becomes visible."
                    )
                ),
                subject="R",
            )
        )

    # T
    if due is None:
        hints.append(
            Hint(
                "smart_timebound_missing",
                message(gettext_noop("Set a due date by which the goal is to be reached.")),
                subject="T",
            )
        )
    elif due < today:
        hints.append(
            Hint(
                "smart_timebound_past",
                message(
                    gettext_noop("The due date (%(date)s) is in the past. Set a new due date."),
                    date=due.strftime("%d.%m.%Y"),
                ),
                subject="T",
            )
        )

    fulfilled = {letter: not any(h.subject == letter and h.is_warning for h in hints) for letter in LETTERS}
    return SmartResult(hints, fulfilled)

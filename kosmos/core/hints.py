"""A small value type for user-facing warnings and hints shared by the domain modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from kosmos.core.domain.i18n import Message

Severity = Literal["warning", "info"]


@dataclass(frozen=True, slots=True)
class Hint:
    """One finding of a check.

    ``code`` is a stable machine-readable identifier (English, snake_case) that the UI may use to pick an
    icon or a help text; ``message`` is the text shown to users: a :class:`~kosmos.core.domain.i18n.Message`
    (English source) from a pure module, which the Django layer translates with
    ``kosmos.core.i18n.translate_hint`` before it reaches a page, an export or the log; ``subject`` names what
    the hint is about (a criterion code, a SMART letter, ...) or is empty.
    """

    code: str
    message: Message | str
    severity: Severity = "warning"
    subject: str = ""

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

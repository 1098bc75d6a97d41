"""A small value type for German user-facing warnings and hints shared by the domain modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["warning", "info"]


@dataclass(frozen=True, slots=True)
class Hint:
    """One finding of a check.

    ``code`` is a stable machine-readable identifier (English, snake_case) that the UI may use to pick an
    icon or a help text; ``message`` is the German text shown to users; ``subject`` names what the hint is
    about (a criterion code, a SMART letter, ...) or is empty.
    """

    code: str
    message: str
    severity: Severity = "warning"
    subject: str = ""

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

"""German number formatting: kept as an import path; the one implementation is
:mod:`kosmos.core.domain.numbers`."""

from __future__ import annotations

from kosmos.core.domain.numbers import NBSP, format_number, format_percent, format_signed, round_half_up

__all__ = ["NBSP", "format_number", "format_percent", "format_signed", "round_half_up"]

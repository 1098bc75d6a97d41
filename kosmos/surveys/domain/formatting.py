"""German number formatting for results, charts and tables (pure)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"


def round_half_up(value: float, decimals: int = 0) -> float:
    """Round as people expect (2.5 -> 3), not to even as ``round`` does."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def format_number(value: float, decimals: int = 0) -> str:
    """``1234.5`` -> ``"1.234,5"`` (German separators)."""
    rounded = round_half_up(value, decimals)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float, decimals: int = 0) -> str:
    """``42.0`` -> ``"42 %"`` with a no-break space, as German style guides ask."""
    return f"{format_number(value, decimals)}{NBSP}%"


def format_signed(value: float, decimals: int = 1, unit: str = "") -> str:
    """A difference with its sign: ``"+0,3"``, ``"−4 Prozentpunkte"`` (true minus sign)."""
    rounded = round_half_up(value, decimals)
    sign = "+" if rounded > 0 else "\u2212" if rounded < 0 else "\u00b1"
    text = f"{sign}{format_number(abs(rounded), decimals)}"
    return f"{text}{NBSP}{unit}" if unit else text

"""Question numbers as the catalogue shows them: criterion, then the running number of the
question within it (1.1, 1.2, …, 2.1), the same on the rating, evidence and consensus pages and
in the report, whatever order a page lists the questions in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _canonical(item: Any) -> tuple:
    unit = item.unit
    return (unit.criterion.order, unit.criterion.code, unit.order, unit.code, item.order, item.id)


def number_items(items: Iterable[Any]) -> list[Any]:
    """Set ``item.number`` on every item (items with ``unit__criterion`` loaded); returns them
    in the order given. Needs all items of the assessment to count right."""
    items = list(items)
    running: dict[str, int] = {}
    for item in sorted(items, key=_canonical):
        code = item.unit.criterion.code
        running[code] = running.get(code, 0) + 1
        item.number = f"{code}.{running[code]}"
    return items

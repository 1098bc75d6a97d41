"""Seats of a workshop: who gets a place and who waits, and who moves up when a place frees.

Pure (no Django). A workshop may have an overall capacity and topic rooms with their own
capacity; ``None`` means unlimited. A registration takes a seat only when both the workshop and
its chosen room have one free; otherwise it joins the waiting list. When a seat frees, the
waiting list is walked in order of registration and everybody who now fits moves up — a later
registration for a room with space may overtake an earlier one whose room is still full.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

REGISTERED = "registered"
WAITING = "waiting"


def free(capacity: int | None, taken: int) -> int | None:
    """Free seats (never negative), or ``None`` for unlimited."""
    if capacity is None:
        return None
    if capacity < 0 or taken < 0:
        raise ValueError("capacity and taken seats cannot be negative")
    return max(capacity - taken, 0)


def _fits(free_seats: int | None) -> bool:
    return free_seats is None or free_seats > 0


def placement(event_free: int | None, room_free: int | None = None) -> str:
    """``registered`` when the workshop and the chosen room both have a free seat, else ``waiting``."""
    return REGISTERED if _fits(event_free) and _fits(room_free) else WAITING


@dataclass(frozen=True)
class Waiting:
    id: Hashable
    room: Hashable | None  # None: the workshop has no topic rooms or none was chosen


def move_up(
    event_free: int | None,
    room_free: Mapping[Hashable, int | None],
    waiting: Iterable[Waiting],
) -> list[Hashable]:
    """The ids of the waiting registrations that get a seat now, in waiting-list order.

    ``room_free`` gives the free seats per room; a room missing from it counts as unlimited.
    """
    rooms = dict(room_free)
    promoted: list[Hashable] = []
    for entry in waiting:
        if event_free is not None and event_free <= 0:
            break
        room_seats = rooms.get(entry.room) if entry.room is not None else None
        if not _fits(room_seats):
            continue
        promoted.append(entry.id)
        if event_free is not None:
            event_free -= 1
        if entry.room is not None and room_seats is not None:
            rooms[entry.room] = room_seats - 1
    return promoted

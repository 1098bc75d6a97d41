"""The pure seat rules of workshops: who gets a seat, who waits, who moves up (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kosmos.programme.domain import seats
from kosmos.programme.domain.seats import Waiting


def test_a_seat_needs_room_in_the_workshop_and_in_the_chosen_topic_room():
    assert seats.placement(seats.free(80, 79)) == seats.REGISTERED
    assert seats.placement(seats.free(80, 80)) == seats.WAITING
    assert seats.placement(seats.free(None, 500)) == seats.REGISTERED
    assert seats.placement(seats.free(80, 10), seats.free(20, 20)) == seats.WAITING
    assert seats.placement(seats.free(None, 10), seats.free(20, 19)) == seats.REGISTERED


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        seats.free(-1, 0)


def test_a_later_registration_for_a_room_with_space_overtakes_one_whose_room_is_full():
    waiting = [Waiting("a", "health"), Waiting("b", "digital"), Waiting("c", "digital")]
    assert seats.move_up(2, {"health": 0, "digital": 1}, waiting) == ["b"]


def test_the_waiting_list_moves_up_in_order_until_the_workshop_is_full():
    waiting = [Waiting(i, None) for i in range(5)]
    assert seats.move_up(3, {}, waiting) == [0, 1, 2]
    assert seats.move_up(0, {}, waiting) == []
    assert seats.move_up(None, {}, waiting) == [0, 1, 2, 3, 4]


@given(
    event_free=st.one_of(st.none(), st.integers(0, 6)),
    room_free=st.dictionaries(st.sampled_from("abc"), st.one_of(st.none(), st.integers(0, 4))),
    rooms=st.lists(st.one_of(st.none(), st.sampled_from("abcd")), max_size=12),
)
def test_moving_up_never_overfills_the_workshop_or_a_room_and_keeps_the_order(event_free, room_free, rooms):
    waiting = [Waiting(i, room) for i, room in enumerate(rooms)]
    promoted = seats.move_up(event_free, room_free, waiting)
    assert promoted == sorted(promoted)
    if event_free is not None:
        assert len(promoted) <= event_free
    for room, free in room_free.items():
        if free is not None:
            assert sum(1 for i in promoted if rooms[i] == room) <= free
    # nobody who would still fit is left waiting behind the promoted ones
    if event_free is None or len(promoted) < event_free:
        left_rooms = dict(room_free)
        for i in promoted:
            if rooms[i] in left_rooms and left_rooms[rooms[i]] is not None:
                left_rooms[rooms[i]] -= 1
        for i, room in enumerate(rooms):
            if i not in promoted:
                assert room is not None and left_rooms.get(room, 1) is not None and left_rooms.get(room, 1) <= 0

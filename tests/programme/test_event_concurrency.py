"""Two Jobcenters take the last seat at the same moment: exactly one gets it, the other waits.

The one test of the workshops that needs committed data (concurrency is the point): each thread
has its own database connection; the row lock on the workshop (``select_for_update`` on
PostgreSQL, an IMMEDIATE transaction on SQLite) serialises the seat decision.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from kosmos.programme import services_events as services
from kosmos.programme.models import Registration, RegistrationStatus
from tests.programme import exchange_builders as build


@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_seat_at_once_give_one_seat_and_one_waiting_place(world):
    event = build.event(capacity=1)
    people = [(world.staff, world.freiburg), (world.outsider, world.ulm)]
    start = threading.Barrier(len(people))
    errors: list[BaseException] = []

    def register(user, organisation) -> None:  # noqa: ANN001
        try:
            start.wait(timeout=10)
            services.do_register(acting_user=user, event=event, organisation=organisation, participant=user)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=person) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    statuses = sorted(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses == [RegistrationStatus.REGISTERED, RegistrationStatus.WAITING]

from __future__ import annotations

import os

import pytest
from hypothesis import settings as hypothesis_settings

# CI (`.ci/run` sets HYPOTHESIS_PROFILE=ci): the same examples on every run, no example database,
# no per-example deadline (two xdist workers share two cores). Tests that set max_examples keep theirs.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, deadline=None, max_examples=100,
                                     print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def world(db):  # noqa: ANN001 - pytest-django's db fixture
    """The standard test world (tests/factories.py): two Jobcenters and one actor per role."""
    from tests.factories import build_world

    return build_world()


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker):  # noqa: ANN001, ANN201
    """The demo data, loaded once per test process (each xdist worker) and kept as a snapshot.

    The database is put back as it was right away; a transactional test that needs the demo
    committed calls ``demo_snapshot.restore()`` (its teardown empties the tables again).
    """
    from kosmos.core.demo import load_demo
    from tests import snapshot

    with django_db_blocker.unblock():
        before = snapshot.take()
        load_demo()
        demo = snapshot.take()
        before.restore()
    return demo


@pytest.fixture
def client_for():
    """A logged-in test client for a user (or an anonymous one for None)."""
    from django.test import Client

    def make(user) -> Client:  # noqa: ANN001
        client = Client()
        if user is not None:
            client.force_login(user, backend="kosmos.core.auth_backends.EmailBackend")
        return client

    return make

from __future__ import annotations

import pytest


@pytest.fixture
def world(db):  # noqa: ANN001 - pytest-django's db fixture
    """The standard test world (tests/factories.py): two Jobcenters and one actor per role."""
    from tests.factories import build_world

    return build_world()


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

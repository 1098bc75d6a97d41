from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import World, build_world


@pytest.fixture
def world(db) -> World:  # noqa: ANN001 - pytest-django's db fixture
    return build_world()


@pytest.fixture
def client_for():
    """A logged-in test client for a user (or an anonymous one for None)."""

    def make(user) -> Client:  # noqa: ANN001
        client = Client()
        if user is not None:
            client.force_login(user, backend="kosmos.core.auth_backends.EmailBackend")
        return client

    return make

"""Helpers shared by the core tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kosmos.core import services
from kosmos.core.models import Invitation, Organisation, User
from kosmos.core.roles import Role


def token_of(link: str) -> str:
    """The token at the end of an invitation link ``…/einladung/<token>/``."""
    return link.rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture
def invite(world) -> Callable[..., tuple[Invitation, str]]:  # noqa: ANN001
    """Invite someone to Freiburg as its quality manager; returns the invitation and the plain token.

    The e-mail goes out on commit; tests that read it wrap the call in
    ``django_capture_on_commit_callbacks(execute=True)``.
    """

    def make(
        email: str = "neu@test.example",
        role: str = Role.STAFF,
        *,
        by: User | None = None,
        organisation: Organisation | None = None,
        full_name: str = "",
    ) -> tuple[Invitation, str]:
        invitation, link = services.do_invite_member(
            acting_user=by or world.qm,
            organisation=organisation or world.freiburg,
            email=email,
            role=role,
            full_name=full_name,
        )
        return invitation, token_of(link)

    return make

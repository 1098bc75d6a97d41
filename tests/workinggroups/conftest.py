"""Fixtures of the working-group tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _reference_data(request):  # noqa: ANN001, ANN202
    """The EFQM model rows come from a data migration; a transactional test may have flushed them."""
    if request.node.get_closest_marker("django_db") or "world" in request.fixturenames:
        from kosmos.assessments.model_sync import ensure_reference_data

        request.getfixturevalue("db")
        ensure_reference_data()


@pytest.fixture(autouse=True)
def _german():  # noqa: ANN202
    """Messages are checked in German, the users' language, whatever a previous test left active."""
    from django.utils import translation

    with translation.override("de"):
        yield

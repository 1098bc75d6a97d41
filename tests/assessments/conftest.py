"""Fixtures of the assessment tests: Freiburg's assessments in their phases."""

from __future__ import annotations

import pytest

from kosmos.assessments.models import Method, Phase
from tests.assessments import builders
from tests.factories import make_member, make_organisation


@pytest.fixture(autouse=True)
def _reference_data(request):  # noqa: ANN001, ANN202
    """The model rows come from a data migration; a transactional test elsewhere may have flushed them."""
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames or "world" in request.fixturenames:
        from kosmos.assessments.model_sync import ensure_reference_data

        request.getfixturevalue("db")
        ensure_reference_data()


@pytest.fixture
def workshop(world):  # noqa: ANN001, ANN201
    """A prepared workshop assessment (starter set fixed) with management and assessor in the group."""
    return builders.prepare(builders.create(world.freiburg, world.qm), world.qm, [world.management, world.assessor])


@pytest.fixture
def rating_phase(world):  # noqa: ANN001, ANN201
    return builders.assessment_in_phase(world, Phase.RATING)


@pytest.fixture
def consensus_phase(world):  # noqa: ANN001, ANN201
    return builders.assessment_in_phase(world, Phase.CONSENSUS)


@pytest.fixture
def completed(world):  # noqa: ANN001, ANN201
    return builders.assessment_in_phase(world, Phase.COMPLETED)


@pytest.fixture
def quick_check(world):  # noqa: ANN001, ANN201
    assessment = builders.create(world.freiburg, world.qm, Method.QUICK_CHECK, title="Quick-Check")
    return builders.prepare(assessment, world.qm, [world.management, world.assessor])


@pytest.fixture
def second_assessor(world):  # noqa: ANN001, ANN201
    from kosmos.core.roles import Role

    return make_member(world.freiburg, "bewertung2@test.example", "Bea Bewertung", Role.ASSESSOR)


@pytest.fixture
def pforzheim(world):  # noqa: ANN001, ANN201
    from kosmos.core.roles import Role

    organisation = make_organisation("pforzheim", "Jobcenter Pforzheim", form="zkt")
    qm = make_member(organisation, "qm@pforzheim.test", "Paula Pforzheim", Role.QUALITY_MANAGER)
    staff = make_member(organisation, "team@pforzheim.test", "Theo Team", Role.STAFF)
    return organisation, qm, staff

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


# The PostgreSQL stage of CI (`make test-postgres`, KOSMOS_DATABASE_URL set) runs the tests that
# touch the database. Tests without a database ran in the SQLite stage of the same CI run, byte for
# byte the same code, and browser tests check pages and keyboard paths that the database does not
# change; both are deselected here (pytest reports them as "deselected", with the reason below).
# KOSMOS_TEST_EVERYTHING=1 runs everything on PostgreSQL too.
_DB_FIXTURES = frozenset({"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
                          "live_server"})


def _uses_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("django_db") is not None:
        return True
    if _DB_FIXTURES.intersection(getattr(item, "fixturenames", ())):
        return True
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    return cls is not None and issubclass(cls, TransactionTestCase)


def _postgres_subset() -> bool:
    return bool(os.environ.get("KOSMOS_DATABASE_URL")) and not os.environ.get("KOSMOS_TEST_EVERYTHING")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not _postgres_subset():
        return
    keep, dropped = [], []
    for item in items:
        (keep if _uses_database(item) and item.get_closest_marker("browser") is None else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
        config._kosmos_postgres_dropped = len(dropped)  # noqa: SLF001 - read in the summary below


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:  # noqa: ANN001
    if not _postgres_subset() or hasattr(config, "workerinput"):
        return
    dropped = getattr(config, "_kosmos_postgres_dropped", None)  # None under xdist: workers collect
    count = f"{dropped} tests" if dropped is not None else "Tests"
    terminalreporter.write_line(
        f"PostgreSQL stage: {count} without a database and browser tests were deselected "
        "(they run in the SQLite stage; KOSMOS_TEST_EVERYTHING=1 runs them here too)."
    )

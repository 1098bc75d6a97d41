"""The demo snapshot that the browser and gunicorn tests restore is the demo, row for row."""

from __future__ import annotations

import pytest

from kosmos.core.models import Organisation, SearchDocument
from tests import snapshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_restored_snapshot_holds_every_row_of_the_demo(demo_snapshot) -> None:  # noqa: ANN001
    demo_snapshot.restore()

    expected = demo_snapshot.table_rows()
    restored = snapshot.take().table_rows()
    assert restored.keys() == expected.keys()
    for table, rows in expected.items():
        assert sorted(map(repr, restored[table])) == sorted(map(repr, rows)), table
    assert Organisation.objects.filter(kind="jobcenter").count() == 16
    assert SearchDocument.objects.exists()


def test_a_restored_snapshot_replaces_what_was_there_and_keeps_ids_going(demo_snapshot) -> None:  # noqa: ANN001
    Organisation.objects.create(slug="zwischendurch", name="Jobcenter Zwischendurch", kind="jobcenter", form="ge")

    demo_snapshot.restore()

    assert not Organisation.objects.filter(slug="zwischendurch").exists()
    newest = max(row[0] for row in demo_snapshot.table_rows()["core_organisation"])
    created = Organisation.objects.create(slug="danach", name="Jobcenter Danach", kind="jobcenter", form="ge")
    assert created.pk > newest

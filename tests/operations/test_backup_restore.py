"""A backup of the demo data restored into an empty database keeps every row."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from tests.operations.test_gunicorn import database_url


def row_counts_django() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - table names from introspection
            counts[table] = cursor.fetchone()[0]
    return counts


def test_backup_and_restore_into_an_empty_database_keeps_every_row(transactional_db, demo_snapshot,  # noqa: ANN001
                                                                    tmp_path: Path) -> None:
    demo_snapshot.restore()
    before = row_counts_django()
    assert before["core_organisation"] >= 17 and before["core_user"] > 10
    backup_file = tmp_path / "kosmos.backup"
    call_command("backup", str(backup_file))
    assert backup_file.stat().st_size > 0

    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        target = tmp_path / "restored.sqlite3"
        call_command("restore", str(backup_file), into=f"sqlite:///{target}")
        import sqlite3

        restored = sqlite3.connect(target)
        after = {t: restored.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in before}  # noqa: S608
        restored.close()
    else:
        name = f"restore_{uuid.uuid4().hex[:8]}"
        admin_url = database_url().rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            target_url = database_url().rsplit("/", 1)[0] + f"/{name}"
            call_command("restore", str(backup_file), into=target_url)
            with psycopg.connect(target_url) as restored:
                after = {t: restored.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in before}  # noqa: S608
        finally:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    assert after == before


def test_restore_refuses_a_database_that_is_not_empty(tmp_path: Path, db) -> None:  # noqa: ANN001
    from django.core.management.base import CommandError

    source = tmp_path / "backup.sqlite3"
    source.write_bytes(b"")
    target = tmp_path / "full.sqlite3"
    target.write_bytes(b"not empty")
    with pytest.raises(CommandError, match="nicht leer"):
        call_command("restore", str(source), into=f"sqlite:///{target}")

"""A copy of the whole database, restored before each test that needs the demo committed: the
demo is loaded once per test process (browser and gunicorn tests run with ``transactional_db``,
which empties every table after each test).

SQLite: the file's pages through SQLite's backup API (FTS5 tables included). PostgreSQL: every
table's rows, put back with ``DELETE`` and ``COPY`` in one transaction (Django creates foreign
keys ``DEFERRABLE INITIALLY DEFERRED``, so the order of the tables does not matter).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

SKIPPED = {"django_migrations"}


@dataclass
class Snapshot:
    pages: sqlite3.Connection | None = None  # SQLite: an in-memory copy of the database
    rows: dict[str, tuple[list[str], list[tuple]]] = field(default_factory=dict)  # PostgreSQL

    def restore(self) -> None:
        """Make the database what it was when the snapshot was taken."""
        if self.pages is not None:
            connection.ensure_connection()
            self.pages.backup(connection.connection)
            return
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table in self.rows:  # DELETE: cheaper than TRUNCATE on the (nearly) empty tables it finds
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 - names from introspection
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            for table, (columns, rows) in self.rows.items():
                if rows:
                    names = ", ".join(quote(column) for column in columns)
                    with raw.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
                cursor.execute(statement)

    def table_rows(self) -> dict[str, list[tuple]]:
        """Every table's rows, for comparing two states."""
        if self.pages is None:
            return {table: rows for table, (_columns, rows) in self.rows.items()}
        names = [row[0] for row in self.pages.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: self.pages.execute(f'SELECT * FROM "{name}"').fetchall() for name in names  # noqa: S608
                if name not in SKIPPED}


def take() -> Snapshot:
    """Copy the database as the current connection sees it (committed or not)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        pages = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(pages)
        return Snapshot(pages=pages)
    rows: dict[str, tuple[list[str], list[tuple]]] = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table in SKIPPED:
                continue
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - names from introspection
            rows[table] = ([column[0] for column in cursor.description], [tuple(row) for row in cursor.fetchall()])
    return Snapshot(rows=rows)

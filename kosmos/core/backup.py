"""Backup and restore of the whole database, for SQLite and PostgreSQL.

PostgreSQL uses pg_dump's custom format and pg_restore; SQLite uses its online backup API, so a
backup can be taken while the platform runs.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - runs pg_dump/pg_restore with fixed arguments
from pathlib import Path
from typing import Any

import dj_database_url


class BackupError(RuntimeError):
    pass


def _pg_env(db: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict[str, Any]) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return args


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} fehlt: Bitte installieren Sie den PostgreSQL-Client (Debian: postgresql-client).")
    return path


def backup(db: dict[str, Any], target: Path) -> None:
    engine = db["ENGINE"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if engine.endswith("sqlite3"):
        source = sqlite3.connect(str(db["NAME"]))
        try:
            dest = sqlite3.connect(str(target))
            with dest:
                source.backup(dest)
            dest.close()
        finally:
            source.close()
    elif engine.endswith("postgresql"):
        cmd = [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(target), *_pg_args(db), str(db["NAME"])]
        result = subprocess.run(cmd, env=_pg_env(db), capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise BackupError(f"pg_dump ist fehlgeschlagen: {result.stderr.strip()}")
    else:
        raise BackupError(f"Datenbank {engine} wird nicht unterstützt.")


def restore(source: Path, database_url: str) -> None:
    """Restore a backup into an empty database given by its URL."""
    if not source.exists():
        raise BackupError(f"Die Sicherung {source} gibt es nicht.")
    db = dj_database_url.parse(database_url)
    engine = db["ENGINE"]
    if engine.endswith("sqlite3"):
        target = Path(db["NAME"])
        if target.exists() and target.stat().st_size > 0:
            raise BackupError(f"Die Zieldatenbank {target} ist nicht leer; bitte eine neue Datei angeben.")
        backup_db = sqlite3.connect(str(source))
        try:
            dest = sqlite3.connect(str(target))
            with dest:
                backup_db.backup(dest)
            dest.close()
        finally:
            backup_db.close()
    elif engine.endswith("postgresql"):
        cmd = [
            _tool("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction",
            *_pg_args(db), "--dbname", str(db["NAME"]), str(source),
        ]
        result = subprocess.run(cmd, env=_pg_env(db), capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise BackupError(f"pg_restore ist fehlgeschlagen: {result.stderr.strip()}")
    else:
        raise BackupError(f"Datenbank {engine} wird nicht unterstützt.")

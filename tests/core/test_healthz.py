"""GET /healthz: 200 when the database answers, 503 when it does not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]

# Inside a fresh process pointed at a PostgreSQL port where nothing listens.
UNREACHABLE_DATABASE_PROBE = """
import json, django
django.setup()
from django.test import Client
response = Client(SERVER_NAME="localhost").get("/healthz")
print(json.dumps({"status": response.status_code, "body": json.loads(response.content)}))
"""


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers():
    response = Client().get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_needs_no_login_and_no_session(world):
    response = Client().get("/healthz")

    assert response.status_code == 200
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_fails(monkeypatch):
    def broken_cursor(*args: object, **kwargs: object) -> None:
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error"}


@pytest.mark.django_db
def test_healthz_only_answers_get():
    assert Client().post("/healthz").status_code == 405


def test_healthz_answers_503_when_postgresql_is_unreachable(tmp_path):
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "kosmos.settings",
        "KOSMOS_DEBUG": "1",
        "KOSMOS_DATABASE_URL": "postgres://x:y@127.0.0.1:1/none",
    }

    run = subprocess.run(
        [sys.executable, "-c", UNREACHABLE_DATABASE_PROBE],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60, check=False,
    )

    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result == {"status": 503, "body": {"status": "error", "database": "error"}}

"""gunicorn with two workers serves the platform on the suite's database (SQLite or PostgreSQL):
health check, login and the dashboard."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from kosmos.core.demo import DEMO_PASSWORD
from kosmos.core.models import User

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = urllib.parse.quote(db["USER"])
    password = urllib.parse.quote(db["PASSWORD"])
    return f"postgres://{user}:{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(transactional_db, demo_snapshot):  # noqa: ANN001
    demo_snapshot.restore()
    # The suite hashes with MD5 for speed; the server process uses the production hashers.
    User.objects.filter(email="qm@freiburg.example").update(
        password=PBKDF2PasswordHasher().encode(DEMO_PASSWORD, PBKDF2PasswordHasher().salt())
    )
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "KOSMOS_DEBUG": "1",
        "KOSMOS_DATABASE_URL": database_url(),
        "KOSMOS_ALLOWED_HOSTS": "127.0.0.1",
    }
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "kosmos.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--access-logfile", "-"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"gunicorn ended: {process.stdout.read()}")
            time.sleep(0.2)
    yield base, process
    process.terminate()
    process.wait(timeout=10)
    print(process.stdout.read())  # gunicorn's log, shown when the test fails


def test_gunicorn_with_two_workers_serves_health_login_and_dashboard(gunicorn) -> None:  # noqa: ANN001
    base, process = gunicorn
    with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
        assert response.status == 200
        assert json.loads(response.read()) == {"status": "ok", "database": "ok"}

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_page = opener.open(base + "/anmelden/", timeout=5).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "qm@freiburg.example", "password": DEMO_PASSWORD}
    ).encode()
    request = urllib.request.Request(base + "/anmelden/", data=form, headers={"Referer": base + "/anmelden/"})
    with opener.open(request, timeout=10) as response:
        assert response.url.endswith("/o/freiburg/"), response.url
        html = response.read().decode()
    assert "<h1 class=\"kern-heading-large\">Jobcenter Freiburg i. Br.</h1>" in html
    # Two worker processes besides the master.
    workers = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    assert len(workers) == 2

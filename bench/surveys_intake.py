"""Intake: completed submissions per second against gunicorn (2 workers), PostgreSQL.

1. A one-page customer survey (a group question, rating scales, choices, a number, a free text)
   with an open link is set up and started.
2. gunicorn serves the project with 2 workers (gthread, 4 threads each) on 127.0.0.1, with the
   production settings (DEBUG off).
3. Respondents open the answer page (GET; this hands out the signed form state with its nonce).
4. For 60 seconds, 200 respondents per second send their answers (POST): a thread pool with
   Python's http.client (what urllib uses, with kept-alive connections as browsers keep them)
   against 127.0.0.1 only, paced by a fixed schedule; exactly DURATION × RATE posts, then it
   stops by itself. Every answer must come back as the redirect to the thank-you page.
5. Count check: the wave holds exactly as many responses as submissions succeeded, and no error.

The peer: SoSci Survey states 500–1,000 interviews per *hour* on a standard server.

Run:  source scripts/postgres-env.sh && .venv/bin/python bench/surveys_intake.py
      (RATE and DURATION may be set as environment variables: SURVEY_BENCH_RATE, SURVEY_BENCH_SECONDS)
Prints one JSON object.
"""

from __future__ import annotations

import datetime as dt
import html
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RATE = int(os.environ.get("SURVEY_BENCH_RATE", "200"))
DURATION = int(os.environ.get("SURVEY_BENCH_SECONDS", "60"))
SUBMISSIONS = RATE * DURATION
SLUG = "bench-befragung"
SECRET = "bench-only-secret-" + "k7Qx2Lp9Vd4Rz8Tm3Nw6Ys1Hb5Gc0Fj" * 2
SERVER_ENV = {
    "KOSMOS_DEBUG": "0",
    "KOSMOS_SECRET_KEY": SECRET,
    "KOSMOS_ALLOWED_HOSTS": "127.0.0.1",
    "KOSMOS_EMAIL_URL": "console://",
    "KOSMOS_ACCESSIBILITY_CONTACT": "barrierefreiheit@bench.example",
    "KOSMOS_SSL_REDIRECT": "0",
    "KOSMOS_LOG_LEVEL": "ERROR",
}
os.environ.update({k: v for k, v in SERVER_ENV.items() if k != "KOSMOS_DEBUG"})
os.environ["KOSMOS_DEBUG"] = "0"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from kosmos.core.models import Membership, Organisation, User  # noqa: E402
from kosmos.surveys import services  # noqa: E402
from kosmos.surveys.models import Response, Survey  # noqa: E402

STATE = re.compile(r'name="state" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def setup_wave():  # noqa: ANN201
    organisation, _ = Organisation.objects.get_or_create(
        slug=SLUG, defaults={"name": "Jobcenter Benchmark", "kind": "jobcenter", "form": "ge"})
    user, _ = User.objects.get_or_create(email="qm@bench.example", defaults={"full_name": "Bench QM"})
    Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": "quality_manager"})
    survey = services.do_create_survey(acting_user=user, organisation=organisation, title="Intake-Benchmark",
                                       audience="customers")
    section = survey.sections.get()
    add = services.do_add_question
    add(acting_user=user, section=section, kind="single", text="Kundengruppe", options=["U25", "Ü25", "Ü50"],
        is_group=True)
    for i in range(1, 7):
        add(acting_user=user, section=section, kind="likert", text=f"Zufriedenheit {i}", scale_key="satisfaction5",
            no_answer=True, required=True)
    add(acting_user=user, section=section, kind="multiple", text="Kontaktwege", options=["Telefon", "E-Mail", "Vor Ort"])
    add(acting_user=user, section=section, kind="single", text="Termin online?", options=["Ja", "Nein"])
    add(acting_user=user, section=section, kind="number", text="Wartezeit in Minuten", number_min=0, number_max=600)
    add(acting_user=user, section=section, kind="text", text="Anmerkungen")
    today = timezone.localdate()
    wave = services.do_create_wave(acting_user=user, survey=survey, starts_on=today, ends_on=today + dt.timedelta(days=7))
    services.do_start_wave(acting_user=user, wave=wave)
    keys = dict(survey.questions.values_list("text", "key"))
    return wave, keys


def answers(keys: dict[str, str], i: int) -> dict[str, object]:
    data: dict[str, object] = {f"q_{keys['Kundengruppe']}": ["u25", "ue25", "ue50"][i % 3]}
    for n in range(1, 7):
        data[f"q_{keys[f'Zufriedenheit {n}']}"] = str(1 + (i * n) % 5)
    data[f"q_{keys['Kontaktwege']}"] = ["telefon", "vor_ort"] if i % 2 else ["e_mail"]
    data[f"q_{keys['Termin online?']}"] = "ja" if i % 3 else "nein"
    data[f"q_{keys['Wartezeit in Minuten']}"] = str(i % 90)
    if i % 4 == 0:
        data[f"q_{keys['Anmerkungen']}"] = f"Anmerkung Nummer {i}: bitte mehr Online-Termine."
    return data


_LOCAL = threading.local()


def _connection(port: int) -> http.client.HTTPConnection:
    """One kept-alive connection per client thread, as a browser keeps one per site."""
    connection = getattr(_LOCAL, "connection", None)
    if connection is None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        _LOCAL.connection = connection
    return connection


def _request(port: int, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
    for attempt in range(2):
        connection = _connection(port)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.read()
        except (http.client.HTTPException, OSError):
            connection.close()
            _LOCAL.connection = None
            if attempt:
                return 0, b""
    return 0, b""


def fetch_state(port: int, path: str) -> str:
    status, page = _request(port, "GET", path)
    assert status == 200, status
    return html.unescape(STATE.search(page.decode()).group(1))  # type: ignore[union-attr]


def submit(port: int, path: str, state: str, fields: dict[str, object]) -> tuple[int, float]:
    pairs: list[tuple[str, str]] = [("state", state), ("action", "submit")]
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((name, str(item)))
    body = urllib.parse.urlencode(pairs).encode()
    start = time.perf_counter()
    status, _body = _request(port, "POST", path, body)
    return status, time.perf_counter() - start


def wait_for(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def main() -> dict:
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    wave, keys = setup_wave()
    connection.close()
    port = free_port()
    env = {**os.environ, **SERVER_ENV}
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "kosmos.wsgi", "--workers", "2", "--worker-class", "gthread",
         "--threads", "4", "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--access-logfile", "-"
         if os.environ.get("SURVEY_BENCH_ACCESS_LOG") else "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        wait_for(port)
        path = f"/b/{wave.public_id}/"
        # 1. Respondents open the page.
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=8) as pool:
            states = list(pool.map(lambda _i: fetch_state(port, path), range(SUBMISSIONS)))
        open_seconds = time.perf_counter() - start
        # 2. They send their answers at RATE per second.
        results: list[tuple[int, float]] = []
        lock = threading.Lock()

        def task(i: int, due: float) -> None:
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            outcome = submit(port, path, states[i], answers(keys, i))
            with lock:
                results.append(outcome)

        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=48) as pool:
            for i in range(SUBMISSIONS):
                pool.submit(task, i, start + i / RATE)
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    stored = Response.objects.filter(wave=wave).count()
    ok = sum(1 for status, _ in results if status == 302)
    latencies = sorted(seconds * 1000 for _status, seconds in results)
    result = {
        "benchmark": "surveys_intake",
        "database": connection.vendor,
        "server": "gunicorn, 2 workers (gthread, 4 threads), DEBUG off, 127.0.0.1",
        "target_rate_per_s": RATE,
        "duration_s": DURATION,
        "submissions": SUBMISSIONS,
        "completed": ok,
        "errors": len(results) - ok,
        "stored_responses": stored,
        "stored_exactly_once": stored == ok == SUBMISSIONS,
        "elapsed_s": round(elapsed, 1),
        "sustained_rate_per_s": round(ok / elapsed, 1),
        "latency_ms": {"p50": round(statistics.median(latencies), 1),
                       "p95": round(latencies[int(len(latencies) * 0.95) - 1], 1),
                       "max": round(latencies[-1], 1)},
        "page_opens_per_s": round(SUBMISSIONS / open_seconds, 1),
        "peer": "SoSci Survey: 500-1,000 interviews per hour on a standard server (0.14-0.28 per second)",
    }
    result["target_met"] = result["errors"] == 0 and result["stored_exactly_once"] and result[
        "sustained_rate_per_s"] >= RATE * 0.98
    Survey.objects.filter(pk=wave.survey_id).delete()
    return result


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))

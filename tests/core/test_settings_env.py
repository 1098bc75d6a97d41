"""Settings come from KOSMOS_* environment variables and fail loudly, naming the variable.

The start-up cases run ``manage.py`` in subprocesses with a clean environment (all at once,
to keep the suite fast); the helpers of kosmos/env.py are tested directly.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kosmos import env

ROOT = Path(__file__).resolve().parents[2]
SECRET = secrets.token_urlsafe(45)  # 60 random characters


def production_env(tmp: Path, **changes: str | None) -> dict[str, str]:
    values: dict[str, str | None] = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp),
        "LANG": "C.UTF-8",
        "KOSMOS_DEBUG": "0",
        "KOSMOS_SECRET_KEY": SECRET,
        "KOSMOS_ALLOWED_HOSTS": "kosmos.example",
        "KOSMOS_EMAIL_URL": "smtp://u:p@mail.example:587",
        "KOSMOS_ACCESSIBILITY_CONTACT": "barrierefreiheit@kosmos.example",
        "KOSMOS_DATABASE_URL": f"sqlite:///{tmp}/x.sqlite3",
    }
    values.update(changes)
    return {k: v for k, v in values.items() if v is not None}


def scenarios(tmp: Path) -> dict[str, dict[str, str]]:
    secret_file = tmp / "secret_key"
    secret_file.write_text(SECRET + "\n", encoding="utf-8")
    return {
        "production": production_env(tmp),
        "no_secret": production_env(tmp, KOSMOS_SECRET_KEY=None),
        "short_secret": production_env(tmp, KOSMOS_SECRET_KEY="kurz-und-schlecht"),
        "secret_file": production_env(tmp, KOSMOS_SECRET_KEY=None, KOSMOS_SECRET_KEY_FILE=str(secret_file)),
        "missing_secret_file": production_env(
            tmp, KOSMOS_SECRET_KEY=None, KOSMOS_SECRET_KEY_FILE=str(tmp / "fehlt")
        ),
        "bad_debug": production_env(tmp, KOSMOS_DEBUG="vielleicht"),
        "bad_email": production_env(tmp, KOSMOS_EMAIL_URL="pigeon://taube.example"),
        "no_email": production_env(tmp, KOSMOS_EMAIL_URL=None),
        "no_accessibility_contact": production_env(tmp, KOSMOS_ACCESSIBILITY_CONTACT=None),
        "no_hosts": production_env(tmp, KOSMOS_ALLOWED_HOSTS=None),
        "bad_database": production_env(tmp, KOSMOS_DATABASE_URL="nosuchdb://irgendwo"),
        "bad_session": production_env(tmp, KOSMOS_SESSION_IDLE_MINUTES="zwei Stunden"),
        "development": {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp),
            "KOSMOS_DEBUG": "1",
            "KOSMOS_DATABASE_URL": f"sqlite:///{tmp}/dev.sqlite3",
        },
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:  # noqa: ANN001
    """Run ``manage.py check --deploy --fail-level WARNING`` once per scenario, in parallel
    (development mode: a plain ``check``, since it is not a deployment)."""
    tmp = tmp_path_factory.mktemp("settings")
    started = {}
    for name, environment in scenarios(tmp).items():
        command = [sys.executable, "manage.py", "check", "--fail-level", "WARNING"]
        if name != "development":
            command.append("--deploy")
        started[name] = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    results = {}
    for name, process in started.items():
        stdout, stderr = process.communicate(timeout=120)
        results[name] = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    return results


def test_a_complete_production_environment_passes_the_deploy_check_without_warnings(runs):
    run = runs["production"]

    assert run.returncode == 0, run.stderr
    assert "System check identified no issues" in run.stdout
    assert "WARNING" not in run.stdout + run.stderr


def test_a_secret_key_file_works_instead_of_the_variable(runs):
    run = runs["secret_file"]

    assert run.returncode == 0, run.stderr
    assert "System check identified no issues" in run.stdout


def test_development_mode_needs_no_configuration(runs):
    assert runs["development"].returncode == 0, runs["development"].stderr


@pytest.mark.parametrize(
    ("scenario", "variable"),
    [
        ("no_secret", "KOSMOS_SECRET_KEY"),
        ("short_secret", "KOSMOS_SECRET_KEY"),
        ("missing_secret_file", "KOSMOS_SECRET_KEY_FILE"),
        ("bad_debug", "KOSMOS_DEBUG"),
        ("bad_email", "KOSMOS_EMAIL_URL"),
        ("no_email", "KOSMOS_EMAIL_URL"),
        ("no_accessibility_contact", "KOSMOS_ACCESSIBILITY_CONTACT"),
        ("no_hosts", "KOSMOS_ALLOWED_HOSTS"),
        ("bad_database", "KOSMOS_DATABASE_URL"),
        ("bad_session", "KOSMOS_SESSION_IDLE_MINUTES"),
    ],
)
def test_a_missing_or_bad_value_stops_start_up_and_names_the_variable(runs, scenario, variable):
    run = runs[scenario]

    assert run.returncode != 0
    assert f"ImproperlyConfigured: {variable}" in run.stderr
    assert SECRET not in run.stderr


def test_the_error_for_a_bad_value_quotes_it(runs):
    assert "'vielleicht'" in runs["bad_debug"].stderr
    assert "'pigeon'" in runs["bad_email"].stderr


# --- kosmos/env.py -----------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("true", True), ("Ja", True), (" on ", True),
                                               ("0", False), ("false", False), ("nein", False), ("", False)])
def test_env_bool_understands_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("KOSMOS_X", raw)

    assert env.env_bool("KOSMOS_X", not expected) is expected


def test_env_bool_refuses_anything_else_and_names_the_variable(monkeypatch):
    monkeypatch.setenv("KOSMOS_X", "vielleicht")

    with pytest.raises(ImproperlyConfigured, match="KOSMOS_X must be a boolean"):
        env.env_bool("KOSMOS_X", False)


def test_unset_variables_give_the_default(monkeypatch):
    monkeypatch.delenv("KOSMOS_X", raising=False)
    monkeypatch.delenv("KOSMOS_X_FILE", raising=False)

    assert env.env_bool("KOSMOS_X", True) is True
    assert env.env_int("KOSMOS_X", 7) == 7
    assert env.env_str("KOSMOS_X", "standard") == "standard"
    assert env.env_str("KOSMOS_X") == ""
    assert env.env_list("KOSMOS_X", ["a"]) == ["a"]


def test_env_str_required_names_the_variable_and_its_file_variant(monkeypatch):
    monkeypatch.setenv("KOSMOS_X", "")

    with pytest.raises(ImproperlyConfigured, match=r"KOSMOS_X must be set \(environment variable or KOSMOS_X_FILE\)"):
        env.env_str("KOSMOS_X", required=True)


def test_env_int_checks_number_and_bounds(monkeypatch):
    monkeypatch.setenv("KOSMOS_X", "12")
    assert env.env_int("KOSMOS_X", 1, minimum=5, maximum=30) == 12

    monkeypatch.setenv("KOSMOS_X", "zwölf")
    with pytest.raises(ImproperlyConfigured, match="KOSMOS_X must be a whole number, got 'zwölf'"):
        env.env_int("KOSMOS_X", 1)

    monkeypatch.setenv("KOSMOS_X", "4")
    with pytest.raises(ImproperlyConfigured, match="KOSMOS_X must be at least 5, got 4"):
        env.env_int("KOSMOS_X", 1, minimum=5)

    monkeypatch.setenv("KOSMOS_X", "31")
    with pytest.raises(ImproperlyConfigured, match="KOSMOS_X must be at most 30, got 31"):
        env.env_int("KOSMOS_X", 1, maximum=30)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("KOSMOS_X", " kosmos.example, ,www.kosmos.example ,")

    assert env.env_list("KOSMOS_X", []) == ["kosmos.example", "www.kosmos.example"]


def test_a_file_variable_wins_and_is_stripped(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("  aus-der-datei\n", encoding="utf-8")
    monkeypatch.setenv("KOSMOS_X", "aus-der-umgebung")
    monkeypatch.setenv("KOSMOS_X_FILE", str(secret))

    assert env.env_str("KOSMOS_X") == "aus-der-datei"


def test_an_unreadable_file_variable_names_itself(monkeypatch, tmp_path):
    monkeypatch.setenv("KOSMOS_X_FILE", str(tmp_path / "fehlt"))

    with pytest.raises(ImproperlyConfigured, match="KOSMOS_X_FILE: file .*fehlt cannot be read"):
        env.env_str("KOSMOS_X")

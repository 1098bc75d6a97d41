# Qualitätskosmos – everyday commands. `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
MANAGE := $(PY) manage.py
VENDOR := kosmos/static/vendor
export KOSMOS_DEBUG ?= 1
# The suite runs in parallel (pytest-xdist: one test database, one Chromium and one demo snapshot
# per worker; a test module stays on one worker, so module-scoped fixtures run once).
# PYTEST_WORKERS=0 runs it in one process; PYTEST_ARGS adds options, e.g. PYTEST_ARGS=--durations=25.
PYTEST_WORKERS ?= auto
PYTEST := .venv/bin/pytest -q -n $(PYTEST_WORKERS) --dist loadscope $(PYTEST_ARGS)

.PHONY: run serve install static messages migrate demo test lint check-migrations pytest browser-deps bench test-postgres clean

run: install migrate demo ## install everything, migrate, load demo data, serve on http://127.0.0.1:8000
	@echo "Qualitätskosmos läuft auf http://127.0.0.1:8000 (Strg+C beendet)."
	$(MANAGE) runserver 127.0.0.1:8000

serve: ## serve without re-installing
	$(MANAGE) runserver 127.0.0.1:8000

install: .venv/.installed node_modules/.installed static messages

.venv/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static: node_modules/.installed
	mkdir -p $(VENDOR)/kern $(VENDOR)/htmx $(VENDOR)/axe
	cp node_modules/@kern-ux/native/dist/kern.min.css $(VENDOR)/kern/
	rm -rf $(VENDOR)/kern/fonts && cp -r node_modules/@kern-ux/native/dist/fonts $(VENDOR)/kern/fonts
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	cp node_modules/axe-core/axe.min.js $(VENDOR)/axe/

messages: .venv/.installed
	@command -v msgfmt >/dev/null || scripts/apt-install.sh gettext
	cd kosmos && ../$(PY) ../manage.py compilemessages -v 0

migrate: .venv/.installed
	$(MANAGE) migrate --no-input -v 0

demo: .venv/.installed
	$(MANAGE) load_demo

lint: .venv/.installed
	.venv/bin/ruff check .

check-migrations: .venv/.installed
	$(MANAGE) makemigrations --check --dry-run

browser-deps:
	@test -x /usr/bin/chromium || scripts/apt-install.sh chromium

pytest: install browser-deps
	$(PYTEST)

test: install lint check-migrations browser-deps ## the whole suite: lint, migrations, unit, permission and browser tests
	$(PYTEST)

test-postgres: install browser-deps ## the suite against a local PostgreSQL (started if needed)
	source scripts/postgres-env.sh && $(PYTEST)

bench: install ## benchmarks, each printing JSON (SQLite, then PostgreSQL for the survey figures)
	$(PY) bench/language_bench.py
	$(PY) bench/language_page.py
	$(PY) bench/assessments_consensus.py
	$(PY) bench/office_guard.py
	$(PY) bench/search.py
	$(PY) bench/surveys_aggregation.py
	$(PY) bench/training_compliance.py
	$(PY) bench/practice_comparisons.py
	$(PY) bench/programme_report.py
	$(PY) bench/programme_board.py
	$(PY) bench/knowledge_import.py
	$(PY) bench/knowledge_search.py && (source scripts/postgres-env.sh && $(PY) bench/knowledge_search.py)
	$(PY) bench/channels_benchmark.py && (source scripts/postgres-env.sh && $(PY) bench/channels_benchmark.py)
	source scripts/postgres-env.sh && $(PY) bench/surveys_aggregation.py && $(PY) bench/search.py && $(PY) bench/surveys_intake.py

clean:
	rm -rf .venv node_modules $(VENDOR) var

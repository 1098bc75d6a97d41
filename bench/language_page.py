"""What the language pages add on top of the analysis engine (one JSON object on stdout).

* check page: median wall time of POST /o/<org>/sprache/ with the 600-word letter of
  bench/language_bench.py (the whole Django stack in-process: middleware, session, tenancy,
  form, glossary query, analysis, marking, template), against its peer, the engine alone
  (``analyse()`` of the same letter with the same glossary) measured in the same run;
  ``page_overhead_ms`` is the difference.
* library page: median of GET /o/<org>/sprache/vorlagen/ with TEMPLATES templates of two
  versions each (cached analyses), against its peer, analysing every current version afresh
  (what the table would cost without the cache); plus its SQL query count.

Run: .venv/bin/python bench/language_page.py   (uses a throw-away SQLite database)
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("KOSMOS_DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from language_bench import LETTER  # noqa: E402

RUNS = 30
LIBRARY_RUNS = 10
TEMPLATES = 200


def _median_ms(fn, runs: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def main() -> dict[str, object]:
    from kosmos.core.models import Membership, Organisation, User
    from kosmos.language import services
    from kosmos.language.analysis import analyse
    from kosmos.language.demo_letters import FREIBURG_GLOSSARY, FREIBURG_LETTERS

    organisation = Organisation.objects.create(slug="bench", name="Jobcenter Bench", kind="jobcenter", form="ge")
    user = User.objects.create_user("qm@bench.example", "bench-passwort-2026", full_name="Bench QM")
    Membership.objects.create(user=user, organisation=organisation, role="quality_manager")
    for kind, term, replacement, variants, explanation in FREIBURG_GLOSSARY:
        services.do_create_glossary_entry(acting_user=user, organisation=organisation, kind=kind, term=term,
                                          replacement=replacement, variants=variants, explanation=explanation)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user, backend="kosmos.core.auth_backends.EmailBackend")

    check_url = "/o/bench/sprache/"
    glossary = services.glossary_state(organisation).glossary
    analyse(LETTER, "brief", glossary)  # loads the word frequencies once

    def post() -> None:
        response = client.post(check_url, {"text": LETTER, "text_type": "brief"})
        assert response.status_code == 200 and b'id="ergebnis"' in response.content

    post()
    engine_ms = _median_ms(lambda: analyse(LETTER, "brief", glossary), RUNS)
    page_ms = _median_ms(post, RUNS)

    start = time.perf_counter()
    texts = []
    for i in range(TEMPLATES):
        name, category, text_type, _, versions = FREIBURG_LETTERS[i % len(FREIBURG_LETTERS)]
        template = services.do_create_template(
            acting_user=user, organisation=organisation, name=f"{name} {i}", category=category,
            text_type=text_type, text=versions[0][2],
        )
        services.do_add_version(acting_user=user, template=template, text=versions[-1][2])
        texts.append((versions[-1][2], text_type))
    save_ms = round((time.perf_counter() - start) * 1000 / (2 * TEMPLATES), 1)

    library_url = "/o/bench/sprache/vorlagen/"

    def get_library() -> None:
        response = client.get(library_url)
        assert response.status_code == 200

    get_library()
    queries: list[str] = []

    def count(execute, sql, params, many, context):  # noqa: ANN001, ANN202
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        get_library()
    library_ms = _median_ms(get_library, LIBRARY_RUNS)
    uncached_ms = _median_ms(lambda: [analyse(text, tt, glossary) for text, tt in texts], 3)

    return {
        "benchmark": "language_page",
        "python": platform.python_version(),
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
        "letter_words": len(LETTER.split()),
        "check_page_median_ms": page_ms,
        "peer_engine_only_median_ms": engine_ms,
        "page_overhead_ms": round(page_ms - engine_ms, 1),
        "runs": RUNS,
        "library_templates": TEMPLATES,
        "library_versions": 2 * TEMPLATES,
        "library_page_median_ms": library_ms,
        "library_page_queries": len(queries),
        "peer_library_without_cache_ms": uncached_ms,
        "save_version_mean_ms": save_ms,
    }


if __name__ == "__main__":
    # Production-like: no query log, no instrumented template rendering (no setup_test_environment).
    settings.DEBUG = False
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        result = main()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(json.dumps(result, ensure_ascii=False))

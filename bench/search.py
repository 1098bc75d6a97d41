"""Platform search over 20,000 documents from 405 organisations: median query time and recall.

A staff member of one Jobcenter searches the German query set of ``tests/core/test_search.py``
(inflections, umlauts and ß, compounds) over an index where every organisation holds about 50
documents (70 % own, 20 % shared with the platform, 10 % with named partners). Planted documents
(the test corpus, in 20 organisations whose documents the reader may see) give the recall.
Timed per query: the search service with the visibility filter ("visible"), plus a module filter
("module filter"), plus an organisation filter ("organisation filter"). Named peer in the same
run: a naive ``icontains`` scan over title and text with the same visibility filter.

Run:  .venv/bin/python bench/search.py                                   (SQLite, var/bench-search.sqlite3)
      source scripts/postgres-env.sh && .venv/bin/python bench/search.py (PostgreSQL, own database)
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ORGANISATIONS = 405
DOCUMENTS = 20_000
PG_DATABASE = "kosmos_bench_search"

TOPICS = [
    "Beratung", "Suchtberatung", "Schuldnerberatung", "Gesundheitsförderung", "Bewegungskurs", "Ernährung",
    "Rückenschule", "Stressbewältigung", "Psychotherapie", "Selbsthilfegruppe", "Kinderbetreuung",
    "Familienzentrum", "Wohnungslosenhilfe", "Migrationsberatung", "Sprachkurs", "Bewerbungstraining",
    "Berufsorientierung", "Rehabilitation", "Reha-Sport", "Präventionskurs", "Raucherentwöhnung",
    "Entspannungstraining", "Sozialpsychiatrischer Dienst", "Erziehungsberatung", "Pflegeberatung",
]
WORDS = ["Angebot", "für", "Kund:innen", "im", "Landkreis", "mit", "Terminen", "nach", "Vereinbarung,", "kostenlos", "und", "barrierefrei.", "Die", "Beratungsstelle", "unterstützt", "bei", "Fragen", "zu", "Gesundheit,", "Arbeit", "und", "Familie.", "Anmeldung", "telefonisch", "oder", "per", "E-Mail,", "Ansprechperson", "im", "Netzwerk,", "Kostenübernahme", "durch", "die", "Krankenkasse", "möglich.", "Geeignet", "für", "Bedarfsgemeinschaften", "mit", "Kindern,", "Jugendliche", "unter", "25", "und", "Menschen", "über", "50.", "Sprachen:", "Deutsch,", "Englisch,", "Türkisch,", "Arabisch.", "Öffnungszeiten", "montags", "bis", "freitags."]


def _setup() -> None:
    os.environ.setdefault("KOSMOS_DEBUG", "1")
    url = os.environ.get("KOSMOS_DATABASE_URL", "")
    if url.startswith("postgres"):
        base, _, _name = url.rpartition("/")
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_DATABASE]).fetchone():
                conn.execute(f"CREATE DATABASE {PG_DATABASE}")
        os.environ["KOSMOS_DATABASE_URL"] = f"{base}/{PG_DATABASE}"
    else:
        (ROOT / "var").mkdir(exist_ok=True)
        os.environ["KOSMOS_DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench-search.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _generate(seed: int) -> dict:
    from django.db import transaction
    from django.utils import timezone

    from kosmos.core import search
    from kosmos.core.models import Membership, Organisation, SearchDocument, User
    from kosmos.core.models.search import Visibility
    from tests.core.test_search import CORPUS

    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        Organisation.objects.filter(slug__startswith="bench-").delete()
        User.objects.filter(email__endswith="@bench-search.example").delete()
        orgs = Organisation.objects.bulk_create(
            [Organisation(name=f"Jobcenter Bench {i}", slug=f"bench-{i}", kind="jobcenter", form="ge")
             for i in range(ORGANISATIONS)]
        )
        orgs = list(Organisation.objects.filter(slug__startswith="bench-").order_by("id"))
        reader = User.objects.create_user("team@bench-search.example", None, full_name="Bench Team")
        Membership.objects.create(user=reader, organisation=orgs[0], role="staff")
        start = time.perf_counter()
        docs = []
        planted_orgs = [orgs[0]] + [orgs[i] for i in range(1, 20)]
        for n in range(DOCUMENTS - len(CORPUS) * len(planted_orgs)):
            org = orgs[n % ORGANISATIONS]
            roll = rng.random()
            visibility, partners = Visibility.OWN, ()
            if roll < 0.2:
                visibility = Visibility.PLATFORM
            elif roll < 0.3:
                visibility = Visibility.PARTNERS
                partners = tuple(o.pk for o in rng.sample(orgs, 3))
            topic = rng.choice(TOPICS)
            docs.append(search.Document(
                organisation_id=org.pk, object_type="language.glossaryentry", object_id=f"gen-{n}",
                title=f"{topic} {rng.choice(['in', 'für', 'am'])} {org.name}",
                body=" ".join(rng.choices(WORDS, k=40)), url_name="org:language_glossary",
                permission="language.use", updated=now - dt_days(rng.randint(0, 900)),
                visibility=visibility, partner_ids=partners,
            ))
        for i, org in enumerate(planted_orgs):
            for key, (title, body) in CORPUS.items():
                docs.append(search.Document(
                    organisation_id=org.pk, object_type="language.glossaryentry", object_id=f"{key}-{i}",
                    title=title, body=body, url_name="org:language_glossary", permission="language.use",
                    updated=now, visibility=Visibility.OWN if org == orgs[0] else Visibility.PLATFORM,
                ))
        for i in range(0, len(docs), 1000):
            search.write_documents("language", f"bench:{i}", docs[i : i + 1000])
        index_seconds = time.perf_counter() - start
    return {"reader": reader, "own": orgs[0], "index_seconds": round(index_seconds, 1),
            "planted_organisations": len(planted_orgs)}


def dt_days(days: int):  # noqa: ANN201
    import datetime as dt

    return dt.timedelta(days=days)


def _naive(user, text: str, limit: int) -> list:  # noqa: ANN001
    """The peer: every word as a substring of title or text, newest first."""
    from django.db.models import Q

    from kosmos.core.models import SearchDocument
    from kosmos.core.search.visibility import reader_for, visible_q

    qs = SearchDocument.objects.filter(visible_q(reader_for(user)))
    for word in text.split():
        qs = qs.filter(Q(title__icontains=word) | Q(body__icontains=word))
    return list(qs.order_by("-updated").values_list("object_id", flat=True)[:limit])


def _time(fn, runs: int) -> float:  # noqa: ANN001
    fn()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _recall(found_by_query: dict[str, set[str]], expected: dict[str, set[str]], planted: int) -> float:
    hits = total = 0
    for query, keys in expected.items():
        targets = {f"{k}-{i}" for k in keys for i in range(planted)}
        total += len(targets)
        hits += len(targets & found_by_query[query])
    return round(hits / total, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    _setup()
    from django.db import connection

    from kosmos.core import search
    from tests.core.test_search import MUST_FIND

    setup = _generate(args.seed)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE core_searchdocument")
    reader, own = setup["reader"], setup["own"]
    queries = sorted(MUST_FIND)
    medians: dict[str, list[float]] = {"visible": [], "module filter": [], "organisation filter": [], "naive icontains": []}
    found: dict[str, set[str]] = {}
    naive_found: dict[str, set[str]] = {}
    for query in queries:
        medians["visible"].append(_time(lambda q=query: search.search(reader, q), args.runs))
        medians["module filter"].append(_time(lambda q=query: search.search(reader, q, module="language"), args.runs))
        medians["organisation filter"].append(
            _time(lambda q=query: search.search(reader, q, organisation=own), args.runs))
        medians["naive icontains"].append(_time(lambda q=query: _naive(reader, q, 20), args.runs))
        found[query] = {h.document.object_id for h in search.search(reader, query, limit=5000).hits}
        naive_found[query] = set(_naive(reader, query, 5000))
    planted = setup["planted_organisations"]
    print(json.dumps({
        "benchmark": "platform search",
        "database": connection.vendor,
        "documents": DOCUMENTS,
        "organisations": ORGANISATIONS,
        "queries": len(queries),
        "index_build_seconds": setup["index_seconds"],
        "median_ms_over_queries": {k: round(statistics.median(v), 2) for k, v in medians.items()},
        "max_ms_over_queries": {k: round(max(v), 2) for k, v in medians.items()},
        "recall": {"search": _recall(found, MUST_FIND, planted), "naive icontains": _recall(naive_found, MUST_FIND, planted)},
        "peer": "naive icontains scan over title and text with the same visibility filter",
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

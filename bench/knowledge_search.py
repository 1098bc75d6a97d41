"""Offer finder over 20,000 knowledge entries from 405 organisations: median time and recall.

A staff member of one Jobcenter searches with the finder (``kosmos.knowledge.finder.find``): the
German query set below (inflections, umlauts, compounds; some with filters: target group,
language, free of charge, postcode + radius), over entries of which about 70 % are private, 20 %
shared with the platform and 10 % with three named partners. The planted corpus (own entries plus
the same entries in five organisations that share them with the platform) gives the recall.
Named peer in the same run: plain ``icontains`` filtering of title, summary, description and tags
over the same rows with the same visibility and filters, distance computed in Python.

Run:  .venv/bin/python bench/knowledge_search.py                                   (SQLite)
      source scripts/postgres-env.sh && .venv/bin/python bench/knowledge_search.py (PostgreSQL)
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
ENTRIES = 20_000
SHARING_ORGANISATIONS = 5
PG_DATABASE = "kosmos_bench_knowledge"

# Planted entries: key → (title, summary, postcode, target groups, languages, free of charge).
CORPUS = {
    "suchtberatung": ("Suchtberatungsstelle Caritas", "Hilfe bei Alkohol und Glücksspiel.", "93047", ["all"], ["de"], True),
    "alkohol": ("Selbsthilfegruppe Anonyme Alkoholiker", "Gruppe für Menschen mit Alkoholproblemen.", "93053", ["all"], ["de"], True),
    "depression": ("Selbsthilfegruppe Depression", "Austausch unter Betroffenen, alle zwei Wochen.", "93055", ["all"], ["de"], True),
    "psychotherapie": ("Psychotherapeutische Sprechstunde", "Erstgespräche bei psychischen Erkrankungen.", "93073", ["all"], ["de", "en"], True),
    "sozialpsych": ("Sozialpsychiatrischer Dienst", "Beratung bei psychischer Belastung und in Krisen.", "93047", ["all"], ["de"], True),
    "krisendienst": ("Krisendienst Psychiatrie", "Telefonische Hilfe in seelischen Krisen, rund um die Uhr.", "93047", ["all"], ["de"], True),
    "ruecken": ("Rückenschule der Krankenkasse", "Kurs gegen Rückenschmerzen mit Übungen.", "93080", ["ue50"], ["de"], False),
    "ernaehrung": ("Ernährungsberatung", "Gesunde Ernährung mit kleinem Budget.", "93083", ["families"], ["de"], True),
    "kochkurs": ("Kochkurs für Familien", "Gemeinsam gesund kochen; Ernährung für Kinder.", "93128", ["families"], ["de"], True),
    "schulden": ("Schuldnerberatung", "Hilfe bei Schulden und Überschuldung.", "93138", ["all"], ["de", "uk"], True),
    "rauchen": ("Rauchfrei-Programm", "Raucherentwöhnung in der Gruppe.", "93152", ["all"], ["de"], False),
    "reha": ("Reha-Beratung der Rentenversicherung", "Medizinische Rehabilitation beantragen.", "93047", ["all"], ["de"], True),
    "wiedereingliederung": ("Stufenweise Wiedereingliederung", "Zurück in die Arbeit nach langer Krankheit.", "93055", ["all"], ["de"], True),
    "stress": ("Stressbewältigungskurs", "Entspannung und Achtsamkeit gegen Stress.", "93077", ["all"], ["de"], True),
    "erziehung": ("Erziehungsberatungsstelle", "Beratung für Eltern und Jugendliche.", "93073", ["families"], ["de", "tr"], True),
    "pflege": ("Pflegestützpunkt", "Beratung für pflegende Angehörige.", "93086", ["families", "ue50"], ["de", "pl"], True),
    "migration": ("Gesundheitslotsen für Geflüchtete", "Das Gesundheitssystem erklärt in Arabisch und Ukrainisch.", "93047", ["refugees"], ["de", "ar", "uk"], True),
    "jugend": ("Jugendberatung U25", "Beratung und Anlaufstelle für junge Menschen.", "93053", ["u25"], ["de"], True),
    "bewegung50": ("Bewegungsgruppe 50 plus", "Gymnastik und Gleichgewicht für Ältere.", "93083", ["ue50"], ["de"], False),
    "lauftreff": ("Lauftreff im Stadtpark", "Gemeinsam laufen, ohne Leistungsdruck.", "93047", ["all"], ["de"], True),
    "diabetes": ("Diabetesschulung", "Schulung für Menschen mit Diabetes.", "93055", ["all"], ["de"], False),
    "angst": ("Angstambulanz", "Behandlung von Angststörungen und Panikattacken.", "93053", ["all"], ["de"], True),
    "wohnungslos": ("Fachstelle Wohnungslosenhilfe", "Beratung bei drohendem Wohnungsverlust.", "93047", ["all"], ["de"], True),
    "aerztlicher": ("Ärztlichen Dienst einschalten", "Gutachten zur Leistungsfähigkeit anfordern.", "", ["staff"], ["de"], True),
    "bem": ("Betriebliches Eingliederungsmanagement", "BEM und Wiedereingliederung für Mitarbeitende nach Krankheit.", "", ["staff"], ["de"], True),
    "ehrenamt": ("Freiwilligenagentur", "Ehrenamtliche Tätigkeit finden, Teilhabe und Tagesstruktur.", "93142", ["long_term"], ["de"], True),
}

# The German query set: (query text, filters, expected planted keys).
QUERIES = [
    ("Sucht", {}, {"suchtberatung"}),
    ("Suchtberatung", {}, {"suchtberatung"}),
    ("Alkohol", {}, {"suchtberatung", "alkohol"}),
    ("Depression", {}, {"depression"}),
    ("psychische Belastung", {}, {"sozialpsych"}),
    ("psychisch", {}, {"psychotherapie", "sozialpsych"}),
    ("Krisen", {}, {"sozialpsych", "krisendienst"}),
    ("Rückenschmerzen", {}, {"ruecken"}),
    ("Rücken", {}, {"ruecken"}),
    ("Ernährung", {}, {"ernaehrung", "kochkurs"}),
    ("kochen", {}, {"kochkurs"}),
    ("Schulden", {}, {"schulden"}),
    ("Schuldnerberatung", {}, {"schulden"}),
    ("Raucherentwöhnung", {}, {"rauchen"}),
    ("Rehabilitation", {}, {"reha"}),
    ("Wiedereingliederung", {}, {"wiedereingliederung", "bem"}),
    ("Stress", {}, {"stress"}),
    ("Entspannung", {}, {"stress"}),
    ("Eltern", {}, {"erziehung"}),
    ("Erziehungsberatung", {}, {"erziehung"}),
    ("Angehörige", {}, {"pflege"}),
    ("Geflüchtete", {}, {"migration"}),
    ("Diabetes", {}, {"diabetes"}),
    ("Angststörungen", {}, {"angst"}),
    ("Panikattacken", {}, {"angst"}),
    ("Wohnungsverlust", {}, {"wohnungslos"}),
    ("Gutachten", {}, {"aerztlicher"}),
    ("Ehrenamt", {}, {"ehrenamt"}),
    ("Gymnastik", {}, {"bewegung50"}),
    ("laufen", {}, {"lauftreff"}),
    # Inflected and compound forms a substring search misses.
    ("Depressionen", {}, {"depression"}),
    ("Selbsthilfegruppen", {}, {"alkohol", "depression"}),
    ("Sprechstunden", {}, {"psychotherapie"}),
    ("Kochkurse", {}, {"kochkurs"}),
    ("Pflegestützpunkte", {}, {"pflege"}),
    ("Krisendienste", {}, {"krisendienst"}),
    ("Beratung", {"target_group": "u25"}, {"jugend"}),
    ("Gesundheitssystem", {"language": "ar"}, {"migration"}),
    ("psychische Belastung", {"postcode": "93047", "radius_km": 20}, {"sozialpsych"}),
    ("Sucht", {"free": True}, {"suchtberatung"}),
    ("", {"target_group": "ue50", "free": True, "postcode": "93047", "radius_km": 30}, {"pflege"}),
]

TOPICS = ["Beratung", "Suchtberatung", "Schuldnerberatung", "Gesundheitsförderung", "Bewegungskurs", "Ernährung",
          "Rückenschule", "Stressbewältigung", "Psychotherapie", "Selbsthilfegruppe", "Familienzentrum",
          "Migrationsberatung", "Rehabilitation", "Reha-Sport", "Präventionskurs", "Entspannungstraining",
          "Erziehungsberatung", "Pflegeberatung", "Krisendienst", "Sozialpsychiatrischer Dienst"]
WORD_TEXT = ("Angebot für Kund:innen im Landkreis mit Terminen nach Vereinbarung, kostenlos und barrierefrei. Die "
         "Beratungsstelle unterstützt bei Fragen zu Gesundheit, Arbeit und Familie. Anmeldung telefonisch oder "
         "per E-Mail, Kostenübernahme durch die Krankenkasse möglich. Geeignet für Bedarfsgemeinschaften mit "
         "Kindern, Jugendliche und Menschen über 50. Öffnungszeiten montags bis freitags.")
WORDS = WORD_TEXT.split()
POSTCODES = ["93047", "93053", "93073", "93128", "93142", "84069", "82467", "82481", "99510", "99423", "79098",
             "89073", "10115", "20095", "80331", "50667", "01067", "04109", "90402", "70173"]
GROUPS = ["all", "u25", "ue50", "families", "long_term", "refugees"]
LANGUAGES = ["de", "en", "ar", "tr", "uk"]


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
        os.environ["KOSMOS_DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / 'bench-knowledge.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kosmos.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _entry(org, rng, *, title: str, summary: str, postcode: str, groups: list[str], languages: list[str],  # noqa: ANN001
           free: bool, visibility: str):  # noqa: ANN202
    from kosmos.knowledge.domain import geo
    from kosmos.knowledge.models import Entry, codes_field_value

    point = geo.centroid(postcode) if postcode else None
    return Entry(organisation=org, title=title, summary=summary, topic="offers",
                 description=" ".join(rng.choices(WORDS, k=30)), postcode=postcode,
                 latitude=point[0] if point else None, longitude=point[1] if point else None,
                 target_groups=codes_field_value(groups), languages=codes_field_value(languages),
                 free_of_charge=free, accessible=rng.random() < 0.5, visibility=visibility)


def _generate(seed: int) -> dict:
    from django.db import transaction

    from kosmos.core.models import Membership, Organisation, SearchDocument, User
    from kosmos.core.models.sharing import Visibility
    from kosmos.core.search import write_documents
    from kosmos.knowledge.models import Entry
    from kosmos.knowledge.search import PROVIDER

    rng = random.Random(seed)
    with transaction.atomic():
        SearchDocument.objects.filter(module="knowledge").delete()
        Entry.objects.all().delete()
        Organisation.objects.filter(slug__startswith="bench-").delete()
        User.objects.filter(email__endswith="@bench-knowledge.example").delete()
        Organisation.objects.bulk_create(
            [Organisation(name=f"Jobcenter Bench {i}", slug=f"bench-{i}", kind="jobcenter", form="ge")
             for i in range(ORGANISATIONS)])
        orgs = list(Organisation.objects.filter(slug__startswith="bench-").order_by("id"))
        reader = User.objects.create_user("team@bench-knowledge.example", None, full_name="Bench Team")
        Membership.objects.create(user=reader, organisation=orgs[0], role="staff")
        start = time.perf_counter()
        planted_orgs = orgs[: 1 + SHARING_ORGANISATIONS]
        entries, partners = [], []
        for i, org in enumerate(planted_orgs):
            for key, (title, summary, postcode, groups, languages, free) in CORPUS.items():
                entry = _entry(org, rng, title=title, summary=summary, postcode=postcode, groups=groups,
                               languages=languages, free=free,
                               visibility=Visibility.OWN if i == 0 else Visibility.PLATFORM)
                entry.tags = f"planted:{key}"
                entries.append(entry)
        for n in range(ENTRIES - len(entries)):
            roll = rng.random()
            visibility = Visibility.OWN if roll >= 0.3 else Visibility.PLATFORM if roll < 0.2 else Visibility.PARTNERS
            org = orgs[n % ORGANISATIONS]
            entry = _entry(org, rng, title=f"{rng.choice(TOPICS)} {org.name}", summary=" ".join(rng.choices(WORDS, k=8)),
                           postcode=rng.choice(POSTCODES), groups=rng.sample(GROUPS, 2),
                           languages=rng.sample(LANGUAGES, 2), free=rng.random() < 0.6, visibility=visibility)
            entries.append(entry)
            if visibility == Visibility.PARTNERS:
                partners.append((len(entries) - 1, [o.pk for o in rng.sample(orgs, 3)]))
        Entry.objects.bulk_create(entries, batch_size=1000)
        saved = list(Entry.objects.filter(organisation__slug__startswith="bench-").order_by("pk"))
        through = Entry.shared_with.through
        through.objects.bulk_create([through(entry_id=saved[i].pk, organisation_id=o) for i, orgs_ in partners
                                     for o in orgs_], batch_size=2000)
        saved = list(Entry.objects.filter(organisation__slug__startswith="bench-").prefetch_related("shared_with")
                     .order_by("pk"))
        for i in range(0, len(saved), 1000):
            docs = [d for e in saved[i: i + 1000] for d in PROVIDER.documents(e)]
            write_documents("knowledge", f"bench:{i}", docs)
        build_seconds = time.perf_counter() - start
    codes = {e.short_code: e.tags.removeprefix("planted:") for e in saved if e.tags.startswith("planted:")}
    return {"reader": reader, "own": orgs[0], "codes": codes, "build_seconds": round(build_seconds, 1)}


def _query(text: str, filters: dict):  # noqa: ANN202
    from kosmos.knowledge.finder import FinderQuery

    return FinderQuery(text=text, **filters)


def _peer(reader, own, query, limit: int) -> list[str]:  # noqa: ANN001
    """Plain icontains over the same rows: visibility, every word as a substring, filters, distance."""
    from django.db.models import Q

    from kosmos.knowledge.domain import geo
    from kosmos.knowledge.selectors import visible_entries

    qs = visible_entries(own, reader)
    for word in query.text.split():
        qs = qs.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(description__icontains=word)
                       | Q(tags__icontains=word))
    if query.target_group:
        qs = qs.filter(target_groups__contains=f",{query.target_group},")
    if query.language:
        qs = qs.filter(languages__contains=f",{query.language},")
    if query.free:
        qs = qs.filter(free_of_charge=True)
    rows = list(qs.order_by("title").values_list("short_code", "latitude", "longitude"))
    if query.postcode:
        center = geo.centroid(query.postcode)
        rows = [r for r in rows if r[1] is not None and geo.distance_km(center, (r[1], r[2])) <= query.radius_km]
    return [r[0] for r in rows[:limit]]


def _time(fn, runs: int) -> float:  # noqa: ANN001
    fn()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _recall(found: dict[int, list[str]], codes: dict[str, str]) -> float:
    hits = total = 0
    for index, (_text, _filters, expected) in enumerate(QUERIES):
        keys = [codes[c] for c in found[index] if c in codes]
        total += len(expected) * (1 + SHARING_ORGANISATIONS)
        hits += sum(1 for k in keys if k in expected)
    return round(hits / total, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    _setup()
    from django.db import connection

    from kosmos.knowledge.finder import find

    setup = _generate(args.seed)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE knowledge_entry; ANALYZE core_searchdocument")
    reader, own, codes = setup["reader"], setup["own"], setup["codes"]
    finder_ms, peer_ms, found, peer_found, missed = [], [], {}, {}, []
    for index, (text, filters, expected) in enumerate(QUERIES):
        query = _query(text, filters)
        finder_ms.append(_time(lambda q=query: find(own, reader, q), args.runs))
        peer_ms.append(_time(lambda q=query: _peer(reader, own, q, 30), args.runs))
        found[index] = [r.entry.short_code for r in find(own, reader, query, limit=5000).results]
        peer_found[index] = _peer(reader, own, query, 5000)
        got = {codes[c] for c in found[index] if c in codes}
        if expected - got:
            missed.append({"query": text, "filters": filters, "missing": sorted(expected - got)})
    print(json.dumps({
        "benchmark": "knowledge finder",
        "database": connection.vendor,
        "entries": ENTRIES,
        "organisations": ORGANISATIONS,
        "queries": len(QUERIES),
        "build_seconds": setup["build_seconds"],
        "median_ms_over_queries": {"finder": round(statistics.median(finder_ms), 2),
                                   "plain icontains": round(statistics.median(peer_ms), 2)},
        "max_ms_over_queries": {"finder": round(max(finder_ms), 2), "plain icontains": round(max(peer_ms), 2)},
        "recall": {"finder": _recall(found, codes), "plain icontains": _recall(peer_found, codes)},
        "missed_by_finder": missed,
        "peer": "plain icontains over title, summary, description and tags, same visibility and filters, "
                "distance in Python",
        "target": "median <= 50 ms, recall >= 0.9",
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

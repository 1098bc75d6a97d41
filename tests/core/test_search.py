"""Platform search on the database: the German query set, visibility, indexing, the page.

Runs on SQLite in the normal suite and on PostgreSQL with
``source scripts/postgres-env.sh && KOSMOS_DEBUG=1 .venv/bin/pytest -q tests/core/test_search*.py``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kosmos.core import search
from kosmos.core.models import SearchDocument
from kosmos.core.models.search import Visibility
from kosmos.surveys.models import Question, Section, Survey
from tests.factories import make_member, make_organisation

# A small German corpus: key → (title, text). Negative controls share letters, not meaning.
CORPUS = {
    "sucht": ("Suchtberatung der Caritas", "Beratung für Menschen mit Suchterkrankungen und ihre Angehörigen."),
    "gesundheit": ("Gesundheitsförderung für Langzeitarbeitslose", "Kurse zu Bewegung, Ernährung und Stress."),
    "antrag": ("Anträge auf Weiterbewilligung", "Wie Kund:innen den Weiterbewilligungsantrag rechtzeitig stellen."),
    "schulden": ("Schuldnerberatungsstelle im Landkreis", "Hilfe bei Schulden und Mietrückständen."),
    "strasse": ("Straßensozialarbeit", "Aufsuchende Hilfe für wohnungslose Menschen."),
    "psyche": ("Psychische Belastungen ansprechen", "Was im Beratungsgespräch hilft: zuhören und Angebote nennen."),
    "kinder": ("Kinderbetreuung für Alleinerziehende", "Plätze in Kitas und bei Tagesmüttern."),
    "arzt": ("Ärztlicher Dienst der Agentur", "Gutachten zur Leistungsfähigkeit."),
    "reha": ("Rehabilitation und Teilhabe", "Medizinische und berufliche Reha-Maßnahmen."),
    "bewerbung": ("Bewerbungstraining für Jugendliche", "Übungen für Vorstellungsgespräche."),
    "arbeitgeber": ("Arbeitgeberservice", "Vermittlung von Fachkräften an Betriebe."),
    "zufriedenheit": ("Kundenzufriedenheit 2024", "Ergebnisse der Kundenbefragung."),
    "sprache": ("Sprachkurse und Integrationskurse", "Deutsch lernen vor der Arbeitsaufnahme."),
    "vertrag": ("Vertrag mit dem Bildungsträger", "Laufzeit und Kündigung."),
    "vorbereitung": ("Vorbereitung der Selbstbewertung", "Termine für die Gruppe."),
    "besuch": ("Besuch im Familienzentrum", "Offener Treff am Mittwoch."),
    "eingliederung": ("Maßnahmen zur Eingliederung", "Eingliederungsvereinbarung und Förderplan."),
    "steckbrief": ("Projektsteckbrief Wissensdatenbank", "Ausgangslage, Zielsetzung und Zeitschiene mit Meilensteinen."),
}

# Query → keys that must be found. Recall must be complete on both databases.
MUST_FIND = {
    "Beratung": {"sucht", "schulden", "psyche"},
    "Beratungen": {"sucht", "schulden", "psyche"},
    "Sucht": {"sucht"},
    "Suchtberatung": {"sucht"},
    "Suchterkrankung": {"sucht"},
    "Gesundheit": {"gesundheit"},
    "Gesundheitsförderung": {"gesundheit"},
    "Förderung": {"gesundheit"},
    "Antrag": {"antrag"},
    "Anträge": {"antrag"},
    "Antrage": {"antrag"},
    "Weiterbewilligung": {"antrag"},
    "Straße": {"strasse"},
    "Strasse": {"strasse"},
    "Massnahmen": {"reha", "eingliederung"},
    "Maßnahme": {"reha", "eingliederung"},
    "psychische Belastung": {"psyche"},
    "Gespräch": {"psyche", "bewerbung"},
    "Kinder": {"kinder"},
    "Betreuung": {"kinder"},
    "Arzt": {"arzt"},
    "Reha": {"reha"},
    "Bewerbung": {"bewerbung"},
    "Jugendliche": {"bewerbung"},
    "Arbeitgeber": {"arbeitgeber"},
    "Fachkraft": {"arbeitgeber"},
    "Zufriedenheit": {"zufriedenheit"},
    "Befragung": {"zufriedenheit"},
    "Sprachkurs": {"sprache"},
    "Integration": {"sprache"},
    "Kund:innen": {"antrag"},
    "Schuldnerberatung": {"schulden"},
    "Vereinbarung": {"eingliederung"},
    "Steckbrief": {"steckbrief"},
    "Steckbriefe": {"steckbrief"},
    "Wissensdatenbank": {"steckbrief"},
    "Meilenstein": {"steckbrief"},
}

# Query → keys that must NOT be found (same letters, other words).
MUST_NOT_FIND = {
    "Antrag": {"vertrag"},
    "Beratung": {"vorbereitung"},
    "Sucht": {"besuch"},
    "Suche": {"sucht"},
    "Zahnarzt": {"arzt"},
    "Gesundheit": {"besuch", "kinder"},
}


def _document(world, key: str, title: str, body: str, **fields) -> search.Document:  # noqa: ANN001
    values = {
        "organisation_id": world.freiburg.pk,
        "object_type": "language.glossaryentry",
        "object_id": key,
        "title": title,
        "body": body,
        "url_name": "org:language_glossary",
        "permission": "language.use",
        "updated": timezone.now(),
    }
    values.update(fields)
    return search.Document(**values)


@pytest.fixture
def corpus(world):  # noqa: ANN001
    for key, (title, body) in CORPUS.items():
        search.write_documents("language", f"test:{key}", [_document(world, key, title, body)])
    return world


def _found(user, text: str, **kwargs) -> set[str]:  # noqa: ANN001
    return {hit.document.object_id for hit in search.search(user, text, limit=100, **kwargs).hits}


@pytest.mark.parametrize("query", sorted(MUST_FIND))
def test_german_query_finds_what_it_should(corpus, query: str) -> None:  # noqa: ANN001
    assert MUST_FIND[query] <= _found(corpus.staff, query)


@pytest.mark.parametrize("query", sorted(MUST_NOT_FIND))
def test_german_query_does_not_find_lookalikes(corpus, query: str) -> None:  # noqa: ANN001
    assert not MUST_NOT_FIND[query] & _found(corpus.staff, query)


def test_all_words_of_a_query_must_match(corpus) -> None:  # noqa: ANN001
    assert _found(corpus.staff, "Beratung Schulden") == {"schulden"}


def test_stop_words_alone_find_nothing(corpus) -> None:  # noqa: ANN001
    results = search.search(corpus.staff, "für die und")
    assert results.hits == [] and results.total == 0


def test_title_matches_rank_first(world) -> None:  # noqa: ANN001
    now = timezone.now()
    search.write_documents("language", "test:text", [_document(world, "text", "Familienzentrum", "Auch Beratung.", updated=now)])
    search.write_documents("language", "test:title", [_document(world, "title", "Beratung für Familien", "", updated=now - dt.timedelta(days=30))])
    assert [h.document.object_id for h in search.search(world.staff, "Beratung").hits] == ["title", "text"]


def test_equal_relevance_ranks_the_newer_first(world) -> None:  # noqa: ANN001
    now = timezone.now()
    search.write_documents("language", "test:old", [_document(world, "old", "Suchtberatung", "", updated=now - dt.timedelta(days=9))])
    search.write_documents("language", "test:new", [_document(world, "new", "Suchtberatung", "", updated=now)])
    assert [h.document.object_id for h in search.search(world.staff, "Sucht").hits] == ["new", "old"]


def test_hits_say_why_they_match(corpus) -> None:  # noqa: ANN001
    (hit,) = search.search(corpus.staff, "Angehörige").hits
    assert [f.text for f in hit.snippet if f.match] == ["Angehörigen"]
    assert hit.url == reverse("org:language_glossary", kwargs={"org_slug": "freiburg"})
    assert hit.organisation == corpus.freiburg


# --- visibility -------------------------------------------------------------------------------


def test_outsider_finds_nothing_of_freiburg(corpus) -> None:  # noqa: ANN001
    assert _found(corpus.outsider, "Beratung") == set()
    assert _found(corpus.programme, "Beratung") == set()


def test_adviser_finds_what_the_assigned_organisation_holds(corpus) -> None:  # noqa: ANN001
    assert MUST_FIND["Beratung"] <= _found(corpus.adviser, "Beratung")


def test_staff_without_results_permission_never_finds_result_documents(world) -> None:  # noqa: ANN001
    search.write_documents(
        "surveys", "test:results",
        [_document(world, "results", "Ergebnisse der Suchtberatung", "", permission="surveys.results")],
    )
    assert _found(world.staff, "Suchtberatung") == set()
    assert _found(world.management, "Suchtberatung") == {"results"}
    assert _found(world.adviser, "Suchtberatung") == {"results"}


def test_shared_documents_reach_partners_and_the_platform_only(world) -> None:  # noqa: ANN001
    konstanz = make_organisation("konstanz")
    konstanz_staff = make_member(konstanz, "team@konstanz.example", "Kai Konstanz", "staff")
    ulm = world.ulm.pk
    docs = {
        "own": {},
        "partners": {"visibility": Visibility.PARTNERS, "partner_ids": (world.freiburg.pk,)},
        "platform": {"visibility": Visibility.PLATFORM},
        "platform-results": {"visibility": Visibility.PLATFORM, "permission": "surveys.results"},
        "public": {"visibility": Visibility.PUBLIC, "permission": "surveys.results"},
    }
    for key, fields in docs.items():
        search.write_documents("language", f"test:{key}", [_document(world, key, "Suchtberatung", "", organisation_id=ulm, **fields)])
    assert _found(world.outsider, "Sucht") == set(docs)  # Ulm's own quality manager
    assert _found(world.staff, "Sucht") == {"partners", "platform", "public"}
    assert _found(world.qm, "Sucht") == {"partners", "platform", "platform-results", "public"}
    assert _found(konstanz_staff, "Sucht") == {"platform", "public"}


def test_shared_hits_lead_to_the_readers_own_organisation(world) -> None:  # noqa: ANN001
    kwargs = {"survey_id": "6a18a09d-b921-475d-9741-193aa8663fcd"}
    search.write_documents("language", "test:shared", [_document(
        world, "shared", "Suchtberatung", "", organisation_id=world.ulm.pk, visibility=Visibility.PLATFORM,
        url_name="org:survey_detail", shared_url_name="org:survey_preview", url_kwargs=kwargs,
    )])
    (own,) = search.search(world.outsider, "Sucht").hits
    (shared,) = search.search(world.staff, "Sucht").hits
    assert own.url == reverse("org:survey_detail", kwargs={"org_slug": "ulm", **kwargs})
    assert shared.url == reverse("org:survey_preview", kwargs={"org_slug": "freiburg", **kwargs})
    assert shared.organisation == world.ulm  # the owner is named


def test_filters_by_module_and_organisation(corpus) -> None:  # noqa: ANN001
    search.write_documents("surveys", "test:survey", [_document(corpus, "survey", "Befragung zur Suchtberatung", "", permission="surveys.view")])
    results = search.search(corpus.staff, "Sucht", module="surveys")
    assert [h.document.object_id for h in results.hits] == ["survey"]
    assert results.by_module == {"language": 1, "surveys": 1} and results.total == 1
    assert _found(corpus.staff, "Sucht", organisation=corpus.ulm) == set()


# --- indexing through the providers -----------------------------------------------------------


def _survey(world, title: str = "Befragung der Kund:innen") -> Survey:  # noqa: ANN001
    survey = Survey.objects.create(organisation=world.freiburg, title=title, intro="Ihre Meinung zählt.")
    section = Section.objects.create(survey=survey, title="Beratung im Jobcenter")
    Question.objects.create(survey=survey, section=section, key="q1", kind="text",
                            text="Wie hilfreich war die Schuldnerberatung?")
    return survey


def test_saving_a_survey_and_its_questions_indexes_it(world) -> None:  # noqa: ANN001
    survey = _survey(world)
    (hit,) = search.search(world.staff, "Schulden").hits
    assert hit.document.object_id == str(survey.public_id)
    assert hit.url == reverse("org:survey_detail", kwargs={"org_slug": "freiburg", "survey_id": survey.public_id})
    question = survey.questions.get()
    question.text = "Wie hilfreich war die Kinderbetreuung?"
    question.save()
    assert search.search(world.staff, "Schulden").hits == []
    assert len(search.search(world.staff, "Betreuung").hits) == 1


def test_deleting_removes_documents(world) -> None:  # noqa: ANN001
    survey = _survey(world)
    survey.delete()
    assert not SearchDocument.objects.exists()
    assert search.search(world.qm, "Schuldnerberatung").hits == []


def test_deferred_indexes_each_object_once(world) -> None:  # noqa: ANN001
    with CaptureQueriesContext(connection) as during, search.deferred():
        survey = _survey(world)
        assert not SearchDocument.objects.exists()
    assert SearchDocument.objects.filter(source=f"surveys.survey:{survey.pk}").count() == 1
    inserts = [q for q in during.captured_queries if q["sql"].startswith('INSERT INTO "core_searchdocument"')]
    assert len(inserts) == 1  # three saves (survey, section, question), one indexing


def test_rebuild_restores_the_index(world) -> None:  # noqa: ANN001
    _survey(world)
    _survey(world, "Zweite Befragung")
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert SearchDocument.objects.filter(module="surveys").count() == 2
    assert len(search.search(world.staff, "Schuldnerberatung").hits) == 2


# --- the page -----------------------------------------------------------------------------------


def test_search_page_needs_a_login(client_for) -> None:  # noqa: ANN001
    response = client_for(None).get(reverse("search"), {"q": "Sucht"})
    assert response.status_code == 302 and "/anmelden/" in response["Location"]


def test_search_page_shows_hits_with_organisation_and_marks(corpus, client_for) -> None:  # noqa: ANN001
    response = client_for(corpus.staff).get(reverse("search"), {"q": "Beratungen"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label class="kern-label" for="search-q">' in html
    assert "<mark>Suchtberatung</mark>" in html
    assert "Jobcenter Freiburg" in html
    assert "3 Ergebnisse" in html


def test_search_page_escapes_the_query(corpus, client_for) -> None:  # noqa: ANN001
    html = client_for(corpus.staff).get(reverse("search"), {"q": "<script>Sucht"}).content.decode()
    assert "<script>Sucht" not in html and "&lt;script&gt;Sucht" in html


def test_search_page_query_count_does_not_grow_with_hits(world, client_for) -> None:  # noqa: ANN001
    client = client_for(world.qm)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("search"), {"q": "Sucht"}).status_code == 200
        return len(ctx.captured_queries)

    search.write_documents("language", "test:a", [_document(world, "a", "Suchtberatung", "")])
    few = queries()
    for i in range(15):
        search.write_documents("language", f"test:{i}", [_document(world, str(i), f"Suchtberatung {i}", "")])
    assert queries() == few <= 12


def test_header_has_a_labelled_search_field(world, client_for) -> None:  # noqa: ANN001
    html = client_for(world.staff).get(reverse("org:dashboard", kwargs={"org_slug": "freiburg"})).content.decode()
    assert f'action="{reverse("search")}"' in html
    assert '<label class="kern-sr-only" for="header-search">' in html

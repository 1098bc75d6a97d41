"""Searching the index: German terms, visibility in SQL, relevance then recency, snippets."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, QuerySet, prefetch_related_objects
from django.urls import NoReverseMatch, reverse

from kosmos.core.audit_labels import object_type_label
from kosmos.core.models import Organisation, User
from kosmos.core.models.search import SearchDocument, Visibility
from kosmos.core.search import german
from kosmos.core.search.indexing import FTS_TABLE
from kosmos.core.search.visibility import Reader, reader_for, visible_q

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
# Column weights: a word in the title counts most, then the text, then a compound's part.
SQLITE_WEIGHTS = (10.0, 4.0, 2.0)


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    url: str
    type_label: str
    title: list[german.Fragment]
    snippet: list[german.Fragment]

    @property
    def organisation(self) -> Organisation:
        return self.document.organisation

    @property
    def module_name(self) -> str:
        from kosmos.core.modules import get_module

        try:
            return str(get_module(self.document.module).name)
        except KeyError:
            return self.document.module


@dataclass
class Results:
    text: str
    terms: list[german.QueryTerm]
    hits: list[Hit] = field(default_factory=list)
    total: int = 0  # in the chosen module (or all)
    by_module: dict[str, int] = field(default_factory=dict)  # before the module filter

    @property
    def all_total(self) -> int:
        return sum(self.by_module.values())


def search(
    user: User,
    text: str,
    *,
    module: str | None = None,
    organisation: Organisation | None = None,
    limit: int = PAGE_SIZE,
    offset: int = 0,
    reader: Reader | None = None,
) -> Results:
    """What ``user`` may find for ``text``: a page of hits and the counts per module.

    A bounded number of queries whatever the size of the index (reader, counts, page, rows).
    """
    text = " ".join(text.split())[:MAX_QUERY_LENGTH]
    terms = german.parse_query(text)
    results = Results(text, terms)
    if not terms:
        return results
    reader = reader or reader_for(user)
    documents = SearchDocument.objects.filter(visible_q(reader))
    if organisation is not None:
        documents = documents.filter(organisation=organisation)
    if connection.vendor == "postgresql":
        results.by_module, ids = _postgres(documents, terms, module, limit, offset)
    else:
        results.by_module, ids = _sqlite(documents, terms, module, limit, offset)
    results.total = results.by_module.get(module, 0) if module else results.all_total
    by_id = {d.pk: d for d in SearchDocument.objects.filter(pk__in=ids).select_related("organisation")}
    foreign = [d for d in by_id.values() if not _reads_as_member(d, reader)]
    slugs: dict[int, str] = {}
    if foreign:  # shared documents of other organisations: link under the reader's organisation
        prefetch_related_objects([d for d in foreign if d.visibility == Visibility.PARTNERS], "partners")
        slugs = dict(Organisation.objects.filter(pk__in=reader.organisation_ids).values_list("pk", "slug"))
    results.hits = [_hit(by_id[i], terms, reader, slugs) for i in ids if i in by_id]
    return results


def _postgres(
    documents: QuerySet[SearchDocument], terms: list[german.QueryTerm], module: str | None, limit: int, offset: int
) -> tuple[dict[str, int], list[int]]:
    from django.contrib.postgres.search import SearchQuery, SearchRank

    query = SearchQuery(german.tsquery(terms), config="german", search_type="raw")
    matching = documents.filter(vector=query)
    counts = {row["module"]: row["n"] for row in matching.values("module").annotate(n=Count("id")).order_by()}
    if module:
        matching = matching.filter(module=module)
    ids = list(
        matching.annotate(rank=SearchRank(F("vector"), query))
        .order_by("-rank", "-updated", "-id")
        .values_list("id", flat=True)[offset : offset + limit]
    )
    return counts, ids


def _sqlite(
    documents: QuerySet[SearchDocument], terms: list[german.QueryTerm], module: str | None, limit: int, offset: int
) -> tuple[dict[str, int], list[int]]:
    # The ORM's visibility condition, inlined into a join with the FTS table, so that SQLite
    # starts from the matching rows and checks each one by primary key.
    query = documents.query
    where_sql, where_params = query.get_compiler(connection=connection).compile(query.where)
    table = SearchDocument._meta.db_table
    base = (
        f"FROM {FTS_TABLE} JOIN {table} ON {table}.id = {FTS_TABLE}.rowid "  # noqa: S608 - constants only
        f"WHERE {FTS_TABLE} MATCH %s AND ({where_sql})"
    )
    params = [german.fts5_query(terms), *where_params]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {table}.module, COUNT(*) {base} GROUP BY {table}.module", params)  # noqa: S608
        counts = {row[0]: row[1] for row in cursor.fetchall()}
        page_sql = f"SELECT {table}.id {base}"
        if module:
            page_sql += f" AND {table}.module = %s"
            params = [*params, module]
        weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
        page_sql += (
            f" ORDER BY bm25({FTS_TABLE}, {weights}), {table}.updated DESC, {table}.id DESC LIMIT %s OFFSET %s"
        )
        cursor.execute(page_sql, [*params, limit, offset])
        ids = [row[0] for row in cursor.fetchall()]
    return counts, ids


def _reads_as_member(document: SearchDocument, reader: Reader) -> bool:
    permission = document.permission
    return permission in reader.by_organisation.get(document.organisation_id, ()) or permission in reader.everywhere


def _url(document: SearchDocument, reader: Reader, slugs: dict[int, str]) -> str:
    """The owner's page for readers of the organisation; the shared page under one of the
    reader's organisations for everybody else (or none, when the module has no such page)."""
    if _reads_as_member(document, reader):
        url_name, slug = document.url_name, document.organisation.slug
    else:
        candidates = reader.organisations_with(document.permission)
        if document.visibility == Visibility.PARTNERS:
            partner_ids = {p.pk for p in document.partners.all()}
            candidates = [org for org in candidates if org in partner_ids]
        if not document.shared_url_name or not candidates:
            return ""
        url_name, slug = document.shared_url_name, slugs[candidates[0]]
    try:
        return reverse(url_name, kwargs={"org_slug": slug, **document.url_kwargs})
    except NoReverseMatch:  # a page renamed since indexing; rebuild_search_index fixes it
        return ""


def _hit(document: SearchDocument, terms: list[german.QueryTerm], reader: Reader, slugs: dict[int, str]) -> Hit:
    url = _url(document, reader, slugs)
    title = german.highlight(document.title, terms, width=60) or [german.Fragment(document.title, False)]
    return Hit(document, url, object_type_label(document.object_type), title, german.highlight(document.body, terms))

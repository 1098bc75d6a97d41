"""The offer finder: German full text (the platform search index) plus filters and distance.

One query narrows the entries in SQL: visibility (``kosmos.core.sharing``), the filters, the
text (entries whose search document matches, a subquery on the index: FTS5 on SQLite,
``tsvector`` with the ``german`` configuration on PostgreSQL) and a bounding box around the
postcode. The exact distance is computed for the few rows inside the box. Each result says why
it matched: the query words found in it, the filters it meets and its distance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from kosmos.core.models import Organisation
from kosmos.core.models.search import SearchDocument
from kosmos.core.search import german
from kosmos.core.search.indexing import FTS_TABLE
from kosmos.knowledge.domain import geo
from kosmos.knowledge.models import Entry, Language, TargetGroup, Topic
from kosmos.knowledge.selectors import visible_entries

PAGE_SIZE = 30
MAX_CODES = 500  # text matches handed to the entry query as a list (see ``_filtered``)
MAX_CANDIDATES = 2000  # rows inside the bounding box whose exact distance is computed
RADIUS_CHOICES = (5, 10, 20, 30, 50, 100)
WORD = re.compile(r"\w+")


@dataclass
class FinderQuery:
    text: str = ""
    topic: str = ""
    category: Any = None  # a Category (visible to the reader) or None
    target_group: str = ""
    postcode: str = ""
    radius_km: int = 20
    free: bool = False
    language: str = ""
    accessible: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.text.strip() or self.topic or self.category or self.target_group or self.postcode
                    or self.free or self.language or self.accessible)


@dataclass
class Result:
    entry: Entry
    own: bool
    distance_km: float | None = None
    matched_words: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass
class Results:
    query: FinderQuery
    results: list[Result] = field(default_factory=list)
    total: int = 0
    center: geo.Point | None = None
    postcode_error: str = ""
    terms: list[german.QueryTerm] = field(default_factory=list)


def matching_codes(terms: list[german.QueryTerm]) -> QuerySet:
    """Short codes of entries whose search document matches every term (a subquery)."""
    documents = SearchDocument.objects.filter(module="knowledge", object_type="knowledge.entry")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        documents = documents.filter(vector=SearchQuery(german.tsquery(terms), config="german", search_type="raw"))
    else:
        match = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608, S611 - constant
                       [german.fts5_query(terms)])
        documents = documents.filter(id__in=match)
    return documents.values("object_id")


def _filtered(organisation: Organisation, user: Any, query: FinderQuery,
              terms: list[german.QueryTerm]) -> QuerySet[Entry]:
    entries = visible_entries(organisation, user)
    if terms:
        # Most queries match few documents: with their codes as a list the database starts from the
        # entries' unique index instead of every entry the reader may see (about ten times faster on
        # SQLite). A broad word ("Beratung") keeps the subquery. One query either way.
        codes = list(matching_codes(terms).values_list("object_id", flat=True)[: MAX_CODES + 1])
        entries = entries.filter(short_code__in=codes if len(codes) <= MAX_CODES else matching_codes(terms))
    if query.topic:
        entries = entries.filter(topic=query.topic)
    if query.category is not None:
        from kosmos.knowledge.services import category_tree_ids

        entries = entries.filter(category__in=category_tree_ids(query.category))
    if query.target_group:
        entries = entries.filter(target_groups__contains=f",{query.target_group},")
    if query.language:
        entries = entries.filter(languages__contains=f",{query.language},")
    if query.free:
        entries = entries.filter(free_of_charge=True)
    if query.accessible:
        entries = entries.filter(accessible=True)
    return entries


def _matched_words(entry: Entry, terms: list[german.QueryTerm]) -> list[str]:
    text = " ".join((entry.title, entry.summary, entry.description, entry.tags, entry.conversation_tips, entry.place))
    words = WORD.findall(text)  # as written, for the reader
    found: list[str] = []
    for term in terms:
        hit = next((w for w in words if term.matches(w)), None)
        if hit and hit not in found:
            found.append(hit)
    return found


def _reasons(entry: Entry, query: FinderQuery) -> list[str]:
    reasons = []
    if query.topic:
        reasons.append(_("Topic: %(topic)s") % {"topic": Topic(query.topic).label})
    if query.category is not None:
        reasons.append(_("Category: %(name)s") % {"name": query.category.name})
    if query.target_group:
        reasons.append(_("Target group: %(group)s") % {"group": TargetGroup(query.target_group).label})
    if query.language:
        reasons.append(_("Language: %(language)s") % {"language": Language(query.language).label})
    if query.free:
        reasons.append(_("free of charge"))
    if query.accessible:
        reasons.append(_("barrier-free access"))
    return reasons


RELATED = ("organisation", "category", "partner")


def find(organisation: Organisation, user: Any, query: FinderQuery, *, limit: int = PAGE_SIZE) -> Results:
    """The page of entries for ``query``, nearest first with a postcode, own entries first otherwise.

    A bounded number of queries whatever the number of entries: one count or one bounding-box
    read, one page read (with organisation, category and partner joined).
    """
    terms = german.parse_query(query.text)
    results = Results(query, terms=terms)
    if query.is_empty:
        return results
    entries = _filtered(organisation, user, query, terms)
    if query.postcode:
        center = geo.centroid(query.postcode.strip())
        if center is None:
            results.postcode_error = _("The postcode %(postcode)s is unknown.") % {"postcode": query.postcode}
            return results
        results.center = center
        min_lat, max_lat, min_lon, max_lon = geo.bounding_box(center, query.radius_km)
        boxed = entries.filter(latitude__gte=min_lat, latitude__lte=max_lat,
                               longitude__gte=min_lon, longitude__lte=max_lon)
        candidates = list(boxed.values_list("pk", "latitude", "longitude")[:MAX_CANDIDATES])
        nearby = sorted(
            (distance, pk) for pk, lat, lon in candidates
            if (distance := geo.distance_km(center, (lat, lon))) <= query.radius_km
        )
        results.total = len(nearby)
        page = nearby[:limit]
        by_pk = Entry.objects.select_related(*RELATED).in_bulk([pk for _d, pk in page])
        rows = [(by_pk[pk], distance) for distance, pk in page if pk in by_pk]
    else:
        results.total = entries.count()
        page_entries = entries.select_related(*RELATED).order_by("title", "pk")[:limit]
        rows = [(entry, None) for entry in page_entries]
        rows.sort(key=lambda row: row[0].organisation_id != organisation.pk)  # own first, stable by title
    base_reasons = None
    for entry, distance in rows:
        if base_reasons is None:
            base_reasons = _reasons(entry, query)
        reasons = list(base_reasons)
        if distance is not None:
            reasons.append(_("%(km)s km from %(postcode)s") % {
                "km": _km(distance), "postcode": query.postcode.strip()})
        results.results.append(Result(entry=entry, own=entry.organisation_id == organisation.pk,
                                      distance_km=distance, matched_words=_matched_words(entry, terms),
                                      reasons=reasons))
    return results


def _km(distance: float) -> str:
    from kosmos.core.domain.numbers import format_number

    return format_number(distance, 1)

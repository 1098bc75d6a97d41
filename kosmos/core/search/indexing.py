"""Writing the search index: ``index_object``, ``remove_object``, ``rebuild`` and ``deferred``."""

from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection, models, transaction

from kosmos.core.models.search import SearchDocument
from kosmos.core.search import german
from kosmos.core.search.providers import Document, SearchProvider, provider_for, providers, source_key

FTS_TABLE = "core_searchdocument_fts"
BATCH = 500

# Roots waiting to be indexed while ``deferred()`` is active: (model, pk) → object.
_pending: contextvars.ContextVar[dict[tuple[type, object], models.Model] | None] = contextvars.ContextVar(
    "search_pending", default=None
)


@contextmanager
def deferred(*, discard: bool = False) -> Iterator[None]:
    """Index every changed object once, at the end of the block (for loaders that save a lot).

    Without it, saving 60 questions of a survey would index the survey 60 times. ``discard``
    drops the changes instead, for a caller that calls ``rebuild()`` afterwards anyway.
    """
    if _pending.get() is not None:  # nested: the outer block indexes
        yield
        return
    token = _pending.set({})
    try:
        yield
        pending = _pending.get() or {}
    finally:
        _pending.reset(token)
    if not discard:
        for obj in pending.values():
            index_object(obj)


def index_object(obj: models.Model) -> int:
    """(Re-)index one object of a provider's ``roots``; returns the number of documents written.

    Objects that no provider indexes are ignored, so callers need not know which are.
    """
    found = provider_for(obj)
    if found is None or obj.pk is None:
        return 0
    pending = _pending.get()
    if pending is not None:
        pending[(type(obj), obj.pk)] = obj
        return 0
    label, provider = found
    with transaction.atomic():
        SearchDocument.objects.filter(source=source_key(obj)).delete()
        return _write([(label, source_key(obj), list(provider.documents(obj)))])


def remove_object(obj: models.Model) -> None:
    """Remove the documents of an indexed object (it was deleted)."""
    if provider_for(obj) is None:
        return
    pending = _pending.get()
    if pending is not None:
        pending.pop((type(obj), obj.pk), None)
    SearchDocument.objects.filter(source=source_key(obj)).delete()


def rebuild(labels: Iterable[str] | None = None) -> dict[str, int]:
    """Rebuild the index of the named modules (default: all) from their data; counts per module."""
    chosen = {label: p for label, p in providers().items() if labels is None or label in set(labels)}
    counts: dict[str, int] = {}
    with transaction.atomic():
        SearchDocument.objects.filter(module__in=list(chosen)).delete()
        for label, provider in sorted(chosen.items()):
            counts[label] = sum(_write_in_batches(label, provider, provider.queryset(model))
                                for model in provider.roots)
    return counts


def index_objects(model: type[models.Model], pks: Iterable[int]) -> int:
    """(Re-)index many objects of one root model in batches — for writes that send no signal
    (``bulk_create``, imports). Returns the number of documents written."""
    found = provider_for(model)
    pks = list(pks)
    if found is None or not pks:
        return 0
    label, provider = found
    queryset = provider.queryset(model).filter(pk__in=pks)
    with transaction.atomic():
        SearchDocument.objects.filter(source__in=[source_key(model(pk=pk)) for pk in pks]).delete()
        return _write_in_batches(label, provider, queryset)


def _write_in_batches(label: str, provider: SearchProvider, queryset: models.QuerySet) -> int:
    written = 0
    batch: list[tuple[str, str, list[Document]]] = []
    for obj in queryset.iterator(chunk_size=BATCH):
        batch.append((label, source_key(obj), list(provider.documents(obj))))
        if len(batch) >= BATCH:
            written += _write(batch)
            batch = []
    return written + _write(batch)


def write_documents(label: str, source: str, documents: list[Document]) -> int:
    """Add documents under a source without a provider object (benchmarks and imports)."""
    return _write([(label, source, documents)])


def _write(entries: list[tuple[str, str, list[Document]]]) -> int:
    rows: list[SearchDocument] = []
    partners: list[tuple[int, tuple[int, ...]]] = []
    for label, source, documents in entries:
        for doc in documents:
            rows.append(
                SearchDocument(
                    organisation_id=doc.organisation_id,
                    module=label,
                    object_type=doc.object_type,
                    object_id=str(doc.object_id),
                    source=source,
                    title=doc.title[:300],
                    body=doc.body,
                    keywords=german.compound_keywords(f"{doc.title} {doc.body}"),
                    url_name=doc.url_name,
                    url_kwargs={k: str(v) for k, v in doc.url_kwargs.items()},
                    shared_url_name=doc.shared_url_name,
                    permission=doc.permission,
                    visibility=doc.visibility,
                    updated=doc.updated,
                )
            )
            partners.append((len(rows) - 1, doc.partner_ids))
    if not rows:
        return 0
    SearchDocument.objects.bulk_create(rows, batch_size=BATCH)
    links = [
        SearchDocument.partners.through(searchdocument_id=rows[i].pk, organisation_id=org_id)
        for i, org_ids in partners
        for org_id in org_ids
    ]
    if links:
        SearchDocument.partners.through.objects.bulk_create(links, batch_size=BATCH)
    _write_text_index(rows)
    return len(rows)


def _write_text_index(rows: list[SearchDocument]) -> None:
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        vector = (
            SearchVector("title", weight="A", config="german")
            + SearchVector("body", weight="B", config="german")
            + SearchVector("keywords", weight="C", config="german")
        )
        for start in range(0, len(rows), BATCH):
            ids = [r.pk for r in rows[start : start + BATCH]]
            SearchDocument.objects.filter(pk__in=ids).update(vector=vector)
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body, keywords) VALUES (%s, %s, %s, %s)",  # noqa: S608
                [
                    (r.pk, german.stemmed(r.title), german.stemmed(r.body), german.stemmed(r.keywords))
                    for r in rows
                ],
            )

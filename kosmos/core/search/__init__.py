"""Platform-wide search over what a user may see, German-aware, on SQLite and PostgreSQL.

* Modules declare a provider (``Module(search_provider=…)``, interface in ``providers``); core
  registers it with ``register_provider`` and keeps the index current through signals
  (``signals`` says why). ``rebuild_search_index`` rebuilds everything from the data.
* The index is one table, ``SearchDocument``: title, text, the compound parts of its words,
  where it leads, and what a reader needs to find it (organisation, permission, sharing).
* German: Snowball stemming and a compound splitter (``german``). PostgreSQL searches a
  ``tsvector`` with the ``german`` configuration (GIN index); SQLite an FTS5 table of text
  stemmed in Python with the same Snowball algorithm. Both match stems and stem prefixes.
* ``search(user, text, module=…, organisation=…)`` filters visibility in SQL (``visibility``),
  ranks by relevance then recency, and marks in a snippet why a document matched.
"""

from __future__ import annotations

from kosmos.core.search.indexing import deferred, index_object, rebuild, remove_object, write_documents
from kosmos.core.search.providers import (
    Document,
    Provider,
    SearchProvider,
    join,
    parent,
    providers,
    register_provider,
)
from kosmos.core.search.query import Hit, Results, search

__all__ = [
    "Document",
    "Hit",
    "Provider",
    "Results",
    "SearchProvider",
    "deferred",
    "index_object",
    "join",
    "parent",
    "providers",
    "rebuild",
    "register_provider",
    "remove_object",
    "search",
    "write_documents",
]

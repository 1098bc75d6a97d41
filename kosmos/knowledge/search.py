"""What of the knowledge base is findable: entries (by their short code) and network partners.

The finder (``kosmos.knowledge.finder``) matches its text against these same documents, so the
platform search and the finder agree on what "psychische Belastung" finds.
"""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.core.search import Document, Provider, join
from kosmos.knowledge.models import Entry, Partner


class KnowledgeSearch(Provider):
    roots = (Entry, Partner)

    def queryset(self, model: type) -> object:
        if model is Entry:
            return Entry.objects.select_related("category", "partner").prefetch_related("shared_with")
        return model._default_manager.all()

    def documents(self, obj: object) -> Iterable[Document]:
        if isinstance(obj, Entry):
            yield Document(
                organisation_id=obj.organisation_id,
                object_type="knowledge.entry",
                object_id=obj.short_code,
                title=obj.title,
                body=join(obj.get_topic_display(), obj.category.name if obj.category_id else "",
                          obj.summary, obj.description, obj.conversation_tips, obj.tags, obj.costs, obj.referral,
                          obj.place, obj.partner.name if obj.partner_id else ""),
                url_name="org:knowledge_entry",
                url_kwargs={"code": obj.short_code},
                permission="knowledge.view",
                updated=obj.updated_at,
                visibility=obj.visibility,
                partner_ids=tuple(o.pk for o in obj.shared_with.all()),
                shared_url_name="org:knowledge_entry",
            )
        elif isinstance(obj, Partner):
            yield Document(
                organisation_id=obj.organisation_id,
                object_type="knowledge.partner",
                object_id=str(obj.public_id),
                title=obj.name,
                body=join(obj.get_kind_display(), obj.description, obj.place),
                url_name="org:knowledge_partner",
                url_kwargs={"partner_id": str(obj.public_id)},
                permission="knowledge.view",
                updated=obj.updated_at,
            )


PROVIDER = KnowledgeSearch()

"""What of the programme is findable: an organisation's own applications to calls (for its members).

Calls themselves are not indexed per organisation (they are the same for all); committee scores and
comments are never indexed."""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.core.search import Document, Provider, join
from kosmos.programme.models import Application


class ProgrammeSearch(Provider):
    roots = (Application,)

    def queryset(self, model: type) -> object:
        return model._default_manager.select_related("call", "topic")

    def documents(self, obj: object) -> Iterable[Document]:
        if not isinstance(obj, Application):
            return
        yield Document(
            organisation_id=obj.organisation_id,
            object_type="programme.application",
            object_id=str(obj.public_id),
            title=obj.project_title,
            body=join(obj.call.title, obj.topic.name if obj.topic else "", obj.starting_situation, obj.goals,
                      obj.approach, obj.transferability, obj.strategic_relevance, obj.evidence),
            url_name="org:programme_call",
            url_kwargs={"call_id": obj.call.public_id},
            permission="programme.calls",
            updated=obj.updated_at,
        )


SEARCH_PROVIDER = ProgrammeSearch()

"""What of the process maps is findable: a map with the steps of its newest version."""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.core.search import Document, Provider, join, parent
from kosmos.processes.models import ProcessMap, ProcessVersion


class ProcessSearch(Provider):
    roots = (ProcessMap,)
    dependants = {ProcessVersion: lambda version: parent(version, "process_map")}

    def queryset(self, model: type) -> object:
        return model._default_manager.prefetch_related("shared_with")

    def documents(self, obj: object) -> Iterable[Document]:
        if not isinstance(obj, ProcessMap):
            return
        newest = obj.versions.order_by("-number").first()
        steps = (newest.data or {}).get("steps", []) if newest else []
        yield Document(
            organisation_id=obj.organisation_id,
            object_type="processes.processmap",
            object_id=str(obj.public_id),
            title=obj.title,
            body=join(obj.summary, *(f"{s.get('title', '')} {s.get('what', '')}" for s in steps)),
            url_name="org:process_detail",
            url_kwargs={"map_id": obj.public_id},
            permission="processes.view",
            updated=obj.updated_at,
            visibility=obj.visibility,
            partner_ids=tuple(o.pk for o in obj.shared_with.all()),
            shared_url_name="org:process_shared_detail",
        )


PROVIDER = ProcessSearch()

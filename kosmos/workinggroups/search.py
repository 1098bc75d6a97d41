"""What of the working groups is findable: the groups with their framework concept and results
(no minutes: they may name people)."""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.core.search import Document, Provider, join
from kosmos.workinggroups.models import WorkingGroup


class WorkingGroupSearch(Provider):
    roots = (WorkingGroup,)

    def queryset(self, model: type) -> object:
        return model._default_manager.prefetch_related("shared_with")

    def documents(self, obj: object) -> Iterable[Document]:
        if isinstance(obj, WorkingGroup):
            yield Document(
                organisation_id=obj.organisation_id,
                object_type="workinggroups.workinggroup",
                object_id=str(obj.public_id),
                title=obj.name,
                body=join(obj.get_topic_display(), obj.purpose, obj.mandate, obj.responsibilities,
                          obj.decision_rules, obj.meeting_rhythm, obj.results),
                url_name="org:workinggroup_detail",
                url_kwargs={"group_id": obj.public_id},
                permission="workinggroups.view",
                updated=obj.updated_at,
                visibility=obj.visibility,
                partner_ids=tuple(o.pk for o in obj.shared_with.all()),
                shared_url_name="org:workinggroup_shared",
            )


PROVIDER = WorkingGroupSearch()

"""What of improvement is findable: action fields and improvement projects."""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.core.search import Document, Provider, join, parent
from kosmos.improvement.models import (
    ActionField,
    ActionFieldFinding,
    ImprovementProject,
    Milestone,
)


class ImprovementSearch(Provider):
    roots = (ActionField, ImprovementProject)
    dependants = {
        ActionFieldFinding: lambda finding: parent(finding, "action_field"),
        Milestone: lambda milestone: parent(milestone, "project"),
    }

    def queryset(self, model: type) -> object:
        if model is ActionField:
            return ActionField.objects.prefetch_related("findings")
        if model is ImprovementProject:
            return ImprovementProject.objects.prefetch_related("milestones")
        return model._default_manager.all()

    def documents(self, obj: object) -> Iterable[Document]:
        if isinstance(obj, ActionField):
            yield Document(
                organisation_id=obj.organisation_id,
                object_type="improvement.actionfield",
                object_id=str(obj.public_id),
                title=obj.title,
                body=join(obj.description, obj.goal, obj.indicator, obj.topic, obj.source_title,
                          *(f.text for f in obj.findings.all())),
                url_name="org:improvement_action_field_detail",
                url_kwargs={"field_id": obj.public_id},
                permission="improvement.view",
                updated=obj.updated_at,
            )
        elif isinstance(obj, ImprovementProject):
            yield Document(
                organisation_id=obj.organisation_id,
                object_type="improvement.improvementproject",
                object_id=str(obj.public_id),
                title=obj.title,
                body=join(obj.goal, obj.indicator, *(m.title for m in obj.milestones.all())),
                url_name="org:improvement_project_detail",
                url_kwargs={"project_id": obj.public_id},
                permission="improvement.view",
                updated=obj.updated_at,
            )


PROVIDER = ImprovementSearch()

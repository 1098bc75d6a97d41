"""What of good practice is findable: a profile with its goals, results and milestones.

Drafts are findable only in the own organisation (their visibility stays "own" until the
programme office publishes them); published profiles as widely as they are published.
"""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.core.search import Document, Provider, join, parent
from kosmos.practice.models import Material, Milestone, Profile


class PracticeSearch(Provider):
    roots = (Profile,)
    dependants = {
        Milestone: lambda milestone: parent(milestone, "profile"),
        Material: lambda material: parent(material, "profile"),
    }

    def queryset(self, model: type) -> object:
        return model._default_manager.select_related("organisation").prefetch_related(
            "shared_with", "milestones", "materials")

    def documents(self, obj: object) -> Iterable[Document]:
        if not isinstance(obj, Profile):
            return
        yield Document(
            organisation_id=obj.organisation_id,
            object_type="practice.profile",
            object_id=str(obj.public_id),
            title=f"{obj.title} ({obj.organisation.name})",
            body=join(obj.get_topic_field_display(), obj.starting_situation, obj.goals, obj.results,
                      obj.lessons_learned, *(m.title for m in obj.milestones.all()),
                      *(m.title for m in obj.materials.all())),
            url_name="org:practice_profile",
            url_kwargs={"profile_id": obj.public_id},
            permission="practice.view",
            updated=obj.updated_at,
            visibility=obj.visibility,
            partner_ids=tuple(o.pk for o in obj.shared_with.all()),
            shared_url_name="org:practice_shared_profile",
        )


PROVIDER = PracticeSearch()

"""What of the Quali-Kompass is findable: the trainings of the catalogue (never staff or completions)."""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.core.search import Document, Provider, join
from kosmos.training.models import Training


class TrainingSearch(Provider):
    roots = (Training,)

    def queryset(self, model: type) -> object:
        return Training.objects.select_related("topic")

    def documents(self, obj: object) -> Iterable[Document]:
        if isinstance(obj, Training):
            yield Document(
                organisation_id=obj.organisation_id,
                object_type="training.training",
                object_id=str(obj.public_id),
                title=obj.title,
                body=join(obj.description, obj.provider, obj.code, obj.topic.name if obj.topic else ""),
                url_name="org:training_detail",
                url_kwargs={"training_id": obj.public_id},
                permission="training.view",
                updated=obj.updated_at,
            )


PROVIDER = TrainingSearch()

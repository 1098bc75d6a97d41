"""What of the maturity check is findable: the dimensions of an organisation's own catalogue copy,
with their level texts and recommendations (never answers)."""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.channels.models import Dimension, LevelText, Recommendation
from kosmos.core.search import Document, Provider, join


class CheckSearch(Provider):
    roots = (Dimension,)
    dependants = {LevelText: lambda text: text.dimension, Recommendation: lambda reco: reco.dimension}

    def queryset(self, model: type) -> object:
        return Dimension.objects.filter(catalogue__organisation__isnull=False).select_related("catalogue").prefetch_related(
            "levels", "recommendations")

    def documents(self, obj: object) -> Iterable[Document]:
        if isinstance(obj, Dimension) and obj.catalogue.organisation_id is not None:
            yield Document(
                organisation_id=obj.catalogue.organisation_id,
                object_type="channels.dimension",
                object_id=str(obj.public_id),
                title=obj.name,
                body=join(obj.question, *[level.text for level in obj.levels.all()],
                          *[reco.text for reco in obj.recommendations.all()]),
                url_name="org:channel_catalogue",
                permission="channels.view",
                updated=obj.catalogue.updated,
            )


PROVIDER = CheckSearch()

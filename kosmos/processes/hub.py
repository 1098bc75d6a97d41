"""Process maps as a source of findings for the improvement hub (``kosmos.core.hub``): the
"known friction" of the steps of a map's newest version, one finding per step."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kosmos.core.hub import FindingCollection, FindingRef, FindingSource
from kosmos.core.models import Organisation
from kosmos.processes.domain.model import parse
from kosmos.processes.models import ProcessMap

HUB_SOURCE = "processes.processmap"


def _maps(organisation: Organisation):  # noqa: ANN202
    """The organisation's own maps: friction becomes an improvement project where the map is owned."""
    return ProcessMap.objects.filter(organisation=organisation)


def maps_with_friction(organisation: Organisation) -> list[tuple[str, str]]:
    result = []
    for process_map in _maps(organisation).prefetch_related("versions").order_by("title"):
        newest = max(process_map.versions.all(), key=lambda v: v.number, default=None)
        if newest and any(s.friction for s in parse(newest.data).steps):
            result.append((str(process_map.public_id), process_map.title))
    return result


def friction(organisation: Organisation, source_id: str) -> FindingCollection | None:
    try:
        process_map = _maps(organisation).filter(public_id=source_id).first()
    except ValidationError:  # not a UUID
        return None
    if process_map is None:
        return None
    newest = process_map.versions.order_by("-number").first()
    process = parse(newest.data if newest else {})
    return FindingCollection(
        source=HUB_SOURCE,
        source_id=str(process_map.public_id),
        title=process_map.title,
        url=reverse("org:process_detail", kwargs={"org_slug": organisation.slug, "map_id": process_map.public_id}),
        findings=tuple(
            FindingRef(id=step.key, text=f"{number}. {step.title}: {step.friction}")
            for number, step in enumerate(process.steps, start=1) if step.friction
        ),
    )


SOURCE = FindingSource(label=_("Process map"), available=maps_with_friction, load=friction)

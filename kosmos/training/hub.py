"""The needs-versus-offer gap as a source of findings for the improvement hub (``kosmos.core.hub``):
statements of the qualification-needs survey with a high need and no training on offer."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kosmos.core.hub import FindingCollection, FindingRef, FindingSource
from kosmos.core.models import Organisation
from kosmos.training.domain.needs import gaps
from kosmos.training.needs import latest_waves, needs_versus_offer

HUB_SOURCE = "training.needs"


def surveys_with_gaps(organisation: Organisation) -> list[tuple[str, str]]:
    return [(str(w.public_id), f"{w.survey.title} ({w.name})") for w in latest_waves(organisation)]


def gap_findings(organisation: Organisation, source_id: str) -> FindingCollection | None:
    survey, rows = needs_versus_offer(organisation, source_id)
    if survey is None:
        return None
    found = gaps(rows)
    return FindingCollection(
        source=HUB_SOURCE,
        source_id=survey.public_id,
        title=gettext("Qualification needs: %(title)s (%(wave)s)") % {"title": survey.title, "wave": survey.wave},
        url=reverse("org:training_needs", kwargs={"org_slug": organisation.slug}),
        findings=tuple(
            FindingRef(
                id=row.need.key,
                text=gettext("High need, no training on offer: %(text)s (%(share)s %% high or medium need)")
                % {"text": row.need.text, "share": round(row.need.share * 100)},
                topic_key=row.need.key, topic=row.need.text,
            )
            for row in found
        ),
        topics=tuple((row.need.key, row.need.text) for row in found),
    )


SOURCE = FindingSource(label=_("Qualification needs"), available=surveys_with_gaps, load=gap_findings)

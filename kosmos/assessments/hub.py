"""The self-assessment as a source of findings for the improvement hub (``kosmos.core.hub``):
the consensus improvement potentials of one assessment, filed under its model's criteria."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kosmos.assessments.models import Assessment, Criterion, Finding, FindingKind
from kosmos.core.hub import FindingCollection, FindingRef, FindingSource
from kosmos.core.models import Organisation

HUB_SOURCE = "assessments.assessment"


def assessments_with_findings(organisation: Organisation) -> list[tuple[str, str]]:
    return [
        (str(public_id), title)
        for public_id, title in Assessment.objects.filter(
            organisation=organisation, findings__is_consensus=True, findings__kind=FindingKind.IMPROVEMENT,
        ).distinct().order_by("-start_date").values_list("public_id", "title")
    ]


def improvement_potentials(organisation: Organisation, source_id: str) -> FindingCollection | None:
    try:
        assessment = Assessment.objects.select_related("model").filter(
            organisation=organisation, public_id=source_id).first()
    except ValidationError:  # not a UUID
        return None
    if assessment is None:
        return None
    findings = (
        Finding.objects.filter(assessment=assessment, is_consensus=True, kind=FindingKind.IMPROVEMENT)
        .select_related("criterion").order_by("criterion__order", "-merged_count", "id")
    )
    criteria = Criterion.objects.filter(model=assessment.model).order_by("order")
    return FindingCollection(
        source=HUB_SOURCE,
        source_id=str(assessment.public_id),
        title=assessment.title,
        url=reverse("org:assessment_detail", kwargs={"org_slug": organisation.slug,
                                                     "assessment_id": assessment.public_id}),
        findings=tuple(
            FindingRef(id=str(f.public_id), text=f.text, topic_key=f.criterion.code, topic=f.criterion.label)
            for f in findings
        ),
        topics=tuple((c.code, c.label) for c in criteria),
    )


SOURCE = FindingSource(
    label=_("Self-assessment"), available=assessments_with_findings, load=improvement_potentials,
)

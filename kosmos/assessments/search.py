"""What of self-assessment is findable: assessments by title, and the consensus findings.

Consensus findings (strengths and improvement potentials) are part of the result and need
``assessments.results``, like the result page they lead to. Individual findings and ratings
stay private to their authors and are never indexed.
"""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.assessments.models import Assessment, Finding
from kosmos.core.search import Document, Provider, join, parent


def _finding_root(finding: Finding) -> Assessment | None:
    return parent(finding, "assessment") if finding.is_consensus else None


class AssessmentSearch(Provider):
    roots = (Assessment,)
    dependants = {Finding: _finding_root}

    def queryset(self, model: type) -> object:
        return Assessment.objects.select_related("model")

    def documents(self, assessment: Assessment) -> Iterable[Document]:
        url_kwargs = {"assessment_id": assessment.public_id}
        yield Document(
            organisation_id=assessment.organisation_id,
            object_type="assessments.assessment",
            object_id=str(assessment.public_id),
            title=assessment.title,
            body=join(assessment.get_method_display(), str(assessment.model) if assessment.model_id else ""),
            url_name="org:assessment_detail",
            url_kwargs=url_kwargs,
            permission="assessments.view",
            updated=assessment.completed_at or assessment.created_at,
        )
        findings = Finding.objects.filter(assessment=assessment, is_consensus=True).select_related("criterion")
        for finding in findings:
            yield Document(
                organisation_id=assessment.organisation_id,
                object_type="assessments.finding",
                object_id=str(finding.public_id),
                title=f"{finding.get_kind_display()}: {finding.criterion.code} {finding.criterion.name}",
                body=join(finding.text, " ".join(finding.tags), assessment.title),
                url_name="org:assessment_results",
                url_kwargs=url_kwargs,
                permission="assessments.results",
                updated=finding.created_at,
            )


PROVIDER = AssessmentSearch()

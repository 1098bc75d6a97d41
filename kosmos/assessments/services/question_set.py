"""Building the question set from the catalogue, and the organisation's own questions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.assessments.models import (
    Assessment,
    AssessmentItem,
    CatalogueQuestion,
    QuestionCatalogue,
    SubCriterion,
)
from kosmos.assessments.selectors import balance_of
from kosmos.assessments.services._audit import log
from kosmos.core.audit import log_created, update_fields
from kosmos.core.models import Organisation, User


def _require_editable(assessment: Assessment) -> None:
    if not assessment.question_set_editable:
        raise ValidationError(_("The question set can only be changed while the assessment is being prepared."))


@transaction.atomic
def do_set_question_set(*, acting_user: User, assessment: Assessment, questions: list[CatalogueQuestion]) -> int:
    """Replace the question set by the chosen questions (catalogue order). Resets the confirmation."""
    _require_editable(assessment)
    allowed = set(
        CatalogueQuestion.objects.filter(catalogue=assessment.catalogue, is_active=True)
        .filter(Q(organisation=None) | Q(organisation=assessment.organisation))
        .values_list("id", flat=True)
    )
    chosen = [q for q in questions if q.id in allowed]
    if len(chosen) != len(questions):
        raise ValidationError(_("Some questions do not belong to this catalogue."))
    existing = dict(AssessmentItem.objects.filter(assessment=assessment).values_list("question_id", "id"))
    wanted = {q.id for q in chosen}
    removed = [qid for qid in existing if qid not in wanted]
    added = [q for q in chosen if q.id not in existing]
    if removed:
        if AssessmentItem.objects.filter(assessment=assessment, question_id__in=removed, evidence__isnull=False).exists():
            raise ValidationError(
                _("Questions with evidence cannot be removed from the question set. Delete the evidence first.")
            )
        AssessmentItem.objects.filter(assessment=assessment, question_id__in=removed).delete()
    AssessmentItem.objects.bulk_create(
        AssessmentItem(assessment=assessment, unit_id=q.unit_id, question=q) for q in added
    )
    ordered = list(AssessmentItem.objects.filter(assessment=assessment).order_by(
        "unit__criterion__order", "unit__order", "question__organisation", "question__order", "id"
    ))
    moved = []
    for order, item in enumerate(ordered):
        if item.order != order:
            item.order = order
            moved.append(item)
    AssessmentItem.objects.bulk_update(moved, ["order"])
    if added or removed:
        assessment.question_set_confirmed_at = None
        assessment.question_set_note = ""
        assessment.save(update_fields=["question_set_confirmed_at", "question_set_note"])
        log(acting_user, assessment.organisation, "assessment.question_set_changed", assessment, changes={
            "added": [None, sorted(q.code for q in added)],
            "removed": [sorted(CatalogueQuestion.objects.filter(id__in=removed).values_list("code", flat=True)), None],
            "total": [len(existing), len(wanted)],
        })
    return len(wanted)


@transaction.atomic
def do_confirm_question_set(*, acting_user: User, assessment: Assessment, accept_warnings: bool, note: str = "") -> Assessment:
    """Fix the question set. An unbalanced set is accepted only explicitly, with a reason."""
    _require_editable(assessment)
    report = balance_of(assessment)
    if report.total == 0:
        raise ValidationError(_("The question set is empty."))
    if report.warnings and (not accept_warnings or not note.strip()):
        raise ValidationError(
            _("The question set is not balanced. To keep it anyway, confirm the warnings and give a reason.")
        )
    assessment.question_set_confirmed_at = timezone.now()
    assessment.question_set_note = note.strip() if report.warnings else ""
    assessment.save(update_fields=["question_set_confirmed_at", "question_set_note"])
    log(acting_user, assessment.organisation, "assessment.question_set_confirmed", assessment, changes={
        "total": [None, report.total],
        "warnings": [None, [h.message for h in report.warnings]] if report.warnings else [None, []],
        "reason": [None, assessment.question_set_note or None],
    })
    return assessment


def _next_own_code(catalogue: QuestionCatalogue, organisation: Organisation, unit: SubCriterion) -> str:
    prefix = f"E-{unit.code}-"
    count = CatalogueQuestion.objects.filter(catalogue=catalogue, organisation=organisation, code__startswith=prefix).count()
    return f"{prefix}{count + 1:02d}"


@transaction.atomic
def do_create_own_question(
    *,
    acting_user: User,
    organisation: Organisation,
    catalogue: QuestionCatalogue,
    unit: SubCriterion,
    text: str,
    evidence: list[str],
    based_on: CatalogueQuestion | None = None,
) -> CatalogueQuestion:
    """An own question, or a rewording of a catalogue question (linked to the original)."""
    if unit.model_id != catalogue.model_id:
        raise ValidationError({"unit": _("The sub-criterion does not belong to the catalogue's model.")})
    if based_on is not None:
        if based_on.catalogue_id != catalogue.id or (based_on.organisation_id not in (None, organisation.id)):
            raise ValidationError(_("The original question does not belong to this catalogue."))
        unit = based_on.unit  # a rewording keeps the intent of the original's sub-criterion
    last = CatalogueQuestion.objects.filter(catalogue=catalogue).aggregate(m=Max("order"))["m"] or 0
    question = CatalogueQuestion.objects.create(
        catalogue=catalogue,
        organisation=organisation,
        based_on=based_on,
        code=_next_own_code(catalogue, organisation, unit),
        unit=unit,
        text=text.strip(),
        evidence=[e.strip() for e in evidence if e.strip()],
        order=last + 1,
    )
    log_created(question, actor=acting_user, organisation=organisation, action="assessment.question_created",
                object_repr=question.code, fields={
                    "text": question.text, "unit": unit.code, "based_on": based_on.code if based_on else None,
                    "evidence": question.evidence,
                })
    return question


@transaction.atomic
def do_update_own_question(*, acting_user: User, question: CatalogueQuestion, text: str, evidence: list[str],
                           is_active: bool = True) -> CatalogueQuestion:
    if question.organisation_id is None:
        raise ValidationError(_("Catalogue questions cannot be changed; reword them as an own question instead."))
    values = {"text": text.strip(), "evidence": [e.strip() for e in evidence if e.strip()], "is_active": is_active}
    update_fields(question, values, actor=acting_user, organisation=question.organisation,
                  action="assessment.question_updated", object_repr=question.code)
    return question

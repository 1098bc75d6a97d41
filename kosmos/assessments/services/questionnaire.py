"""Questionnaire method: the question set becomes a survey (module surveys) of staff and, if wished,
outside stakeholders; the aggregated answers per question become the scores.

Answers are on the maturity scale 0–5 ("Reifegrad", scale ``maturity6`` of the surveys module,
with "Kann ich nicht beurteilen"). Results come through the survey module's anonymity rules:
a question with fewer answers than the survey's minimum group size is not taken over.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.assessments.domain.scoring import maturity_to_percent
from kosmos.assessments.models import Assessment, ConsensusScore, Method, Phase
from kosmos.assessments.services._audit import log
from kosmos.core.domain.numbers import format_number
from kosmos.core.models import User

MATURITY_SCALE = "maturity6"


@transaction.atomic
def do_create_questionnaire_survey(*, acting_user: User, assessment: Assessment):  # noqa: ANN201
    """Create the survey from the fixed question set; each question keeps its EFQM criterion."""
    from kosmos.surveys import services as surveys
    from kosmos.surveys.models import Audience, QuestionKind

    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.method != Method.QUESTIONNAIRE:
        raise ValidationError(_("Only the questionnaire method asks its questions as a survey."))
    if assessment.survey_id is not None:
        raise ValidationError(_("This self-assessment already has its survey."))
    if assessment.question_set_confirmed_at is None:
        raise ValidationError(_("Fix the question set first."))
    survey = surveys.do_create_survey(
        acting_user=acting_user, organisation=assessment.organisation, audience=Audience.STAFF,
        title=_("Questionnaire: %(title)s") % {"title": assessment.title},
        intro=_("Please estimate for every statement how far our Jobcenter has come, from 0 (not started) "
                "to 5 (exemplary). If you cannot judge a question, choose “Kann ich nicht beurteilen”."),
    )
    section = survey.sections.order_by("position").first()
    items = list(assessment.items.select_related("unit__criterion", "question").order_by("order", "id"))
    for item in items:
        question = surveys.do_add_question(
            acting_user=acting_user, section=section, kind=QuestionKind.LIKERT, text=item.label,
            scale_key=MATURITY_SCALE, no_answer=True,
        )
        question.criterion = item.unit.criterion.code
        question.save(update_fields=["criterion"])
        item.survey_question = question
        item.save(update_fields=["survey_question"])
    assessment.survey = survey
    assessment.save(update_fields=["survey"])
    log(acting_user, assessment.organisation, "assessment.survey_created", assessment,
        changes={"survey": [None, survey.title], "questions": [None, len(items)]})
    return survey


@transaction.atomic
def do_import_survey_results(*, acting_user: User, assessment: Assessment, wave) -> dict[str, int]:  # noqa: ANN001
    """Turn the mean answer per question (0–5) into the question's score (level × 20, rounded to 5).

    Runs in the assessment circle, so that the group can still discuss and change each score.
    Questions the anonymity rules hide (too few answers) keep no score from the survey.
    Only an ended wave: it is final, so its means cannot be compared with the means one response
    later; they come from the survey module's one plan for the wave (``wave_results``).
    """
    from kosmos.surveys.content import load_questionnaire
    from kosmos.surveys.results import wave_results

    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.phase != Phase.CONSENSUS:
        raise ValidationError(_("Survey results are taken over in the assessment circle."))
    if assessment.survey_id is None or wave.survey_id != assessment.survey_id:
        raise ValidationError(_("This wave does not belong to the survey of this self-assessment."))
    if not wave.is_closed:
        raise ValidationError(_("Survey results can be taken over once the wave has ended."))
    results = wave_results(wave, load_questionnaire(assessment.survey), with_texts=False)
    if not results.displayable:
        raise ValidationError(
            _("The wave has too few responses to show results (minimum group size %(k)s).")
            % {"k": assessment.survey.min_group_size}
        )
    by_question = {result.item.id: result for result in results.items}
    taken = hidden = 0
    for item in assessment.items.filter(survey_question__isnull=False):
        result = by_question.get(item.survey_question_id)
        if result is None or result.suppressed or result.mean is None:
            hidden += 1
            continue
        score = maturity_to_percent(result.mean)
        mean = format_number(result.mean, 1, trim=True)
        ConsensusScore.objects.update_or_create(item=item, defaults={
            "score": score, "proposal": score, "level": None, "attributes": {}, "decided_by": acting_user,
            "reason": _("Mean of the survey answers (%(wave)s, n = %(n)s): level %(mean)s.")
            % {"wave": wave.name, "n": result.n, "mean": mean},
        })
        taken += 1
    log(acting_user, assessment.organisation, "assessment.survey_results_imported", assessment,
        changes={"wave": [None, wave.name], "questions": [None, taken], "hidden": [None, hidden]})
    return {"taken": taken, "hidden": hidden}

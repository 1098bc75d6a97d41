"""Surveys' part in cross-organisation comparisons (``kosmos.core.comparisons``): the mean of
each rating-scale question of the platform's survey templates (the same question in every
organisation that runs the template), from each organisation's latest *ended* wave.

The survey's own anonymity rules hold: results exist only once a wave has ended
(``domain.anonymity.results_visible``), and a question counts only where at least the survey's
minimum group size of people answered it on the scale ("no answer" left out). Four queries
(waves, answers, consents, the reader's question texts) whatever the number of organisations.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.core import benchmarks
from kosmos.core.comparisons import (
    ComparisonFigure,
    ComparisonTopic,
    consenting_organisation_ids,
    sharing_organisation_ids,
)
from kosmos.core.models import Organisation
from kosmos.surveys.domain.templates import SurveyTemplate, TemplateError, load_template
from kosmos.surveys.models import Answer, Choice, Question, Wave
from kosmos.surveys.models.structure import QuestionKind, WaveStatus

KEY = "surveys.templates"

_SQL = """
SELECT a.wave_id, q.key, COUNT(*), AVG(c.value)
FROM {answer} a
JOIN {question} q ON q.id = a.question_id
JOIN {choice} c ON c.question_id = a.question_id AND c.code = a.value
WHERE a.wave_id IN ({waves}) AND q.kind IN (%s, %s) AND c.value IS NOT NULL
GROUP BY a.wave_id, q.key
"""


def template_title(key: str) -> str:
    template = _template(key)
    return template.title.de if template else key


@cache
def _template(key: str) -> SurveyTemplate | None:
    """The built-in template (read and validated by the survey module's loader), None if unknown."""
    try:
        return load_template(key)
    except TemplateError:
        return None


def template_question_text(template_key: str, question_key: str) -> str:
    """The German text of a template's question or matrix statement (the key if not found)."""
    template = _template(template_key)
    for section in template.sections if template else ():
        for question in section.questions:
            for candidate in (question, *question.statements):
                if candidate.key == question_key:
                    return candidate.text.de
    return question_key


def _latest_ended_waves(reader: Organisation) -> dict[int, tuple[int, str, int]]:
    """wave id → (organisation id, template key, minimum group size): per organisation and
    template, the wave that ended last."""
    today = timezone.localdate()
    ended = Q(status=WaveStatus.CLOSED) | (~Q(status=WaveStatus.DRAFT) & Q(ends_on__lt=today))
    rows = (Wave.objects.filter(ended).exclude(survey__template_key="")
            .filter(Q(survey__organisation=reader) | Q(survey__organisation__in=sharing_organisation_ids(KEY)))
            .order_by("ends_on", "pk")
            .values_list("pk", "survey__organisation_id", "survey__template_key", "survey__min_group_size"))
    latest: dict[tuple[int, str], tuple[int, int]] = {}
    for pk, org_id, template_key, k in rows:
        latest[(org_id, template_key)] = (pk, k)  # ordered by end: the last one wins
    return {pk: (org_id, template_key, k) for (org_id, template_key), (pk, k) in latest.items()}


def question_figures(reader: Organisation) -> list[ComparisonFigure]:
    waves = _latest_ended_waves(reader)
    if not waves:
        return []
    sql = _SQL.format(answer=Answer._meta.db_table, question=Question._meta.db_table, choice=Choice._meta.db_table,
                      waves=", ".join("%s" for _ in waves))
    with connection.cursor() as cursor:
        cursor.execute(sql, [*waves, QuestionKind.LIKERT, QuestionKind.STATEMENT])
        rows = cursor.fetchall()
    consenting = consenting_organisation_ids(KEY)
    own: dict[tuple[str, str], float] = {}
    others: dict[tuple[str, str], dict[int, float]] = defaultdict(dict)
    for wave_id, question_key, n, mean in rows:
        org_id, template_key, k = waves[wave_id]
        if n < k or mean is None:
            continue  # fewer people than the survey's minimum: nothing of this question leaves the survey
        key = (template_key, question_key)
        if org_id == reader.pk:
            own[key] = float(mean)
        if org_id in consenting:
            others[key][org_id] = float(mean)
    labels = {(t, k): text for t, k, text in Question.objects.filter(
        survey__organisation=reader, survey__template_key__in={key[0] for key in own}).values_list(
        "survey__template_key", "key", "text")} if own else {}
    figures = []
    for key in sorted(set(own) | set(others)):
        template_key, question_key = key
        distribution = benchmarks.distribution(others.get(key, {}))
        figures.append(ComparisonFigure(
            label=(labels.get(key) or template_question_text(template_key, question_key))[:120], own=own.get(key), distribution=distribution,
            group=template_title(template_key), contributors=len(others.get(key, {})) if distribution else 0))
    return figures


TOPICS = (
    ComparisonTopic(
        key=KEY,
        label=_("Survey questions of the platform templates"),
        description=_("The mean answer on the rating scale of each question of the platform's survey templates, "
                      "from the latest ended wave; only where at least the survey's minimum group size answered."),
        provider=question_figures,
        permission="surveys.results",
    ),
)

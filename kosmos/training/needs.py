"""The qualification-needs survey, read through a small interface.

Only the surveys module's public reading functions are used: the latest ended wave of a survey
built from the template ``qualifizierungsbedarf`` and its matrix statements' top-box shares.
Statements below the survey's minimum group size come back suppressed and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from kosmos.core.models import Organisation
from kosmos.training.domain.needs import Need, NeedRow, compare
from kosmos.training.models import Topic

TEMPLATE_KEY = "qualifizierungsbedarf"


@dataclass(frozen=True)
class NeedsSurvey:
    public_id: str  # the wave's public id
    title: str
    wave: str
    ends_on: object
    needs: tuple[Need, ...]


def latest_waves(organisation: Organisation) -> list:  # noqa: ANN201
    from kosmos.surveys.models import Wave

    waves = Wave.objects.filter(survey__organisation=organisation, survey__template_key=TEMPLATE_KEY).select_related(
        "survey").order_by("-ends_on")
    return [w for w in waves if w.is_closed]


def needs_survey(organisation: Organisation, wave_id: str | None = None) -> NeedsSurvey | None:
    """The needs of one ended wave (the latest by default), or None.

    Reading an ended wave for the first time builds its answer cube (``ensure_cube`` of the
    surveys module), exactly as the survey's own results page does.
    """
    from kosmos.surveys.content import load_questionnaire
    from kosmos.surveys.results import ResultsNotAvailable, wave_results

    waves = latest_waves(organisation)
    if wave_id is not None:
        waves = [w for w in waves if str(w.public_id) == wave_id]
    if not waves:
        return None
    wave = waves[0]
    questionnaire = load_questionnaire(wave.survey)
    try:
        results = wave_results(wave, questionnaire, with_texts=False)
    except ResultsNotAvailable:
        return None
    needs = []
    for item in results.items:
        for statement in item.statements:
            scale = statement.scale
            if statement.suppressed or scale is None or scale.top_share is None:
                continue
            needs.append(Need(statement.item.key, statement.item.text("de"), scale.top_share, scale.n_valid))
    return NeedsSurvey(str(wave.public_id), wave.survey.title, wave.name, wave.ends_on, tuple(needs))


def offers_by_key(organisation: Organisation) -> dict[str, int]:
    """Active trainings per survey statement key, through the topics that answer it (one query)."""
    counts: dict[str, int] = {}
    topics = Topic.objects.filter(organisation=organisation).exclude(need_keys="").annotate(
        offers=Count("trainings", filter=Q(trainings__active=True)))
    for topic in topics:
        for key in topic.need_key_list:
            counts[key] = counts.get(key, 0) + topic.offers
    return counts


def needs_versus_offer(organisation: Organisation, wave_id: str | None = None) -> tuple[NeedsSurvey | None,
                                                                                        list[NeedRow]]:
    survey = needs_survey(organisation, wave_id)
    if survey is None:
        return None, []
    return survey, compare(survey.needs, offers_by_key(organisation))

"""The customer survey on digital offers, linked to the channels it asks about (data, not code paths).

``SURVEY_LINKS`` maps a survey template (``Survey.template_key``) and its question keys to a channel
key of the maturity catalogue. The usage page of an offer shows, for its channel, the results of the
latest ended wave of such a survey: the share of respondents who know the offer and who used it, as the
survey's own results page shows them (the survey's minimum group size applies; hidden means hidden).
"""

from __future__ import annotations

from dataclasses import dataclass

from kosmos.core.models import Organisation

# template key → {question key: (channel key, what the question measures)}
SURVEY_LINKS: dict[str, dict[str, tuple[str, str]]] = {
    "digitale-angebote": {
        "termin_bekannt": ("online-termine", "known"),
        "termin_genutzt": ("online-termine", "used"),
        "video_bekannt": ("video", "known"),
        "video_genutzt": ("video", "used"),
        "portal_bekannt": ("portal", "known"),
        "portal_genutzt": ("portal", "used"),
        "email_bekannt": ("email-verschluesselt", "known"),
        "email_genutzt": ("email-verschluesselt", "used"),
    },
}
YES = "ja"


@dataclass(frozen=True)
class SurveyFigure:
    measure: str  # "known" or "used"
    question: str  # the question text (German, as asked)
    share: float | None  # share of "ja" in percent; None when hidden (too few answers)
    n: int


@dataclass(frozen=True)
class SurveyLink:
    survey_title: str
    wave_name: str
    figures: tuple[SurveyFigure, ...]


def questions_for(channel_key: str) -> dict[str, dict[str, str]]:
    """{template key: {question key: measure}} of the questions about ``channel_key``."""
    out: dict[str, dict[str, str]] = {}
    for template, questions in SURVEY_LINKS.items():
        for question, (channel, measure) in questions.items():
            if channel == channel_key:
                out.setdefault(template, {})[question] = measure
    return out


def survey_results_for(organisation: Organisation, channel_key: str) -> SurveyLink | None:
    """The latest ended wave of a linked survey of the organisation, reduced to the channel's questions."""
    if not channel_key:
        return None
    wanted = questions_for(channel_key)
    if not wanted:
        return None
    from kosmos.surveys.content import load_questionnaire
    from kosmos.surveys.models import Wave
    from kosmos.surveys.results import ResultsNotAvailable, wave_results

    waves = [w for w in Wave.objects.filter(survey__organisation=organisation, survey__template_key__in=wanted)
             .select_related("survey").order_by("-ends_on")[:10] if w.is_closed]
    if not waves:
        return None
    wave = waves[0]
    questions = wanted[wave.survey.template_key]
    try:
        results = wave_results(wave, load_questionnaire(wave.survey), with_texts=False)
    except ResultsNotAvailable:
        return None
    figures = []
    for item in results.items:
        measure = questions.get(item.item.key)
        if measure is None:
            continue
        share = None if item.suppressed or not item.n else item.shares.get(YES)
        figures.append(SurveyFigure(measure, item.item.text("de"), share, 0 if item.suppressed else item.n))
    if not figures:
        return None
    return SurveyLink(wave.survey.title, wave.name, tuple(figures))

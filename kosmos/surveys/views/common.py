"""Lookups shared by the organisation pages: always within ``request.organisation`` (404 otherwise)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from kosmos.surveys.models import Question, Section, Survey, Wave


def get_survey(request: HttpRequest, survey_id: str) -> Survey:
    return get_object_or_404(Survey.objects.select_related("organisation"), organisation=request.organisation,
                             public_id=survey_id)


def get_section(survey: Survey, section_id: str) -> Section:
    return get_object_or_404(Section.objects.select_related("survey__organisation"), survey=survey,
                             public_id=section_id)


def get_question(survey: Survey, question_id: str) -> Question:
    return get_object_or_404(
        Question.objects.select_related("survey__organisation", "section", "condition_question"),
        survey=survey, public_id=question_id, parent__isnull=True,
    )


def get_wave(request: HttpRequest, survey_id: str, wave_id: str) -> Wave:
    return get_object_or_404(
        Wave.objects.select_related("survey__organisation"), survey__organisation=request.organisation,
        survey__public_id=survey_id, public_id=wave_id,
    )


def error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)

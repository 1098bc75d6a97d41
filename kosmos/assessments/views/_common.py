"""Helpers shared by the views of this module."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from kosmos.assessments import selectors
from kosmos.assessments.models import Assessment


def assessment_for(request: HttpRequest, assessment_id: object) -> Assessment:
    return selectors.get_assessment(request.organisation, assessment_id)


def require_participant(request: HttpRequest, assessment: Assessment) -> None:
    """Ratings and the circle are for the group and the facilitator only (403 for others)."""
    if not selectors.is_participant(assessment, request.user, request.org_access):
        raise PermissionDenied


def message_errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)

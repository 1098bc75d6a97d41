"""Template helpers of the assessments module."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from kosmos.assessments import selectors
from kosmos.assessments.models import Phase
from kosmos.core.domain.numbers import DASH, format_number, format_percent, format_signed

register = template.Library()


@register.inclusion_tag("assessments/includes/subnav.html", takes_context=True)
def assessment_nav(context: template.Context, assessment) -> dict:  # noqa: ANN001
    """Tabs of one assessment; only pages the user may open are listed."""
    request = context["request"]
    access = request.org_access
    participant = access.has("assessments.rate") and selectors.is_participant(assessment, request.user, access)
    current = request.resolver_match.url_name if request.resolver_match else ""
    kw = {"org_slug": request.organisation.slug, "assessment_id": assessment.public_id}
    tabs = [
        ("assessment_detail", _("Overview"), True, ("assessment_detail", "assessment_edit", "assessment_next_cycle")),
        ("assessment_timeline", _("Timeline"), True, ("assessment_timeline", "assessment_milestone_add",
                                                      "assessment_milestone_edit")),
        ("assessment_group", _("Group"), True, ("assessment_group", "assessment_group_add", "assessment_group_edit",
                                                "assessment_group_remove")),
        ("assessment_calibration", _("Calibration"), True, ("assessment_calibration", "assessment_calibration_edit")),
        ("assessment_question_set", _("Question set"), True, ("assessment_question_set", "assessment_question_set_edit",
                                                              "assessment_question_set_confirm")),
        ("assessment_evidence", _("Evidence"), participant, ("assessment_evidence", "assessment_evidence_add")),
        ("assessment_application", _("Application"), participant and assessment.rates_units,
         ("assessment_application", "assessment_application_edit")),
        ("assessment_rating", _("My rating"), participant and assessment.phase_reached(Phase.RATING),
         ("assessment_rating", "assessment_rating_item")),
        ("assessment_consensus", _("Assessment circle"), participant and assessment.ratings_revealed,
         ("assessment_consensus", "assessment_consensus_item")),
        ("assessment_findings", _("Findings"), participant and assessment.ratings_revealed,
         ("assessment_findings", "assessment_finding_add", "assessment_finding_edit")),
        ("assessment_results", _("Result"), access.has("assessments.results") and assessment.ratings_revealed,
         ("assessment_results",)),
    ]
    return {
        "tabs": [
            {"label": label, "url": reverse(f"org:{name}", kwargs=kw), "current": current in names}
            for name, label, visible, names in tabs
            if visible
        ],
        "assessment": assessment,
    }


@register.filter
def percent(value: object) -> str:
    """German percent with at most one decimal: 37,5 % (or – when empty)."""
    if value is None or value == "":
        return DASH
    return format_percent(float(str(value)), 1, trim=True, space=" ")


@register.filter
def decimal_de(value: object) -> str:
    """German number with at most one decimal: 12,5 (or – when empty)."""
    if value is None or value == "":
        return DASH
    return format_number(float(str(value)), 1, trim=True)


@register.filter
def signed_de(value: object) -> str:
    """A change with its sign and at most one decimal: +2,5 / −5 / ±0 (or – when empty)."""
    if value is None or value == "":
        return DASH
    return format_signed(float(str(value)), 1, trim=True)


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key) if hasattr(mapping, "get") else None

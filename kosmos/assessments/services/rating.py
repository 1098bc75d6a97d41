"""Individual rating: each member rates alone and notes strengths and improvement potentials."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.assessments.models import (
    Assessment,
    AssessmentItem,
    Finding,
    FindingKind,
    GroupMember,
    Phase,
    RadarAttribute,
    Rating,
)
from kosmos.assessments.scales import PERCENT_CHOICES, score_from_attributes, score_from_level
from kosmos.assessments.services._audit import log
from kosmos.core.models import User


def _clean_lines(texts: list[str]) -> list[str]:
    seen: list[str] = []
    for text in texts:
        cleaned = " ".join(text.split())
        if cleaned and cleaned not in seen:
            seen.append(cleaned[:1000])
    return seen


@transaction.atomic
def do_save_rating(
    *,
    acting_user: User,
    item: AssessmentItem,
    level: int | None = None,
    attributes: dict[str, int | None] | None = None,
    strengths: list[str] | None = None,
    improvements: list[str] | None = None,
) -> Rating:
    """Save the acting member's own rating of one item. The audit log records that a rating was
    saved, never its values: those stay private until the assessment circle opens."""
    # Re-read the phase under a lock: a stale object must not let a rating in after the circle opened.
    assessment = Assessment.objects.select_for_update().get(pk=item.assessment_id)
    if assessment.phase != Phase.RATING:
        raise ValidationError(_("Individual ratings can only be given while the rating phase is open."))
    if not GroupMember.objects.filter(assessment=assessment, user=acting_user).exists():
        raise ValidationError(_("Only members of the assessment group rate."))
    rating = Rating.objects.filter(item=item, rater=acting_user).first() or Rating(item=item, rater=acting_user)
    if assessment.uses_maturity_scale:
        if level is not None and not 0 <= level <= 5:
            raise ValidationError(_("Please choose a level from 0 to 5."))
        rating.level = level
        rating.attributes = {}
        rating.score = score_from_level(level)
    else:
        allowed = set(
            RadarAttribute.objects.filter(model=assessment.model, applies_to=item.unit.criterion.kind)
            .values_list("code", flat=True)
        )
        cleaned: dict[str, int] = {}
        for code, value in (attributes or {}).items():
            if code not in allowed:
                raise ValidationError(_("Unknown RADAR attribute."))
            if value is None:
                continue
            if value not in PERCENT_CHOICES:
                raise ValidationError(_("Please rate each attribute from 0 to 100 % in steps of 5."))
            cleaned[code] = value
        rating.level = None
        rating.attributes = cleaned
        rating.score = score_from_attributes(cleaned)
    rating.save()

    if strengths is not None or improvements is not None:
        Finding.objects.filter(item=item, author=acting_user, is_consensus=False).delete()
        Finding.objects.bulk_create(
            Finding(
                assessment=assessment, item=item, criterion_id=item.unit.criterion_id, kind=kind, text=text,
                author=acting_user,
            )
            for kind, texts in ((FindingKind.STRENGTH, strengths or []), (FindingKind.IMPROVEMENT, improvements or []))
            for text in _clean_lines(texts)
        )
    log(acting_user, assessment.organisation, "assessment.rating_saved", item,
        object_type="assessments.rating", object_repr=f"{assessment.title}: {item.unit.code}")
    return rating

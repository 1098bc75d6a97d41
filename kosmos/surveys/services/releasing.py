"""Releasing free-text answers for the published results (see ``models.releases``).

The audit log records who released or withdrew which answer of which question, and whether the
wording was redacted, but never the text itself: the log must not copy what the release hides.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.core.audit import log_event
from kosmos.core.models import User
from kosmos.surveys.models import Question, QuestionKind, ReleasedText, TextAnswer, Wave
from kosmos.surveys.models.releases import text_hash

MAX_RELEASED_LENGTH = 2000


@transaction.atomic
def do_release_text(*, acting_user: User, wave: Wave, question: Question, response_id: str, text: str) -> ReleasedText:
    """Release one free-text answer of an ended wave in the given (possibly redacted) wording.

    Releasing it again replaces the released wording; the answer itself is never changed.
    """
    if not wave.is_closed:
        raise ValidationError(_("Free-text answers can be released once the wave has ended."))
    if question.kind != QuestionKind.TEXT or question.survey_id != wave.survey_id:
        raise ValidationError(_("This question has no free-text answers."))
    answer = TextAnswer.objects.filter(wave=wave, question=question, response_id=response_id).first()
    if answer is None:
        raise ValidationError(_("This answer does not exist."))
    wording = (text or "").strip()
    if not wording:
        raise ValidationError(_("Enter the wording to release, or leave the answer unreleased."))
    if len(wording) > MAX_RELEASED_LENGTH:
        raise ValidationError(_("The released wording may have at most %(n)d characters.") % {"n": MAX_RELEASED_LENGTH})
    redacted = wording != answer.text.strip()
    release, created = ReleasedText.objects.update_or_create(
        wave=wave, question=question, source_hash=text_hash(answer.text),
        defaults={"text": wording, "redacted": redacted, "released_by": acting_user,
                  "g1": answer.g1, "g2": answer.g2, "g3": answer.g3},
    )
    log_event(actor=acting_user, organisation=wave.survey.organisation,
              action="wave.text_released", obj=wave,
              changes={"question": [None, question.key], "redacted": [None, redacted],
                       "replaced": [None, not created]})
    return release


@transaction.atomic
def do_withdraw_text(*, acting_user: User, release: ReleasedText) -> None:
    """Take a released answer out of the published results again."""
    wave = release.wave
    log_event(actor=acting_user, organisation=wave.survey.organisation, action="wave.text_withdrawn", obj=wave,
              changes={"question": [release.question.key, None]})
    release.delete()

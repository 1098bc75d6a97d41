"""How respondents get in, kept apart from what they answered.

Nothing here has a key to a response, and a response has no key to anything here:

- ``Token``: a one-time access code. Only its SHA-256 hash is looked up; the code itself is
  derived from a random seed and the secret key (so cards can be printed again and reminders
  sent) and never stored. A used token records *that* it was used, not when: a day on both
  the token and the response would join them on every day with a single submission.
- ``SurveyInvitation``: the e-mail address a token was sent to, for reminders. The list can
  be deleted after sending; the tokens stay valid.
- ``SubmissionNonce``: the random number of a submitted form, so that a double click or a
  resend stores one response. It is not on the response, so a form left in a browser's
  history does not point to the answers.
- ``ResumeDraft``: answers saved to continue later, found by the hash of a resume code.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.surveys.models.structure import Wave


class TokenBatchKind(models.TextChoices):
    CARDS = "cards", _("printed cards")
    EMAIL = "email", _("e-mail invitations")


class TokenBatch(models.Model):
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="token_batches")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=TokenBatchKind.choices)
    size = models.PositiveIntegerField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.size})"



class Token(models.Model):
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="tokens")
    batch = models.ForeignKey(TokenBatch, on_delete=models.CASCADE, related_name="tokens")
    seed = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code_hash = models.CharField(max_length=64, unique=True)
    used = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["wave", "used"], name="token_wave_used")]

    def __str__(self) -> str:
        return "Token"  # never the code or its hash



class SurveyInvitation(models.Model):
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    token = models.OneToOneField(Token, on_delete=models.CASCADE, related_name="invitation")
    email = models.EmailField()
    sent_on = models.DateField(null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["wave", "email"], name="invitation_email_unique_per_wave")]

    def __str__(self) -> str:
        return self.email



class SubmissionNonce(models.Model):
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="+")
    nonce = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return "Nonce"



class ResumeDraft(models.Model):
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64, unique=True)
    data = models.JSONField(default=dict)
    expires_on = models.DateField()

    def __str__(self) -> str:
        return "Resume draft"

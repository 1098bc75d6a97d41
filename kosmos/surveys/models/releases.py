"""Free-text answers a quality manager has released for publication, after reading them.

Published results (the staff page, the PDF report) show no free text by default: customers and
staff write names, case details and complaints about named colleagues. A quality manager reads
the answers and releases single ones, redacted where needed. The redacted text is stored here;
the raw answer (``TextAnswer``) is never changed.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.surveys.models.responses import Response
from kosmos.surveys.models.structure import Question, Wave


class ReleasedText(models.Model):
    """One free-text answer released for the published results, in its redacted wording."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="released_texts")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    # The answer it comes from (deleting the response deletes its release, too).
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="+")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    text = models.TextField(_("released wording"))
    redacted = models.BooleanField(default=False)  # the wording differs from the answer
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    released_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("released free-text answer")
        verbose_name_plural = _("released free-text answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="released_text_once_per_answer"),
        ]
        indexes = [models.Index(fields=["wave", "question"], name="released_text_lookup")]

    def __str__(self) -> str:
        return self.text[:80]

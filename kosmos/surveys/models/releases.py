"""Free-text answers a quality manager has released for publication, after reading them.

Published results (the staff page, the PDF report) show no free text by default: customers and
staff write names, case details and complaints about named colleagues. A quality manager reads
the answers and releases single ones, redacted where needed. The redacted text is stored here;
the raw answer (``TextAnswer``) is never changed.
"""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kosmos.surveys.models.structure import Question, Wave


class ReleasedText(models.Model):
    """One free-text answer released for the published results, in its redacted wording.

    It names the answer by the hash of its original text, not by its response: response ids are
    rewritten at random (``services.storage``), and nothing here should join back to a response.
    The group codes are copied so that the published page can filter by group.
    """

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="released_texts")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    source_hash = models.CharField(max_length=64)  # sha256 of the original answer's text
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    text = models.TextField(_("released wording"))
    redacted = models.BooleanField(default=False)  # the wording differs from the answer
    g1 = models.PositiveSmallIntegerField(default=0)
    g2 = models.PositiveSmallIntegerField(default=0)
    g3 = models.PositiveSmallIntegerField(default=0)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    released_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("released free-text answer")
        verbose_name_plural = _("released free-text answers")
        constraints = [
            models.UniqueConstraint(fields=["wave", "question", "source_hash"], name="released_text_once_per_answer"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()

"""The programme's e-mails: rendered now, sent only once the surrounding transaction has committed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string


def send_after_commit(*, subject: str, template: str, context: dict[str, Any], recipients: Sequence[str]) -> None:
    """Render ``template`` with ``context`` and send it to ``recipients`` after the commit (nothing on rollback)."""
    message = render_to_string(template, context)
    recipient_list = list(recipients)
    transaction.on_commit(lambda: send_mail(subject=subject, message=message, from_email=None,
                                            recipient_list=recipient_list))

"""Review reminders: one e-mail per person responsible for overdue entries, at most once a week.

Run daily by ``manage.py knowledge_review_reminders`` (cron or the platform's scheduler).
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kosmos.core.urls_absolute import absolute_url
from kosmos.knowledge import selectors, services
from kosmos.knowledge.models import Entry


@transaction.atomic
def do_send_review_reminders(*, every_days: int = 7) -> int:
    """Remind every person responsible of their overdue entries; returns the number of e-mails."""
    by_person: dict[int, list[Entry]] = {}
    for entry in selectors.entries_due_for_reminder(every_days=every_days):
        by_person.setdefault(entry.responsible_id, []).append(entry)  # type: ignore[arg-type]
    for entries in by_person.values():
        person = entries[0].responsible
        with translation.override("de"):
            lines = [(e, absolute_url(None, reverse("org:knowledge_entry", kwargs={
                "org_slug": e.organisation.slug, "code": e.short_code}))) for e in entries]
            subject = _("Knowledge base: %(count)s entries are due for review") % {"count": len(entries)}
            message = render_to_string("knowledge/email/review_reminder.txt", {"person": person, "lines": lines})
        recipient = person.email  # type: ignore[union-attr]
        transaction.on_commit(lambda s=subject, m=message, r=recipient: send_mail(
            subject=s, message=m, from_email=None, recipient_list=[r]))
    services.do_record_reminders(entries=[e for entries in by_person.values() for e in entries])
    return len(by_person)

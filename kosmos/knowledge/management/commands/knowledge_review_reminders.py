"""Send the review reminders of the knowledge base (run it daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kosmos.knowledge.reminders import do_send_review_reminders


class Command(BaseCommand):
    help = "E-mail every person responsible for overdue knowledge entries (at most once a week)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--every-days", type=int, default=7, help="Remind the same entry again after N days.")

    def handle(self, *args: Any, **options: Any) -> None:
        sent = do_send_review_reminders(every_days=options["every_days"])
        self.stdout.write(f"{sent} reminder(s) sent")

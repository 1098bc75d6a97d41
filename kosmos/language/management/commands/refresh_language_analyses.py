"""Recompute the cached analyses of every letter library whose engine, text type or glossary changed.

Pages do this lazily on their first view; run it after an update of the analysis engine so that
nobody waits for it:  python manage.py refresh_language_analyses
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from kosmos.core.models import Organisation
from kosmos.language.services import refresh_organisation


class Command(BaseCommand):
    help = "Recompute out-of-date cached analyses of the letter libraries."

    def handle(self, *args: object, **options: object) -> None:
        total = 0
        organisations = Organisation.objects.filter(letter_templates__isnull=False).distinct().order_by("slug")
        for organisation in organisations:
            changed = refresh_organisation(organisation)
            total += changed
            if changed:
                self.stdout.write(f"{organisation.slug}: {changed}")
        self.stdout.write(f"Neu berechnet: {total} Fassungen.")

from django.core.management.base import BaseCommand
from django.db import transaction

from kosmos.assessments.model_sync import sync_all


class Command(BaseCommand):
    help = "Load the assessment models and question catalogues from kosmos/assessments/model_data/ (idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        with transaction.atomic():
            sync_all()
        self.stdout.write(self.style.SUCCESS("Modelle und Fragenkatalog sind aktuell."))

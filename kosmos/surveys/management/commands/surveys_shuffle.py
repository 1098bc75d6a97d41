"""Rewrite the responses of running (and ended, not yet rewritten) waves in random order.

Run it periodically (e.g. hourly from a systemd timer, see docs/betrieb.md): between two runs
the storage order of the newest responses still follows their submission.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand
from django.utils import timezone

from kosmos.surveys.models import Wave, WaveStatus
from kosmos.surveys.services.storage import do_shuffle_wave_storage, vacuum_response_tables


class Command(BaseCommand):
    help = "Rewrite survey responses in random order, so that no storage order follows submissions."

    def handle(self, *args: object, **options: object) -> None:
        today = timezone.localdate()
        waves = Wave.objects.filter(status=WaveStatus.RUNNING, starts_on__lte=today, cube_ready=False)
        rewritten = {str(wave.public_id): do_shuffle_wave_storage(wave) for wave in waves}
        vacuum_response_tables()
        self.stdout.write(json.dumps({"waves": len(rewritten), "responses": sum(rewritten.values())}))

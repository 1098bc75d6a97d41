"""The synthetic national sample: clearly marked, idempotent, removable, with usage and checks."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from kosmos.channels.models import Check, DigitalOffer, UsageMonth, UsageWindow
from kosmos.core.models import BenchmarkConsent, Organisation

pytestmark = pytest.mark.django_db


def _run(**options: object) -> None:
    call_command("channels_synthetic_sample", stdout=io.StringIO(), **options)


def test_the_sample_is_marked_idempotent_and_removable():
    _run(count=6, months=3)
    counts = (Organisation.objects.count(), DigitalOffer.objects.count(), UsageMonth.objects.count(),
              UsageWindow.objects.count(), Check.objects.count(), BenchmarkConsent.objects.count())
    assert counts[1:5] == (60, 180, 60 * 14, 6)
    synthetic = Organisation.objects.filter(slug__startswith="synthetisch-")
    assert synthetic.count() == 6
    assert all("Testdaten" in name for name in synthetic.values_list("name", flat=True))
    assert BenchmarkConsent.objects.filter(topic="channels.usage").count() == 6
    _run(count=6, months=3)
    assert (Organisation.objects.count(), DigitalOffer.objects.count(), UsageMonth.objects.count(),
            UsageWindow.objects.count(), Check.objects.count(), BenchmarkConsent.objects.count()) == counts
    _run(remove=True)
    assert not Organisation.objects.filter(slug__startswith="synthetisch-").exists()
    assert not UsageMonth.objects.exists()

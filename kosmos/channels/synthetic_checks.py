"""Synthetic maturity checks for the national sample (``channels_synthetic_sample``, engineer C2).

Clearly synthetic (``Check.synthetic``) and never loaded by the demo. Bulk inserts: one check per
organisation on the default catalogue with every channel and dimension answered, the stored
results computed with the same pure rule as in real use, and consent to the comparison.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

from django.db import transaction

from kosmos.channels.benchmark_check import TOPIC_KEY
from kosmos.channels.domain import maturity
from kosmos.channels.models import Answer, Check, CheckChannel, OfferedChannel
from kosmos.channels.services_check import ensure_default_catalogue
from kosmos.core.models import BenchmarkConsent, Organisation

CHECK_DATE = dt.date(2026, 3, 1)


@transaction.atomic
def create_synthetic_checks(organisations: Iterable[Organisation], seed: int = 12) -> int:
    """One synthetic check per organisation that has none yet; returns the number created."""
    catalogue = ensure_default_catalogue()
    channels = list(catalogue.channels.all())
    dimensions = list(catalogue.dimensions.all())
    keys = [d.key for d in dimensions]
    organisations = list(organisations)
    existing = set(Check.objects.filter(organisation__in=organisations).values_list("organisation_id", flat=True))
    todo = [o for o in organisations if o.pk not in existing]
    if not todo:
        return 0
    rng = random.Random(seed)
    checks = Check.objects.bulk_create(
        Check(organisation=o, catalogue=catalogue, check_date=CHECK_DATE, latest=True, synthetic=True,
              note="Synthetische Stichprobe") for o in todo
    )
    checks = list(Check.objects.filter(organisation__in=todo, synthetic=True))  # pks on every database
    answers, results, offered = [], [], []
    for check in checks:
        base = rng.choice((0, 1, 1, 2, 2, 2, 3))
        for channel in channels:
            levels = {key: max(0, min(4, base + rng.choice((-1, 0, 0, 1, 1)) + (1 if channel.digital is False else 0)))
                      for key in keys}
            answers += [Answer(check_run=check, channel=channel, dimension=d, level=levels[d.key]) for d in dimensions]
            result = maturity.channel_result(levels, keys)
            results.append(CheckChannel(check_run=check, channel=channel, channel_key=channel.key,
                                        overall_level=result.overall, mean_level=result.mean,
                                        answered=result.answered, target_level=maturity.default_target(result.overall)))
            offered.append(OfferedChannel(organisation_id=check.organisation_id, channel_key=channel.key))
    CheckChannel.objects.bulk_create(results, batch_size=2000)
    Answer.objects.bulk_create(answers, batch_size=2000)
    OfferedChannel.objects.bulk_create(offered, batch_size=2000, ignore_conflicts=True)
    BenchmarkConsent.objects.bulk_create(
        [BenchmarkConsent(organisation_id=c.organisation_id, topic=TOPIC_KEY) for c in checks], ignore_conflicts=True)
    return len(checks)

"""Create a synthetic national sample for the channels benchmarks: 405 clearly marked organisations
("Synthetisches Jobcenter 001 (Testdaten)", slug ``synthetisch-001``) with 10 digital offers × 36 months of
usage figures, consent to both comparison topics and one maturity check each.

Never run by ``make run`` or the demo loader. Idempotent: organisations, offers and months that exist are
kept; ``--remove`` deletes the whole sample again.
"""

from __future__ import annotations

import datetime as dt
import random

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from kosmos.channels.domain.usage import OFFER_KINDS, add_months, month_start
from kosmos.channels.models import DigitalOffer, UsageMonth
from kosmos.channels.services_usage import refresh_windows
from kosmos.core.audit import log_event
from kosmos.core.models import BenchmarkConsent, Organisation

SLUG = "synthetisch-{:03d}"
NAME = "Synthetisches Jobcenter {:03d} (Testdaten)"
PREFIX = "synthetisch-"
TOPICS = ("channels.usage",)  # the maturity consent comes with create_synthetic_checks
# kind → (typical take-up at the start in %, rise per month in points)
TYPICAL = {
    "online_appointment": (15, 0.6), "video_counselling": (2, 0.15), "online_main_application": (20, 0.5),
    "online_continuation_application": (28, 0.5), "online_change_notice": (12, 0.4), "document_upload": (30, 0.6),
    "encrypted_email": (3, 0.1), "electronic_mailbox": (8, 0.3), "chat": (1, 0.05), "online_callback": (5, 0.2),
}


def synthetic_organisations(count: int) -> list[Organisation]:
    wanted = {SLUG.format(i): i for i in range(1, count + 1)}
    existing = {o.slug for o in Organisation.objects.filter(slug__in=wanted)}
    Organisation.objects.bulk_create([
        Organisation(slug=slug, name=NAME.format(i), kind="jobcenter", form="zkt" if i % 4 == 0 else "ge")
        for slug, i in wanted.items() if slug not in existing])
    return list(Organisation.objects.filter(slug__in=wanted).order_by("slug"))


def create_usage(organisations: list[Organisation], *, months: int, seed: int, today: dt.date) -> int:
    """10 offers per organisation (one per kind) and ``months`` months of figures; returns months created."""
    have = set(DigitalOffer.objects.filter(organisation__in=organisations).values_list("organisation_id", "kind"))
    DigitalOffer.objects.bulk_create([
        DigitalOffer(organisation=org, kind=kind, key=kind.replace("_", "-"), name=f"{kind} (synthetisch)",
                     base_label="Fälle insgesamt")
        for org in organisations for kind in OFFER_KINDS if (org.pk, kind) not in have])
    offers = list(DigitalOffer.objects.filter(organisation__in=organisations).select_related("organisation"))
    last = add_months(month_start(today), -1)
    span = [add_months(last, -i) for i in range(months - 1, -1, -1)]
    filled = set(UsageMonth.objects.filter(offer__in=offers, month__gte=span[0]).values_list("offer_id", "month"))
    created = 0
    batch: list[UsageMonth] = []
    for offer in offers:
        rng = random.Random(f"{seed}-{offer.organisation.slug}-{offer.kind}")
        start, rise = TYPICAL[offer.kind]
        level, base_size = rng.uniform(0.5, 1.6), rng.randint(150, 4000)
        for i, month in enumerate(span):
            if (offer.pk, month) in filled:
                continue
            base = int(base_size * rng.uniform(0.9, 1.1))
            share = max(0.0, min(98.0, (start + rise * i) * level + rng.uniform(-2, 2)))
            rate = round(rng.uniform(60, 95), 1) if offer.kind.startswith("online_") else None
            batch.append(UsageMonth(offer=offer, month=month, uses=round(base * share / 100), eligible=base,
                                    completion_rate=rate))
            if len(batch) >= 5000:
                UsageMonth.objects.bulk_create(batch)
                created += len(batch)
                batch = []
    UsageMonth.objects.bulk_create(batch)
    refresh_windows([offer.pk for offer in offers])
    return created + len(batch)


def grant_consent(organisations: list[Organisation]) -> None:
    have = set(BenchmarkConsent.objects.filter(organisation__in=organisations).values_list("organisation_id",
                                                                                          "topic"))
    BenchmarkConsent.objects.bulk_create([BenchmarkConsent(organisation=org, topic=topic)
                                          for org in organisations for topic in TOPICS
                                          if (org.pk, topic) not in have])


class Command(BaseCommand):
    help = "Create (or remove) the synthetic national sample for the channels benchmarks (test data)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=405)
        parser.add_argument("--months", type=int, default=36)
        parser.add_argument("--seed", type=int, default=12)
        parser.add_argument("--remove", action="store_true", help="Delete the synthetic organisations again.")

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        if options["remove"]:
            deleted, _detail = Organisation.objects.filter(slug__startswith=PREFIX).delete()
            self.stdout.write(f"removed {deleted} rows of the synthetic sample")
            return
        from kosmos.channels.synthetic_checks import create_synthetic_checks

        count, months, seed = int(options["count"]), int(options["months"]), int(options["seed"])
        organisations = synthetic_organisations(count)
        created = create_usage(organisations, months=months, seed=seed, today=dt.date.today())
        grant_consent(organisations)
        checks = create_synthetic_checks(organisations, seed)
        log_event(actor=None, organisation=None, action="channels.synthetic_sample_created",
                  object_type="core.organisation", object_id=PREFIX, object_repr="synthetic sample",
                  changes={"organisations": [None, len(organisations)], "months_created": [None, created],
                           "checks_created": [None, checks]})
        self.stdout.write(f"{len(organisations)} synthetic organisations, {created} months and {checks} checks "
                          f"created")

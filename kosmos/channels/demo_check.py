"""Demo data of the maturity check: the six digitisation Jobcenters of the second wave with two
checks each (March 2025 and March 2026), invented but plausible, and consent to the comparison.

Idempotent: an organisation that already has a check is left alone. Written through the
services, so the audit log tells the story as it would be told in real use.
"""

from __future__ import annotations

import datetime as dt
import random

from kosmos.channels import services_check
from kosmos.channels.benchmark_check import TOPIC_KEY
from kosmos.channels.models import Check
from kosmos.core.comparisons import do_set_benchmark_consent
from kosmos.core.models import Membership, Organisation
from kosmos.core.roles import Role

DATES = (dt.date(2025, 3, 14), dt.date(2026, 3, 13))

# slug → (channels on offer, base level, the channels the project worked on)
PROFILES = {
    "charlottenburg-wilmersdorf": (("telefon", "email", "email-verschluesselt", "video", "portal", "online-termine",
                                    "brief", "eingangszone"), 2, ("video", "portal")),
    "magdeburg": (("telefon", "email", "portal", "online-termine", "chat", "brief", "eingangszone"), 2,
                  ("portal", "online-termine")),
    "oberhavel": (("telefon", "email", "email-verschluesselt", "video", "portal", "brief", "eingangszone"), 1,
                  ("video", "email-verschluesselt")),
    "hanse-rostock": (("telefon", "email", "video", "portal", "online-termine", "brief", "eingangszone"), 2,
                      ("online-termine", "eingangszone")),
    "traunstein": (("telefon", "email", "video", "portal", "online-termine", "brief", "eingangszone"), 1,
                   ("portal", "video")),
    "ulm": (("telefon", "email", "email-verschluesselt", "video", "portal", "online-termine", "chat", "brief",
             "eingangszone"), 2, ("portal", "online-termine", "video")),
}
EVIDENCE = {
    "strategie": "Kanal-Strategie 2025, Beschluss der Geschäftsführung",
    "standards": "Service-Versprechen auf der Website",
    "integration": "Prozesslandkarte Posteingang",
    "datenschutz": "Freigabe durch die Datenschutzbeauftragte",
    "befaehigung-personal": "Schulungsliste im Quali-Kompass",
    "befaehigung-kundschaft": "Flyer und Hinweis in Einladungen",
    "barrierefreiheit": "Prüfbericht Barrierefreiheit",
    "steuerung": "Monatliche Auswertung der Nutzung",
}


def _levels(rng: random.Random, base: int, focus: bool, year: int, dimension_keys: list[str]) -> dict[str, int]:
    lift = year + (1 if focus and year else 0)
    levels = {}
    for key in dimension_keys:
        level = base + lift + rng.choice((-1, 0, 0, 1))
        if key in {"barrierefreiheit", "steuerung"}:
            level -= 1  # the report: accessibility and steering lag behind
        levels[key] = max(0, min(4, level))
    return levels


def load_check_demo() -> None:
    catalogue = services_check.ensure_default_catalogue()
    dimension_keys = list(catalogue.dimensions.values_list("key", flat=True))
    for slug, (channels, base, focus) in PROFILES.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None or Check.objects.filter(organisation=organisation).exists():
            continue
        membership = (Membership.objects.filter(organisation=organisation, role=Role.QUALITY_MANAGER)
                      .select_related("user").first())
        if membership is None:
            continue
        user = membership.user
        rng = random.Random(f"channels-{slug}")
        services_check.do_set_offered_channels(acting_user=user, organisation=organisation, keys=set(channels))
        for year, check_date in enumerate(DATES):
            check = services_check.do_start_check(acting_user=user, organisation=organisation, check_date=check_date,
                                                  note="Workshop des Qualitätsmanagements mit den Teams",
                                                  copy_answers=False)
            for check_channel in check.channels.select_related("channel"):
                key = check_channel.channel_key
                levels = _levels(rng, base, key in focus, year, dimension_keys)
                answers = {d: (level, EVIDENCE.get(d, "") if level >= 2 else "") for d, level in levels.items()}
                services_check.do_answer_channel(
                    acting_user=user, check=check, channel=check_channel.channel, answers=answers,
                    target_level=min(4, min(levels.values()) + (2 if key in focus else 1)))
        do_set_benchmark_consent(acting_user=user, organisation=organisation, topic_key=TOPIC_KEY, granted=True)

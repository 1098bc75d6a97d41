"""Demo data of the usage rates: the six digitisation Jobcenters of the second wave with 24 months of
invented but plausible figures, targets per year, notes on the time line and consent to the comparison.

Idempotent: an organisation that already has a digital offer is left alone. Written through the
services, so the audit log tells the story as in real use (about 600 rows in all).
"""

from __future__ import annotations

import datetime as dt
import random

from kosmos.channels import services_usage
from kosmos.channels.models import DigitalOffer
from kosmos.channels.selectors_usage import TOPIC, history
from kosmos.core.comparisons import do_set_benchmark_consent
from kosmos.core.models import Membership, Organisation
from kosmos.core.roles import Role

MONTHS = 24

# key → (kind, name, base, channel key, start share %, monthly rise in points, completion rate or None)
OFFERS = {
    "online-termine": ("online_appointment", "Online-Terminvereinbarung", "Termine insgesamt", "online-termine",
                       14.0, 0.9, None),
    "hauptantrag": ("online_main_application", "Hauptantrag online (jobcenter.digital)", "Hauptanträge insgesamt",
                    "portal", 18.0, 0.8, 71.0),
    "wba": ("online_continuation_application", "Weiterbewilligungsantrag online", "Weiterbewilligungsanträge "
            "insgesamt", "portal", 24.0, 0.7, 83.0),
    "videoberatung": ("video_counselling", "Videoberatung", "Beratungsgespräche insgesamt", "video", 2.0, 0.25, None),
    "email-verschluesselt": ("encrypted_email", "Verschlüsselte E-Mail", "schriftliche Eingänge insgesamt",
                             "email-verschluesselt", 3.0, 0.3, None),
}
# slug → (offers, size factor of the base, lift, notes: (months before the end, text))
PROFILES = {
    "charlottenburg-wilmersdorf": (("online-termine", "hauptantrag", "wba", "videoberatung"), 3.2, 1.1,
                                   ((14, "Videoberatung in allen Teams der Arbeitsvermittlung"),
                                    (6, "Gruppeninfo für Neukund:innen zu jobcenter.digital"))),
    "magdeburg": (("online-termine", "hauptantrag", "wba", "email-verschluesselt"), 2.6, 1.0,
                  ((16, "Auswertung der Nutzungsdaten: Abbrüche nach dem ersten Schritt"),
                   (9, "Kurzanleitung zum Hauptantrag überarbeitet"))),
    "oberhavel": (("online-termine", "hauptantrag", "videoberatung", "email-verschluesselt"), 1.4, 0.8,
                  ((12, "Digi-Lotsen in der Eingangszone"),)),
    "hanse-rostock": (("online-termine", "hauptantrag", "wba", "videoberatung"), 1.9, 0.9,
                      ((18, "Kund:innenbefragung zu digitalen Angeboten"), (8, "Kampagne Eingangszone"))),
    "traunstein": (("online-termine", "hauptantrag", "wba", "videoberatung"), 0.9, 1.2,
                   ((15, "Monatliche Erfassung der Online-Nutzung beginnt"), (5, "Kampagne Eingangszone"))),
    "ulm": (("online-termine", "hauptantrag", "wba", "videoberatung", "email-verschluesselt"), 1.3, 1.3,
            ((20, "Monatliche Erfassung der Online-Nutzung beginnt"), (10, "Kampagne Eingangszone"),
             (4, "Gruppeninfo für Neukund:innen"))),
}


def load_usage_demo(today: dt.date | None = None) -> None:
    months = history(today or dt.date.today(), MONTHS)
    for slug, (keys, size, lift, notes) in PROFILES.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None or DigitalOffer.objects.filter(organisation=organisation).exists():
            continue
        membership = (Membership.objects.filter(organisation=organisation, role=Role.QUALITY_MANAGER)
                      .select_related("user").first())
        if membership is None:
            continue
        user = membership.user
        rng = random.Random(f"usage-{slug}")
        by_key = {}
        for key in keys:
            kind, name, base_label, channel_key, start, rise, completion = OFFERS[key]
            offer = services_usage.do_create_offer(acting_user=user, organisation=organisation, kind=kind, key=key,
                                                   name=name, base_label=base_label, channel_key=channel_key)
            by_key[key] = offer
            base_size = int(rng.uniform(300, 600) * size * (3 if key == "online-termine" else 1))
            figures: dict[int, dict[int, tuple]] = {}
            for i, month in enumerate(months):
                share = max(0.5, min(95.0, start + rise * lift * i + rng.uniform(-1.5, 1.5)))
                base = int(base_size * rng.uniform(0.9, 1.1))
                rate = round(completion + rng.uniform(-4, 4), 1) if completion else None
                figures.setdefault(month.year, {})[month.month] = (round(base * share / 100), base, rate)
            for year, grid in figures.items():
                # a little above the expected share in December of that year
                december = 12 * (year - months[0].year) + 12 - months[0].month
                target = round(start + rise * lift * december + 3, 0)
                services_usage.do_save_usage_year(acting_user=user, offer=offer, year=year, months=grid,
                                                  target=min(90, target))
        for before, text in notes:
            offer = by_key.get("videoberatung") if text.startswith("Video") else None
            services_usage.do_add_usage_note(acting_user=user, organisation=organisation,
                                             month=months[-1 - before], text=text, offer=offer)
        do_set_benchmark_consent(acting_user=user, organisation=organisation, topic_key=TOPIC, granted=True)

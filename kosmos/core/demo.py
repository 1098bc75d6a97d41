"""Demo data: the 16 Jobcenters of the report (section 6 and 8.4), a programme office,
an adviser and demo users for every role (invented names).

Modules add their own demo content with the ``demo_loader`` of their ``Module`` declaration;
loaders run in module order after the core data, inside the same transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from kosmos.core import search
from kosmos.core.audit import log_event
from kosmos.core.models import AdviserAssignment, Membership, Office, Organisation, User
from kosmos.core.models.organisations import OrganisationKind
from kosmos.core.modules import modules
from kosmos.core.roles import PlatformRole, Role

DEMO_PASSWORD = "kosmos-demo-2026"  # noqa: S105 - documented demo password, refused unless KOSMOS_DEBUG is on
DATA_DIR = Path(__file__).resolve().parent / "demo_data"

# Invented people. No real person from the report appears in the demo.
FREIBURG_PEOPLE = [
    ("qm@freiburg.example", "Miriam Sommer", Role.QUALITY_MANAGER),
    ("leitung@freiburg.example", "Thomas Berger", Role.MANAGEMENT),
    ("bewertung@freiburg.example", "Leyla Aydın", Role.ASSESSOR),
    ("bewertung2@freiburg.example", "Jan Petersen", Role.ASSESSOR),
    ("bewertung3@freiburg.example", "Sabine Roth", Role.ASSESSOR),
    ("team@freiburg.example", "Jonas Keller", Role.STAFF),
]
QM_NAMES = [
    "Katrin Vogel", "Markus Lehmann", "Elif Demir", "Stefan Krüger", "Nadine Hoffmann", "Oliver Brandt",
    "Julia Neumann", "Andreas Wolf", "Claudia Schäfer", "Daniel Richter", "Sandra Koch", "Tobias Frank",
    "Birgit Hahn", "Florian Maier", "Ines Lorenz", "Patrick Simon",
]
ADVISER = ("begleitung@kosmos.example", "Renate Albers")
PROGRAMME_OFFICE = ("programmbuero@kosmos.example", "Felix Hartmann")
ADVISED_SLUGS = ["freiburg", "pforzheim", "braunschweig", "anhalt-bitterfeld", "hanse-rostock"]

def _user(email: str, name: str, platform_role: str = "") -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": name, "platform_role": platform_role, "is_demo": True}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    else:
        changed = [f for f, v in (("full_name", name), ("platform_role", platform_role)) if getattr(user, f) != v]
        for field, value in (("full_name", name), ("platform_role", platform_role)):
            setattr(user, field, value)
        if changed:
            user.save(update_fields=changed)
    return user


def _member(user: User, organisation: Organisation, role: str) -> None:
    Membership.objects.update_or_create(user=user, organisation=organisation, defaults={"role": role})


def _jobcenter(entry: dict) -> Organisation:
    month = entry.get("unemployment_month")
    rate = entry.get("unemployment_rate")
    topic_titles = {"efqm": "EFQM", "digitalisierung": "Digitalisierung", "gesundheit": "Gesundheitsförderung"}
    topic = entry.get("topic_title") or ""
    if entry.get("topic"):
        topic = f"{topic_titles.get(entry['topic'], entry['topic'])}: {topic}" if topic else topic_titles[entry["topic"]]
    organisation, created = Organisation.objects.update_or_create(
        slug=entry["slug"],
        defaults={
            "name": entry["name"],
            "kind": OrganisationKind.JOBCENTER,
            "form": entry["form"],
            "state": entry.get("state") or "",
            "staff_count": entry.get("staff_count"),
            "bg_count": entry.get("bg_count"),
            "unemployment_rate": Decimal(str(rate)) if rate is not None else None,
            "unemployment_month": dt.date.fromisoformat(f"{month}-01") if month else None,
            "region_description": entry.get("region_description", ""),
            "project_topic": topic[:300],
        },
    )
    offices = entry.get("offices") or []
    existing = set(organisation.offices.values_list("name", flat=True))
    Office.objects.bulk_create([Office(organisation=organisation, name=n) for n in offices if n not in existing])
    if created:
        log_event(actor=None, organisation=organisation, action="organisation.created", obj=organisation)
    return organisation


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create or refresh the demo data. Safe to run again: it updates, it does not duplicate."""
    entries = json.loads((DATA_DIR / "jobcenters.json").read_text(encoding="utf-8"))
    organisations = {entry["slug"]: _jobcenter(entry) for entry in entries}

    office, _ = Organisation.objects.update_or_create(
        slug="programmbuero",
        defaults={
            "name": "Programmbüro Qualitätsarbeit",
            "kind": OrganisationKind.PROGRAMME_OFFICE,
            "form": "",
            "region_description": "Programmbüro der Bund-Länder-Arbeitsgruppe „Qualitätsarbeit“: "
            "Interessenbekundungsverfahren, Auswahl, Workshops und Austausch zwischen den Jobcentern.",
        },
    )
    agency, _ = Organisation.objects.update_or_create(
        slug="agentur-freiburg",
        defaults={"name": "Agentur für Arbeit Freiburg", "kind": OrganisationKind.AGENCY, "form": "", "state": "BW"},
    )

    for email, name, role in FREIBURG_PEOPLE:
        _member(_user(email, name), organisations["freiburg"], role)
    for index, slug in enumerate(sorted(organisations)):
        if slug == "freiburg":
            continue
        _member(_user(f"qm@{slug}.example", QM_NAMES[index % len(QM_NAMES)]), organisations[slug], Role.QUALITY_MANAGER)
    _member(_user("leitung@pforzheim.example", "Martina Engel"), organisations["pforzheim"], Role.MANAGEMENT)
    _member(_user("bewertung@pforzheim.example", "Yusuf Kaya"), organisations["pforzheim"], Role.ASSESSOR)
    _member(_user("team@ulm.example", "Lara Winter"), organisations["ulm"], Role.STAFF)
    _member(_user("qm@agentur-freiburg.example", "Heike Busch"), agency, Role.QUALITY_MANAGER)

    programme_user = _user(*PROGRAMME_OFFICE, platform_role=PlatformRole.PROGRAMME_OFFICE)
    _member(programme_user, office, Role.QUALITY_MANAGER)
    adviser = _user(*ADVISER, platform_role=PlatformRole.ADVISER)
    for slug in ADVISED_SLUGS:
        AdviserAssignment.objects.get_or_create(adviser=adviser, organisation=organisations[slug])

    with search.deferred(discard=True):  # indexed once, below
        for module in modules():
            if module.demo_loader is not None:
                module.demo_loader()
    search.rebuild()
    return {
        "organisations": Organisation.objects.count(),
        "users": User.objects.filter(is_demo=True).count(),
    }


def demo_logins() -> list[tuple[str, str]]:
    """(e-mail, description) of the main demo accounts, for the README and `make run`."""
    return [
        ("qm@freiburg.example", "Qualitätsmanagement, Jobcenter Freiburg"),
        ("leitung@freiburg.example", "Leitung, Jobcenter Freiburg"),
        ("bewertung@freiburg.example", "Bewertungsgruppe, Jobcenter Freiburg (auch bewertung2@, bewertung3@)"),
        ("team@freiburg.example", "Mitarbeitende, Jobcenter Freiburg"),
        ("qm@ulm.example", "Qualitätsmanagement, Jobcenter Ulm (jedes Jobcenter: qm@<kurzname>.example)"),
        ("programmbuero@kosmos.example", "Programmbüro"),
        ("begleitung@kosmos.example", "Begleitung (Interne Beratung) für Freiburg, Pforzheim, Braunschweig, "
                                      "Anhalt-Bitterfeld, Hanse-Jobcenter Rostock"),
    ]

"""Demo data of the process maps: Jobcenter Oberhavel and an invented Agentur für Arbeit share an
agreed FbW transition process (15 steps) with one draft change; Oberhavel's target process for a
digital offer with its municipal IT department. Idempotent: Oberhavel with maps is left alone."""

from __future__ import annotations

from django.db import transaction

from kosmos.core.demo import DEMO_PASSWORD
from kosmos.core.models import Membership, Organisation, User
from kosmos.core.models.organisations import OrganisationKind
from kosmos.core.roles import Role
from kosmos.processes import services
from kosmos.processes.domain.model import dump, parse
from kosmos.processes.models import ProcessMap

AGENCY_SLUG = "agentur-neuruppin-oberhavel"
AGENCY_NAME = "Agentur für Arbeit Neuruppin-Oberhavel (erfunden)"
# Invented people.
PEOPLE = [
    ("qm@agentur-neuruppin-oberhavel.example", "Doris Kranz", AGENCY_SLUG, Role.QUALITY_MANAGER),
    ("team@oberhavel.example", "Lukas Brenner", "oberhavel", Role.STAFF),
]
CONTACTS = {
    "zuweisung": [("Anja Wolter", "Teamleitung Integration, Jobcenter Oranienburg", "03301 555-120")],
    "eingang": [("Kai Reimers", "Beratung und Förderung (FbW), Agentur", "03391 555-310")],
    "beratung": [("Kai Reimers", "Beratung und Förderung (FbW), Agentur", "03391 555-310"),
                 ("Sevgi Arslan", "Weiterbildungsberatung, Agentur", "03391 555-312")],
    "begleitung": [("Anja Wolter", "Teamleitung Integration, Jobcenter Oranienburg", "03301 555-120")],
    "absolventen": [("Marco Hinz", "Arbeitgeberservice, Jobcenter Gransee", "03306 555-140")],
}
DEVIATIONS = {
    "zuweisung": "Überweisung über das gemeinsame Funktionspostfach statt per Post.",
    "begleitung": "Monatliches Telefonat mit dem Träger während der Maßnahme.",
}


def _user(email: str, name: str) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": name, "is_demo": True})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def load_processes_demo() -> None:
    oberhavel = Organisation.objects.filter(slug="oberhavel").first()
    qm = User.objects.filter(email="qm@oberhavel.example").first()
    if oberhavel is None or qm is None:
        return
    with transaction.atomic():
        agency, _ = Organisation.objects.update_or_create(
            slug=AGENCY_SLUG, defaults={"name": AGENCY_NAME, "kind": OrganisationKind.AGENCY, "form": "",
                                        "state": "BB"})
        organisations = {"oberhavel": oberhavel, AGENCY_SLUG: agency}
        users = {}
        for email, name, slug, role in PEOPLE:
            users[email] = _user(email, name)
            Membership.objects.get_or_create(user=users[email], organisation=organisations[slug],
                                             defaults={"role": role})
        if ProcessMap.objects.filter(organisation=oberhavel).exists():
            return
        _fbw(oberhavel, agency, qm, users["qm@agentur-neuruppin-oberhavel.example"])
        _digital(oberhavel, qm)


def _customise(process_map: ProcessMap, acting_user: User, organisation: Organisation, actor_names: dict,
               contacts: dict, deviations: dict) -> None:
    version = process_map.versions.get()
    data = dump(parse(version.data))
    for actor in data["actors"]:
        actor["organisation"] = actor_names.get(actor["key"], actor["organisation"])
    version = services.do_save_actors(acting_user=acting_user, organisation=organisation, process_map=process_map,
                                      seen=services.token(version), actors=data["actors"])
    for step in data["steps"]:
        if step["key"] not in contacts and step["key"] not in deviations:
            continue
        step["contacts"] = [{"name": n, "function": f, "phone": p} for n, f, p in contacts.get(step["key"], [])]
        step["deviation"] = deviations.get(step["key"], "")
        version = services.do_save_step(acting_user=acting_user, organisation=organisation,
                                        process_map=process_map, seen=services.token(version), step=step)


def _fbw(oberhavel: Organisation, agency: Organisation, qm: User, agency_qm: User) -> None:
    process_map = services.do_create_map(acting_user=qm, organisation=oberhavel, template_key="fbw-2025",
                                         title="FbW-Übergang Oberhavel")
    _customise(process_map, qm, oberhavel, {"jc": "Jobcenter Oberhavel", "aa": AGENCY_NAME}, CONTACTS, DEVIATIONS)
    services.do_set_sides(acting_user=qm, process_map=process_map, partners=[agency])
    version = process_map.versions.get()
    services.do_approve(acting_user=qm, organisation=oberhavel, process_map=process_map, seen=services.token(version))
    services.do_approve(acting_user=agency_qm, organisation=agency, process_map=process_map,
                        seen=services.token(version))
    # The draft change: the Agentur proposes a shorter confirmation time; the Jobcenter has approved it.
    step = next(s for s in version.data["steps"] if s["key"] == "eingang")
    draft = services.do_save_step(acting_user=agency_qm, organisation=agency, process_map=process_map,
                                  seen=services.token(version), step={**step, "deadline": "2 Arbeitstage",
                                                                      "notes": "Vorschlag der Agentur."})
    services.do_approve(acting_user=qm, organisation=oberhavel, process_map=process_map, seen=services.token(draft))


def _digital(oberhavel: Organisation, qm: User) -> None:
    process_map = services.do_create_map(acting_user=qm, organisation=oberhavel, template_key="digital-it",
                                         title="Digitales Angebot einführen (Soll-Prozess mit der IT)")
    _customise(process_map, qm, oberhavel, {"jc": "Jobcenter Oberhavel", "fach": "Jobcenter Oberhavel",
                                            "it": "Landkreis Oberhavel, Fachbereich Informationstechnik"},
               {"machbarkeit": [("Tim Scholz", "Fachbereich Informationstechnik", "03301 555-700")]},
               {"soll": "Gemeinsamer Workshop von Jobcenter und IT statt schriftlicher Abstimmung."})
    version = process_map.versions.get()
    services.do_approve(acting_user=qm, organisation=oberhavel, process_map=process_map, seen=services.token(version))

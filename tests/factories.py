"""The standard test world: two Jobcenters and one actor per role.

Freiburg: ``qm`` (quality manager), ``management``, ``assessor``, ``staff``.
Ulm: ``outsider`` (a quality manager of another Jobcenter: "other platform organisation").
Lörrach: ``partner`` (quality manager) and ``partner_staff`` — the partner organisation that
Freiburg names when it shares an object (a neighbouring Jobcenter) (``share_with_partner``).
Platform: ``adviser`` (assigned to Freiburg only), ``unassigned_adviser`` (assigned to Ulm) and
``programme`` (programme office, member of ``programme_office``).
"""

from __future__ import annotations

from dataclasses import dataclass

from kosmos.core.models import AdviserAssignment, Membership, Organisation, User
from kosmos.core.roles import PlatformRole, Role

PASSWORD = "Test-Passwort-2026!"


def make_organisation(slug: str, name: str | None = None, **fields: object) -> Organisation:
    defaults: dict[str, object] = {"name": name or f"Jobcenter {slug.title()}", "kind": "jobcenter", "form": "ge"}
    defaults.update(fields)
    return Organisation.objects.create(slug=slug, **defaults)


def make_user(email: str, name: str, *, platform_role: str = "") -> User:
    return User.objects.create_user(email, PASSWORD, full_name=name, platform_role=platform_role)


def make_member(organisation: Organisation, email: str, name: str, role: str) -> User:
    user = make_user(email, name)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@dataclass
class World:
    freiburg: Organisation
    ulm: Organisation
    qm: User
    management: User
    assessor: User
    staff: User
    outsider: User
    adviser: User
    programme: User
    loerrach: Organisation
    partner: User
    partner_staff: User
    unassigned_adviser: User
    programme_office: Organisation

    def by_role(self, role: str) -> User:
        return {
            Role.QUALITY_MANAGER: self.qm,
            Role.MANAGEMENT: self.management,
            Role.ASSESSOR: self.assessor,
            Role.STAFF: self.staff,
        }[role]


def build_world() -> World:
    freiburg = make_organisation("freiburg", "Jobcenter Freiburg", state="BW", staff_count=217)
    ulm = make_organisation("ulm", "Jobcenter Ulm", state="BW")
    adviser = make_user("begleitung@test.example", "Rita Begleitung", platform_role=PlatformRole.ADVISER)
    AdviserAssignment.objects.create(adviser=adviser, organisation=freiburg)
    office = make_organisation("programmbuero", "Programmbüro", kind="programme_office", form="")
    programme = make_member(office, "programm@test.example", "Paul Programm", Role.QUALITY_MANAGER)
    programme.platform_role = PlatformRole.PROGRAMME_OFFICE
    programme.save(update_fields=["platform_role"])
    loerrach = make_organisation("loerrach", "Jobcenter Lörrach", state="BW")
    unassigned_adviser = make_user("begleitung-ulm@test.example", "Uwe Begleitung", platform_role=PlatformRole.ADVISER)
    AdviserAssignment.objects.create(adviser=unassigned_adviser, organisation=ulm)
    return World(
        freiburg=freiburg,
        ulm=ulm,
        qm=make_member(freiburg, "qm@test.example", "Quirin Qualität", Role.QUALITY_MANAGER),
        management=make_member(freiburg, "leitung@test.example", "Lea Leitung", Role.MANAGEMENT),
        assessor=make_member(freiburg, "bewertung@test.example", "Ben Bewertung", Role.ASSESSOR),
        staff=make_member(freiburg, "team@test.example", "Tara Team", Role.STAFF),
        outsider=make_member(ulm, "qm-ulm@test.example", "Otto Ulm", Role.QUALITY_MANAGER),
        adviser=adviser,
        programme=programme,
        loerrach=loerrach,
        partner=make_member(loerrach, "qm-loerrach@test.example", "Lotte Lörrach", Role.QUALITY_MANAGER),
        partner_staff=make_member(loerrach, "team-loerrach@test.example", "Linus Lörrach", Role.STAFF),
        unassigned_adviser=unassigned_adviser,
        programme_office=office,
    )


def share_with_partner(world: World, obj: object) -> object:
    """Freiburg's quality manager shares ``obj`` with Lörrach by name."""
    from kosmos.core.sharing import do_share

    return do_share(acting_user=world.qm, obj=obj, visibility="partners", partners=[world.loerrach])

"""Quali-Kompass objects in the standard test world (Freiburg)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kosmos.core.models import Membership
from kosmos.training import services
from kosmos.training.models import (
    ContactPerson,
    Department,
    Exemption,
    NewsItem,
    StaffProfile,
    Topic,
    Training,
)


def department(world, name: str = "Eingangszone", deadline_days: int = 90) -> Department:  # noqa: ANN001
    found = Department.objects.filter(organisation=world.freiburg, name=name).first()
    return found or services.do_create_department(acting_user=world.qm, organisation=world.freiburg, name=name,
                                                  deadline_days=deadline_days)


def topic(world, name: str = "Digitale Angebote", need_keys: str = "") -> Topic:  # noqa: ANN001
    found = Topic.objects.filter(organisation=world.freiburg, name=name).first()
    return found or services.do_create_topic(acting_user=world.qm, organisation=world.freiburg, name=name,
                                             need_keys=need_keys)


def training(world, title: str = "Videoberatung: Technik und Ablauf", *, code: str = "BA-1",  # noqa: ANN001
             validity_months: int | None = None, required: bool = True) -> Training:
    found = Training.objects.filter(organisation=world.freiburg, title=title).first()
    if found:
        return found
    made = services.do_save_training(
        acting_user=world.qm, organisation=world.freiburg, departments=[department(world)],
        values={"code": code, "title": title, "description": "", "kind": "elearning", "topic": topic(world),
                "duration_minutes": 60, "level": "basic", "provider": "BA-Lernwelt",
                "url": "https://lernwelt.example/kurs/1", "validity_months": validity_months, "active": True})
    if required:
        dep = department(world)
        current = list(Training.objects.filter(requirements__department=dep))
        services.do_set_requirements(acting_user=world.qm, organisation=world.freiburg, department=dep,
                                     trainings=[*current, made], deadline_days=dep.deadline_days)
    return made


def profile(world, user=None, *, start: dt.date | None = None, lead: StaffProfile | None = None,  # noqa: ANN001
            key: str | None = None, dep: Department | None = None) -> StaffProfile:
    dep = dep or department(world)
    start = start or timezone.localdate() - dt.timedelta(days=10)
    membership = Membership.objects.get(user=user, organisation=world.freiburg) if user else None
    return StaffProfile.objects.create(
        organisation=world.freiburg, membership=membership, full_name=user.full_name if user else f"Person {key}",
        personnel_key=key or user.email, department=dep, team_lead=lead, start_date=start,
        required_by=start + dt.timedelta(days=dep.deadline_days))


def contact(world) -> ContactPerson:  # noqa: ANN001
    return services.do_add_contact(acting_user=world.qm, organisation=world.freiburg, topic=topic(world),
                                   name="Jana Voß", role="Digitalisierungsbotschafterin")


def news(world, title: str = "Neu: Videoberatung") -> NewsItem:  # noqa: ANN001
    found = NewsItem.objects.filter(organisation=world.freiburg, title=title).first()
    return found or services.do_create_news(acting_user=world.qm, organisation=world.freiburg, title=title,
                                            text="Ab Mai im Eingangsbereich.", published_on=timezone.localdate())


def exemption(world, key: str = "EX1") -> Exemption:  # noqa: ANN001
    person = StaffProfile.objects.filter(organisation=world.freiburg, personnel_key=key).first() \
        or profile(world, key=key)
    return Exemption.objects.filter(profile=person).first() or services.do_exempt(
        acting_user=world.qm, organisation=world.freiburg, profile=person, training=training(world),
        reason="Langzeiterkrankung")

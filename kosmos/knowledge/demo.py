"""Demo knowledge bases of Garmisch-Partenkirchen, Landkreis Regensburg and Weimarer Land.

Generated from the tables in ``demo_data`` (66 invented entries, 7 partners and one network
meeting each). Garmisch-Partenkirchen shares its category "Psychische Gesundheit" with Weimarer
Land; Regensburg shares its "Krankheitsbilder" with every organisation on the platform.
Idempotent: an organisation that has entries already is left alone.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kosmos.core.models import Organisation, User
from kosmos.core.models.sharing import Visibility
from kosmos.core.roles import Role
from kosmos.core.search import deferred
from kosmos.knowledge import services
from kosmos.knowledge.demo_data import CATEGORIES, CONTACTS, INFO, OFFERS, PARTNERS, PLACES, REGION_NAMES
from kosmos.knowledge.models import Category, Entry, Partner

SLUGS = ("garmisch-partenkirchen", "regensburg", "weimarer-land")
STAFF = {"regensburg": ("team@regensburg.example", "Lena Hofmann")}


def _people(organisation: Organisation) -> tuple[User, User | None]:
    """The organisation's quality manager (editor) and, where the demo names one, a staff member."""
    from kosmos.core.demo import _member, _user  # the core demo's own helpers (invented people)

    editor = User.objects.filter(memberships__organisation=organisation,
                                 memberships__role=Role.QUALITY_MANAGER).order_by("pk").first()
    staff = None
    if organisation.slug in STAFF:
        staff = _user(*STAFF[organisation.slug])
        _member(staff, organisation, Role.STAFF)
    return editor, staff  # type: ignore[return-value]


def _load(organisation: Organisation) -> None:
    editor, _staff = _people(organisation)
    if editor is None or Entry.objects.filter(organisation=organisation).exists():
        return
    slug = organisation.slug
    places, region = PLACES[slug], REGION_NAMES[slug]
    today = timezone.localdate()
    categories = {name: services.do_save_category(acting_user=editor, organisation=organisation,
                                                  data={"name": name, "topic": topic})
                  for name, topic in CATEGORIES}
    partners: dict[str, Partner] = {}
    for index, (key, name, kind, place_index) in enumerate(PARTNERS):
        postcode, place, street = places[place_index]
        partner = services.do_save_partner(acting_user=editor, organisation=organisation, data={
            "name": name.format(region=region), "kind": kind, "address": street, "postcode": postcode,
            "place": place, "phone": f"0{9400 + index} 12 34-{index}0"})
        contact_name, role = CONTACTS[index % len(CONTACTS)]
        services.do_add_contact(acting_user=editor, partner=partner, data={
            "name": contact_name, "role": role, "phone": f"0{9400 + index} 12 34-{index}1"})
        partners[key] = partner
    number = 0
    for index, row in enumerate(OFFERS):
        (title, category, partner_key, summary, description, tags, groups, languages, free, costs, accessible,
         referral, hours, contact_role) = row
        copies = 1 if "{region}" in title else 3
        for copy in range(copies):
            postcode, place, street = places[(index + copy * 5) % len(places)]
            number += 1
            services.do_save_entry(acting_user=editor, organisation=organisation, data={
                "topic": categories[category].topic, "category": categories[category],
                "partner": partners.get(partner_key), "title": title.format(place=place, region=region),
                "summary": summary, "description": description, "tags": tags, "target_groups": groups,
                "languages": languages, "free_of_charge": free, "costs": costs, "accessible": accessible,
                "referral": referral, "opening_hours": hours, "contact_role": contact_role,
                "address": street, "postcode": postcode, "place": place,
                "contact_phone": f"0{9400 + number % 90} {1000 + number}",
                "responsible": editor,
                # Every seventh entry is overdue, so the review queue has work to show.
                "review_due": today - dt.timedelta(days=10 + number) if number % 7 == 0
                else today + dt.timedelta(days=30 + 3 * number),
            })
    for title, topic, category, summary, description, tips, sources in INFO:
        services.do_save_entry(acting_user=editor, organisation=organisation, data={
            "topic": topic, "category": categories[category], "title": title, "summary": summary,
            "description": description, "conversation_tips": tips, "sources": sources,
            "target_groups": ["staff"] if topic in ("staff", "workplace") else ["all"], "responsible": editor})
    meeting_group = _health_group(organisation)
    services.do_save_meeting(acting_user=editor, organisation=organisation, data={
        "title": f"Netzwerktreffen Gesundheit {region}", "date": today - dt.timedelta(days=40),
        "place": places[0][1], "topic": "network", "working_group": meeting_group,
        "agenda": "Neue Angebote in der Region; Erfahrungen mit der Überleitung; Termine des Gesundheitstags.",
        "results": "Die Partner melden Änderungen ihrer Angebote künftig direkt an den Arbeitskreis.",
    }, partners=[partners["insurer"], partners["counselling"], partners["reha"]])


def _health_group(organisation: Organisation):  # noqa: ANN202
    from kosmos.workinggroups.models import WorkingGroup

    return WorkingGroup.objects.filter(organisation=organisation, topic="health").order_by("pk").first()


def _share(by_slug: dict[str, Organisation]) -> None:
    garmisch, regensburg, weimar = (by_slug.get(s) for s in SLUGS)
    if garmisch and weimar:
        category = Category.objects.filter(organisation=garmisch, name="Psychische Gesundheit").first()
        editor, _staff = _people(garmisch)
        if category is not None and category.visibility == Visibility.OWN and editor is not None:
            services.do_share_category(acting_user=editor, category=category, visibility=Visibility.PARTNERS,
                                       partners=[weimar])
    if regensburg:
        category = Category.objects.filter(organisation=regensburg, name="Krankheitsbilder").first()
        editor, _staff = _people(regensburg)
        if category is not None and category.visibility == Visibility.OWN and editor is not None:
            services.do_share_category(acting_user=editor, category=category, visibility=Visibility.PLATFORM)


def load_knowledge_demo() -> None:
    by_slug = {o.slug: o for o in Organisation.objects.filter(slug__in=SLUGS)}
    with deferred():  # index every entry once, after its sharing is set
        for slug in SLUGS:
            if slug in by_slug:
                _load(by_slug[slug])
        _share(by_slug)


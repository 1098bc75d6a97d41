"""Demo data of good practice: the 16 project profiles of the report (sections 6 and 8.4), taken
from the Jobcenter facts in ``kosmos/core/demo_data/jobcenters.json`` (goals, timeline and
results as printed; no person's name). Most are published (publicly or to the platform), one is
in review, one still a draft. The profiles link to what their Jobcenter shares platform-wide.

Idempotent: a Jobcenter that already has a profile is left alone.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from kosmos.core.models import Organisation, User
from kosmos.core.models.sharing import Visibility
from kosmos.practice import registry, services
from kosmos.practice.models import Criterion, Profile, ReviewDecision, TopicField
from kosmos.practice.topics import FIELD_KEYS

DATA = Path(settings.BASE_DIR) / "kosmos" / "core" / "demo_data" / "jobcenters.json"
TOPIC_FIELDS = {"efqm": TopicField.EFQM, "digitalisierung": TopicField.DIGITAL, "gesundheit": TopicField.HEALTH}
IN_REVIEW = "braunschweig"
DRAFT = "traunstein"
PLATFORM_ONLY = {"chemnitz", "magdeburg", "landkreis-rostock"}
CONTACT_ROLE = "Qualitätsmanagement des Jobcenters"


def _starting_situation(item: dict) -> str:
    return item.get("region_description", "")


def load_practice_demo() -> None:
    office_user = User.objects.filter(email="programmbuero@kosmos.example").first()
    if office_user is None or not DATA.exists():
        return
    items = json.loads(DATA.read_text(encoding="utf-8"))
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=[i["slug"] for i in items])}
    done = set(Profile.objects.filter(organisation__in=organisations.values()).values_list("organisation__slug",
                                                                                           flat=True))
    with transaction.atomic():
        for item in items:
            slug = item["slug"]
            organisation = organisations.get(slug)
            author = User.objects.filter(email=f"qm@{slug}.example").first()
            if organisation is None or author is None or slug in done:
                continue
            field = TOPIC_FIELDS[item["topic"]]
            profile = services.do_create_profile(
                acting_user=author, organisation=organisation,
                values={"title": item["topic_title"], "topic_field": field,
                        "starting_situation": _starting_situation(item),
                        "goals": "\n".join(item.get("goals", [])), "results": "\n".join(item.get("results", [])),
                        "contact_role": CONTACT_ROLE},
                milestones=[(m["date"] or "", m["title"]) for m in item.get("milestones", [])],
                topic_keys=FIELD_KEYS[field],
            )
            for obj in _shared_objects(organisation):
                services.do_link_platform_object(acting_user=author, profile=profile, obj=obj)
            if slug == DRAFT:
                continue
            services.do_submit_profile(acting_user=author, profile=profile)
            if slug == IN_REVIEW:
                _return_once(office_user, author, profile)
                continue
            services.do_review_profile(
                acting_user=office_user, profile=profile,
                criteria={key: (True, "") for key in Criterion.values},
                decision=ReviewDecision.PUBLISHED,
                comment="Vielen Dank – der Steckbrief ist veröffentlicht.",
                visibility=Visibility.PLATFORM if slug in PLATFORM_ONLY else Visibility.PUBLIC,
            )


def _return_once(office_user: User, author: User, profile: Profile) -> None:
    """The profile in review went back once: the Jobcenter sees the comment and resubmitted."""
    criteria = {key: (True, "") for key in Criterion.values}
    criteria[Criterion.EVIDENCE] = (False, "Bitte beschreiben Sie, woran Sie die Wirkung der Selbstbewertung "
                                           "erkennen (z. B. priorisierte Handlungsfelder).")
    services.do_review_profile(acting_user=office_user, profile=profile, criteria=criteria,
                               decision=ReviewDecision.RETURNED, comment="Fast fertig – bitte ergänzen Sie die Belege.")
    services.do_update_profile(
        acting_user=author, profile=profile,
        values={"lessons_learned": "Die Priorisierung der Handlungsfelder gelingt besser, wenn die "
                                   "Führungskräfte schon bei der Selbstbewertung beteiligt sind."})
    services.do_submit_profile(acting_user=author, profile=profile)


def _shared_objects(organisation: Organisation) -> list:
    found = []
    for model in registry.shareable_models():
        found.extend(model._default_manager.filter(
            organisation=organisation, visibility__in=(Visibility.PLATFORM, Visibility.PUBLIC))[:5])
    return found

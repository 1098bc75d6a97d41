"""The "good letter" library across organisations: letter templates shared with other
organisations, read there read-only and copied with their version history, the origin credited.

Visibility, the share and the copy services are core's (``kosmos.core.sharing``); this module
supplies the reads of shared templates and how a template is copied.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kosmos.core import sharing
from kosmos.core.models import Organisation, User
from kosmos.language.models import LetterTemplate, LetterVersion

_COPIED_VERSION_FIELDS = (
    "number",
    "text",
    "note",
    "created_at",
    "analysis",
    "analysis_key",
    "score",
    "traffic_light",
    "finding_count",
    "critical_count",
    "word_count",
)


def _readable() -> QuerySet[LetterTemplate]:
    return LetterTemplate.objects.select_related("organisation", "current_version")


def shared_templates(organisation: Organisation) -> QuerySet[LetterTemplate]:
    """Other organisations' templates that ``organisation`` may read, by name (one query)."""
    return sharing.shared_with(_readable(), organisation).order_by("name", "organisation__name")


def shared_template_or_404(organisation: Organisation, public_id: object) -> LetterTemplate:
    return sharing.shared_object_or_404(_readable(), organisation, public_id=public_id)


def public_templates() -> QuerySet[LetterTemplate]:
    return sharing.visible_to(_readable(), user=None).order_by("name", "organisation__name")


def public_template_or_404(public_id: object) -> LetterTemplate:
    return sharing.public_object_or_404(_readable(), public_id=public_id)


def history(template: LetterTemplate) -> list[LetterVersion]:
    """The versions for a reader from another organisation: no text, no author (the owner's staff
    are not named outside the owner organisation)."""
    return list(
        template.versions.only(
            "public_id", "template_id", "number", "created_at", "note", "score", "traffic_light",
            "finding_count", "word_count",
        ).order_by("-number")
    )


def _free_name(organisation: Organisation, name: str) -> str:
    taken = {n.lower() for n in LetterTemplate.objects.filter(organisation=organisation).values_list("name", flat=True)}
    if name.lower() not in taken:
        return name
    number = 1
    while True:
        suffix = _("copy") if number == 1 else _("copy %(number)s") % {"number": number}
        candidate = f"{name[: 200 - len(suffix) - 3]} ({suffix})"
        if candidate.lower() not in taken:
            return candidate
        number += 1


def copy_template(template: LetterTemplate, target: Organisation, acting_user: User) -> LetterTemplate:
    """The copier for ``sharing.do_copy_shared``: the template with all its versions.

    The versions keep their numbers, dates, notes and cached analyses (recomputed with the new
    owner's glossary on its next library read); their author becomes the origin organisation.
    """
    copy = LetterTemplate.objects.create(
        organisation=target,
        name=_free_name(target, template.name),
        category=template.category,
        text_type=template.text_type,
        description=template.description,
        created_by=acting_user,
    )
    origin = template.organisation.name
    versions = [
        LetterVersion(template=copy, author=None, author_name=origin,
                      **{name: getattr(v, name) for name in _COPIED_VERSION_FIELDS})
        for v in template.versions.order_by("number")
    ]
    LetterVersion.objects.bulk_create(versions)
    if versions:
        copy.current_version = LetterVersion.objects.filter(template=copy).order_by("-number").first()
        copy.save(update_fields=["current_version"])
    return copy


@transaction.atomic
def do_copy_template(*, acting_user: User, template: LetterTemplate, target: Organisation) -> LetterTemplate:
    """Copy a shared template into ``target`` (audit event ``sharing.copied`` there)."""
    return sharing.do_copy_shared(
        acting_user=acting_user, obj=template, target_organisation=target, copier=copy_template
    )

"""Demo data of the language module: the letter libraries and glossaries of two Jobcenters.

Idempotent: templates, versions and glossary entries are found by name, number and term and only
created when missing (through the services, so the demo audit log looks like real use).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kosmos.core.models import Organisation, User
from kosmos.language import services
from kosmos.language.demo_letters import (
    FREIBURG_GLOSSARY,
    FREIBURG_LETTERS,
    MAGDEBURG_GLOSSARY,
    MAGDEBURG_LETTERS,
    Entry,
    Letter,
)
from kosmos.language.models import GlossaryEntry, LetterTemplate, LetterVersion

LIBRARIES = [
    ("freiburg", "qm@freiburg.example", FREIBURG_LETTERS, FREIBURG_GLOSSARY),
    ("magdeburg", "qm@magdeburg.example", MAGDEBURG_LETTERS, MAGDEBURG_GLOSSARY),
]


def _at(day: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(10, 0)))


def _glossary(organisation: Organisation, author: User, entries: list[Entry]) -> None:
    existing = {t.lower() for t in GlossaryEntry.objects.filter(organisation=organisation).values_list("term", flat=True)}
    for kind, term, replacement, variants, explanation in entries:
        if term.lower() in existing:
            continue
        services.do_create_glossary_entry(
            acting_user=author,
            organisation=organisation,
            kind=kind,
            term=term,
            replacement=replacement,
            variants=variants,
            explanation=explanation,
        )


def _letters(organisation: Organisation, author: User, letters: list[Letter]) -> None:
    for name, category, text_type, description, versions in letters:
        template = LetterTemplate.objects.filter(organisation=organisation, name=name).first()
        if template is None:
            day, note, text = versions[0]
            template = services.do_create_template(
                acting_user=author,
                organisation=organisation,
                name=name,
                category=category,
                text_type=text_type,
                description=description,
                text=text,
                note=note,
            )
            LetterVersion.objects.filter(template=template, number=1).update(created_at=_at(day))
        numbers = set(template.versions.values_list("number", flat=True))
        for number, (day, note, text) in enumerate(versions, start=1):
            if number in numbers:
                continue
            version = services.do_add_version(acting_user=author, template=template, text=text, note=note)
            LetterVersion.objects.filter(pk=version.pk).update(created_at=_at(day))


def load_language_demo() -> None:
    for slug, email, letters, glossary in LIBRARIES:
        organisation = Organisation.objects.filter(slug=slug).first()
        author = User.objects.filter(email=email).first()
        if organisation is None or author is None:
            continue
        # The glossary first: it feeds the analysis of every version saved after it.
        _glossary(organisation, author, glossary)
        _letters(organisation, author, letters)
        services.refresh_organisation(organisation)

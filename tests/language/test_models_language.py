"""Constraints and small helpers of the language models."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from kosmos.language.models import GlossaryEntry, LetterTemplate, LetterVersion
from tests.language.helpers import make_template

pytestmark = pytest.mark.django_db


def test_template_names_are_unique_per_organisation_whatever_the_case(world):
    LetterTemplate.objects.create(organisation=world.freiburg, name="Einladung", category="invitation")
    LetterTemplate.objects.create(organisation=world.ulm, name="Einladung", category="invitation")

    with pytest.raises(IntegrityError), transaction.atomic():
        LetterTemplate.objects.create(organisation=world.freiburg, name="EINLADUNG", category="invitation")


def test_version_numbers_are_unique_per_template(world):
    template = make_template(world)

    with pytest.raises(IntegrityError), transaction.atomic():
        LetterVersion.objects.create(template=template, number=1, text="Noch einmal.")


def test_glossary_terms_are_unique_per_organisation(world):
    GlossaryEntry.objects.create(organisation=world.freiburg, kind="avoid", term="zwecks", replacement="für")

    with pytest.raises(IntegrityError), transaction.atomic():
        GlossaryEntry.objects.create(organisation=world.freiburg, kind="avoid", term="Zwecks", replacement="für")


def test_names_in_lists_and_the_audit_log(world):
    template = make_template(world, "Einladung")

    assert str(template) == "Einladung"
    assert str(template.current_version) == "Einladung – Fassung 1"
    entry = GlossaryEntry(term="zwecks", kind="avoid", variants="")
    assert str(entry) == "zwecks"
    assert entry.as_engine_data() == {"kind": "avoid", "term": "zwecks", "replacement": "", "explanation": "",
                                      "variants": []}


def test_deleting_a_template_deletes_its_versions(world):
    template = make_template(world, texts=("Bitte kommen Sie.", "Bitte kommen Sie morgen."))

    template.delete()

    assert not LetterVersion.objects.exists()

"""The demo letter libraries: two Jobcenters, versions that get plainer, glossaries; idempotent."""

from __future__ import annotations

import re

import pytest

from kosmos.core.demo import load_demo
from kosmos.core.models import AuditEvent
from kosmos.language.models import GlossaryEntry, LetterTemplate, LetterVersion

pytestmark = pytest.mark.django_db


def _state() -> tuple:
    return (
        sorted(LetterTemplate.objects.values_list("organisation__slug", "name", "category", "text_type")),
        sorted(LetterVersion.objects.values_list("template__name", "number", "text", "created_at")),
        sorted(GlossaryEntry.objects.values_list("organisation__slug", "kind", "term")),
        AuditEvent.objects.filter(action__startswith="language.").count(),
    )


def test_the_demo_has_two_libraries_that_get_plainer():
    load_demo()

    for slug in ("freiburg", "magdeburg"):
        templates = LetterTemplate.objects.filter(organisation__slug=slug)
        assert 6 <= templates.count() <= 10
        assert 14 <= GlossaryEntry.objects.filter(organisation__slug=slug).count() <= 20
        for template in templates:
            scores = list(template.versions.order_by("number").values_list("score", flat=True))
            assert 2 <= len(scores) <= 3, template.name
            assert scores == sorted(scores) or scores[-1] > scores[0], template.name
            assert template.current_version.number == len(scores)
    lights = set(LetterVersion.objects.filter(template__organisation__slug="freiburg", number=1)
                 .values_list("traffic_light", flat=True))
    assert "rot" in lights


def test_loading_the_demo_twice_changes_nothing():
    load_demo()
    first = _state()

    load_demo()

    assert _state() == first


def test_the_demo_letters_contain_no_personal_data():
    load_demo()

    for text in LetterVersion.objects.values_list("text", flat=True):
        assert "@" not in text  # no e-mail addresses
        assert not re.search(r"\b\d{5}\b", text)  # no postcodes
        assert not re.search(r"\b\d{3,}[ /-]?\d{4,}\b", text)  # no phone numbers

"""The module in the navigation, on the dashboard and in the audit log."""

from __future__ import annotations

import pytest
from django.utils import translation

from kosmos.core.audit_labels import action_label, object_type_label
from tests.language.helpers import MIDDLE, OFFICIALESE, PLAIN, make_template, url

pytestmark = pytest.mark.django_db


def test_every_member_finds_the_module_in_the_navigation(world, client_for):
    html = client_for(world.staff).get(url("org:dashboard", world)).content.decode()

    assert f'<a href="{url("org:language_check", world)}">Verständliche Sprache</a>' in html


def test_the_navigation_entry_stays_current_on_every_page_of_the_module(world, client_for):
    template = make_template(world)

    html = client_for(world.staff).get(url("org:language_template", world, template_id=template.public_id)
                                       ).content.decode()

    assert f'<a href="{url("org:language_check", world)}" aria-current="page">Verständliche Sprache</a>' in html


def test_the_dashboard_summarises_the_library(world, client_for):
    make_template(world, "Alt", (OFFICIALESE,))
    make_template(world, "Mittel", (MIDDLE,))
    make_template(world, "Neu", (PLAIN,))

    html = client_for(world.staff).get(url("org:dashboard", world)).content.decode()

    assert "Verständliche Sprache: Briefbibliothek" in html
    assert "3 Briefvorlagen." in html
    assert url("org:language_library", world) in html


def test_no_panel_without_templates(world, client_for):
    html = client_for(world.staff).get(url("org:dashboard", world)).content.decode()

    assert "Briefbibliothek" not in html


def test_the_audit_log_speaks_german():
    with translation.override("de"):
        assert action_label("language.template_created") == "hat eine Briefvorlage angelegt"
        assert action_label("language.glossary_deleted") == "hat einen Glossar-Eintrag entfernt"
        assert object_type_label("language.letterversion") == "Fassung einer Briefvorlage"


def test_the_audit_log_page_lists_library_changes(world, client_for):
    make_template(world, "Einladung")

    html = client_for(world.qm).get(url("org:audit_log", world)).content.decode()

    assert "hat eine Briefvorlage angelegt" in html
    assert "Einladung" in html

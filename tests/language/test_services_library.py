"""Writes to the letter library and the analysis cache of its versions."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kosmos.core.models import AuditEvent
from kosmos.language import services
from kosmos.language.models import LetterTemplate, LetterVersion
from tests.language.helpers import MIDDLE, OFFICIALESE, PLAIN, make_template

pytestmark = pytest.mark.django_db


def test_creating_a_template_caches_the_analysis_of_version_one(world):
    template = make_template(world)

    version = template.current_version
    state = services.glossary_state(world.freiburg)
    assert version.number == 1
    assert version.analysis_key == state.key_for("brief")
    assert version.analysis["text_type"] == "brief"
    assert version.score == version.analysis["score"]
    assert version.finding_count == len(version.analysis["findings"])
    assert version.critical_count == sum(1 for f in version.analysis["findings"] if f["severity"] == "kritisch")
    assert version.word_count == version.analysis["measures"]["words"]
    assert version.author_name == "Quirin Qualität"
    # The cache keeps the offsets of the sentences, not their text a second time.
    assert "text" not in version.analysis["sentences"][0]


def test_versions_are_numbered_and_the_newest_is_current(world):
    template = make_template(world, texts=(OFFICIALESE, MIDDLE, PLAIN))

    assert list(template.versions.values_list("number", flat=True)) == [1, 2, 3]
    assert template.current_version.number == 3
    assert template.current_version.text == PLAIN


def test_every_change_is_in_the_audit_log(world):
    template = make_template(world, texts=(OFFICIALESE, PLAIN))
    services.do_update_template(acting_user=world.qm, template=template, data={"name": "Neu"})
    services.do_delete_template(acting_user=world.qm, template=template)

    actions = list(AuditEvent.objects.filter(organisation=world.freiburg).order_by("id")
                   .values_list("action", "object_type"))
    assert actions == [
        ("language.template_created", "language.lettertemplate"),
        ("language.version_created", "language.letterversion"),
        ("language.template_updated", "language.lettertemplate"),
        ("language.template_deleted", "language.lettertemplate"),
    ]
    created = AuditEvent.objects.get(action="language.template_created")
    assert created.changes["name"] == [None, "Mitwirkungsaufforderung"]
    assert created.object_id == str(template.public_id)
    version = AuditEvent.objects.get(action="language.version_created")
    assert version.changes["version"] == [1, 2]
    assert version.changes["score"][0] < version.changes["score"][1]


def test_an_update_without_changes_writes_nothing(world):
    template = make_template(world)

    services.do_update_template(acting_user=world.qm, template=template, data={"name": template.name})

    assert not AuditEvent.objects.filter(action="language.template_updated").exists()


def test_a_text_the_engine_refuses_leaves_nothing_behind(world):
    with pytest.raises(ValidationError) as error:
        services.do_create_template(
            acting_user=world.qm, organisation=world.freiburg, name="Zahlen", category="other",
            text_type="brief", text="1 2 3",
        )

    assert error.value.message_dict["text"] == [
        "Der Text enthält keine Wörter, nur Zahlen oder Zeichen. Bitte geben Sie einen Text mit Wörtern ein."
    ]
    assert not LetterTemplate.objects.exists()
    assert not AuditEvent.objects.exists() or not AuditEvent.objects.filter(action__startswith="language.").exists()


def test_a_refused_new_version_keeps_the_old_one_current(world):
    template = make_template(world)

    with pytest.raises(ValidationError):
        services.do_add_version(acting_user=world.qm, template=template, text="   ")

    template.refresh_from_db()
    assert template.versions.count() == 1
    assert template.current_version.number == 1


def test_a_too_long_text_is_refused(world):
    with pytest.raises(ValidationError) as error:
        services.check_text("Wort " * 30_000, "brief", None)

    assert "Der Text ist zu lang (150.000 Zeichen)." in error.value.messages[0]


def test_changing_the_text_type_recomputes_every_version(world):
    template = make_template(world, texts=(OFFICIALESE, PLAIN))

    services.do_update_template(acting_user=world.qm, template=template, data={"text_type": "leicht"})

    state = services.glossary_state(world.freiburg)
    assert set(template.versions.values_list("analysis_key", flat=True)) == {state.key_for("leicht")}


def test_the_cache_key_changes_with_engine_glossary_and_text_type(world, monkeypatch):
    state = services.glossary_state(world.freiburg)
    key = state.key_for("brief")

    assert state.key_for("web") != key
    services.do_create_glossary_entry(acting_user=world.qm, organisation=world.freiburg, kind="avoid",
                                      term="zwecks", replacement="für")
    assert services.glossary_state(world.freiburg).key_for("brief") != key
    assert services.glossary_state(world.ulm).key_for("brief") == key  # an empty glossary, as before
    monkeypatch.setattr(services, "engine_version", lambda: "2.0")
    assert state.key_for("brief") != key


def test_an_engine_update_is_picked_up_on_the_next_read(world, monkeypatch):
    make_template(world, texts=(OFFICIALESE, PLAIN))
    monkeypatch.setattr(services, "engine_version", lambda: "neue-engine")

    changed = services.refresh_organisation(world.freiburg)

    assert changed == 2
    assert services.refresh_organisation(world.freiburg) == 0
    assert not LetterVersion.objects.exclude(
        analysis_key=services.glossary_state(world.freiburg).key_for("brief")
    ).exists()


def test_the_engine_version_is_declared_or_derived_from_its_source():
    services.engine_version.cache_clear()
    version = services.engine_version()

    assert version
    assert services.engine_version() == version

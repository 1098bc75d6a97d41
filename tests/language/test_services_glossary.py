"""Writes to the glossary: validation, audit log and the library kept in step."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kosmos.core.models import AuditEvent
from kosmos.language import services
from kosmos.language.models import GlossaryEntry
from tests.language.helpers import PLAIN, make_template

pytestmark = pytest.mark.django_db


def create(world, **fields):  # noqa: ANN001, ANN003, ANN201
    return services.do_create_glossary_entry(acting_user=world.qm, organisation=world.freiburg, **fields)


def test_an_entry_is_cleaned_before_it_is_stored(world):
    entry = create(world, kind="preferred", term="  Bürger   geld ", variants=" ALG II,, Hartz IV ,")

    assert entry.term == "Bürger geld"
    assert entry.variants == "ALG II, Hartz IV"
    assert entry.variant_list() == ["ALG II", "Hartz IV"]


def test_the_glossary_goes_to_the_engine_in_its_format(world):
    create(world, kind="preferred", term="Kooperationsplan", variants="Eingliederungsvereinbarung")
    create(world, kind="avoid", term="zwecks", replacement="für")
    create(world, kind="explain", term="Regelbedarf", explanation="der Betrag für das tägliche Leben")

    state = services.glossary_state(world.freiburg)

    assert state.size == 3
    kinds = {e.term: (e.kind, e.replacement, e.explanation, e.variants) for e in state.glossary.entries}
    assert kinds["Kooperationsplan"] == ("preferred", "", "", ("Eingliederungsvereinbarung",))
    assert kinds["zwecks"] == ("avoid", "für", "", ())
    assert kinds["Regelbedarf"] == ("explain", "", "der Betrag für das tägliche Leben", ())


def test_every_kind_feeds_the_findings(world):
    create(world, kind="preferred", term="Kooperationsplan", variants="Eingliederungsvereinbarung")
    create(world, kind="avoid", term="zwecks", replacement="für")
    create(world, kind="explain", term="Regelbedarf", explanation="der Betrag für das tägliche Leben")
    text = ("Wir schreiben Ihnen zwecks Ihrer Eingliederungsvereinbarung. "
            "Ihr Regelbedarf steigt im Januar.")

    analysis = services.check_text(text, "brief", services.glossary_state(world.freiburg).glossary)

    rules = {f.rule: f.text for f in analysis.findings if f.rule.startswith("glossary_")}
    assert rules == {"glossary_avoid": "zwecks", "glossary_preferred": "Eingliederungsvereinbarung",
                     "glossary_explain": "Regelbedarf"}


def test_a_change_refreshes_the_cached_analyses_of_the_library(world):
    template = make_template(world, texts=(PLAIN,))
    old_key = template.current_version.analysis_key

    create(world, kind="avoid", term="Kontoauszüge", replacement="Auszüge")

    template.current_version.refresh_from_db()
    assert template.current_version.analysis_key != old_key
    assert any(f["rule"] == "glossary_avoid" for f in template.current_version.analysis["findings"])


def test_another_jobcenters_library_is_not_touched(world):
    ulm = make_template(world, "Ulm", (PLAIN,), organisation=world.ulm)
    key = ulm.current_version.analysis_key

    create(world, kind="avoid", term="Kontoauszüge", replacement="Auszüge")

    ulm.current_version.refresh_from_db()
    assert ulm.current_version.analysis_key == key


def test_updates_and_removals_are_audited(world):
    entry = create(world, kind="avoid", term="zwecks", replacement="für")
    services.do_update_glossary_entry(acting_user=world.qm, entry=entry, data={"replacement": "um … zu"})
    services.do_update_glossary_entry(acting_user=world.qm, entry=entry, data={"replacement": "um … zu"})
    services.do_delete_glossary_entry(acting_user=world.qm, entry=entry)

    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["language.glossary_created", "language.glossary_updated", "language.glossary_deleted"]
    assert not GlossaryEntry.objects.exists()


def test_a_duplicate_term_is_refused_whatever_its_case(world):
    create(world, kind="avoid", term="zwecks", replacement="für")

    with pytest.raises(ValidationError) as error:
        create(world, kind="avoid", term="ZWECKS", replacement="für")

    assert error.value.message_dict["term"] == ["„ZWECKS“ steht schon im Glossar."]


def test_an_update_may_not_take_another_entrys_term(world):
    create(world, kind="avoid", term="zwecks", replacement="für")
    other = create(world, kind="avoid", term="seitens", replacement="von")

    with pytest.raises(ValidationError):
        services.do_update_glossary_entry(acting_user=world.qm, entry=other, data={"term": "Zwecks"})

    other.refresh_from_db()
    assert other.term == "seitens"

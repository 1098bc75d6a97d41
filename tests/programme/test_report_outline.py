"""The pure outline of the results report (no database)."""

from __future__ import annotations

import pytest

from kosmos.programme.domain.report_outline import (
    ProfileRef,
    TopicField,
    build_outline,
    is_slot_key,
    narrative_slots,
    profiles_by_topic,
)

TOPICS = [TopicField("efqm", "EFQM"), TopicField("digital", "Digitalisierung"), TopicField("health", "Gesundheit")]
PROFILES = [ProfileRef("p1", "Jobcenter Freiburg", "efqm"), ProfileRef("p2", "Jobcenter Ulm", "digital"),
            ProfileRef("p3", "Jobcenter Regensburg", "health")]


def test_the_outline_follows_the_seed_report_with_numbered_chapters():
    outline = build_outline(TOPICS, PROFILES)
    chapters = [(e.number, str(e.title)) for e in outline if e.level == 1]
    assert chapters == [
        ("1", "Introduction"), ("2", "Course of the programme"), ("3", "Topic field »EFQM«"),
        ("4", "Topic field »Digitalisierung«"), ("5", "Topic field »Gesundheit«"),
        ("6", "Project profiles: goals and results"), ("7", "Closing and outlook"),
    ]
    sections = [(e.number, str(e.title)) for e in outline if e.level == 2 and e.kind != "profile"]
    assert sections[:2] == [("3.1", "Key findings and recommendations"), ("3.2", "Examples")]
    assert [(e.number, e.title) for e in outline if e.kind == "profile"] == [
        ("6.1", "Jobcenter Freiburg"), ("6.2", "Jobcenter Ulm"), ("6.3", "Jobcenter Regensburg")]


def test_headings_are_h2_and_h3_below_the_report_title_and_anchors_are_unique():
    outline = build_outline(TOPICS, PROFILES)
    assert {e.heading_tag for e in outline} == {"h2", "h3"}
    assert len({e.anchor for e in outline}) == len(outline)


def test_narrative_slots_are_the_office_texts_and_all_are_valid_keys():
    slots = [e.slot for e in narrative_slots(build_outline(TOPICS, PROFILES))]
    assert slots == ["introduction", "course", "findings:efqm", "examples:efqm", "findings:digital",
                     "examples:digital", "findings:health", "examples:health", "conclusion"]
    assert all(is_slot_key(s) for s in slots)
    assert not is_slot_key("findings:") and not is_slot_key("preface") and not is_slot_key("course ")


def test_an_outline_without_profiles_still_has_every_chapter_and_a_repeated_topic_is_refused():
    assert [e.number for e in build_outline([], []) if e.level == 1] == ["1", "2", "3", "4"]
    with pytest.raises(ValueError):
        build_outline([TopicField("efqm", "EFQM"), TopicField("efqm", "EFQM 2")], [])


def test_profiles_are_grouped_by_topic_in_their_order():
    grouped = profiles_by_topic(PROFILES + [ProfileRef("p4", "Jobcenter Chemnitz", "efqm")])
    assert [p.id for p in grouped["efqm"]] == ["p1", "p4"]

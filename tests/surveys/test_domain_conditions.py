"""Show-if conditions and submission cleaning (pure)."""

from __future__ import annotations

import pytest

from kosmos.surveys.domain.conditions import (
    Submission,
    clean_submission,
    condition_met,
    describe_condition,
    is_visible,
    visible_questions,
)
from kosmos.surveys.domain.templates import (
    EASY_LANGUAGE,
    Condition,
    SurveyTemplate,
    load_template,
    parse_template,
)


def errors(result: Submission) -> dict[str, str]:
    """The messages in English (their source strings); the Django layer translates them."""
    return {key: str(message) for key, message in result.errors.items()}


@pytest.fixture(scope="module")
def digital() -> SurveyTemplate:
    return load_template("digitale-angebote")


@pytest.fixture(scope="module")
def customers() -> SurveyTemplate:
    return load_template("t0-kundinnen")


def test_condition_met_for_single_and_multiple_choice() -> None:
    condition = Condition("frage", ("a", "b"))
    assert condition_met(condition, {"frage": "a"})
    assert not condition_met(condition, {"frage": "c"})
    assert condition_met(condition, {"frage": ["c", "b"]})
    assert not condition_met(condition, {"frage": []})
    assert not condition_met(condition, {})


def test_obstacles_only_for_those_who_know_an_offer_but_have_not_used_it(digital: SurveyTemplate) -> None:
    def shown(answers: dict) -> set[str]:
        return {q.key for q in visible_questions(digital, answers)}

    assert "termin_genutzt" not in shown({})
    assert "termin_hindernisse" not in shown({"termin_bekannt": "ja"})
    assert "termin_hindernisse" in shown({"termin_bekannt": "ja", "termin_genutzt": "nein"})
    assert "termin_hindernisse" not in shown({"termin_bekannt": "ja", "termin_genutzt": "ja"})
    # Hiding cascades: an answer to a question that is no longer shown does not count.
    assert "termin_hindernisse" not in shown({"termin_bekannt": "nein", "termin_genutzt": "nein"})
    assert is_visible(digital, "termin_hilfe", {})


def test_hidden_answers_are_dropped_from_a_submission(digital: SurveyTemplate) -> None:
    raw = {
        "termin_bekannt": "nein",
        "termin_genutzt": "nein",  # left over from an earlier choice
        "termin_hindernisse": ["datenschutz"],
        "video_bekannt": "ja",
        "video_genutzt": "nein",
        "video_hindernisse": ["kein_ruhiger_ort", "datenschutz"],
        "erfunden": "x",
    }
    result = clean_submission(digital, raw)
    assert result.is_valid
    assert result.answers == {
        "termin_bekannt": "nein",
        "video_bekannt": "ja",
        "video_genutzt": "nein",
        "video_hindernisse": ["kein_ruhiger_ort", "datenschutz"],
    }


def test_invalid_answers_get_messages_and_do_not_open_conditions(digital: SurveyTemplate) -> None:
    raw = {
        "geraete": ["smartphone", "keines"],
        "wege_bevorzugt": ["telefon", "brief", "email"],
        "termin_bekannt": "vielleicht",
        "termin_genutzt": "nein",
        "termin_hindernisse": ["kein_geraet"],
        "sicher_im_internet": "7",
        "wuensche": "x" * 1001,
    }
    result = clean_submission(digital, raw)
    assert errors(result) == {
        "geraete": "You cannot choose “Keines davon” together with other answers.",
        "wege_bevorzugt": "Please choose at most 2 answers.",
        "termin_bekannt": "Please choose one of the answers offered.",
        "sicher_im_internet": "Please choose one of the answers offered.",
        "wuensche": "Please write at most 1000 characters.",
    }
    assert "termin_hindernisse" not in result.answers and "termin_hindernisse" not in result.errors


def test_matrix_statements_are_answered_under_their_own_keys(customers: SurveyTemplate) -> None:
    result = clean_submission(customers, {"erreichbar_telefon": "4", "oeffnungszeiten": "na", "respekt": "9"})
    assert result.answers == {"erreichbar_telefon": "4", "oeffnungszeiten": "na"}
    assert errors(result) == {"umgang": "Please choose one of the answers offered."}


def test_multiple_choice_answers_are_deduplicated_in_choice_order(customers: SurveyTemplate) -> None:
    result = clean_submission(customers, {"digital_genutzt": ["portal", "online_termin", "portal"]})
    assert result.answers["digital_genutzt"] == ["online_termin", "portal"]
    assert "digital_einfach" in {q.key for q in visible_questions(customers, result.answers)}
    result = clean_submission(customers, {"digital_genutzt": ["keines"], "digital_einfach": "5"})
    assert "digital_einfach" not in result.answers


def test_required_numbers_and_texts() -> None:
    template = parse_template(
        {
            "format": 1,
            "slug": "zahlen",
            "title": "Zahlen",
            "audience": "staff",
            "sections": [
                {
                    "key": "s",
                    "title": "S",
                    "questions": [
                        {
                            "key": "alter",
                            "type": "number",
                            "text": "Alter",
                            "required": True,
                            "min": 16,
                            "max": 70,
                        },
                        {"key": "minuten", "type": "number", "text": "Minuten", "min": 0},
                        {"key": "notiz", "type": "text", "text": "Notiz", "required": True},
                        {
                            "key": "m",
                            "type": "matrix",
                            "scale": "agree5",
                            "text": "M",
                            "required": True,
                            "statements": [{"key": "s1", "text": "S1"}, {"key": "s2", "text": "S2"}],
                        },
                    ],
                }
            ],
        }  # fmt: skip
    )
    result = clean_submission(template, {"alter": 12, "minuten": -5, "notiz": "   ", "s1": "3"})
    assert errors(result) == {
        "alter": "Please enter a number from 16 to 70.",
        "minuten": "Please enter a number from 0.",
        "notiz": "Please answer this question.",
        "m": "Please answer all statements.",
    }
    result = clean_submission(template, {"alter": True, "notiz": " Gut ", "s1": "3", "s2": "na"})
    assert errors(result) == {"alter": "Please enter a whole number."}
    assert result.answers == {"notiz": "Gut", "s1": "3", "s2": "na"}
    assert clean_submission(template, {"alter": 30, "notiz": "ok", "s1": "1", "s2": "2"}).is_valid


def test_required_question_behind_a_condition_is_only_required_when_shown() -> None:
    template = parse_template(
        {
            "format": 1,
            "slug": "bedingt",
            "title": "Bedingt",
            "audience": "staff",
            "sections": [
                {
                    "key": "s",
                    "title": "S",
                    "questions": [
                        {
                            "key": "genutzt",
                            "type": "single",
                            "text": "Genutzt?",
                            "choices": [{"key": "ja", "label": "Ja"}, {"key": "nein", "label": "Nein"}],
                        },
                        {
                            "key": "warum_nicht",
                            "type": "text",
                            "text": "Warum nicht?",
                            "required": True,
                            "condition": {"question": "genutzt", "equals": "nein"},
                        },
                    ],
                }
            ],
        }  # fmt: skip
    )
    assert clean_submission(template, {"genutzt": "ja"}).is_valid
    assert clean_submission(template, {}).is_valid
    assert not clean_submission(template, {"genutzt": "nein"}).is_valid


def test_describe_condition_for_pages_without_javascript(
    digital: SurveyTemplate, customers: SurveyTemplate
) -> None:
    hint = describe_condition(digital, digital.question("termin_genutzt"))
    assert str(hint) == (
        "Only answer if you chose the answer “Ja” for "
        "“Wussten Sie, dass Sie Termine beim Jobcenter online vereinbaren können?”."
    )
    easy = describe_condition(digital, digital.question("termin_genutzt"), EASY_LANGUAGE)
    assert easy == "Diese Frage ist nur für Sie, wenn Sie vorher »Ja, das wusste ich.« gewählt haben."
    many = str(describe_condition(customers, customers.question("digital_einfach")))
    assert "one of these answers" in many and "“Videoberatung”" in many
    assert describe_condition(digital, digital.question("geraete")) == ""

"""Survey templates: the six built-in templates load, and the validator catches mistakes."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter

import pytest

from kosmos.surveys.domain.templates import (
    EASY_LANGUAGE,
    NO_ANSWER_KEY,
    TEMPLATE_DIR,
    SurveyTemplate,
    TemplateError,
    Text,
    builtin_template_paths,
    load_builtin_templates,
    load_scales,
    load_template,
    parse_template,
)

SLUGS = {
    "t0-kundinnen",
    "t0-mitarbeitende",
    "digitale-angebote",
    "qualifizierungsbedarf",
    "bewertungsbogen-20",
    "efqm-quick-check",
}


@pytest.fixture(scope="module")
def templates() -> dict[str, SurveyTemplate]:
    return load_builtin_templates()


def texts_of(template: SurveyTemplate) -> list[Text]:
    found = [template.title, template.description]
    if template.thanks:
        found.append(template.thanks)
    for section in template.sections:
        found += [section.title] + ([section.intro] if section.intro else [])
        for q in section.questions:
            found += [q.text] + ([q.help] if q.help else [])
            found += [c.label for c in q.choices] + [s.text for s in q.statements]
            if q.scale:
                found += [level.label for level in q.scale.options()]
    return found


def minimal(**changes: object) -> dict:
    data = {
        "format": 1,
        "slug": "probe",
        "title": "Probe",
        "audience": "staff",
        "sections": [
            {
                "key": "teil",
                "title": "Teil",
                "questions": [
                    {"key": "farbe", "type": "single", "text": "Farbe?", "choices": [
                        {"key": "rot", "label": "Rot"}, {"key": "blau", "label": "Blau"}]},
                    {"key": "warum", "type": "text", "text": "Warum?", "condition": {"question": "farbe", "equals": "rot"}},
                ],
            }
        ],
    }  # fmt: skip
    data.update(changes)
    return data


def problems(data: dict) -> str:
    with pytest.raises(TemplateError) as excinfo:
        parse_template(data, source="probe.json")
    return "\n".join(excinfo.value.problems)


# --- the built-in templates ---------------------------------------------------------------


def test_all_six_templates_load(templates: dict[str, SurveyTemplate]) -> None:
    assert set(templates) == SLUGS
    assert {p.stem for p in builtin_template_paths()} == SLUGS
    assert load_template("t0-kundinnen").slug == "t0-kundinnen"
    assert load_template(TEMPLATE_DIR / "efqm-quick-check.json").audience == "staff"


def test_audiences_and_group_questions(templates: dict[str, SurveyTemplate]) -> None:
    assert templates["t0-kundinnen"].audience == "customers"
    assert templates["digitale-angebote"].audience == "customers"
    groups = {slug: [q.key for q in t.group_questions()] for slug, t in templates.items()}
    assert groups["t0-kundinnen"] == ["kundengruppe", "altersgruppe", "geschaeftsstelle"]
    assert groups["t0-mitarbeitende"] == ["bereich", "fuehrungsverantwortung", "zugehoerigkeit"]
    assert groups["qualifizierungsbedarf"] == ["bereich"] == groups["bewertungsbogen-20"]
    assert groups["efqm-quick-check"] == []  # the assessment group is too small for breakdowns
    bereich = [c.label.de for c in templates["t0-mitarbeitende"].question("bereich").choices]
    assert bereich == ["Markt und Integration", "Leistung", "Steuerung/Service", "Führung"]
    office = templates["t0-kundinnen"].question("geschaeftsstelle")
    assert office.removable and office.choices_editable and not office.required
    for template in templates.values():
        for q in template.group_questions():
            assert q.type == "single" and not q.required and q.condition is None


def test_customer_templates_have_a_complete_easy_language_variant(
    templates: dict[str, SurveyTemplate],
) -> None:
    for slug in ("t0-kundinnen", "digitale-angebote"):
        template = templates[slug]
        assert template.languages[EASY_LANGUAGE].complete
        assert template.missing_translations == {}
        for text in texts_of(template):
            assert EASY_LANGUAGE in text.values, text.de


def test_digital_offers_ask_obstacles_only_of_those_who_did_not_use_an_offer(
    templates: dict[str, SurveyTemplate],
) -> None:
    template = templates["digitale-angebote"]
    for offer in ("termin", "video", "portal", "email"):
        known, used = template.question(f"{offer}_bekannt"), template.question(f"{offer}_genutzt")
        obstacles, help_wanted = (
            template.question(f"{offer}_hindernisse"),
            template.question(f"{offer}_hilfe"),
        )
        assert known.condition is None
        assert used.condition is not None and used.condition.question == known.key
        assert obstacles.type == "multiple"
        assert obstacles.condition is not None and obstacles.condition.question == used.key
        assert obstacles.condition.values == ("nein",)
        assert any(c.exclusive for c in help_wanted.choices)
    devices = [c.key for c in template.question("geraete").choices]
    assert devices == ["smartphone", "computer", "tablet", "keines"]
    assert template.question("wege_bevorzugt").max_choices == 2


def test_qualification_needs_cover_digital_and_health_topics(templates: dict[str, SurveyTemplate]) -> None:
    template = templates["qualifizierungsbedarf"]
    health = " ".join(s.text.de for s in template.question("bedarf_gesundheit").statements)
    for topic in (
        "Ärztlichen Dienstes",
        "Rehabilitationsbedarfe",
        "gesundheitlichen Einschränkungen",
        "Folgeprozesse",
    ):
        assert topic in health
    digital = " ".join(s.text.de for s in template.question("bedarf_digital").statements)
    for topic in ("jobcenter.digital", "Videoberatung", "E-Akte", "Datenschutz"):
        assert topic in digital
    assert template.question("bedarf_digital").scale.key == "need4"
    assert template.question("lernformate").type == "multiple"


def test_rating_sheet_has_20_statements_along_the_efqm_logic(templates: dict[str, SurveyTemplate]) -> None:
    template = templates["bewertungsbogen-20"]
    statements = [s for q in template.questions() for s in q.statements]
    assert len(statements) == 20
    per_criterion = Counter(s.criterion for s in statements)
    assert set(per_criterion) == {"1", "2", "3", "4", "5", "6", "7"}
    assert [section.key for section in template.sections[:3]] == ["ausrichtung", "realisierung", "ergebnisse"]
    directions = {"ausrichtung": {"1", "2"}, "realisierung": {"3", "4", "5"}, "ergebnisse": {"6", "7"}}
    for section in template.sections[:3]:
        assert {s.criterion for q in section.questions for s in q.statements} == directions[section.key]


def test_quick_check_has_two_questions_per_criterion_on_a_labelled_0_to_5_scale(
    templates: dict[str, SurveyTemplate],
) -> None:
    template = templates["efqm-quick-check"]
    questions = list(template.questions())
    assert len(questions) == 14
    assert Counter(q.criterion for q in questions) == {str(c): 2 for c in range(1, 8)}
    scale = questions[0].scale
    assert [level.value for level in scale.levels] == [0, 1, 2, 3, 4, 5]
    assert "Noch nicht begonnen" in scale.levels[0].label.de
    assert "Vorbildlich, systematisch verbessert" in scale.levels[-1].label.de


def test_staff_t0_survey_follows_the_three_directions(templates: dict[str, SurveyTemplate]) -> None:
    template = templates["t0-mitarbeitende"]
    criteria = {s.criterion for q in template.questions() for s in q.statements}
    assert criteria == {"1", "2", "3", "4", "5", "6", "7"}


def test_scales_are_labelled_five_point_likert_with_keine_angabe() -> None:
    scales = load_scales()
    agree = scales["agree5"]
    assert [level.label.de for level in agree.levels] == [
        "Stimme voll zu", "Stimme eher zu", "Teils, teils", "Stimme eher nicht zu", "Stimme gar nicht zu",
    ]  # fmt: skip
    assert (
        agree.no_answer is not None and agree.no_answer.key == NO_ANSWER_KEY and agree.no_answer.value is None
    )
    assert agree.values() == {"5": 5, "4": 4, "3": 3, "2": 2, "1": 1, "na": None}
    assert [level.value for level in agree.ascending()] == [1, 2, 3, 4, 5]
    assert agree.levels[0].label.get(EASY_LANGUAGE) == "Das stimmt genau."
    assert scales["need4"].levels[0].label.get(EASY_LANGUAGE) == "Hoher Bedarf"  # falls back to German


# --- wording: formal, inclusive, short; Leichte Sprache without abbreviations ---------------

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9»])")
ABBREVIATIONS = re.compile(
    r"\b(z\. ?B\.|bzw\.|ggf\.|usw\.|d\. ?h\.|u\. ?a\.|ca\.|etc\.|inkl\.|evtl\.|Nr\.|o\. ?Ä\.)"
)
INFORMAL = re.compile(r"\b(du|dich|dir|dein|deine|euch|euer|eure)\b", re.IGNORECASE)
NOT_INCLUSIVE = re.compile(
    r"\b(Kunde|Kunden|Mitarbeiter|Kollegen|Berater|Teilnehmer|Ansprechpartner|Nutzer|Bürger)\b"
)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s]


def test_wording_is_formal_inclusive_and_short(templates: dict[str, SurveyTemplate]) -> None:
    for template in templates.values():
        for text in texts_of(template):
            german = text.de
            assert not INFORMAL.search(german), german
            assert not NOT_INCLUSIVE.search(german), german
            for sentence in sentences(german):
                assert len(sentence.split()) <= 22, sentence


def test_easy_language_uses_very_short_sentences_without_abbreviations(
    templates: dict[str, SurveyTemplate],
) -> None:
    checked = 0
    for template in templates.values():
        for text in texts_of(template):
            easy = text.values.get(EASY_LANGUAGE)
            if easy is None:
                continue
            checked += 1
            assert not ABBREVIATIONS.search(easy), easy
            assert ";" not in easy and "(" not in easy, easy
            assert not INFORMAL.search(easy), easy
            for sentence in sentences(easy):
                assert len(sentence.split()) <= 12, sentence
    assert checked > 150


# --- the validator --------------------------------------------------------------------------


def test_minimal_template_is_valid() -> None:
    template = parse_template(minimal())
    assert template.question("warum").condition.values == ("rot",)
    assert template.answer_keys() == ("farbe", "warum")


def test_unknown_fields_and_missing_fields_are_reported_together() -> None:
    data = minimal(colour="red")
    del data["title"]
    data["sections"][0]["questions"][0]["requird"] = True
    found = problems(data)
    assert "unknown field 'colour'" in found
    assert "missing field 'title'" in found
    assert "unknown field 'requird'" in found


def test_duplicate_keys_are_rejected() -> None:
    data = minimal()
    data["sections"][0]["questions"].append(copy.deepcopy(data["sections"][0]["questions"][0]))
    assert "duplicate key 'farbe'" in problems(data)
    data = minimal()
    data["sections"][0]["questions"][0]["choices"].append({"key": "rot", "label": "Nochmal rot"})
    assert "duplicate or reserved key 'rot'" in problems(data)
    data = minimal()
    data["sections"].append(copy.deepcopy(data["sections"][0]))
    data["sections"][1]["questions"] = [{"key": "anderes", "type": "text", "text": "Anderes"}]
    assert "duplicate section key 'teil'" in problems(data)


def test_statement_keys_share_the_namespace_of_question_keys() -> None:
    data = minimal()
    data["sections"][0]["questions"].append(
        {
            "key": "matrix",
            "type": "matrix",
            "scale": "agree5",
            "text": "Aussagen",
            "statements": [{"key": "farbe", "text": "X"}],
        }
    )
    assert "duplicate key 'farbe'" in problems(data)


def test_conditions_must_reference_earlier_questions_and_existing_choices() -> None:
    data = minimal()
    data["sections"][0]["questions"].reverse()
    assert "not an earlier question" in problems(data)
    data = minimal()
    data["sections"][0]["questions"][1]["condition"] = {"question": "farbe", "equals": "gruen"}
    assert "'gruen' is not an answer of 'farbe'" in problems(data)
    data = minimal()
    data["sections"][0]["questions"][1]["condition"] = {"question": "farbe", "equals": "rot", "in": ["blau"]}
    assert "exactly one of" in problems(data)
    data = minimal()
    data["sections"][0]["questions"].append({"key": "zahl", "type": "number", "text": "Zahl"})
    data["sections"][0]["questions"].append(
        {"key": "folge", "type": "text", "text": "Folge", "condition": {"question": "zahl", "equals": "1"}}
    )
    assert "only choices and scales" in problems(data)


def test_matrix_needs_statements_and_a_known_scale() -> None:
    data = minimal()
    data["sections"][0]["questions"].append({"key": "m", "type": "matrix", "scale": "agree5", "text": "M"})
    assert "a matrix needs at least one statement" in problems(data)
    data = minimal()
    data["sections"][0]["questions"].append({"key": "l", "type": "likert", "scale": "agree7", "text": "L"})
    assert "unknown scale 'agree7'" in problems(data)


def test_group_questions_are_optional_single_choice_and_at_most_three() -> None:
    data = minimal()
    question = data["sections"][0]["questions"][0]
    question.update(is_group=True, required=True)
    assert "must be optional" in problems(data)
    data = minimal()
    data["sections"][0]["questions"][1].update(is_group=True)
    found = problems(data)
    assert "must be single choice" in found and "cannot have a condition" in found
    data = minimal()
    for i in range(4):
        data["sections"][0]["questions"].append(
            {"key": f"g{i}", "type": "single", "is_group": True, "text": "G",
             "choices": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}]}
        )  # fmt: skip
    assert "at most 3 group questions" in problems(data)


def test_languages_complete_or_listed_as_missing_with_fallback() -> None:
    data = minimal(languages={"de": {"label": "Deutsch"}, "en": {"label": "English"}})
    data["title"] = {"de": "Probe", "en": "Trial"}
    template = parse_template(data)
    assert template.title.get("en") == "Trial"
    assert template.question("farbe").text.get("en") == "Farbe?"  # German fallback
    assert "sections[teil]/farbe.text" in template.missing_translations["en"]
    assert "sections[teil]/farbe/rot.label" in template.missing_translations["en"]
    data["languages"]["en"]["complete"] = True
    assert "has no 'en' text, but that language is marked complete" in problems(data)
    data = minimal(title={"de": "Probe", "fr": "Essai"})
    assert "language 'fr' is not declared" in problems(data)
    assert "needs a German text" in problems(minimal(title={"en": "Trial"}))


def test_other_value_checks() -> None:
    data = minimal()
    data["sections"][0]["questions"].append({"key": "n", "type": "number", "text": "N", "min": 5, "max": 1})
    assert "min must not be greater than max" in problems(data)
    data = minimal()
    data["sections"][0]["questions"].append(
        {"key": "mc", "type": "multiple", "text": "MC", "max_choices": 5,
         "choices": [{"key": "a", "label": "A"}, {"key": "b", "label": "B"}]}
    )  # fmt: skip
    assert "max_choices" in problems(data)
    data = minimal()
    data["sections"][0]["questions"][0]["choices"][0]["exclusive"] = True
    assert "only for multiple choice" in problems(data)
    data = minimal()
    data["sections"][0]["questions"][0]["criterion"] = "8"
    assert "criterion '8'" in problems(data)
    assert "must be one of" in problems(minimal(audience="everyone"))
    assert "lower-case words" in problems(minimal(slug="Probe Umfrage"))


def test_built_in_template_files_are_tidy_json() -> None:
    for path in builtin_template_paths():
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["slug"] == path.stem
        assert data["format"] == 1

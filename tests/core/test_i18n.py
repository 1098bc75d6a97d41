"""Texts of the pure modules: English source strings, German through the catalogue at the boundary.

The German expectations are the texts the pure modules produced before they switched to English sources.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from kosmos.assessments.domain.balance import check_balance
from kosmos.assessments.domain.composition import CompositionRules, Member, check_composition
from kosmos.assessments.domain.scoring import (
    MATURITY_1_5,
    RECOGNITION_LEVELS,
    calibration_hints,
    maturity_note,
)
from kosmos.assessments.domain.timeline import PLANS, TimelineError, plan_timeline
from kosmos.core.domain.i18n import Message, gettext_noop, message, ngettext_noop, plural_message
from kosmos.core.hints import Hint
from kosmos.core.i18n import translate, translate_hint
from kosmos.improvement.domain.smart import LETTERS, check_smart
from kosmos.surveys.domain.conditions import clean_submission, describe_condition
from kosmos.surveys.domain.templates import EASY_LANGUAGE, load_template

NAMES = {"1": "Zweck, Vision und Strategie", "2": "Organisationskultur und Organisationsführung", "3": "Interessengruppen"}


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


def test_a_message_renders_in_english_without_the_django_layer():
    inner = message(gettext_noop("Criterion %(code)s"), code="4")
    text = message(gettext_noop("%(criterion)s: %(words)s"), criterion=inner, words=[inner, "x"])

    assert str(text) == "Criterion 4: Criterion 4, x"
    assert str(message(gettext_noop("100 % without parameters"))) == "100 % without parameters"


def test_a_plural_message_picks_its_form_by_count():
    forms = ngettext_noop("%(count)s question", "%(count)s questions")

    assert [str(plural_message(forms, n)) for n in (0, 1, 2)] == ["0 questions", "1 question", "2 questions"]
    assert [translate(plural_message(forms, n)) for n in (1, 7)] == ["1 Frage", "7 Fragen"]


def test_translate_hint_keeps_code_severity_and_subject():
    hint = Hint("x", message(gettext_noop("Criterion %(code)s"), code="2"), severity="info", subject="2")

    assert translate_hint(hint) == Hint("x", "Kriterium 2", severity="info", subject="2")


def test_balance_hints_read_as_before_in_german():
    report = check_balance(["1", "1", "1", "2", "9"], "workshop", criteria=NAMES)

    assert [translate(h.message) for h in report.hints] == [
        "Einige Fragen gehören zu keinem Kriterium des Modells: 9.",
        "Kriterium 3 „Interessengruppen“ ist im Fragenset nicht vertreten. "
        "Für eine ganzheitliche Betrachtung sollte jedes Kriterium Fragen enthalten.",
        "Kriterium 1 „Zweck, Vision und Strategie“: nur 3 Fragen. Empfohlen sind 4 bis 6 je Kriterium.",
        "Kriterium 2 „Organisationskultur und Organisationsführung“: nur 1 Frage. Empfohlen sind 4 bis 6 je Kriterium.",
        "Das Fragenset umfasst 5 Fragen. Für die Workshopmethode haben sich rund 15 Fragen bewährt (mindestens 12).",
    ]


def test_composition_hints_read_as_before_in_german():
    rules = CompositionRules(criteria=NAMES, leadership_criteria=("1", "2"), results_criteria=())
    group = [Member(gender="w", level="fuehrung", criteria=frozenset({"3"})) for _ in range(9)]

    assert [translate(h.message) for h in check_composition(group, rules)] == [
        "Alle Mitglieder mit Angabe zum Geschlecht sind weiblich. "
        "Achten Sie auf eine möglichst paritätische Besetzung der Bewertungsgruppe.",
        "Alle Mitglieder gehören derselben Hierarchieebene an (Führungsebene). Eine Gruppe aus mehreren Ebenen – "
        "Leitung, Führungskräfte und Mitarbeitende – bewertet ausgewogener und verringert Verzerrungen.",
        "Für Kriterium 1 „Zweck, Vision und Strategie“ ist niemand in der Gruppe sprachfähig. "
        "Gewinnen Sie ein Mitglied, das dazu fachkundig Auskunft geben kann.",
        "Für Kriterium 2 „Organisationskultur und Organisationsführung“ ist niemand in der Gruppe sprachfähig. "
        "Gewinnen Sie ein Mitglied, das dazu fachkundig Auskunft geben kann.",
        "Kein Mitglied der Leitungsebene deckt die Kriterien 1 „Zweck, Vision und Strategie“ und "
        "2 „Organisationskultur und Organisationsführung“ ab. "
        "Die strategische Führungsebene sollte an der Bewertung der Ausrichtung beteiligt sein.",
    ]


def test_scoring_texts_read_as_before_in_german():
    assert translate(maturity_note(MATURITY_1_5)) == (
        "Umrechnung: Die Antworten auf der Skala 1 bis 5 wurden in Prozent umgerechnet ((Stufe − 1) × 25; "
        "Stufe 1 = 0 %, Stufe 3 = 50 %, Stufe 5 = 100 %). Mittelwerte wurden auf volle 5 % gerundet. "
        "So erscheint das Ergebnis in derselben Darstellung wie eine ausführliche Selbstbewertung. "
        "Es ist eine erste, subjektive Einschätzung und keine Bewertung nach RADAR."
    )
    assert translate(RECOGNITION_LEVELS[0].label) == "EFQM-Anerkennungsstufe mit 3 Sternen"
    assert translate(RECOGNITION_LEVELS[0].description) == (
        "Referenzstufe ab 300 Punkten. "
        "Nur zur Orientierung: Eine Selbstbewertung ersetzt keine Begutachtung durch EFQM-Assessor:innen."
    )
    assert translate(calibration_hints(520, first_assessment=True)[0].message).startswith(
        "Für eine erste Selbstbewertung ist das Ergebnis von 520 Punkten sehr hoch. "
        "Erste Selbstbewertungen fallen erfahrungsgemäß zu günstig aus. Zum Vergleich: Organisationen, die sich "
        "weltweit um eine Auszeichnung bewerben, erreichen etwa 700 bis 800 Punkte. Prüfen Sie"
    )


def test_timeline_texts_read_as_before_in_german():
    workshop = PLANS["workshop"]
    assert translate(workshop.milestones[0].title) == "Vorgespräch mit der Geschäftsführung"
    assert translate(workshop.milestones[3].participants) == "Bewertungsgruppe"
    with pytest.raises(TimelineError) as raised:
        plan_timeline("workshop", dt.date(2025, 3, 3), 7)
    assert translate(raised.value.message) == "Für die Workshopmethode sind 8 bis 12 Wochen vorgesehen, nicht 7."


def test_smart_texts_read_as_before_in_german():
    result = check_smart(
        "Möglichst alle Anträge bearbeiten", owner="Alle", due=dt.date(2025, 5, 1), indicator="x",
        today=dt.date(2025, 6, 1),
    )

    assert [translate(v) for v in LETTERS.values()] == [
        "Spezifisch", "Messbar", "Attraktiv/Akzeptiert", "Realistisch", "Terminiert",
    ]
    assert [translate(h.message) for h in result.hints] == [
        "Das Ziel ist sehr knapp. Beschreiben Sie genauer, was sich für wen und wo ändern soll.",
        "Unbestimmte Wörter machen das Ziel unklar („möglichst“). Formulieren Sie eindeutig.",
        "Nennen Sie einen Zielwert, etwa eine Anzahl, eine Quote oder eine Dauer (z. B. „von 20 % auf 35 %“).",
        "„Alle“ ist keine eindeutige Verantwortung. Benennen Sie eine Person oder Rolle.",
        "Sagen Sie, wozu das Ziel dient (z. B. „…, damit Kund:innen schneller einen Termin erhalten“). "
        "Ein sichtbarer Nutzen schafft Akzeptanz.",
        "Absolute Ziele („alle“) sind selten erreichbar. Prüfen Sie, ob das Ziel realistisch ist.",
        "Der Termin (01.05.2025) liegt in der Vergangenheit. Legen Sie einen neuen Termin fest.",
    ]


def test_survey_texts_read_as_before_in_german():
    digital = load_template("digitale-angebote")
    customers = load_template("t0-kundinnen")
    condition = describe_condition(digital, digital.question("termin_genutzt"))
    many = describe_condition(customers, customers.question("digital_einfach"))
    errors = clean_submission(digital, {"wege_bevorzugt": ["vor_ort", "telefon", "brief"]}).errors

    assert isinstance(condition, Message)
    assert translate(condition) == (
        "Nur beantworten, wenn Sie bei »Wussten Sie, dass Sie Termine beim Jobcenter online vereinbaren können?« "
        "die Antwort »Ja« gewählt haben."
    )
    assert "eine dieser Antworten gewählt haben: »" in translate(many) and "»Videoberatung«" in translate(many)
    assert describe_condition(digital, digital.question("termin_genutzt"), EASY_LANGUAGE) == (
        "Diese Frage ist nur für Sie, wenn Sie vorher »Ja, das wusste ich.« gewählt haben."
    )
    assert translate(errors["wege_bevorzugt"]) == "Bitte wählen Sie höchstens 2 Antworten."

"""Every finding rule with positive and negative examples."""

from __future__ import annotations

import pytest

from kosmos.language.analysis import Glossary, analyse


def rules_of(text: str, text_type: str = "brief", glossary: Glossary | None = None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in analyse(text, text_type, glossary).findings:
        assert text[f.start : f.end] == f.text
        assert f.message and f.suggestion
        for rule in f.rules:  # a merged finding speaks for every rule that flags its place
            out.setdefault(rule, []).append(f.text)
    return out


# (rule, text that must produce it, matched text or None, text that must not produce it)
CASES: list[tuple[str, str, str | None, str]] = [
    (
        "long_sentence",
        "Wir haben Ihren Antrag auf Bürgergeld vom 3. Februar mit allen Unterlagen und Nachweisen sorgfältig "
        "geprüft und dabei festgestellt, dass für die Bewilligung noch einige wichtige Angaben zu Ihrem Einkommen fehlen.",
        None,
        "Wir haben Ihren Antrag geprüft. Es fehlen noch Angaben zu Ihrem Einkommen.",
    ),
    (
        "nested_sentence",
        "Sie bekommen Geld, wenn Sie den Antrag stellen, den wir Ihnen schicken, weil Sie es brauchen.",
        None,
        "Sie bekommen Geld, wenn Sie den Antrag stellen.",
    ),
    # The passive finding marks the participle whose agent is hidden (issue 16: one word, no double marks).
    ("passive", "Ihr Antrag wird geprüft.", "geprüft", "Wir prüfen Ihren Antrag."),
    ("passive", "Der Bescheid wurde Ihnen zugeschickt.", "zugeschickt", "Wir werden Ihnen Geld geben."),
    (
        "nominal_style",
        "Die Durchführung der Überprüfung der Bedürftigkeit erfolgt nach Vorlage der Bescheinigung.",
        None,
        "Wir prüfen, ob Sie Hilfe brauchen.",
    ),
    ("function_verb", "Wir bringen die Regel zur Anwendung.", "bringen die Regel zur Anwendung", "Wir wenden die Regel an."),
    ("function_verb", "Bitte setzen Sie uns in Kenntnis.", "setzen Sie uns in Kenntnis", "Bitte informieren Sie uns."),
    ("officialese", "Bezüglich Ihres Antrags melden wir uns.", "Bezüglich", "Zu Ihrem Antrag melden wir uns."),
    ("officialese", "Bitte übersenden Sie uns die Unterlagen.", "übersenden", "Bitte schicken Sie uns die Unterlagen."),
    ("abbreviation", "Bitte bringen Sie ggf. Ihren Ausweis mit.", "ggf.", "Bitte bringen Sie Ihren Ausweis mit."),
    ("abbreviation", "Das regelt das SGB.", "SGB", "Das regelt das Sozialgesetzbuch (SGB)."),
    (
        "legal_reference",
        "Nach § 31 Abs. 1 SGB II und § 32 SGB II wird das Geld gemindert.",
        "§ 31 Abs. 1 SGB II und § 32 SGB II",
        "Das steht in § 32 SGB II.",
    ),
    ("legal_abbreviation", "Das steht in § 60 Abs. 1 SGB I.", "§ 60 Abs. 1 SGB I", "Das steht in Paragraf 60 im Sozialgesetzbuch."),
    ("foreign_word", "Bitte geben Sie uns Feedback.", "Feedback", "Bitte geben Sie uns eine Rückmeldung."),
    ("foreign_word", "Das gilt de facto für alle.", "de facto", "Das gilt tatsächlich für alle."),
    ("rare_word", "Die Wohnung braucht eine Kernlochbohrung.", "Kernlochbohrung", "Die Wohnung ist groß."),
    ("impersonal_address", "Man muss den Antrag unterschreiben.", "Man", "Sie müssen den Antrag unterschreiben."),
    (
        "impersonal_address",
        "Der/die Antragsteller:in muss unterschreiben.",
        "Der/die Antragsteller:in",
        "Bitte unterschreiben Sie hier.",
    ),
    (
        "commanding_tone",
        "Sie haben die Unterlagen bis zum 1. Mai vorzulegen.",
        "haben die Unterlagen bis zum 1. Mai vorzulegen",
        "Sie haben das Recht, Widerspruch einzulegen.",
    ),
    ("commanding_tone", "Die Teilnahme ist zwingend erforderlich.", "ist zwingend erforderlich", "Die Teilnahme hilft Ihnen."),
    ("pressure_word", "Melden Sie sich unverzüglich.", "unverzüglich", "Melden Sie sich bitte bis zum 3. Mai."),
    ("threatening_tone", "Andernfalls müssen Sie mit Konsequenzen rechnen.", "Andernfalls", "Wenn Sie nicht kommen, kürzen wir das Bürgergeld um 10 Prozent."),
    ("negation", "Das ist nicht unwichtig.", "nicht unwichtig", "Das ist wichtig."),
    ("negation", "Wir können nicht zahlen, weil kein Antrag und keine Unterschrift vorliegt.", None, "Wir können nicht zahlen."),
]


@pytest.mark.parametrize(("rule", "positive", "matched", "negative"), CASES)
def test_rule_positive_and_negative(rule: str, positive: str, matched: str | None, negative: str) -> None:
    found = rules_of(positive)
    assert rule in found, found
    if matched is not None:
        assert matched in found[rule]
    assert rule not in rules_of(negative)


def test_every_rule_has_cases() -> None:
    from kosmos.language.analysis.findings import RULE_LABELS

    covered = {c[0] for c in CASES} | {"glossary_avoid", "glossary_preferred", "glossary_explain"}
    assert covered == set(RULE_LABELS)


GLOSSARY = Glossary.from_data(
    {
        "preferred": [{"term": "Kooperationsplan", "variants": ["Eingliederungsvereinbarung"]}],
        "avoid": [{"term": "Kunde", "replacement": "Sie"}],
        "explain": [{"term": "Bedarfsgemeinschaft", "explanation": "alle Menschen in Ihrem Haushalt"}],
    }
)


def test_glossary_avoid() -> None:
    # "Der Kunde" is also impersonal address: one merged finding over both spans (issue 16).
    assert rules_of("Der Kunde bekommt Post.", glossary=GLOSSARY)["glossary_avoid"] == ["Der Kunde"]
    assert "glossary_avoid" not in rules_of("Sie bekommen Post.", glossary=GLOSSARY)


def test_glossary_preferred() -> None:
    found = rules_of("Wir schließen eine Eingliederungsvereinbarung.", glossary=GLOSSARY)
    assert found["glossary_preferred"] == ["Eingliederungsvereinbarung"]
    assert "glossary_preferred" not in rules_of("Wir machen einen Kooperationsplan.", glossary=GLOSSARY)


def test_glossary_explain() -> None:
    assert rules_of("Ihre Bedarfsgemeinschaft bekommt Geld.", glossary=GLOSSARY)["glossary_explain"] == [
        "Bedarfsgemeinschaft"
    ]
    explained = "Ihre Bedarfsgemeinschaft bekommt Geld. Das sind alle Menschen in Ihrem Haushalt."
    assert "glossary_explain" not in rules_of(explained, glossary=GLOSSARY)


def test_no_glossary_no_glossary_findings() -> None:
    found = rules_of("Der Kunde schließt eine Eingliederungsvereinbarung.")
    assert not {"glossary_avoid", "glossary_preferred", "glossary_explain"} & set(found)


def test_glossary_terms_are_not_rare_words() -> None:
    g = Glossary.from_data({"preferred": [{"term": "Kernlochbohrung"}]})
    assert "rare_word" not in rules_of("Die Wohnung braucht eine Kernlochbohrung.", glossary=g)


def test_glossary_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError):
        Glossary.from_data({"verboten": ["Kunde"]})


def test_leichte_sprache_is_stricter() -> None:
    text = "Sie bekommen jeden Monat Geld vom Jobcenter für Ihre Miete und für das Essen."
    assert "long_sentence" not in rules_of(text, "brief")
    assert "long_sentence" in rules_of(text, "leicht")
    abbr = "Sie bekommen z. B. Geld."
    brief = [f for f in analyse(abbr, "brief").findings if f.rule == "abbreviation"]
    leicht = [f for f in analyse(abbr, "leicht").findings if f.rule == "abbreviation"]
    assert brief == [] and leicht[0].severity == "warnung"


def test_officialese_list_has_at_least_150_entries() -> None:
    from kosmos.language.analysis.data.officialese import OFFICIALESE

    assert len(OFFICIALESE) >= 150
    assert len({p for p, _ in OFFICIALESE}) == len(OFFICIALESE)
    assert all(alt for _, alt in OFFICIALESE)


def test_long_sentence_severity_grows_with_length() -> None:
    words = " ".join(["Wort"] * 40)
    f = [x for x in analyse(f"Das {words} ist lang.").findings if x.rule == "long_sentence"][0]
    assert f.severity == "kritisch"

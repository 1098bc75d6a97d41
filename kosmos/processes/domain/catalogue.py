"""The template catalogue: process maps a Jobcenter can adopt as its local process (pure data).

The texts are German content (like the demo data), not interface strings. Actor keys: ``jc``
Jobcenter, ``aa`` Agentur für Arbeit, ``traeger`` Bildungsträger, ``kunde`` Kund:in, ``it`` IT.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Template:
    key: str
    title: str
    summary: str
    data: dict[str, Any]


def _step(key: str, title: str, actor: str, what: str, *, legal: str = "", input: str = "", output: str = "",
          handover: str = "", deadline: str = "", r: str = "", a: str = "", c: tuple[str, ...] = (),
          i: tuple[str, ...] = (), next: tuple[str, ...] = (), friction: str = "", questions: str = "",
          notes: str = "") -> dict[str, Any]:
    return {
        "key": key, "title": title, "actor": actor, "what": what, "legal_basis": legal, "input": input,
        "output": output, "handover_to": handover, "deadline": deadline, "next": list(next),
        "raci": {"r": r or actor, "a": a or actor, "c": list(c), "i": list(i)},
        "notes": notes, "open_questions": questions, "friction": friction, "deviation": "", "contacts": [],
    }


FBW_ACTORS = [
    {"key": "kunde", "organisation": "Kund:in", "unit": "", "kind": "customer"},
    {"key": "jc", "organisation": "Jobcenter", "unit": "Integrationsfachkraft", "kind": "jobcenter"},
    {"key": "aa", "organisation": "Agentur für Arbeit", "unit": "Beratung und Förderung (FbW)", "kind": "agency"},
    {"key": "traeger", "organisation": "Bildungsträger", "unit": "", "kind": "provider"},
]
FBW_LEGAL = "§ 16 Abs. 3a SGB II i. V. m. §§ 81 ff. SGB III"

FBW_STEPS = [
    _step("bedarf", "Weiterbildungsbedarf erkennen", "jc",
          "Die Integrationsfachkraft stellt im Beratungsgespräch einen Weiterbildungsbedarf fest und dokumentiert ihn.",
          legal="§ 16 Abs. 3a SGB II", input="Profiling, Kooperationsplan", output="Vermerk Weiterbildungsbedarf",
          c=("kunde",)),
    _step("eignung", "Motivation und Eignung klären", "jc",
          "Interesse, Ziel und Rahmenbedingungen (Kinderbetreuung, Mobilität, Sprache) werden mit der Kund:in geklärt.",
          input="Vermerk Weiterbildungsbedarf", output="Aktualisierter Kooperationsplan", c=("kunde",),
          deadline="2 Wochen"),
    _step("zuweisung", "An die Agentur für Arbeit überweisen", "jc",
          "Das Jobcenter übermittelt die Überweisung mit den Unterlagen an das zuständige Team der Agentur.",
          legal=FBW_LEGAL, input="Kooperationsplan", output="Überweisung mit Unterlagen", handover="aa",
          deadline="5 Arbeitstage", i=("kunde",),
          friction="Unterschiedliche Formulare und Postfächer: Überweisungen gehen verloren oder kommen doppelt an."),
    _step("eingang", "Eingang bestätigen", "aa",
          "Die Agentur bestätigt den Eingang und nennt dem Jobcenter die zuständige Beratungsfachkraft.",
          input="Überweisung", output="Eingangsbestätigung", handover="jc", deadline="3 Arbeitstage"),
    _step("termin", "Beratungstermin vereinbaren", "aa",
          "Die Agentur lädt die Kund:in zur Weiterbildungsberatung ein.", output="Einladung", handover="kunde",
          deadline="2 Wochen", i=("jc",)),
    _step("beratung", "Weiterbildungsberatung", "aa",
          "Beratung zu Bildungsziel, Maßnahmen, Weiterbildungsgeld und -prämie.", legal="§ 81 SGB III",
          output="Beratungsvermerk", c=("kunde", "jc"),
          questions="Wer nimmt an der Beratung teil, wenn die Kund:in es wünscht – auch das Jobcenter?"),
    _step("pruefung", "Fördervoraussetzungen prüfen", "aa",
          "Die Agentur prüft die Fördervoraussetzungen und die Notwendigkeit der Weiterbildung.",
          legal="§§ 81, 82 SGB III", next=("gutschein", "ablehnung")),
    _step("ablehnung", "Ablehnung mitteilen", "aa",
          "Die Agentur teilt die Ablehnung mit Begründung mit und informiert das Jobcenter.",
          output="Bescheid, Information an das Jobcenter", handover="jc", deadline="unverzüglich",
          i=("jc", "kunde"), next=("end",)),
    _step("gutschein", "Bildungsgutschein ausstellen", "aa",
          "Die Agentur stellt den Bildungsgutschein aus und informiert das Jobcenter.", legal="§ 81 Abs. 4 SGB III",
          output="Bildungsgutschein", handover="kunde", deadline="unverzüglich", i=("jc",),
          friction="Das Jobcenter erfährt von der Bewilligung oft erst durch die Kund:in."),
    _step("anmeldung", "Beim Bildungsträger anmelden", "kunde",
          "Die Kund:in löst den Bildungsgutschein bei einem zugelassenen Träger ein.", input="Bildungsgutschein",
          output="Anmeldung", handover="traeger", deadline="3 Monate", r="kunde", a="kunde"),
    _step("bewilligung", "Maßnahme bewilligen und Leistungen zahlen", "aa",
          "Die Agentur bewilligt die Kosten der Maßnahme, zahlt Weiterbildungsgeld und Prämien.",
          legal="§§ 83 ff. SGB III", output="Bewilligungsbescheid", handover="jc", deadline="unverzüglich",
          i=("jc", "traeger")),
    _step("begleitung", "Während der Weiterbildung begleiten", "jc",
          "Das Jobcenter bleibt für die Integration zuständig und hält Kontakt zu Kund:in und Träger.",
          legal="§ 16 Abs. 3a SGB II", c=("traeger", "kunde")),
    _step("abbruch", "Abbruch oder Fehlzeiten melden", "traeger",
          "Der Träger meldet Fehlzeiten und einen drohenden Abbruch an Agentur und Jobcenter.",
          output="Meldung", handover="aa", deadline="unverzüglich", i=("jc",),
          friction="Meldungen gehen nur an die Agentur; das Jobcenter erfährt zu spät davon."),
    _step("abschluss", "Abschluss melden", "traeger",
          "Der Träger meldet den Abschluss (Zeugnis, Prüfungsergebnis).", output="Teilnahmebescheinigung",
          handover="jc", deadline="2 Wochen", i=("aa",)),
    _step("absolventen", "Absolvent:innen vermitteln", "jc",
          "Das Jobcenter unterstützt die Arbeitsaufnahme (Absolventenmanagement) und informiert die Agentur "
          "über das Ergebnis.", legal="§ 16 SGB II", output="Vermittlungsergebnis", i=("aa",), next=("end",)),
]

REHA_STEPS = [
    _step("bedarf", "Reha-Bedarf erkennen", "jc",
          "Die Integrationsfachkraft erkennt Anhaltspunkte für einen Bedarf an beruflicher Rehabilitation.",
          legal="§ 6a SGB IX", output="Vermerk", c=("kunde",)),
    _step("antrag", "Antrag auf Teilhabe weiterleiten", "jc",
          "Das Jobcenter leitet den Antrag an die Agentur als Rehabilitationsträger weiter.",
          legal="§ 14 SGB IX", output="Antrag mit Unterlagen", handover="aa", deadline="2 Wochen"),
    _step("teilhabeplan", "Teilhabeplanverfahren", "aa",
          "Die Agentur stellt den Reha-Bedarf fest und erstellt den Teilhabeplan; das Jobcenter wird beteiligt.",
          legal="§ 19 SGB IX", output="Teilhabeplan", handover="jc", deadline="6 Wochen", c=("jc", "kunde")),
    _step("eingliederungsvorschlag", "Eingliederungsvorschlag", "aa",
          "Die Agentur unterbreitet dem Jobcenter einen Eingliederungsvorschlag.", legal="§ 6a SGB IX",
          output="Eingliederungsvorschlag", handover="jc", deadline="unverzüglich"),
    _step("entscheidung", "Über Leistungen entscheiden", "jc",
          "Das Jobcenter entscheidet über die Leistungen zur Teilhabe am Arbeitsleben.", legal="§ 16 SGB II",
          output="Bescheid", handover="kunde", i=("aa",)),
    _step("begleitung", "Während der Maßnahme begleiten", "jc",
          "Das Jobcenter begleitet die Kund:in während der Maßnahme.", c=("traeger",), next=("end",)),
]

DIGITAL_ACTORS = [
    {"key": "jc", "organisation": "Jobcenter", "unit": "Qualitätsmanagement", "kind": "jobcenter"},
    {"key": "fach", "organisation": "Jobcenter", "unit": "Fachbereich", "kind": "jobcenter"},
    {"key": "it", "organisation": "Kommunale IT", "unit": "Fachdienst IT", "kind": "it"},
    {"key": "kunde", "organisation": "Kund:in", "unit": "", "kind": "customer"},
]

DIGITAL_STEPS = [
    _step("idee", "Bedarf für ein digitales Angebot beschreiben", "fach",
          "Der Fachbereich beschreibt, welches Anliegen der Kund:innen digital erledigt werden soll.",
          output="Bedarfsbeschreibung", handover="jc", c=("kunde",)),
    _step("soll", "Soll-Prozess beschreiben", "jc",
          "Qualitätsmanagement und Fachbereich beschreiben den Soll-Prozess Schritt für Schritt.",
          output="Soll-Prozess", handover="it", deadline="4 Wochen", c=("fach", "it")),
    _step("machbarkeit", "Technische Machbarkeit prüfen", "it",
          "Die IT prüft Datenschutz, Schnittstellen und Betrieb.", legal="Art. 35 DSGVO",
          output="Stellungnahme", handover="jc", deadline="4 Wochen", c=("jc",)),
    _step("umsetzen", "Umsetzen und testen", "it",
          "Die IT setzt das Angebot um; Kund:innen testen es.", output="Testbericht", handover="fach",
          c=("kunde", "fach"), next=("freigabe",)),
    _step("freigabe", "Freigeben", "jc", "Die Leitung gibt das Angebot frei.", output="Freigabe",
          next=("einfuehren", "umsetzen")),
    _step("einfuehren", "Einführen und auswerten", "fach",
          "Das Angebot wird eingeführt; die Nutzung wird nach drei Monaten ausgewertet.",
          output="Auswertung", i=("it", "jc"), next=("end",)),
]

TEMPLATES: tuple[Template, ...] = (
    Template("fbw-2025", "FbW-Übergang ab 1. Januar 2025",
             "Weiterbildungsbedarf erkennen → Überweisung → Beratung und Bewilligung durch die Agentur für Arbeit → "
             "Begleitung während der Weiterbildung → Absolventenmanagement.",
             {"actors": FBW_ACTORS, "steps": FBW_STEPS}),
    Template("reha-2025", "Berufliche Rehabilitation (Teilhabe) ab 2025",
             "Reha-Bedarf erkennen → Antrag → Teilhabeplanverfahren der Agentur → Eingliederungsvorschlag → "
             "Entscheidung und Begleitung durch das Jobcenter.",
             {"actors": FBW_ACTORS, "steps": REHA_STEPS}),
    Template("digital-it", "Digitales Angebot mit der IT einführen",
             "Soll-Prozess gemeinsam mit der kommunalen IT beschreiben, umsetzen, freigeben und auswerten.",
             {"actors": DIGITAL_ACTORS, "steps": DIGITAL_STEPS}),
)


def template(key: str) -> Template | None:
    return next((t for t in TEMPLATES if t.key == key), None)

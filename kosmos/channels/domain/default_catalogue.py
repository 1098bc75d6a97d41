"""The platform's default maturity catalogue for communication channels, as data.

Built from the third wave's key message 3 (channels need a strategy, clear standards,
integration with processes, data protection, and enabled staff and customers) and the public
maturity models (OZG-Reifegradmodell, ÖGD-Reifegradmodell, DigiMeter, W3C Accessibility
Maturity Model). The texts are German user content (catalogue data, editable by every
organisation in its own copy), written in plain language and checked with the platform's own
language checker (``tests/channels/test_catalogue_texts.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChannelData:
    key: str
    name: str
    description: str
    digital: bool


@dataclass(frozen=True)
class DimensionData:
    key: str
    name: str
    question: str
    levels: tuple[tuple[str, str], ...]  # (description, typical evidence) for level 0..4
    recommendations: tuple[str, ...]  # what helps to reach level 1..4


NAME = "Reifegrad-Check Kommunikationskanäle (Standard)"

CHANNELS: tuple[ChannelData, ...] = (
    ChannelData("telefon", "Telefon", "Service-Center und Durchwahlen der Teams.", False),
    ChannelData("email", "E-Mail", "E-Mail an Teams und Funktionspostfächer.", True),
    ChannelData("email-verschluesselt", "Verschlüsselte E-Mail",
                "E-Mail mit Verschlüsselung, zum Beispiel über ein sicheres Postfach.", True),
    ChannelData("video", "Videoberatung", "Beratung per Video statt vor Ort.", True),
    ChannelData("portal", "Online-Portal (jobcenter.digital)",
                "Anträge, Nachweise und Nachrichten im Portal jobcenter.digital.", True),
    ChannelData("online-termine", "Online-Terminvereinbarung", "Kund:innen buchen Termine selbst online.", True),
    ChannelData("chat", "Chat und Messenger", "Chat auf der Website oder ein Messenger-Dienst.", True),
    ChannelData("brief", "Briefe", "Briefe, Bescheide und Einladungen auf Papier.", False),
    ChannelData("eingangszone", "Eingangszone", "Persönlicher Kontakt ohne Termin am Empfang.", False),
)

_LEVEL_0 = ("Es gibt dazu noch nichts.", "Keine.")

DIMENSIONS: tuple[DimensionData, ...] = (
    DimensionData(
        "strategie", "Strategie und Ziele",
        "Wissen alle, wozu es den Kanal gibt und was er erreichen soll?",
        (
            _LEVEL_0,
            ("Einzelne Personen haben Ideen für den Kanal. Es gibt keine gemeinsamen Ziele.",
             "Notizen aus Besprechungen."),
            ("Die Leitung hat Ziele für den Kanal beschlossen. Sie sind aber kaum bekannt.",
             "Beschluss der Leitung."),
            ("Die Ziele stehen in der Kanal-Strategie. Die Teams kennen sie und arbeiten danach.",
             "Kanal-Strategie, Zielvereinbarung."),
            ("Wir prüfen die Ziele jedes Jahr und passen sie an. Kund:innen reden dabei mit.",
             "Protokoll der jährlichen Prüfung, Ergebnisse einer Befragung."),
        ),
        (
            "Sammeln Sie Ideen für den Kanal in einer kleinen Runde.",
            "Lassen Sie die Leitung zwei bis drei klare Ziele beschließen.",
            "Schreiben Sie die Ziele in eine kurze Strategie und stellen Sie sie allen Teams vor.",
            "Prüfen Sie die Ziele einmal im Jahr. Fragen Sie dabei auch Kund:innen.",
        ),
    ),
    DimensionData(
        "standards", "Standards und Service-Versprechen",
        "Gibt es klare Regeln, zum Beispiel zur Erreichbarkeit und zur Antwortzeit?",
        (
            _LEVEL_0,
            ("Jedes Team macht es anders. Es gibt keine festen Regeln.", "Keine."),
            ("Es gibt Regeln für Erreichbarkeit und Antwortzeit. Nicht alle halten sich daran.",
             "Dienstanweisung oder Leitfaden."),
            ("Alle Teams halten die Regeln ein. Wir sagen den Kund:innen, was sie erwarten können.",
             "Service-Versprechen auf der Website."),
            ("Wir messen, ob wir die Versprechen halten. Wir verbessern uns laufend.",
             "Auswertung der Antwortzeiten."),
        ),
        (
            "Schreiben Sie auf, wie schnell Sie antworten wollen und wann Sie erreichbar sind.",
            "Sorgen Sie dafür, dass alle Teams die Regeln kennen und einhalten.",
            "Machen Sie die Regeln als Service-Versprechen für Kund:innen sichtbar.",
            "Messen Sie regelmäßig, ob Sie Ihre Versprechen halten.",
        ),
    ),
    DimensionData(
        "integration", "Einbindung in Abläufe und IT",
        "Passt der Kanal zu den Arbeitsabläufen und zur Technik?",
        (
            _LEVEL_0,
            ("Der Kanal läuft neben den Abläufen her. Vieles wird doppelt erfasst.", "Keine."),
            ("Einige Abläufe sind angepasst. Oft muss man noch Daten von Hand übertragen.",
             "Beschreibung der Abläufe."),
            ("Die Abläufe sind für den Kanal gemacht. Daten gehen ohne Brüche in die Fachverfahren.",
             "Prozesslandkarte, Schnittstelle."),
            ("Der Kanal ist voll eingebunden. Wir verbessern Abläufe und Technik gemeinsam.",
             "Bericht über Verbesserungen."),
        ),
        (
            "Zeichnen Sie auf, wie Anliegen aus dem Kanal heute bearbeitet werden.",
            "Passen Sie die wichtigsten Abläufe an und vermeiden Sie doppelte Arbeit.",
            "Verbinden Sie den Kanal mit den Fachverfahren, damit Daten ohne Brüche fließen.",
            "Verbessern Sie Abläufe und Technik regelmäßig in einem festen Team.",
        ),
    ),
    DimensionData(
        "datenschutz", "Datenschutz und Sicherheit",
        "Sind die Daten der Kund:innen im Kanal sicher?",
        (
            _LEVEL_0,
            ("Datenschutz ist für den Kanal noch nicht geprüft.", "Keine."),
            ("Der Datenschutz ist geprüft. Es gibt noch offene Punkte.", "Prüfbericht mit offenen Punkten."),
            ("Alle Punkte sind geklärt. Die Teams wissen, was sie dürfen.", "Freigabe durch den Datenschutz."),
            ("Wir prüfen den Datenschutz regelmäßig. Wir lernen aus Vorfällen.",
             "Plan der Prüfungen, Auswertung von Vorfällen."),
        ),
        (
            "Lassen Sie den Kanal vom Datenschutz prüfen.",
            "Klären Sie alle offenen Punkte aus der Prüfung.",
            "Schreiben Sie einfache Regeln für die Teams auf und schulen Sie sie.",
            "Planen Sie feste Prüfungen und werten Sie Vorfälle aus.",
        ),
    ),
    DimensionData(
        "befaehigung-personal", "Befähigung der Mitarbeitenden",
        "Können die Mitarbeitenden den Kanal sicher nutzen?",
        (
            _LEVEL_0,
            ("Nur wenige Mitarbeitende kennen sich mit dem Kanal aus.", "Keine."),
            ("Es gibt eine Schulung. Nicht alle haben sie gemacht.", "Schulungsplan."),
            ("Alle betroffenen Mitarbeitenden sind geschult. Es gibt feste Ansprechpersonen.",
             "Teilnahmeliste, Liste der Ansprechpersonen."),
            ("Die Mitarbeitenden lernen laufend dazu. Sie geben ihr Wissen weiter.",
             "Austauschtreffen, Lernangebote im Quali-Kompass."),
        ),
        (
            "Finden Sie heraus, wer den Kanal schon gut kennt.",
            "Bieten Sie eine kurze Schulung für alle betroffenen Teams an.",
            "Benennen Sie feste Ansprechpersonen in jedem Team.",
            "Sorgen Sie für regelmäßigen Austausch und neue Lernangebote.",
        ),
    ),
    DimensionData(
        "befaehigung-kundschaft", "Befähigung und Information der Kund:innen",
        "Wissen die Kund:innen, dass es den Kanal gibt und wie er geht?",
        (
            _LEVEL_0,
            ("Kund:innen erfahren nur zufällig von dem Kanal.", "Keine."),
            ("Es gibt Infos auf der Website oder einen Flyer.", "Flyer, Seite auf der Website."),
            ("Wir weisen bei jedem Kontakt auf den Kanal hin. Es gibt Hilfe beim ersten Mal.",
             "Hinweis in Briefen, Hilfe in der Eingangszone."),
            ("Wir fragen Kund:innen, was ihnen fehlt. Wir passen die Hilfe daran an.",
             "Ergebnisse einer Befragung."),
        ),
        (
            "Stellen Sie den Kanal auf der Website und in einem Flyer vor.",
            "Weisen Sie in Briefen und Gesprächen auf den Kanal hin.",
            "Bieten Sie Hilfe beim ersten Mal an, zum Beispiel in der Eingangszone.",
            "Fragen Sie Kund:innen regelmäßig, was ihnen hilft.",
        ),
    ),
    DimensionData(
        "barrierefreiheit", "Barrierefreiheit und verständliche Sprache",
        "Können alle Kund:innen den Kanal nutzen und verstehen?",
        (
            _LEVEL_0,
            ("Barrierefreiheit und Sprache sind noch nicht geprüft.", "Keine."),
            ("Wir haben Mängel gefunden. Wir haben begonnen, sie zu beheben.", "Prüfbericht."),
            ("Der Kanal ist barrierefrei. Die Texte sind verständlich.",
             "Bericht zur Barrierefreiheit, Ergebnis der Sprachprüfung."),
            ("Wir prüfen regelmäßig mit Kund:innen. Neue Texte prüfen wir vor der Freigabe.",
             "Test mit Kund:innen, Regeln für neue Texte."),
        ),
        (
            "Prüfen Sie den Kanal auf Barrieren und schwere Sprache.",
            "Beheben Sie die wichtigsten Mängel zuerst.",
            "Machen Sie den Kanal barrierefrei und prüfen Sie alle Texte.",
            "Testen Sie regelmäßig mit Kund:innen. Prüfen Sie neue Texte vor der Freigabe.",
        ),
    ),
    DimensionData(
        "steuerung", "Messung und Steuerung",
        "Wissen Sie, wie oft und wie gut der Kanal genutzt wird?",
        (
            _LEVEL_0,
            ("Es gibt keine Zahlen zur Nutzung.", "Keine."),
            ("Einzelne Zahlen liegen vor. Niemand wertet sie aus.", "Zahlen aus der Technik."),
            ("Wir werten die Nutzung jeden Monat aus. Wir haben Ziele für die Nutzung.",
             "Monatliche Auswertung, Zielwerte."),
            ("Wir steuern mit den Zahlen. Wir vergleichen uns mit anderen Jobcentern.",
             "Maßnahmen aus der Auswertung, Vergleich mit anderen."),
        ),
        (
            "Legen Sie fest, welche Zahlen Sie zur Nutzung erfassen.",
            "Werten Sie die Zahlen jeden Monat aus und setzen Sie Ziele.",
            "Leiten Sie aus den Zahlen Maßnahmen ab.",
            "Vergleichen Sie Ihre Zahlen mit anderen Jobcentern.",
        ),
    ),
)

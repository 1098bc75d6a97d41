"""Demo letter libraries: invented Jobcenter letter templates, each in two or three versions that
get plainer over time, and a glossary per Jobcenter. Placeholders in brackets; no personal data."""

from __future__ import annotations

# (name, category, text_type, description, [(date, note, text), ...])
Letter = tuple[str, str, str, str, list[tuple[str, str, str]]]

FREIBURG_LETTERS: list[Letter] = [
    (
        "Einladung zum Termin",
        "invitation",
        "brief",
        "Einladung zu einem Gespräch über die Arbeitssuche (Meldeaufforderung nach § 59 SGB II).",
        [
            ("2023-09-12", "Übernommen aus der bisherigen Vorlage", """Einladung

Sehr geehrte/r Frau/Herr [Nachname],

hiermit werden Sie gemäß § 59 SGB II i. V. m. § 309 SGB III aufgefordert, sich am [Datum] um [Uhrzeit] Uhr im Jobcenter Freiburg, [Adresse], Zimmer [Raum], zwecks Besprechung Ihrer aktuellen beruflichen Situation sowie Ihrer Eingliederung in Arbeit persönlich vorzusprechen.

Die Vorsprache ist zwingend erforderlich. Bitte bringen Sie zu dem Termin Ihren Personalausweis bzw. Reisepass sowie sämtliche Unterlagen über Ihre Bemühungen um eine Beschäftigung (z. B. Bewerbungsschreiben, Absagen) mit.

Sollten Sie den Termin aus wichtigem Grund nicht wahrnehmen können, haben Sie dies unverzüglich unter Angabe des Grundes mitzuteilen und einen entsprechenden Nachweis (z. B. Arbeitsunfähigkeitsbescheinigung) vorzulegen.

Rechtsfolgenbelehrung:
Kommen Sie ohne wichtigen Grund dieser Meldeaufforderung nicht nach, wird das Bürgergeld um 10 Prozent des für Sie nach § 20 SGB II maßgebenden Regelbedarfs für die Dauer von einem Monat gemindert. Die Minderung tritt mit Beginn des Kalendermonats ein, der auf das Wirksamwerden des Verwaltungsaktes, der die Minderung feststellt, folgt.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2024-05-06", "Anrede, Verweise und Befehlston überarbeitet", """Einladung zu einem Gespräch

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

wir laden Sie zu einem Gespräch über Ihre berufliche Situation ein. Der Termin findet am [Datum] um [Uhrzeit] Uhr im Jobcenter Freiburg, [Adresse], Zimmer [Raum], statt.

Bitte bringen Sie Ihren Personalausweis oder Reisepass mit. Bringen Sie bitte auch Unterlagen zu Ihren Bewerbungen mit, zum Beispiel Bewerbungsschreiben und Absagen.

Wenn Sie den Termin nicht wahrnehmen können, teilen Sie uns dies bitte vor dem Termin mit. Der Grund muss durch einen Nachweis belegt werden, zum Beispiel durch eine Arbeitsunfähigkeitsbescheinigung.

Wichtiger Hinweis (Rechtsfolgenbelehrung): Wenn Sie ohne wichtigen Grund nicht zum Termin kommen, wird Ihr Bürgergeld für einen Monat um 10 Prozent des Regelbedarfs gemindert (§ 32 SGB II).

Mit freundlichen Grüßen
[Name]"""),
            ("2025-03-18", "Workshop Verständliche Sprache: kurze Sätze, Liste, Hilfe angeboten", """Einladung zu einem Gespräch

Guten Tag [Vorname Nachname],

wir möchten mit Ihnen über Ihre Arbeitssuche sprechen. Wir laden Sie deshalb zu einem Termin ein:

Datum: [Datum]
Uhrzeit: [Uhrzeit] Uhr
Ort: Jobcenter Freiburg, [Adresse], Zimmer [Raum]
Ihre Ansprechperson: [Name]

Bitte bringen Sie mit:
- Ihren Ausweis
- Ihre Bewerbungen und die Antworten der Firmen

Sie können nicht kommen? Dann rufen Sie uns bitte vorher an: [Telefonnummer]. Wenn Sie krank sind, schicken Sie uns bitte die Krankmeldung von Ihrer Ärztin oder Ihrem Arzt.

Das ist wichtig: Wenn Sie ohne wichtigen Grund nicht kommen, bekommen Sie einen Monat lang weniger Geld. Wir ziehen dann 10 Prozent von Ihrem Regelbedarf ab. Der Regelbedarf ist der Betrag für Essen, Kleidung, Strom und andere Dinge des täglichen Lebens.

Wir freuen uns auf das Gespräch.

Freundliche Grüße
[Name]"""),
        ],
    ),
    (
        "Anhörung zur Minderung nach Terminversäumnis",
        "hearing",
        "brief",
        "Anhörung vor einer Leistungsminderung, wenn ein Termin ohne Grund versäumt wurde.",
        [
            ("2023-10-02", "Übernommen aus der bisherigen Vorlage", """Anhörung gemäß § 24 Zehntes Buch Sozialgesetzbuch (SGB X)

Sehr geehrte/r Frau/Herr [Nachname],

nach den hier vorliegenden Erkenntnissen sind Sie der mit Schreiben vom [Datum] ausgesprochenen Meldeaufforderung für den [Datum] ohne Angabe eines wichtigen Grundes nicht nachgekommen. Es ist daher beabsichtigt, eine Minderung Ihres Bürgergeldes in Höhe von 10 Prozent des maßgebenden Regelbedarfs für die Dauer von einem Monat festzustellen.

Bevor eine Entscheidung getroffen wird, wird Ihnen hiermit gemäß § 24 SGB X Gelegenheit gegeben, sich zu den für die Entscheidung erheblichen Tatsachen zu äußern. Insbesondere wird um Mitteilung gebeten, ob und gegebenenfalls aus welchem Grund Sie an der Wahrnehmung des Termins gehindert waren. Etwaige Nachweise sind beizufügen.

Ihre Stellungnahme ist bis zum [Datum] schriftlich einzureichen oder zur Niederschrift abzugeben. Sollte bis zu diesem Zeitpunkt keine Äußerung Ihrerseits erfolgen, wird nach Aktenlage entschieden.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2024-06-20", "Aktiv formuliert, Sicht der Person erfragt", """Anhörung: Sie waren nicht beim Termin am [Datum]

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

wir hatten Sie für den [Datum] zu einem Termin eingeladen. Sie sind zu diesem Termin nicht gekommen. Uns liegt kein Grund dafür vor.

Wir prüfen deshalb, ob Ihr Bürgergeld für einen Monat um 10 Prozent des Regelbedarfs gemindert wird. Bevor wir entscheiden, möchten wir Ihre Sicht hören (§ 24 SGB X).

Bitte teilen Sie uns bis zum [Datum] mit, warum Sie nicht zum Termin kommen konnten. Legen Sie bitte Nachweise bei, wenn Sie welche haben. Sie können uns schreiben oder persönlich vorbeikommen.

Wenn wir bis dahin nichts von Ihnen hören, entscheiden wir mit den Unterlagen, die uns vorliegen.

Mit freundlichen Grüßen
[Name]"""),
            ("2025-04-08", "Workshop Verständliche Sprache: Fragen als Liste, Folgen erklärt", """Sie waren nicht beim Termin – bitte sagen Sie uns, warum

Guten Tag [Vorname Nachname],

wir hatten Sie am [Datum] zu einem Gespräch eingeladen. Sie sind nicht gekommen. Vielleicht hatten Sie einen wichtigen Grund. Das möchten wir wissen, bevor wir entscheiden.

Wenn Sie keinen wichtigen Grund hatten, bekommen Sie einen Monat lang weniger Bürgergeld. Wir ziehen dann 10 Prozent von Ihrem Regelbedarf ab. Der Regelbedarf ist der Betrag für Essen, Kleidung, Strom und andere Dinge des täglichen Lebens.

Bitte antworten Sie uns bis zum [Datum]:
- Warum konnten Sie nicht kommen?
- Haben Sie einen Beleg, zum Beispiel eine Krankmeldung? Dann schicken Sie uns bitte eine Kopie.

Sie können uns schreiben, anrufen oder vorbeikommen. Ihre Ansprechperson ist [Name], Telefon [Telefonnummer].

Freundliche Grüße
[Name]"""),
        ],
    ),
    (
        "Mitwirkungsaufforderung: fehlende Unterlagen",
        "cooperation",
        "brief",
        "Bitte um Unterlagen, die für die Entscheidung über den Antrag fehlen (§§ 60, 66 SGB I).",
        [
            ("2023-08-21", "Übernommen aus der bisherigen Vorlage", """Aufforderung zur Mitwirkung

Sehr geehrte/r Frau/Herr [Nachname],

zur Prüfung Ihres Antrages auf Leistungen zur Sicherung des Lebensunterhalts nach dem Zweiten Buch Sozialgesetzbuch (SGB II) vom [Datum] sind die nachstehend aufgeführten Unterlagen seitens des Antragstellers bis spätestens [Datum] vorzulegen:

- lückenlose Kontoauszüge sämtlicher Konten aller Mitglieder der Bedarfsgemeinschaft für die letzten drei Monate
- Mietvertrag sowie aktuelle Mietbescheinigung
- Nachweis über die Höhe der Heizkosten
- Einkommensnachweise (Lohn- und Gehaltsabrechnungen) für die Monate [Monate]

Die Vorlage der Unterlagen ist zwingend erforderlich. Sofern Sie Ihrer Mitwirkungspflicht gemäß §§ 60 ff. SGB I nicht fristgerecht nachkommen, können die Leistungen gemäß § 66 SGB I bis zur Nachholung der Mitwirkung ganz oder teilweise versagt werden, ohne dass weitere Ermittlungen angestellt werden.

Es wird darauf hingewiesen, dass die Aufforderung zur Mitwirkung nicht als Verwaltungsakt anzusehen ist.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2024-04-15", "Kürzer, Bitte statt Aufforderung", """Bitte schicken Sie uns Unterlagen

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

wir bearbeiten Ihren Antrag auf Bürgergeld vom [Datum]. Dafür benötigen wir noch folgende Unterlagen:

- Kontoauszüge aller Konten der Bedarfsgemeinschaft für die letzten drei Monate
- Mietvertrag und aktuelle Mietbescheinigung
- Nachweis über die Heizkosten
- Lohnabrechnungen für [Monate]

Bitte reichen Sie die Unterlagen bis zum [Datum] ein. Wenn die Unterlagen nicht rechtzeitig vorliegen, können die Leistungen ganz oder teilweise versagt werden (§ 66 SGB I).

Haben Sie Fragen? Rufen Sie uns gerne an: [Telefonnummer].

Mit freundlichen Grüßen
[Name]"""),
            ("2025-02-27", "Workshop Verständliche Sprache: Grund erklärt, Hilfe angeboten", """Bitte schicken Sie uns diese Unterlagen bis zum [Datum]

Guten Tag [Vorname Nachname],

vielen Dank für Ihren Antrag auf Bürgergeld. Damit wir Ihr Geld berechnen können, brauchen wir noch einige Unterlagen.

Bitte schicken Sie uns:
- Ihre Kontoauszüge der letzten drei Monate. Wir brauchen die Auszüge von allen Konten Ihrer Bedarfsgemeinschaft. Ihre Bedarfsgemeinschaft sind alle Menschen in Ihrem Haushalt, die zusammen Bürgergeld bekommen.
- Ihren Mietvertrag und eine aktuelle Bescheinigung von Ihrer Vermieterin oder Ihrem Vermieter
- einen Beleg über Ihre Heizkosten
- Ihre Lohnabrechnungen für [Monate]

Sie können die Unterlagen auf jobcenter.digital hochladen, per Post schicken oder in den Briefkasten am Jobcenter werfen.

Warum ist das wichtig? Ohne die Unterlagen können wir nicht prüfen, wie viel Geld Ihnen zusteht. Dann können wir Ihnen vielleicht nur einen Teil oder gar kein Geld zahlen. Das möchten wir vermeiden.

Sie schaffen es nicht bis zum [Datum]? Oder Ihnen fehlt eine Unterlage? Rufen Sie uns an: [Telefonnummer]. Wir finden gemeinsam eine Lösung.

Freundliche Grüße
[Name]"""),
        ],
    ),
    (
        "Begleitschreiben zum Bewilligungsbescheid",
        "decision",
        "brief",
        "Begleitbrief, der dem Bewilligungsbescheid beiliegt.",
        [
            ("2023-11-07", "Übernommen aus der bisherigen Vorlage", """Bewilligung von Leistungen zur Sicherung des Lebensunterhalts

Sehr geehrte/r Frau/Herr [Nachname],

anliegend erhalten Sie den Bescheid über die Bewilligung von Leistungen zur Sicherung des Lebensunterhalts nach dem SGB II für den Bewilligungszeitraum vom [Datum] bis [Datum]. Es wird gebeten, den Bescheid sorgfältig zu prüfen und etwaige Unrichtigkeiten umgehend mitzuteilen.

Es wird darauf hingewiesen, dass Sie verpflichtet sind, jede Änderung in den persönlichen oder wirtschaftlichen Verhältnissen, die für die Leistungsgewährung erheblich ist, unverzüglich und unaufgefordert anzuzeigen (§ 60 Abs. 1 Satz 1 Nr. 2 SGB I). Zu Unrecht erbrachte Leistungen sind zu erstatten.

Die Auszahlung erfolgt monatlich im Voraus auf das von Ihnen angegebene Konto.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2025-01-22", "Neu geschrieben: gute Nachricht zuerst, Beispiele für Änderungen", """Ihr Bürgergeld ist bewilligt

Guten Tag [Vorname Nachname],

gute Nachricht: Sie bekommen Bürgergeld. Den Bescheid finden Sie in diesem Brief. Er gilt für die Zeit vom [Datum] bis zum [Datum]. Das ist Ihr Bewilligungszeitraum: die Zeit, für die Sie Bürgergeld bekommen.

Wir überweisen das Geld jeden Monat im Voraus auf Ihr Konto.

Bitte lesen Sie den Bescheid in Ruhe. Stimmt etwas nicht? Dann sagen Sie uns bitte Bescheid.

Bitte sagen Sie uns auch, wenn sich bei Ihnen etwas ändert. Zum Beispiel: Sie finden eine Arbeit, Sie ziehen um oder jemand zieht bei Ihnen ein. Dann können wir Ihr Geld richtig berechnen. So müssen Sie später nichts zurückzahlen.

Haben Sie Fragen? Ihre Ansprechperson ist [Name], Telefon [Telefonnummer].

Freundliche Grüße
[Name]"""),
        ],
    ),
    (
        "Erinnerung an den Weiterbewilligungsantrag",
        "reminder",
        "brief",
        "Erinnerung sechs Wochen vor Ende des Bewilligungszeitraums.",
        [
            ("2023-09-30", "Übernommen aus der bisherigen Vorlage", """Erinnerung: Weiterbewilligungsantrag

Sehr geehrte/r Frau/Herr [Nachname],

der Ihnen bzw. Ihrer Bedarfsgemeinschaft zuletzt bewilligte Leistungszeitraum endet am [Datum]. Leistungen nach dem SGB II werden nur auf Antrag erbracht (§ 37 SGB II). Sofern Sie über den genannten Zeitpunkt hinaus Leistungen begehren, ist ein Weiterbewilligungsantrag zu stellen.

Zur Vermeidung von Zahlungsunterbrechungen wird empfohlen, den beigefügten Antrag nebst der erforderlichen Nachweise bis spätestens [Datum] bei dem zuständigen Jobcenter einzureichen. Es wird darauf hingewiesen, dass bei verspäteter Antragstellung eine rückwirkende Leistungsgewährung grundsätzlich nicht möglich ist.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2024-07-03", "Direkte Anrede, Online-Antrag ergänzt", """Erinnerung: Bitte stellen Sie Ihren Weiterbewilligungsantrag

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

Ihr Bürgergeld ist bis zum [Datum] bewilligt. Wenn Sie danach weiter Bürgergeld erhalten möchten, müssen Sie einen Weiterbewilligungsantrag stellen.

Den Antrag finden Sie in diesem Brief. Bitte senden Sie ihn mit den nötigen Nachweisen bis zum [Datum] an uns zurück. Sie können den Antrag auch online auf jobcenter.digital stellen.

Bitte beachten Sie: Wenn der Antrag zu spät bei uns eingeht, kann es zu einer Unterbrechung der Zahlung kommen.

Mit freundlichen Grüßen
[Name]"""),
            ("2025-05-12", "Workshop Verständliche Sprache: Schritte als Liste, Sprechstunde genannt", """Damit Ihr Geld weiter kommt: Bitte stellen Sie einen neuen Antrag

Guten Tag [Vorname Nachname],

Sie bekommen Bürgergeld bis zum [Datum]. Möchten Sie auch danach Bürgergeld bekommen? Dann stellen Sie bitte einen Weiterbewilligungsantrag. Das ist der Antrag, damit Sie nach Ende des Bewilligungszeitraums weiter Geld bekommen.

So geht es:
- Füllen Sie den Antrag in diesem Brief aus. Oder stellen Sie den Antrag online auf jobcenter.digital.
- Schicken Sie uns den Antrag bis zum [Datum].
- Legen Sie Ihre Lohnabrechnungen bei, wenn Sie Arbeit haben.

Warum bis zum [Datum]? Dann haben wir genug Zeit. Ihr Geld kommt pünktlich und ohne Pause.

Brauchen Sie Hilfe beim Ausfüllen? Rufen Sie uns an: [Telefonnummer]. Oder kommen Sie in unsere offene Sprechstunde, montags von 8 bis 12 Uhr.

Freundliche Grüße
[Name]"""),
        ],
    ),
    (
        "Anforderung der Nebenkostenabrechnung",
        "cooperation",
        "brief",
        "Bitte um die jährliche Betriebs- und Heizkostenabrechnung.",
        [
            ("2024-01-16", "Übernommen aus der bisherigen Vorlage", """Anforderung der Betriebs- und Heizkostenabrechnung

Sehr geehrte/r Frau/Herr [Nachname],

im Rahmen der Überprüfung der Angemessenheit der Kosten der Unterkunft und Heizung gemäß § 22 SGB II werden Sie gebeten, die Betriebs- und Heizkostenabrechnung für das Abrechnungsjahr [Jahr] in Kopie bis zum [Datum] vorzulegen. Etwaige Guthaben sind gemäß § 22 Abs. 3 SGB II im Monat nach der Rückzahlung oder Gutschrift als die Aufwendungen für Unterkunft und Heizung mindernd zu berücksichtigen. Nachforderungen können nur übernommen werden, soweit diese angemessen sind und die Fälligkeit innerhalb des Bewilligungszeitraums eingetreten ist.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2025-06-02", "Betreff und Anrede überarbeitet, Verweise gekürzt", """Bitte reichen Sie Ihre Betriebs- und Heizkostenabrechnung ein

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

zur Überprüfung Ihrer Kosten der Unterkunft und Heizung (§ 22 SGB II) benötigen wir die Betriebs- und Heizkostenabrechnung Ihres Vermieters für das Abrechnungsjahr [Jahr]. Bitte reichen Sie eine Kopie der Abrechnung bis zum [Datum] ein.

Ein Guthaben wird im Monat nach der Gutschrift von den Aufwendungen für Unterkunft und Heizung abgezogen. Eine Nachforderung kann nur übernommen werden, wenn sie angemessen ist und innerhalb des Bewilligungszeitraums fällig wird.

Mit freundlichen Grüßen
[Name]"""),
        ],
    ),
    (
        "Hinweise vor einem Umzug",
        "information",
        "brief",
        "Information über die Zusicherung vor einem Umzug (§ 22 Abs. 4 SGB II).",
        [
            ("2023-12-05", "Übernommen aus der bisherigen Vorlage", """Hinweise zur Zusicherung der Übernahme der Aufwendungen für eine neue Unterkunft

Sehr geehrte/r Frau/Herr [Nachname],

Sie haben mitgeteilt, dass ein Wohnungswechsel beabsichtigt ist. Es wird darauf hingewiesen, dass vor Abschluss eines Vertrages über eine neue Unterkunft die Zusicherung des für die neue Unterkunft örtlich zuständigen kommunalen Trägers zu den Aufwendungen für die neue Unterkunft eingeholt werden soll (§ 22 Abs. 4 SGB II). Der kommunale Träger ist zur Zusicherung verpflichtet, wenn der Umzug erforderlich ist und die Aufwendungen für die neue Unterkunft angemessen sind. Wohnungsbeschaffungskosten, Umzugskosten sowie eine Mietkaution können bei vorheriger Zusicherung als Bedarf anerkannt werden. Erfolgt ein Umzug ohne vorherige Zusicherung, so besteht die Gefahr, dass lediglich die bisherigen angemessenen Aufwendungen weiterhin übernommen werden.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2025-02-10", "Anrede und Satzbau überarbeitet", """Hinweise vor einem Umzug

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

Sie haben uns mitgeteilt, dass Sie einen Umzug planen. Bitte holen Sie vor Abschluss eines neuen Mietvertrages unsere Zusicherung zu den Kosten der neuen Unterkunft ein (§ 22 Abs. 4 SGB II). Die Zusicherung wird erteilt, wenn der Umzug erforderlich ist und die Kosten der neuen Wohnung angemessen sind.

Mit der vorherigen Zusicherung können auch Umzugskosten, Wohnungsbeschaffungskosten und eine Mietkaution übernommen werden. Ohne vorherige Zusicherung werden gegebenenfalls nur die bisherigen angemessenen Kosten weiter übernommen.

Mit freundlichen Grüßen
[Name]"""),
        ],
    ),
    (
        "Einladung in Leichter Sprache",
        "invitation",
        "leicht",
        "Einladung für Menschen, die Leichte Sprache brauchen.",
        [
            ("2024-02-19", "Erster Entwurf", """Einladung zum Gespräch im Jobcenter

Sehr geehrte Damen und Herren,

wir möchten Sie hiermit zu einem persönlichen Beratungsgespräch bezüglich Ihrer beruflichen Perspektiven einladen, welches am [Datum] um [Uhrzeit] Uhr in unserem Dienstgebäude stattfindet.

Bitte bringen Sie Ihren Personalausweis und Ihre Bewerbungsunterlagen mit. Falls Sie verhindert sind, informieren Sie uns bitte rechtzeitig telefonisch.

Mit freundlichen Grüßen
Ihr Jobcenter Freiburg"""),
            ("2025-04-28", "Mit der Prüfgruppe in Leichte Sprache übertragen", """Einladung

Hallo [Vorname Nachname],

wir laden Sie ein.
Wir wollen mit Ihnen sprechen.
Es geht um Arbeit für Sie.

Wann?
Am [Datum] um [Uhrzeit] Uhr.

Wo?
Im Jobcenter Freiburg.
Im Zimmer [Raum].

Bitte bringen Sie mit:
- Ihren Ausweis
- Ihre Bewerbungen

Sie können nicht kommen?
Dann rufen Sie uns bitte an.
Die Telefon-Nummer ist: [Telefonnummer].

Viele Grüße
Ihr Jobcenter Freiburg"""),
        ],
    ),
]

MAGDEBURG_LETTERS: list[Letter] = [
    (
        "Einladung zum Erstgespräch",
        "invitation",
        "brief",
        "Einladung nach dem ersten Antrag auf Bürgergeld.",
        [
            ("2023-10-17", "Übernommen aus der bisherigen Vorlage", """Einladung zum Erstgespräch

Sehr geehrte/r Frau/Herr [Nachname],

im Hinblick auf Ihre Antragstellung auf Leistungen nach dem SGB II ist die Durchführung eines Erstgesprächs erforderlich. Sie werden daher gebeten, am [Datum] um [Uhrzeit] Uhr im Jobcenter Landeshauptstadt Magdeburg, Integrationsbereich, Zimmer [Raum], vorzusprechen. Im Rahmen des Gesprächs erfolgt eine Erhebung Ihrer beruflichen Qualifikationen sowie die Erstellung eines Kooperationsplans. Zur Durchführung des Gesprächs sind ein gültiges Personaldokument, ein aktueller Lebenslauf sowie vorhandene Schul- und Arbeitszeugnisse mitzubringen.

Bei Nichterscheinen ohne wichtigen Grund kann eine Minderung der Leistungen gemäß § 32 SGB II eintreten.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2024-08-26", "Aktiv formuliert, kürzere Sätze", """Einladung zum ersten Gespräch

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

Sie haben Bürgergeld beantragt. Wir möchten Sie kennenlernen und mit Ihnen über Ihre beruflichen Ziele sprechen. Deshalb laden wir Sie zu einem ersten Gespräch ein: am [Datum] um [Uhrzeit] Uhr im Jobcenter Landeshauptstadt Magdeburg, Zimmer [Raum].

Im Gespräch erstellen wir gemeinsam Ihren Kooperationsplan. Bitte bringen Sie Ihren Ausweis, Ihren Lebenslauf und Ihre Zeugnisse mit.

Wenn Sie ohne wichtigen Grund nicht kommen, kann Ihr Bürgergeld gemindert werden (§ 32 SGB II).

Mit freundlichen Grüßen
[Name]"""),
            ("2025-05-19", "Projekt Bürgernahe Sprache: Kooperationsplan erklärt, Termin als Liste", """Wir möchten Sie kennenlernen

Guten Tag [Vorname Nachname],

Sie haben Bürgergeld beantragt. Wir möchten Sie gerne kennenlernen. Im ersten Gespräch sprechen wir über Ihre Wünsche und Ziele für die Arbeit. Gemeinsam schreiben wir Ihren Kooperationsplan. Das ist ein Plan mit den Schritten, die wir zusammen gehen.

Wann: [Datum], [Uhrzeit] Uhr
Wo: Jobcenter Landeshauptstadt Magdeburg, Zimmer [Raum]
Mit wem: [Name], Ihre Ansprechperson

Bitte bringen Sie mit:
- Ihren Ausweis
- Ihren Lebenslauf, wenn Sie einen haben
- Ihre Zeugnisse

Sie können an dem Tag nicht? Rufen Sie uns bitte an: [Telefonnummer]. Dann finden wir einen neuen Termin.

Bitte kommen Sie zu dem Gespräch. Wenn Sie ohne wichtigen Grund nicht kommen, kann Ihr Bürgergeld weniger werden.

Freundliche Grüße
[Name]"""),
        ],
    ),
    (
        "Anhörung zur Erstattung einer Überzahlung",
        "hearing",
        "brief",
        "Anhörung, bevor zu viel gezahltes Bürgergeld zurückgefordert wird.",
        [
            ("2023-11-28", "Übernommen aus der bisherigen Vorlage", """Anhörung nach § 24 SGB X – Überzahlung

Sehr geehrte/r Frau/Herr [Nachname],

nach Auswertung der hier vorliegenden Unterlagen ist festgestellt worden, dass Ihnen im Zeitraum vom [Datum] bis [Datum] Leistungen nach dem SGB II in Höhe von [Betrag] Euro zu Unrecht gewährt worden sind, da das von Ihnen im genannten Zeitraum erzielte Einkommen aus einer Erwerbstätigkeit bei der Leistungsberechnung nicht berücksichtigt werden konnte, weil die Aufnahme der Tätigkeit nicht angezeigt worden ist. Es ist beabsichtigt, die Bewilligungsentscheidung insoweit gemäß § 48 SGB X i. V. m. § 40 SGB II aufzuheben und die überzahlten Leistungen gemäß § 50 SGB X zurückzufordern.

Vor Erlass der Entscheidung wird Ihnen Gelegenheit zur Äußerung gegeben. Ihre Stellungnahme ist bis zum [Datum] vorzulegen. Nach Ablauf der Frist wird nach Aktenlage entschieden.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2025-03-04", "Projekt Bürgernahe Sprache: neu geschrieben, Ratenzahlung angeboten", """Sie haben zu viel Bürgergeld bekommen – bitte sagen Sie uns Ihre Sicht

Guten Tag [Vorname Nachname],

wir haben erfahren, dass Sie seit [Datum] arbeiten. Das freut uns. Ihr Lohn hätte Ihr Bürgergeld verringert. Weil wir davon nichts wussten, haben Sie vom [Datum] bis zum [Datum] zu viel Bürgergeld bekommen: [Betrag] Euro.

Wir müssen dieses Geld zurückfordern. Bevor wir entscheiden, möchten wir Ihre Sicht hören. Vielleicht haben wir etwas übersehen.

Bitte schreiben Sie uns bis zum [Datum]:
- Stimmen die Daten und der Betrag?
- Gibt es etwas, das wir wissen sollten?

Sie können auch anrufen: [Telefonnummer]. Wenn Sie das Geld nicht auf einmal zurückzahlen können, sprechen Sie uns an. Wir können eine Ratenzahlung vereinbaren.

Freundliche Grüße
[Name]"""),
        ],
    ),
    (
        "Mitwirkung: Lohnabrechnungen für die abschließende Entscheidung",
        "cooperation",
        "brief",
        "Bitte um Lohnabrechnungen, wenn das Bürgergeld vorläufig bewilligt war (§ 41a SGB II).",
        [
            ("2023-09-05", "Übernommen aus der bisherigen Vorlage", """Aufforderung zur Vorlage von Einkommensnachweisen

Sehr geehrte/r Frau/Herr [Nachname],

zur abschließenden Festsetzung der Ihnen vorläufig bewilligten Leistungen gemäß § 41a SGB II ist die Vorlage der Einkommensnachweise für den gesamten Bewilligungszeitraum erforderlich. Sie werden hiermit aufgefordert, sämtliche Lohn- und Gehaltsabrechnungen für die Monate [Monate] bis zum [Datum] einzureichen. Werden die Nachweise nicht innerhalb der gesetzten Frist vorgelegt, so wird gemäß § 41a Abs. 3 Satz 4 SGB II festgestellt, dass ein Leistungsanspruch für die betreffenden Monate nicht bestand. Die für diese Monate erbrachten Leistungen sind dann in voller Höhe zu erstatten.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2024-09-09", "Kürzer, Grund für die Bitte genannt", """Bitte schicken Sie uns Ihre Lohnabrechnungen

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

Ihr Bürgergeld haben wir vorläufig berechnet, weil Ihr Lohn jeden Monat anders ist. Jetzt möchten wir Ihr Bürgergeld endgültig berechnen. Dafür benötigen wir Ihre Lohnabrechnungen für die Monate [Monate].

Bitte reichen Sie die Lohnabrechnungen bis zum [Datum] ein. Ohne die Abrechnungen müssen wir das Bürgergeld für diese Monate zurückfordern (§ 41a SGB II).

Mit freundlichen Grüßen
[Name]"""),
            ("2025-06-16", "Projekt Bürgernahe Sprache: Hilfe angeboten, Wege genannt", """Bitte schicken Sie uns Ihre Lohnabrechnungen bis zum [Datum]

Guten Tag [Vorname Nachname],

Ihr Lohn ist jeden Monat anders. Deshalb haben wir Ihr Bürgergeld bisher nur geschätzt. Jetzt möchten wir es genau berechnen. Vielleicht bekommen Sie dann sogar Geld nachgezahlt.

Dafür brauchen wir Ihre Lohnabrechnungen für [Monate]. Bitte schicken Sie uns die Abrechnungen bis zum [Datum]. Sie können sie auf jobcenter.digital hochladen oder per Post schicken.

Das ist wichtig: Ohne die Abrechnungen können wir nicht rechnen. Dann müssen Sie das Bürgergeld für diese Monate vielleicht zurückzahlen.

Ihnen fehlt eine Abrechnung? Fragen Sie Ihren Arbeitgeber oder rufen Sie uns an: [Telefonnummer]. Wir helfen Ihnen gerne.

Freundliche Grüße
[Name]"""),
        ],
    ),
    (
        "Erinnerung an den Weiterbewilligungsantrag",
        "reminder",
        "brief",
        "Erinnerung vor Ende des Bewilligungszeitraums.",
        [
            ("2024-01-29", "Übernommen aus der bisherigen Vorlage", """Ablauf des Bewilligungszeitraums

Sehr geehrte/r Frau/Herr [Nachname],

der Bewilligungszeitraum Ihrer Leistungen nach dem SGB II endet am [Datum]. Eine Weitergewährung der Leistungen setzt die rechtzeitige Stellung eines Weiterbewilligungsantrages voraus. Der Antrag nebst Anlagen ist vollständig ausgefüllt und unterschrieben vor Ablauf des Bewilligungszeitraums einzureichen. Unvollständige Anträge können nicht bearbeitet werden und führen zu Verzögerungen bei der Leistungsgewährung.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2025-04-14", "Anrede und Betreff überarbeitet", """Erinnerung: Weiterbewilligungsantrag

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

Ihr Bewilligungszeitraum endet am [Datum]. Wenn Sie danach weiter Bürgergeld erhalten möchten, stellen Sie bitte rechtzeitig einen Weiterbewilligungsantrag. Bitte reichen Sie den Antrag mit allen Anlagen bis zum [Datum] ein. Der Antrag muss vollständig ausgefüllt und unterschrieben sein. Unvollständige Anträge können nicht bearbeitet werden, und es kann zu Verzögerungen bei der Zahlung kommen.

Mit freundlichen Grüßen
[Name]"""),
        ],
    ),
    (
        "Merkblatt: So erreichen Sie uns",
        "information",
        "web",
        "Text für die Website und den Aushang in der Eingangszone.",
        [
            ("2024-03-11", "Übernommen von der bisherigen Website", """Erreichbarkeit des Jobcenters Landeshauptstadt Magdeburg

Zur Gewährleistung einer zeitnahen Bearbeitung Ihrer Anliegen wird empfohlen, vorrangig die digitalen Zugangswege des Jobcenters zu nutzen. Über das Portal jobcenter.digital können Anträge gestellt, Veränderungen mitgeteilt sowie Unterlagen übermittelt werden. Für persönliche Vorsprachen ist grundsätzlich eine vorherige Terminvereinbarung erforderlich. In dringenden Notfällen ist eine Vorsprache ohne Termin während der Öffnungszeiten (Montag bis Freitag 8:00 bis 12:00 Uhr, Donnerstag zusätzlich 14:00 bis 18:00 Uhr) in der Eingangszone möglich. Die telefonische Erreichbarkeit ist über das Service-Center unter der Rufnummer [Telefonnummer] gewährleistet."""),
            ("2025-01-13", "Projekt Kommunikationskanäle: nach Wegen gegliedert", """So erreichen Sie uns

Online: Auf jobcenter.digital können Sie Anträge stellen, Änderungen melden und Unterlagen hochladen. Das geht rund um die Uhr.

Am Telefon: Rufen Sie uns an unter [Telefonnummer]. Wir sind montags bis freitags von 8 bis 18 Uhr für Sie da.

Persönlich: Bitte machen Sie vorher einen Termin aus. In Notfällen können Sie auch ohne Termin kommen: montags bis freitags von 8 bis 12 Uhr, donnerstags auch von 14 bis 18 Uhr.

Sie brauchen Hilfe mit der Sprache? Sagen Sie es uns. Wir organisieren gerne eine Dolmetscherin oder einen Dolmetscher."""),
        ],
    ),
    (
        "Begleitschreiben zum Änderungsbescheid",
        "decision",
        "brief",
        "Begleitbrief, wenn das Bürgergeld neu berechnet wurde.",
        [
            ("2023-12-12", "Übernommen aus der bisherigen Vorlage", """Änderungsbescheid

Sehr geehrte/r Frau/Herr [Nachname],

aufgrund der eingetretenen Änderungen in Ihren Verhältnissen war die Bewilligungsentscheidung vom [Datum] mit Wirkung ab [Datum] gemäß § 48 SGB X aufzuheben und die Leistungen neu festzusetzen. Die Einzelheiten der Berechnung sind dem beigefügten Änderungsbescheid nebst Berechnungsbogen zu entnehmen. Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich oder zur Niederschrift bei dem Jobcenter einzulegen.

Mit freundlichen Grüßen
Im Auftrag
[Name]"""),
            ("2024-06-03", "Anrede und Verweise überarbeitet", """Ihr Bürgergeld wurde neu berechnet

Sehr geehrte Frau [Nachname], sehr geehrter Herr [Nachname],

aufgrund der Änderungen in Ihren Verhältnissen haben wir Ihr Bürgergeld ab [Datum] neu berechnet (§ 48 SGB X). Die Einzelheiten der Berechnung entnehmen Sie bitte dem beigefügten Änderungsbescheid mit Berechnungsbogen.

Gegen diesen Bescheid können Sie innerhalb eines Monats nach Bekanntgabe Widerspruch einlegen. Der Widerspruch ist schriftlich oder zur Niederschrift beim Jobcenter einzulegen.

Mit freundlichen Grüßen
[Name]"""),
            ("2025-02-24", "Projekt Bürgernahe Sprache: Betrag zuerst, Widerspruch erklärt", """Ihr Bürgergeld ändert sich ab [Datum]

Guten Tag [Vorname Nachname],

bei Ihnen hat sich etwas geändert. Deshalb haben wir Ihr Bürgergeld neu berechnet. Ab [Datum] bekommen Sie [Betrag] Euro im Monat.

Im Bescheid in diesem Brief sehen Sie genau, wie wir gerechnet haben.

Sie sind nicht einverstanden? Dann können Sie Widerspruch einlegen. Widerspruch heißt: Sie bitten uns, die Entscheidung noch einmal zu prüfen. Sie haben dafür einen Monat Zeit. Schreiben Sie uns einen Brief oder kommen Sie vorbei.

Haben Sie Fragen zur Berechnung? Rufen Sie uns an: [Telefonnummer].

Freundliche Grüße
[Name]"""),
        ],
    ),
]

# (kind, term, replacement, variants, explanation)
Entry = tuple[str, str, str, str, str]

_COMMON_GLOSSARY: list[Entry] = [
    ("avoid", "Leistungsempfänger", "Sie (direkte Anrede) oder: Menschen, die Bürgergeld bekommen", "", ""),
    ("avoid", "Antragsteller", "Sie (direkte Anrede)", "", ""),
    ("avoid", "zwecks", "für, um … zu", "", ""),
    ("avoid", "seitens", "von", "", ""),
    ("avoid", "umgehend", "bis zum [Datum]", "", ""),
    ("preferred", "Bürgergeld", "", "Arbeitslosengeld II, ALG II, Hartz IV", ""),
    ("preferred", "Ansprechperson", "", "Sachbearbeiter, Sachbearbeiterin", ""),
    ("explain", "Bedarfsgemeinschaft", "", "",
     "alle Menschen in Ihrem Haushalt, die zusammen Bürgergeld bekommen"),
    ("explain", "Regelbedarf", "", "",
     "der Betrag für Essen, Kleidung, Strom und andere Dinge des täglichen Lebens"),
    ("explain", "Bewilligungszeitraum", "", "", "die Zeit, für die Sie Bürgergeld bekommen"),
    ("explain", "Weiterbewilligungsantrag", "", "",
     "Antrag, damit Sie nach Ende des Bewilligungszeitraums weiter Geld bekommen"),
]

FREIBURG_GLOSSARY: list[Entry] = [
    *_COMMON_GLOSSARY,
    ("avoid", "Meldeaufforderung", "Einladung", "", ""),
    ("avoid", "Sanktion", "Leistungsminderung", "", ""),
    ("preferred", "Kooperationsplan", "", "Eingliederungsvereinbarung", ""),
    ("preferred", "Termin", "", "Vorsprache, Meldetermin", ""),
    ("explain", "Kosten der Unterkunft", "", "", "Miete und Nebenkosten, die wir übernehmen"),
    ("explain", "Rechtsfolgenbelehrung", "", "", "ein Hinweis, was passiert, wenn Sie nicht mitmachen"),
]

MAGDEBURG_GLOSSARY: list[Entry] = [
    *_COMMON_GLOSSARY,
    ("avoid", "Vorsprache", "Termin, Besuch", "", ""),
    ("avoid", "Eingliederungsvereinbarung", "Kooperationsplan", "", ""),
    ("avoid", "Nichterscheinen", "wenn Sie nicht kommen", "", ""),
    ("preferred", "Lohnabrechnung", "", "Gehaltsabrechnung, Entgeltabrechnung", ""),
    ("explain", "Kooperationsplan", "", "", "ein Plan mit den Schritten, die wir zusammen gehen"),
    ("explain", "Widerspruch", "", "", "Sie bitten uns, die Entscheidung noch einmal zu prüfen"),
]

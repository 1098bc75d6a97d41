"""Compact tables the knowledge demo is generated from (invented offers, partners and people).

Every offer template is placed in three places of each region, so that each of the three
Jobcenters gets 20 × 3 offers plus the information entries (process, disease patterns, staff,
workplace health): 68 entries each, generated, not written by hand.
"""

from __future__ import annotations

# (postcode, place, street) per region; Regensburg's list mixes places within 20 km of 93047
# and a few just beyond (Maxhütte-Haidhof, Schierling, Wörth an der Donau).
PLACES = {
    "regensburg": [
        ("93047", "Regensburg", "Domplatz 3"), ("93053", "Regensburg", "Galgenbergstraße 12"),
        ("93055", "Regensburg", "Landshuter Straße 40"), ("93073", "Neutraubling", "Marktplatz 2"),
        ("93077", "Bad Abbach", "Kurallee 5"), ("93080", "Pentling", "Hauptstraße 8"),
        ("93083", "Obertraubling", "Schulstraße 1"), ("93128", "Regenstauf", "Bahnhofstraße 6"),
        ("93138", "Lappersdorf", "Rathausplatz 4"), ("93152", "Nittendorf", "Marktplatz 7"),
        ("93142", "Maxhütte-Haidhof", "Regensburger Straße 18"), ("84069", "Schierling", "Rathausplatz 1"),
        ("93086", "Wörth an der Donau", "Ludwigstraße 9"), ("93087", "Alteglofsheim", "Schlossplatz 2"),
    ],
    "garmisch-partenkirchen": [
        ("82467", "Garmisch-Partenkirchen", "Bahnhofstraße 20"), ("82467", "Garmisch-Partenkirchen", "Ludwigstraße 45"),
        ("82481", "Mittenwald", "Obermarkt 10"), ("82487", "Oberammergau", "Dorfstraße 3"),
        ("82490", "Farchant", "Am Gern 1"), ("82491", "Grainau", "Waxensteinstraße 2"),
        ("82441", "Ohlstadt", "Rathausplatz 1"), ("82418", "Murnau am Staffelsee", "Untermarkt 12"),
        ("82433", "Bad Kohlgrub", "Hauptstraße 21"), ("82496", "Oberau", "Schmiedeweg 4"),
    ],
    "weimarer-land": [
        ("99510", "Apolda", "Bahnhofstraße 28"), ("99510", "Apolda", "Markt 1"),
        ("99423", "Weimar", "Schwanseestraße 17"), ("99438", "Bad Berka", "Goetheallee 3"),
        ("99444", "Blankenhain", "Marktstraße 4"), ("99448", "Kranichfeld", "Baumbachstraße 2"),
        ("99518", "Bad Sulza", "Kurpark 1"), ("99439", "Am Ettersberg", "Hauptstraße 11"),
        ("99441", "Mellingen", "Lindenstraße 6"),
    ],
}

REGION_NAMES = {
    "regensburg": "Landkreis Regensburg",
    "garmisch-partenkirchen": "Werdenfelser Land",
    "weimarer-land": "Weimarer Land",
}

# (key, name pattern, kind, place index); "{region}" is the region's name.
PARTNERS = [
    ("insurer", "Gesundheitskasse {region}", "insurer", 0),
    ("reha", "Reha-Zentrum am Kurpark", "reha", 4),
    ("counselling", "Psychosoziale Beratungsstelle Lichtblick", "counselling", 1),
    ("clinic", "Kreisklinik {region}", "clinic", 2),
    ("municipality", "Landratsamt – Gesundheitsamt {region}", "municipality", 0),
    ("medical", "Ärztlicher Dienst der Agentur für Arbeit", "medical_service", 0),
    ("addiction", "Fachambulanz für Suchtfragen", "counselling", 3),
]
CONTACTS = [("Claudia Reiter", "Teamleitung Beratung"), ("Martin Kolb", "Netzwerkkoordination"),
            ("Svetlana Petrova", "Sozialpädagogik"), ("Ahmet Yıldız", "Fallmanagement")]

# Categories: (name, topic); the first one is the shared category in Garmisch-Partenkirchen.
CATEGORIES = [
    ("Psychische Gesundheit", "offers"), ("Sucht", "offers"), ("Bewegung und Ernährung", "offers"),
    ("Familie und Teilhabe", "offers"), ("Rehabilitation", "offers"), ("Krankheitsbilder", "conditions"),
    ("Beratungsprozess", "process"), ("Qualifizierung", "staff"), ("Betriebliches Gesundheitsmanagement", "workplace"),
]

# Offer templates: (title, category, partner key, summary, description, tags, target groups,
# languages, free of charge, costs, accessible, referral, opening hours, contact role).
OFFERS = [
    ("Sozialpsychiatrischer Dienst {place}", "Psychische Gesundheit", "counselling",
     "Beratung und Begleitung bei psychischer Belastung und in seelischen Krisen.",
     "Vertrauliche Gespräche für Menschen mit psychischer Belastung, psychischen Erkrankungen und für "
     "Angehörige. Hilfe bei der Suche nach Therapie und Klinik, Hausbesuche möglich.",
     "psychische Belastung, Krise, Depression, Angst", ["all"], ["de", "en"], True, "", True,
     "Kund:innen vereinbaren selbst einen Termin; mit Einverständnis auch Kontaktaufnahme durch das Jobcenter.",
     "Mo–Fr 9–12 Uhr, Do 14–17 Uhr", "Fachkraft Sozialpädagogik"),
    ("Suchtberatung {place}", "Sucht", "addiction",
     "Beratung bei Alkohol, Medikamenten, Cannabis und Glücksspiel.",
     "Offene Sprechstunde, Einzelgespräche, Vermittlung in Entgiftung und Entwöhnungsbehandlung, "
     "Nachsorgegruppen. Auch für Angehörige.",
     "Sucht, Alkohol, Glücksspiel, Drogen", ["all"], ["de", "ru", "tr"], True, "", True,
     "Offene Sprechstunde ohne Anmeldung; Überleitung durch das Jobcenter mit Einverständnis.",
     "Di 14–16 Uhr offene Sprechstunde", "Suchtberatung"),
    ("Selbsthilfegruppe Depression {place}", "Psychische Gesundheit", "",
     "Austausch unter Betroffenen mit Depression und psychischer Belastung.",
     "Die Gruppe trifft sich alle zwei Wochen. Neue Teilnehmende sind willkommen; ein Vorgespräch ist "
     "möglich.", "Depression, psychische Belastung, Selbsthilfe", ["all"], ["de"], True, "", False,
     "Direkte Kontaktaufnahme über die Selbsthilfekontaktstelle.", "jeden zweiten Mittwoch 18 Uhr",
     "Selbsthilfekontaktstelle"),
    ("Rückenschule {place}", "Bewegung und Ernährung", "insurer",
     "Präventionskurs für einen gesunden Rücken, von der Krankenkasse bezuschusst.",
     "Zehn Termine mit Übungen zur Kräftigung und Entspannung; für Einsteiger:innen geeignet.",
     "Rücken, Bewegung, Prävention", ["all", "ue50"], ["de"], False, "bis zu 100 % Erstattung durch die Krankenkasse",
     True, "Anmeldung bei der Krankenkasse.", "Mo 18–19 Uhr", "Gesundheitsberatung"),
    ("Ernährungsberatung {place}", "Bewegung und Ernährung", "insurer",
     "Einzelberatung und Kochkurse zu gesunder Ernährung mit kleinem Budget.",
     "Praktische Tipps für den Alltag, gemeinsames Kochen, Hinweise zu Diabetes und Übergewicht.",
     "Ernährung, Kochen, Diabetes", ["families", "all"], ["de", "ar"], True, "", True,
     "Anmeldung telefonisch.", "nach Vereinbarung", "Ernährungsberatung"),
    ("Stressbewältigung und Entspannung {place}", "Psychische Gesundheit", "insurer",
     "Präventionskurs gegen Stress und psychische Belastung (§ 20 SGB V).",
     "Acht Termine: Progressive Muskelentspannung, Achtsamkeit, Umgang mit Belastungen im Alltag und bei "
     "der Arbeitssuche.", "Stress, psychische Belastung, Entspannung", ["all"], ["de"], True, "", True,
     "Anmeldung bei der Krankenkasse.", "Mi 17–18.30 Uhr", "Gesundheitsberatung"),
    ("Schuldner- und Insolvenzberatung {place}", "Familie und Teilhabe", "municipality",
     "Hilfe bei Schulden, die oft auch psychisch belasten.",
     "Existenzsicherung, Haushaltsplan, Verhandlungen mit Gläubiger:innen, Begleitung in die Insolvenz.",
     "Schulden, Geld, Existenzsicherung", ["all", "families"], ["de", "uk"], True, "", True,
     "Überweisung durch das Jobcenter (Leistung nach § 16a SGB II).", "Mo–Do 8–12 Uhr", "Schuldnerberatung"),
    ("Psychotherapeutische Sprechstunde – Vermittlung {place}", "Psychische Gesundheit", "clinic",
     "Erstgespräch und Vermittlung in ambulante Psychotherapie.",
     "Die psychiatrische Institutsambulanz bietet Erstgespräche und Krisentermine; Wartezeiten werden "
     "überbrückt.", "Psychotherapie, Krise, Angst", ["all"], ["de", "en"], True, "Leistung der Krankenkasse", True,
     "Mit Versichertenkarte; Terminvereinbarung auch über die Terminservicestelle 116117.",
     "Mo–Fr 8–16 Uhr", "Ambulanz"),
    ("Lauftreff für Einsteiger:innen {place}", "Bewegung und Ernährung", "",
     "Gemeinsam bewegen, in der Gruppe und ohne Leistungsdruck.",
     "Walking und leichtes Laufen im Park, Treffpunkt am Eingang; auch für Menschen mit wenig Erfahrung.",
     "Bewegung, Sport, Gruppe", ["all", "u25"], ["de"], True, "", False,
     "Einfach vorbeikommen.", "Sa 10 Uhr", "Übungsleitung"),
    ("Rauchfrei-Kurs {place}", "Sucht", "insurer",
     "Kurs zur Raucherentwöhnung, von der Krankenkasse bezuschusst.",
     "Sechs Termine in der Gruppe, Begleitung in den ersten rauchfreien Wochen.",
     "Rauchen, Nikotin, Sucht", ["all"], ["de"], False, "Zuschuss der Krankenkasse", True,
     "Anmeldung bei der Krankenkasse.", "Di 18 Uhr", "Gesundheitsberatung"),
    ("Erziehungs- und Familienberatung {place}", "Familie und Teilhabe", "municipality",
     "Beratung für Eltern, Kinder und Jugendliche in belastenden Situationen.",
     "Unterstützung bei Erziehungsfragen, Trennung, Konflikten und psychischer Belastung in der Familie.",
     "Familie, Kinder, Erziehung, psychische Belastung", ["families", "single_parents"], ["de", "ar", "tr"], True, "",
     True, "Eltern melden sich selbst; auf Wunsch mit Unterstützung durch das Jobcenter.",
     "Mo–Fr 8–16 Uhr", "Familienberatung"),
    ("Freiwilligenagentur {place}", "Familie und Teilhabe", "municipality",
     "Ehrenamtliche Tätigkeiten finden: Tagesstruktur, Kontakte und Teilhabe.",
     "Beratung zu Ehrenamt in Vereinen, sozialen Einrichtungen und Umweltprojekten.",
     "Ehrenamt, Teilhabe, Tagesstruktur", ["long_term", "ue50"], ["de", "en"], True, "", True,
     "Termin per Telefon oder E-Mail.", "Di und Do 10–13 Uhr", "Freiwilligenkoordination"),
    ("Reha-Beratung {place}", "Rehabilitation", "reha",
     "Beratung zu medizinischer und beruflicher Rehabilitation.",
     "Klärung des Reha-Bedarfs, Antragstellung bei der Rentenversicherung, stufenweise Wiedereingliederung.",
     "Reha, Rehabilitation, Wiedereingliederung", ["all", "disability"], ["de"], True, "", True,
     "Antrag über die Rentenversicherung; das Jobcenter unterstützt beim Antrag.", "Mi 9–15 Uhr",
     "Reha-Fachberatung"),
    ("Migrationsberatung mit Gesundheitslotsen {place}", "Familie und Teilhabe", "counselling",
     "Gesundheitsinformationen in mehreren Sprachen, Begleitung zu Ärzt:innen.",
     "Gesundheitslotsinnen und -lotsen erklären das deutsche Gesundheitssystem und begleiten zu Terminen.",
     "Migration, Gesundheitssystem, Sprachmittlung", ["refugees"], ["de", "ar", "uk", "fa", "ru", "tr"], True, "",
     True, "Direkte Kontaktaufnahme; Dolmetschende auf Anfrage.", "Mo–Do 9–15 Uhr", "Migrationsberatung"),
    ("Jugendberatung U25 {place}", "Psychische Gesundheit", "counselling",
     "Anlaufstelle für junge Menschen mit psychischer Belastung, Sucht oder Wohnungsproblemen.",
     "Niedrigschwellige Beratung, auch online; Vermittlung in Hilfen der Jugendhilfe und Therapie.",
     "Jugendliche, psychische Belastung, Wohnen", ["u25"], ["de", "en"], True, "", True,
     "Ohne Anmeldung oder per Chat.", "Mo–Fr 12–18 Uhr", "Jugendsozialarbeit"),
    ("Bewegungsgruppe 50 plus {place}", "Bewegung und Ernährung", "",
     "Sanfte Gymnastik und Gleichgewichtstraining für Menschen ab 50.",
     "Wöchentliche Gruppe im Gemeindezentrum; Kräftigung, Beweglichkeit, Sturzprophylaxe.",
     "Bewegung, Senior:innen, Gymnastik", ["ue50"], ["de"], False, "3 € je Termin", True,
     "Einfach vorbeikommen.", "Do 10 Uhr", "Übungsleitung"),
    ("Ambulante medizinische Rehabilitation {place}", "Rehabilitation", "reha",
     "Ganztägig ambulante Reha bei Rücken-, Gelenk- und psychosomatischen Erkrankungen.",
     "Therapie tagsüber, die Nächte zu Hause; geeignet auch für Eltern mit Kindern.",
     "Reha, Rücken, Psychosomatik", ["all", "families"], ["de"], True, "Leistung der Rentenversicherung", True,
     "Antrag über die Rentenversicherung.", "Mo–Fr 8–16 Uhr", "Patientenaufnahme"),
    ("Krisentelefon {region}", "Psychische Gesundheit", "clinic",
     "Rund um die Uhr erreichbar bei akuter psychischer Krise.",
     "Fachkräfte am Telefon beraten Betroffene und Angehörige und schicken bei Bedarf ein mobiles Team.",
     "Krise, Suizidgedanken, psychische Belastung, Notfall", ["all"], ["de", "en"], True, "", True,
     "Direkt anrufen; in Lebensgefahr 112.", "rund um die Uhr", "Krisendienst"),
    ("Gesundheitskurs „Gesund in Arbeit“ {place}", "Bewegung und Ernährung", "insurer",
     "Kurs für arbeitsuchende Menschen: Bewegung, Ernährung, Umgang mit Stress.",
     "Kooperationsangebot von Jobcenter und Krankenkasse nach § 20a SGB V; zwölf Termine in kleinen Gruppen.",
     "Gesundheitsförderung, Stress, Bewegung", ["long_term", "all"], ["de"], True, "", True,
     "Zuweisung durch die Integrationsfachkraft.", "Di und Do 9–11 Uhr", "Kursleitung"),
    ("Pflegestützpunkt {place}", "Familie und Teilhabe", "municipality",
     "Beratung für pflegende Angehörige, die Arbeit und Pflege vereinbaren wollen.",
     "Leistungen der Pflegeversicherung, Entlastungsangebote, Kurzzeitpflege.",
     "Pflege, Angehörige, Entlastung", ["families", "ue50"], ["de", "pl", "ro"], True, "", True,
     "Termin vereinbaren; Hausbesuche möglich.", "Mo–Fr 9–12 Uhr", "Pflegeberatung"),
]

# Information entries (the same for every region): (title, topic, category, summary, description,
# conversation tips, sources).
INFO = [
    ("Ärztlichen Dienst der Agentur einschalten", "process", "Beratungsprozess",
     "Wann und wie ein Gutachten des Ärztlichen Dienstes angefordert wird.",
     "Bei Zweifeln an der Leistungsfähigkeit: Einverständnis einholen, Gesundheitsfragebogen aushändigen, "
     "Auftrag mit konkreter Fragestellung stellen, Ergebnis mit der Kundin oder dem Kunden besprechen.", "", ""),
    ("Reha-Bedarf erkennen", "process", "Beratungsprozess",
     "Hinweise auf einen Bedarf an medizinischer oder beruflicher Rehabilitation.",
     "Lange Arbeitsunfähigkeit, wiederholte Abbrüche, körperliche Einschränkungen: Reha-Beratung anbieten und "
     "den Antrag bei der Rentenversicherung unterstützen.", "", ""),
    ("Nachsorge nach Klinikaufenthalt", "process", "Beratungsprozess",
     "Anschlussprozess nach einem Aufenthalt in Klinik oder Reha.",
     "Wiedereinstiegsgespräch anbieten, Belastbarkeit gemeinsam einschätzen, Nachsorgeangebote vermitteln.", "", ""),
    ("Depression – Hinweise für das Beratungsgespräch", "conditions", "Krankheitsbilder",
     "Neutrale Informationen zu Depression; kein Diagnoseinstrument.",
     "Depressionen sind häufig und gut behandelbar. Typisch sind gedrückte Stimmung, Antriebslosigkeit und "
     "Schlafprobleme über mindestens zwei Wochen.",
     "Ruhig und wertschätzend nachfragen, kleine Schritte vereinbaren, auf Hilfsangebote hinweisen; bei "
     "Suizidgedanken an den Krisendienst verweisen.",
     "Stiftung Deutsche Depressionshilfe und Suizidprävention; S3-Leitlinie Unipolare Depression"),
    ("Suchterkrankungen – Hinweise für das Beratungsgespräch", "conditions", "Krankheitsbilder",
     "Neutrale Informationen zu Sucht und Abhängigkeit; kein Diagnoseinstrument.",
     "Abhängigkeit zeigt sich in Kontrollverlust, Entzugserscheinungen und Vernachlässigung anderer Interessen.",
     "Ohne Vorwurf ansprechen, Beobachtungen schildern statt Diagnosen stellen, Suchtberatung anbieten.",
     "Deutsche Hauptstelle für Suchtfragen (DHS)"),
    ("Chronische Rückenschmerzen – Hinweise für das Beratungsgespräch", "conditions", "Krankheitsbilder",
     "Neutrale Informationen zu chronischen Rückenschmerzen; kein Diagnoseinstrument.",
     "Chronische Rückenschmerzen haben oft mehrere Ursachen; Bewegung und Aktivität helfen meist mehr als Schonung.",
     "Nach Tätigkeiten fragen, die gut gehen; Präventionskurse und Reha-Beratung ansprechen.",
     "Nationale VersorgungsLeitlinie Nicht-spezifischer Kreuzschmerz"),
    ("Schulung: Gesundheitsorientierte Beratung", "staff", "Qualifizierung",
     "Halbtägige Schulung für Integrationsfachkräfte.",
     "Gesundheit im Beratungsgespräch ansprechen, Angebote der Region kennen, Grenzen der eigenen Rolle.", "", ""),
    ("Bewegte Pause für Mitarbeitende", "workplace", "Betriebliches Gesundheitsmanagement",
     "Zehn Minuten Bewegung am Arbeitsplatz, zweimal in der Woche.",
     "Angebot des Betrieblichen Gesundheitsmanagements für alle Mitarbeitenden des Jobcenters.", "", ""),
]

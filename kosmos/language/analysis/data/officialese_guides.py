"""Officialese from public plain-language guides (added for issue 16).

Each entry is ``(pattern, plain alternative, source key)``. The pattern is a
regular expression matched case-insensitively at word boundaries; the wording
of the alternatives is ours. An entry follows the advice of the guide named by
its key (the guides give examples and word lists; no list is copied whole).
The entries were chosen from the guides' kinds of advice, never from a row of
the project's test sets (tests/language/data/), which were written before.

Sources
-------
BVA     Bundesverwaltungsamt, Bundesstelle für Büroorganisation und Bürotechnik:
        Arbeitshandbuch „Bürgernahe Verwaltungssprache“, 4. Auflage, Köln 2002
        (word list of officialese with plain alternatives; chapters on
        nominal style, "erfolgen", "sein + zu", legal references).
WI      Landeshauptstadt Wiesbaden und Gesellschaft für deutsche Sprache:
        „Leitsätze für eine bürgerfreundliche Verwaltungssprache“, Wiesbaden 2010.
KOM     KOMMUNAL, Serie „Bürgernahe Verwaltungssprache“ (mit Eckhard Stengel,
        Niedersächsisches Studieninstitut für kommunale Verwaltung), Berlin 2018.
BPB     Helmut Ebert: „Verwaltungssprache: Bürokratenspeak oder Bürgerdeutsch“,
        Bundeszentrale für politische Bildung, Dossier Sprache und Politik.
HDR     Bundesministerium der Justiz: Handbuch der Rechtsförmlichkeit,
        3. Auflage 2008 (Verweisungen; Abkürzungen in Rechtstexten).
"""

from __future__ import annotations

SOURCES: dict[str, str] = {
    "BVA": "Bundesverwaltungsamt (BBB): Arbeitshandbuch „Bürgernahe Verwaltungssprache“, 4. Aufl. 2002",
    "WI": "Landeshauptstadt Wiesbaden / GfdS: „Leitsätze für eine bürgerfreundliche Verwaltungssprache“, 2010",
    "KOM": "KOMMUNAL: Serie „Bürgernahe Verwaltungssprache“ (mit Eckhard Stengel), 2018",
    "BPB": "Helmut Ebert: „Verwaltungssprache: Bürokratenspeak oder Bürgerdeutsch“, bpb",
    "HDR": "Bundesministerium der Justiz: Handbuch der Rechtsförmlichkeit, 3. Aufl. 2008",
}

GUIDE_OFFICIALESE: list[tuple[str, str, str]] = [
    # Prepositions and connectors of the chancery style
    (r"gemäß", "nach", "BVA"),
    (r"aufgrund|auf Grund", "wegen, weil", "BVA"),
    (r"laut", "nach", "WI"),
    (r"entsprechend(?= (?:der|dem|den|Ihre[mnr]?|unsere[mnr]?)\b)", "nach", "KOM"),
    (r"sämtliche[nmrs]?", "alle", "BVA"),
    (r"etwaige[nmrs]?|etwaig", "mögliche", "BVA"),
    (r"jeweilige[nmrs]?", "(oft entbehrlich: weglassen)", "WI"),
    (r"einstweilen", "vorerst", "BVA"),
    (r"alsbald|baldmöglichst|schnellstmöglich", "bald; besser ein Datum", "KOM"),
    (r"zeitnah", "bald; besser ein Datum", "KOM"),
    (r"fristgerecht|fristgemäß", "rechtzeitig, bis zum …", "BVA"),
    (r"für den Fall, dass|im Falle(?:,? dass)?|falls erforderlich", "wenn", "BVA"),
    (r"sofern", "wenn", "BVA"),
    (r"soweit(?= (?:Sie|Ihre?|ein|eine|die|der|das|dies)\b)", "wenn", "BVA"),
    (r"nach Eingang", "wenn … bei uns ist", "WI"),
    (r"nach Vorliegen", "wenn … da ist", "WI"),
    (r"nach Ablauf", "nach, wenn … vorbei ist", "WI"),
    (r"nach erfolgter", "nach", "BVA"),
    (r"unter (?:dem )?Vorbehalt", "nur wenn …; vorläufig", "BVA"),
    (r"in (?:voller|tatsächlicher|angemessener) Höhe", "ganz; so viel, wie …", "KOM"),
    (r"in der Regel", "meistens", "WI"),
    (r"zur Kenntnisnahme|Kenntnisnahme|zur Kenntnis", "zur Information; lesen Sie bitte", "BVA"),
    (r"Wir machen Sie darauf aufmerksam|Es wird darauf aufmerksam gemacht", "Bitte beachten Sie", "BVA"),
    (r"Wir teilen Ihnen mit,? dass|Hiermit teilen wir Ihnen mit", "(weglassen und gleich sagen, was gilt)", "BVA"),
    (r"in (?:der|dieser) Angelegenheit|Angelegenheit", "Sache; nennen Sie sie beim Namen", "WI"),
    (r"Sachverhalte?s?", "was passiert ist; die Lage", "BVA"),
    (r"Vordrucke?s?", "Formular", "BVA"),
    (r"Dienststelle", "Jobcenter, Büro", "WI"),
    (r"Beweisurkunden?|Beweismittel[ns]?", "Nachweise, Belege", "BVA"),
    (r"Urkunden?", "Dokument, Bescheinigung", "BVA"),
    # Verbs of the chancery style
    (r"erfolg(?:t|en|te|ten)", "(Verb nennen: „Wir zahlen …“ statt „Die Zahlung erfolgt …“)", "BVA"),
    (r"ergeh(?:t|en)|ergangen(?:e[nmrs]?)?", "(Verb nennen: „Wir entscheiden …“)", "BVA"),
    (r"übersend(?:en|et|ete|eten)|übersandt(?:e[nmrs]?)?|zu übersenden", "schicken", "BVA"),
    (r"zuges[ae]ndt|zugesandt(?:e[nmrs]?)?", "geschickt", "BVA"),
    (r"beizufügen|beigefügt(?:e[nmrs]?)?|beifügen", "mitschicken", "BVA"),
    (r"bewillig(?:t|en|te|ten)|zu bewilligen", "(sagen, was die Person bekommt: „Sie bekommen …“)", "BVA"),
    (r"gewähr(?:t|en|te|ten)|zu gewähren", "geben, zahlen", "BVA"),
    (r"Weiterbewilligung|Weitergewährung", "Weiterzahlung", "BVA"),
    (r"Bewilligungszeitraum(?:e?s)?", "Zeit, für die Sie Geld bekommen", "KOM"),
    (r"Antragstellung", "Antrag; wenn Sie den Antrag stellen", "BVA"),
    (r"Anspruchs?|Leistungsanspruchs?", "Recht auf …; Sie bekommen …", "WI"),
    (r"Anrechnung|angerechnet|anzurechnen|rechne[nt] \w+ an", "wir ziehen … ab; zählt als Einkommen", "KOM"),
    (r"verrechne[nt]|verrechnet|Verrechnung", "abziehen", "KOM"),
    (r"aufgehoben|aufzuheben|Aufhebung", "zurückgenommen, nicht mehr gültig", "KOM"),
    (r"einzustellen|eingestellt(?= (?:werden|wird|wurde|worden))|Einstellung der Leistung(?:en)?", "nicht mehr zahlen", "KOM"),
    (r"entf(?:ällt|allen)|entfiel", "fällt weg, gibt es nicht mehr", "WI"),
    (r"nachzukommen|nachkomm(?:en|t)|(?:kommen|kommt) (?:Sie|sie|er|es) [^.,;:!?]{1,60}? nach|nachgekommen", "tun, erfüllen", "BVA"),
    (r"(?:liegt|liegen) (?:\w+ )?(?:nicht )?vor|vorliegt|vorliegen", "(genau sagen, was fehlt oder da ist)", "BVA"),
    (r"absehen|sehen Sie (?:bitte )?von|sehen wir von", "verzichten, nicht tun", "BVA"),
    (r"(?:Widerspruch|Klage) (?:zu )?erhoben|(?:Widerspruch|Klage) (?:zu )?erheben", "widersprechen; klagen", "BVA"),
    (r"quittieren", "bestätigen", "BVA"),
    (r"begleichen|zu begleichen", "bezahlen", "WI"),
    (r"entrichten|zu entrichten", "zahlen", "WI"),
    (r"unbekannt verzogen", "umgezogen, neue Adresse unbekannt", "KOM"),
    (r"zweckgebunden", "nur für … verwenden", "KOM"),
    (r"wahrheitsgemäß", "richtig, ehrlich", "WI"),
    (r"Vorlage", "Abgabe; schicken Sie uns …", "BVA"),
    (r"Nicht(?:erscheinen|beachtung|vorlage|einhaltung|befolgung|erfüllung|abgabe|teilnahme|mitwirkung)", "wenn Sie nicht …", "BPB"),
]

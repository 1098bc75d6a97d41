"""Realistic letters for the tests of letter structure and rules (invented, no real person)."""

# A Mitwirkungsaufforderung of about 250 words as Jobcenters write them: letterhead, reference
# line, subject, salutation, long body sentences with officialese and legal references, a list,
# closing and signature. OFFICIALESE_IN_MITWIRKUNG lists every officialese phrase in it.
MITWIRKUNG = """Jobcenter Musterstadt
Musterstraße 1
12345 Musterstadt

Ihr Zeichen: BG 12345
Datum: 14.03.2025

Betreff: Mitwirkungsaufforderung gemäß §§ 60 ff. SGB I

Sehr geehrte Frau Muster,

aufgrund der Überprüfung Ihres Antrags auf Weiterbewilligung der Leistungen zur Sicherung des Lebensunterhalts nach dem SGB II werden Sie gebeten, sämtliche nachstehend aufgeführten Unterlagen bis spätestens 15.04.2025 bei uns einzureichen, da ohne diese Beweisurkunden keine Entscheidung über Ihren Anspruch getroffen werden kann.

Im Einzelnen benötigen wir folgende Unterlagen:
- Kontoauszüge der letzten drei Monate
- Lohnabrechnungen für Januar und Februar 2025
- Nachweis über die Höhe der Miete

Wir weisen darauf hin, dass Sie gemäß § 60 Abs. 1 Nr. 1 SGB I verpflichtet sind, alle Tatsachen anzugeben, die für die Leistung erheblich sind, und auf Verlangen des zuständigen Leistungsträgers Beweisurkunden vorzulegen oder ihrer Vorlage zuzustimmen.

Kommen Sie Ihrer Mitwirkungspflicht bis zum genannten Termin nicht nach, können die Leistungen gemäß § 66 Abs. 1 SGB I ganz oder teilweise versagt werden, bis die Mitwirkung nachgeholt wird, wobei die Entscheidung im pflichtgemäßen Ermessen des Jobcenters getroffen wird.

Für Rückfragen stehen wir Ihnen gerne zur Verfügung.

Mit freundlichen Grüßen
Im Auftrag
M. Beispiel
"""

OFFICIALESE_IN_MITWIRKUNG = (
    "gemäß §§ 60 ff. SGB I",
    "aufgrund",
    "Weiterbewilligung",
    "sämtliche",
    "nachstehend",
    "Beweisurkunden",
    "Anspruch",
    "Wir weisen darauf hin",
    "gemäß § 60 Abs. 1 Nr. 1 SGB I",
    "Leistungsträgers",
    "verpflichtet",
    "Vorlage",
    "Kommen Sie Ihrer Mitwirkungspflicht bis zum genannten Termin nicht nach",
    "gemäß § 66 Abs. 1 SGB I",
    "zur Verfügung",
)

# The real sentences of its body (the list's lead-in sentence included) and their word counts.
MITWIRKUNG_BODY_SENTENCES = 5

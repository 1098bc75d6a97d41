"""Issue 16 on the pages: text difference on the compare page, letter parts, reasons and proposals."""

from __future__ import annotations

import pytest

from tests.language.helpers import url
from tests.language.letters import MITWIRKUNG

pytestmark = pytest.mark.django_db


def test_compare_page_shows_the_word_difference_in_text(world, client_for):
    before = "Die Leistungen werden Ihnen gewährt.\n\nMit freundlichen Grüßen"
    after = "Sie bekommen Geld von uns.\n\nMit freundlichen Grüßen"
    html = client_for(world.staff).post(
        url("org:language_compare", world), {"before": before, "after": after, "text_type": "brief"}
    ).content.decode()

    diff = html.split('<div class="lang-diff__text">')[1].split("</div>")[0]
    assert '<del class="lang-diff__del"><span class="kern-sr-only">[gelöscht: </span>Die Leistungen werden Ihnen gewährt.' in diff
    assert '<ins class="lang-diff__ins"><span class="kern-sr-only">[eingefügt: </span>Sie bekommen Geld von uns.' in diff
    assert "Mit freundlichen Grüßen" in diff and "<del" not in diff.split("Mit freundlichen")[1]
    assert "Was sich im Text geändert hat" in html


def test_check_page_shows_parts_reasons_and_a_marked_proposal(world, client_for):
    html = client_for(world.staff).post(
        url("org:language_check", world), {"text": MITWIRKUNG, "text_type": "brief"}
    ).content.decode()

    parts = html.split("Aufbau des Textes")[1].split("</table>")[0]
    for label in ("Briefkopf", "Betreff", "Anrede", "Brieftext", "Aufzählung", "Grußformel", "Unterschrift"):
        assert label in parts
    assert "3 Listenpunkte" in parts
    assert "Gemessen: 5 Sätze des Fließtexts" in html
    assert "Dieselbe Stelle zeigt außerdem:" in html
    assert "Vorschlag: die längsten Sätze in kürzere geteilt" in html
    assert "Dabei wird die Entscheidung im pflichtgemäßen Ermessen des Jobcenters getroffen." in html

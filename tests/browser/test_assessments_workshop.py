"""A full workshop self-assessment in the browser: the quality manager prepares and facilitates,
three demo members rate alone, the circle agrees, the result leads to an improvement project.
Every page passes axe-core (WCAG 2.1 A/AA), has one h1 and no CSP violation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kosmos.assessments.models import Assessment, ConsensusScore, Rating
from kosmos.core.demo import DEMO_PASSWORD
from kosmos.improvement.models import ImprovementProject

pytestmark = pytest.mark.browser

ASSESSORS = [
    ("bewertung@freiburg.example", "Leyla Aydın", 20, 40),
    ("bewertung2@freiburg.example", "Jan Petersen", 60, 40),
    ("bewertung3@freiburg.example", "Sabine Roth", 70, 45),
]
TITLE = "Selbstbewertung 2026 (Browsertest)"


def _submit(visitor, label: str) -> None:  # noqa: ANN001
    visitor.page.get_by_role("button", name=label, exact=True).click()
    visitor.page.wait_for_load_state()


def _follow(visitor, name: str) -> None:  # noqa: ANN001
    visitor.page.locator("main").get_by_role("link", name=name, exact=True).first.click()
    visitor.page.wait_for_load_state()
    visitor.assert_accessible()


def _prepare(qm) -> str:  # noqa: ANN001
    page = qm.page
    qm.goto("/o/freiburg/selbstbewertung/")
    qm.assert_accessible()
    _follow(qm, "Selbstbewertung beginnen")
    page.fill("#id_title", TITLE)
    page.check("input[name=method][value=workshop]")
    page.fill("#id_start_date", "2026-03-02")
    page.fill("#id_weeks", "10")
    _submit(qm, "Anlegen")
    qm.assert_accessible()
    base = re.sub(r"^https?://[^/]+", "", page.url)
    assert re.fullmatch(r"/o/freiburg/selbstbewertung/[0-9a-f-]{36}/", base)

    for index, (_email, name, _first, _other) in enumerate(ASSESSORS):
        qm.goto(base + "gruppe/neu/")
        if index == 0:
            qm.assert_accessible()
        page.select_option("#id_user", label=name)
        page.select_option("#id_gender", "wm"[index % 2])
        page.select_option("#id_level", ["fuehrung", "mitarbeitende", "mitarbeitende"][index])
        page.fill("#id_department", ["Leistung", "Markt und Integration", "Controlling"][index])
        for code in "1234567":
            page.check(f"input[name=criteria][value='{code}']")
        _submit(qm, "Speichern")
    qm.assert_accessible()
    assert page.locator(".kern-alert--warning").count() >= 1  # only three members: the check warns

    qm.goto(base + "kalibrierung/")
    qm.assert_accessible()
    _follow(qm, "Kalibrierung festhalten")
    page.fill("#id_attitude", "Selbstkritisch und ehrlich; es zählt, was wir belegen können.")
    page.check("#id_reference_acknowledged")
    _submit(qm, "Speichern")
    qm.assert_accessible()

    qm.goto(base + "fragenset/bearbeiten/")
    qm.assert_accessible()
    fieldsets = page.locator("main fieldset")
    for index in range(7):
        fieldsets.nth(index).locator("input[type=checkbox]").first.check()
    expect(page.locator("#balance")).to_contain_text("7 Fragen ausgewählt")
    assert "Empfohlen sind 4 bis 6" in page.locator("#balance").inner_text()  # live via htmx
    _submit(qm, "Fragenset speichern")
    qm.assert_accessible()
    page.check("#id_accept_warnings")
    page.fill("#id_note", "Erster Durchlauf mit einer Frage je Kriterium.")
    _submit(qm, "Fragenset festlegen")
    qm.assert_accessible()
    assert "festgelegt" in page.locator("main").inner_text()

    qm.goto(base + "belege/")
    qm.assert_accessible()
    page.locator("main").get_by_role("link", name=re.compile("^Beleg hinzufügen")).first.click()
    page.wait_for_load_state()
    qm.assert_accessible()
    page.fill("#id_title", "Leitbild 2021")
    page.fill("#id_url", "https://intranet.example/leitbild")
    _submit(qm, "Speichern")
    qm.assert_accessible()

    qm.goto(base)
    _submit(qm, "Weiter zu: Einzelbewertung")
    qm.assert_accessible()
    return base


def _rate(browser_factory, base: str, email: str, first: int, other: int, first_rater: bool) -> None:  # noqa: ANN001
    visitor = browser_factory()
    visitor.login(email, DEMO_PASSWORD)
    page = visitor.page
    visitor.goto(base + "bewertung/")
    visitor.assert_accessible()
    assert page.locator("main").get_by_role("link", name="Bewertungszirkel").count() == 0
    page.locator("main table a.kern-link").first.click()
    page.wait_for_load_state()
    visitor.assert_accessible()
    for position in range(7):
        selects = page.locator("main select")
        # anti-anchoring: nothing of the other members is preselected
        assert all(selects.nth(i).input_value() == "" for i in range(selects.count()))
        for i in range(selects.count()):
            selects.nth(i).select_option(str(first if position == 0 else other))
        if position == 0:
            page.fill("#id_strengths", "Leitbild liegt schriftlich vor")
            page.fill("#id_improvements", "Leitbild ist vielen Mitarbeitenden nicht bekannt" if first_rater
                      else "Leitbild ist den Mitarbeitenden kaum bekannt")
        _submit(visitor, "Speichern und nächste Frage" if position < 6 else "Speichern")
        if position == 0 and first_rater:
            visitor.assert_accessible()
    visitor.assert_accessible()
    assert "7 von 7 Fragen" in page.locator("main").inner_text()
    visitor.close()


def test_a_full_workshop_assessment_from_kick_off_to_an_improvement_project(demo, visitor_factory) -> None:  # noqa: ANN001
    qm = visitor_factory()
    qm.login("qm@freiburg.example", DEMO_PASSWORD)
    base = _prepare(qm)

    for index, (email, _name, first, other) in enumerate(ASSESSORS):
        _rate(visitor_factory, base, email, first, other, index == 0)
    assessment = Assessment.objects.get(title=TITLE)
    assert Rating.objects.filter(item__assessment=assessment).count() == 21

    page = qm.page
    qm.goto(base)
    _submit(qm, "Weiter zu: Bewertungszirkel")
    qm.goto(base + "zirkel/")
    qm.assert_accessible()
    first_row = page.locator("main tbody tr").first
    assert "Spannweite ≥ 30" in first_row.inner_text()
    assert "20 · 60 · 70" in first_row.inner_text()
    assert "Leyla" not in page.locator("main").inner_text()
    _submit(qm, "Vorschlag für alle Fragen ohne Diskussionsbedarf übernehmen")
    qm.assert_accessible()
    assert ConsensusScore.objects.filter(item__assessment=assessment).count() == 6
    page.locator("main tbody tr").first.locator("a.kern-link").first.click()
    page.wait_for_load_state()
    qm.assert_accessible()
    page.select_option("#id_score", "40")
    _submit(qm, "Konsens festhalten")
    assert "Begründung" in page.locator(".kosmos-error-summary").inner_text()
    qm.assert_accessible()
    page.fill("#id_reason", "Belege zeigen das Leitbild nur in der Leitung; wir bleiben unter dem Mittelwert.")
    _submit(qm, "Konsens festhalten")
    qm.assert_accessible()

    qm.goto(base + "befunde/")
    qm.assert_accessible()
    _submit(qm, "Einträge der Mitglieder zusammenführen")
    qm.assert_accessible()
    potentials = page.locator("main").get_by_text("Leitbild ist vielen Mitarbeitenden nicht bekannt")
    assert potentials.count() == 1  # the near-identical entry of another member was merged into it
    page.locator("main").get_by_role("link", name=re.compile("^Ändern oder verschlagworten")).last.click()
    page.wait_for_load_state()
    qm.assert_accessible()
    page.fill("#id_tags", "Kommunikation")
    _submit(qm, "Speichern")
    qm.assert_accessible()

    qm.goto(base)
    _submit(qm, "Weiter zu: Abgeschlossen")
    qm.assert_accessible()
    qm.goto(base + "ergebnis/")
    qm.assert_accessible()
    main = page.locator("main").inner_text()
    assert "von 1000 Punkten" in main and "Stufe" in main
    assert page.locator("main svg[role=img]").count() == 1

    _follow(qm, "Von Potenzialen zu Handlungsfeldern")
    page.locator("input[name=findings]").first.check()
    page.fill("#id_title", "Leitbild in allen Teams besprechen")
    page.fill("#id_goal", "Bis Ende 2026 kennen 80 % der Mitarbeitenden das Leitbild, damit Entscheidungen nachvollziehbar werden.")
    page.fill("#id_indicator", "Anteil in der Mitarbeitendenbefragung")
    page.fill("#id_owner", "Geschäftsführung")
    page.fill("#id_due_date", "2026-12-15")
    _submit(qm, "Speichern")
    qm.assert_accessible()
    assert "SMART" in page.locator("main").inner_text()

    qm.goto("/o/freiburg/verbesserung/priorisieren/")
    qm.assert_accessible()
    page.locator("main select").first.select_option("3")
    _submit(qm, "Einordnung speichern")
    qm.assert_accessible()

    qm.goto("/o/freiburg/verbesserung/")
    page.locator("main").get_by_role("link", name="Leitbild in allen Teams besprechen").click()
    page.wait_for_load_state()
    _follow(qm, "Verbesserungsprojekt beginnen")
    page.select_option("#id_owner", label="Thomas Berger")
    page.select_option("#id_status", "active")
    page.fill("#id_milestones", "Dialogformat entwickelt; 2026-06-30\nDialoge in allen Teams geführt")
    _submit(qm, "Speichern")
    qm.assert_accessible()
    project = ImprovementProject.objects.get(title="Leitbild in allen Teams besprechen")
    assert project.milestones.count() == 2
    page.get_by_role("button", name=re.compile("^Als erledigt markieren")).first.click()
    page.wait_for_load_state()
    qm.assert_accessible()

    qm.goto("/o/freiburg/")
    qm.assert_accessible()
    assert "Leitbild in allen Teams besprechen" in page.locator("main").inner_text()

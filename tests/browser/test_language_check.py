"""Verständliche Sprache in the browser: a staff member checks a letter and jumps between the
findings and their places with the keyboard; the quality manager adds a glossary term and sees it
in the next check. Every page is axe-clean and needs no JavaScript."""

from __future__ import annotations

import pytest

from kosmos.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

LETTER = (
    "Sehr geehrte Damen und Herren,\n\n"
    "hiermit werden Sie aufgefordert, die nachstehend aufgeführten Unterlagen unverzüglich vorzulegen, da "
    "andernfalls die Leistungen ganz oder teilweise versagt werden können, sofern die Voraussetzungen für die "
    "Gewährung der Leistung nicht nachgewiesen werden.\n\n"
    "Bitte legen Sie auch Ihre Kontoauszüge vor. Die Vorlage ist zwingend erforderlich.\n\n"
    "Mit freundlichen Grüßen\nIhr Jobcenter"
)


def _tab_to(page, selector: str, limit: int = 250) -> None:  # noqa: ANN001
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(sel) => document.activeElement.matches(sel)", selector):
            return
    raise AssertionError(f"{selector} not reached with the keyboard")


def test_staff_check_a_letter_and_jump_to_a_finding_with_the_keyboard(demo, visitor_factory) -> None:  # noqa: ANN001
    visitor = visitor_factory()
    visitor.login("team@freiburg.example", DEMO_PASSWORD)
    page = visitor.page
    page.click("nav.kosmos-nav >> text=Verständliche Sprache")
    page.wait_for_url("**/o/freiburg/sprache/")
    visitor.assert_accessible()

    page.fill("#id_text", LETTER)
    page.check("#id_text_type_0")
    page.click("main button[type=submit]")
    page.wait_for_load_state()

    # The findings are marked in place, each with its number, and the summary says it in words.
    marks = page.locator(".lang-text mark[id^='stelle-']")
    assert marks.count() >= 6
    assert page.locator(".lang-summary__light").inner_text().startswith(("Rot", "Gelb", "Grün"))
    assert page.locator("#stelle-1 .kern-sr-only").first.text_content().startswith("[Fundstelle 1,")
    visitor.assert_accessible()

    # Keyboard: from the list of findings to the place in the text …
    page.locator("#ergebnis").focus()
    _tab_to(page, ".lang-finding__link")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_function("(hash) => location.hash === hash", arg=target)
    assert page.evaluate("document.activeElement.id") == target.lstrip("#")
    assert page.locator(target).is_visible()
    # … and from the place back to its explanation.
    _tab_to(page, ".lang-mark__link", limit=5)
    back = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_function("(hash) => location.hash === hash", arg=back)
    assert page.evaluate("document.activeElement.id") == back.lstrip("#")
    assert visitor.csp_violations == []


def test_the_quality_manager_adds_a_glossary_term_and_sees_it_in_a_check(demo, visitor_factory) -> None:  # noqa: ANN001
    visitor = visitor_factory()
    visitor.login("qm@freiburg.example", DEMO_PASSWORD)
    page = visitor.page
    visitor.goto("/o/freiburg/sprache/glossar/")
    visitor.assert_accessible()
    page.click("main >> text=Neuer Eintrag")
    page.wait_for_url("**/sprache/glossar/neu/")
    page.check("input[name=kind][value=avoid]")
    page.fill("#id_term", "Kontoauszüge")
    page.fill("#id_replacement", "Auszüge von Ihrem Bankkonto")
    page.click("main button[type=submit]")
    page.wait_for_url("**/sprache/glossar/")
    assert "„Kontoauszüge“ wurde ins Glossar aufgenommen." in page.locator(".kosmos-messages").inner_text()

    visitor.goto("/o/freiburg/sprache/")
    page.fill("#id_text", LETTER)
    page.click("main button[type=submit]")
    page.wait_for_load_state()

    finding = page.locator(".lang-finding", has_text="Begriff vermeiden (Glossar)")
    assert finding.count() == 1
    assert "Schreiben Sie: „Auszüge von Ihrem Bankkonto“." in finding.inner_text()
    visitor.assert_accessible()


def test_a_bad_upload_shows_the_german_error_and_keeps_the_text(demo, visitor_factory, tmp_path) -> None:  # noqa: ANN001
    broken = tmp_path / "brief.docx"
    broken.write_bytes(b"PK\x03\x04 kein Word")
    visitor = visitor_factory()
    visitor.login("team@freiburg.example", DEMO_PASSWORD)
    page = visitor.page
    visitor.goto("/o/freiburg/sprache/")
    page.fill("#id_text", "Mein getippter Text.")
    page.set_input_files("#id_file", str(broken))
    page.click("main button[type=submit]")
    page.wait_for_load_state()

    assert "„brief.docx“ ist beschädigt" in page.locator(".kosmos-error-summary").inner_text()
    assert page.input_value("#id_text") == "Mein getippter Text."
    visitor.assert_accessible()


def test_library_template_and_comparison_pages_are_accessible(demo, visitor_factory) -> None:  # noqa: ANN001
    visitor = visitor_factory()
    visitor.login("qm@freiburg.example", DEMO_PASSWORD)
    page = visitor.page
    visitor.goto("/o/freiburg/sprache/vorlagen/")
    visitor.assert_accessible()
    rows = page.locator("table.lang-library tbody tr")
    assert rows.count() == 8
    first = rows.first.locator("th a")
    first.click()
    page.wait_for_load_state()
    visitor.assert_accessible()
    page.click("main >> text=Die letzten beiden Fassungen vergleichen")
    page.wait_for_load_state()
    assert page.locator("#ergebnis").is_visible()
    visitor.assert_accessible()


def test_the_check_result_fits_a_phone(demo, browser, live_server) -> None:  # noqa: ANN001
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto("/anmelden/")
    page.fill("#id_username", "team@freiburg.example")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/o/freiburg/")
    page.goto("/o/freiburg/sprache/")
    page.fill("#id_text", LETTER)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the result scrolls sideways by {overflow}px on a phone"
    context.close()

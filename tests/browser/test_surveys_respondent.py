"""A staff member answers a survey on a phone, with the keyboard only; every page is axe-clean,
scrolls only vertically, sets no cookie and loads nothing from elsewhere."""

from __future__ import annotations

import pytest

from kosmos.surveys.models import Answer, Response, TextAnswer
from tests.factories import build_world
from tests.surveys.conftest import build_survey, open_wave

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def wave(transactional_db, settings, live_server):  # noqa: ANN001
    settings.BASE_URL = live_server.url
    world = build_world()
    return open_wave(build_survey(world), world.qm)


def _phone(browser, live_server):  # noqa: ANN001
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, has_touch=True)
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    return context, page, violations, requests


def _check(page, run_axe) -> None:  # noqa: ANN001
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"
    violations = run_axe(page)
    assert violations == [], f"axe on {page.url}: {violations}"
    assert page.locator("h1").count() == 1


@pytest.fixture
def axe():  # noqa: ANN201
    from tests.browser.conftest import AXE_JS, WCAG_TAGS

    def run(page) -> list:  # noqa: ANN001
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        return page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
            ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))",
            WCAG_TAGS,
        )

    return run


def _tab_to(page, selector: str, limit: int = 60) -> None:  # noqa: ANN001
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with the Tab key")


def test_a_staff_member_answers_on_a_phone_with_the_keyboard_only(wave, browser, live_server, axe):  # noqa: ANN001
    context, page, csp, requests = _phone(browser, live_server)
    page.goto(f"/b/{wave.public_id}/")
    _check(page, axe)
    assert page.locator("text=Teil 1 von 3").count() == 1

    # Page 1: the group question and the satisfaction scale with arrow keys, a checkbox with Space.
    _tab_to(page, "input[name=q_in_welchem_bereich_arbeiten_sie]")
    page.keyboard.press("ArrowDown")  # → Markt und Integration
    page.keyboard.press("ArrowDown")  # → Service
    _tab_to(page, "input[name=q_wie_zufrieden_sind_sie_insgesamt]")
    for _ in range(3):
        page.keyboard.press("ArrowDown")  # Sehr zufrieden → … → Eher unzufrieden
    _tab_to(page, "input[name=q_wie_erreichen_sie_uns]")
    page.keyboard.press("Space")  # Telefon
    _tab_to(page, "button[value=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Page 2: the conditional question is shown (unsatisfied); a number and a matrix row.
    _check(page, axe)
    assert page.locator("text=Teil 2 von 3").count() == 1
    assert page.locator("text=Was stört Sie?").count() == 1
    _tab_to(page, "textarea[name=q_was_stoert_sie]")
    page.keyboard.type("Die Wartezeit am Telefon")
    _tab_to(page, "input[name=q_seit_wie_vielen_jahren]")
    page.keyboard.type("7")
    _tab_to(page, "input[name=q_wie_sehr_stimmen_sie_zu_1]")
    page.keyboard.press("ArrowDown")
    _tab_to(page, "button[value=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Page 3: a free text, then send.
    _check(page, axe)
    _tab_to(page, "textarea[name=q_was_moechten_sie_uns_noch_sagen]")
    page.keyboard.type("Danke für die Befragung.")
    _tab_to(page, "button[value=submit]")
    with page.expect_navigation(url="**/danke/"):
        page.keyboard.press("Enter")
    _check(page, axe)
    assert page.locator("h1").inner_text() == "Vielen Dank!"

    assert context.cookies() == []
    assert all(url.startswith(live_server.url) for url in requests), [u for u in requests if not u.startswith(live_server.url)]
    assert csp == []
    response = Response.objects.get()
    assert response.g1 == 3  # Service
    assert Answer.objects.get(response=response, question__kind="likert").value == 4  # "Eher unzufrieden"
    assert sorted(TextAnswer.objects.values_list("text", flat=True)) == ["Danke für die Befragung.",
                                                                        "Die Wartezeit am Telefon"]
    context.close()


def test_errors_are_announced_and_linked_on_a_phone(wave, browser, live_server, axe):  # noqa: ANN001
    context, page, _csp, _requests = _phone(browser, live_server)
    page.goto(f"/b/{wave.public_id}/")
    with page.expect_navigation():
        page.click("button[value=next]")

    summary = page.locator(".kosmos-error-summary")
    assert summary.is_visible()
    assert summary.get_attribute("role") == "alert"
    assert summary.locator("a[href='#id_q_wie_zufrieden_sind_sie_insgesamt']").count() == 1
    _check(page, axe)
    context.close()


@pytest.fixture
def followup_wave(transactional_db, settings, live_server):  # noqa: ANN001
    from tests.surveys.test_views_respond_followup import build_followup_survey

    settings.BASE_URL = live_server.url
    world = build_world()
    return open_wave(build_followup_survey(world), world.qm)


def test_a_follow_up_question_appears_only_when_it_applies_with_and_without_javascript(
        followup_wave, browser, live_server, axe):  # noqa: ANN001
    trigger = "input[name=q_hatten_sie_kontakt_mit_uns]"
    # With JavaScript: shown and announced on "Ja", hidden on "Nein"; the focus stays on the answer.
    context, page, csp, _requests = _phone(browser, live_server)
    page.goto(f"/b/{followup_wave.public_id}/")
    follow_up = page.locator("#folge-wie_war_der_kontakt")
    assert follow_up.is_hidden()
    assert page.locator(f"{trigger}[value=ja]").get_attribute("aria-controls") == "folge-wie_war_der_kontakt"
    _tab_to(page, trigger)
    page.keyboard.press("Space")  # Ja
    assert follow_up.is_visible()
    assert page.evaluate("document.activeElement.value") == "ja"
    page.wait_for_selector("[data-kosmos-announce]:has-text('Wie war der Kontakt?')", state="attached")
    _check(page, axe)
    page.keyboard.press("ArrowDown")  # Nein
    assert follow_up.is_hidden()
    page.keyboard.press("ArrowUp")  # Ja again
    page.fill("textarea[name=q_wie_war_der_kontakt]", "Freundlich")
    with page.expect_navigation():
        page.click("button[value=next]")
    assert page.locator("text=Noch etwas?").count() == 1
    with page.expect_navigation(url="**/danke/"):
        page.click("button[value=submit]")
    assert csp == []
    context.close()

    # Without JavaScript: the follow-up comes on a page of its own after "Ja".
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/b/{followup_wave.public_id}/")
    assert page.locator("#folge-wie_war_der_kontakt").is_hidden()
    page.check(f"{trigger}[value=ja]")
    with page.expect_navigation():
        page.click("button[value=next]")
    assert page.locator("textarea[name=q_wie_war_der_kontakt]").is_visible()
    assert page.locator(trigger).count() == 0
    page.fill("textarea[name=q_wie_war_der_kontakt]", "Gut")
    with page.expect_navigation():
        page.click("button[value=next]")
    assert page.locator("text=Noch etwas?").count() == 1
    with page.expect_navigation(url="**/danke/"):
        page.click("button[value=submit]")
    assert sorted(TextAnswer.objects.values_list("text", flat=True)) == ["Freundlich", "Gut"]
    context.close()

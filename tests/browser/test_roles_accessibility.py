"""Every demo role logs in, visits every page reachable from the navigation and the user menu,
and axe-core (WCAG 2.1 A/AA) reports zero violations on each.

"Every page" means every kind of page (URL name): of ten entries of one list, the first one
reached is checked, with the role's own controls on it; the others render the same template."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kosmos.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

ROLES = {
    "quality_manager": "qm@freiburg.example",
    "management": "leitung@freiburg.example",
    "assessor": "bewertung@freiburg.example",
    "staff": "team@freiburg.example",
    "programme_office": "programmbuero@kosmos.example",
    "adviser": "begleitung@kosmos.example",
}
REPORT = Path(os.environ.get("KOSMOS_BROWSER_REPORT", "var/browser-report.jsonl"))


def _reachable_links(visitor) -> list[str]:  # noqa: ANN001
    page = visitor.page
    hrefs = page.eval_on_selector_all(
        ".kosmos-nav a, .kosmos-menu__list a, main a.kern-link:not([download]), main a.kern-btn:not([download])",
        "els => els.map(e => e.getAttribute('href'))",
    )
    return [h for h in hrefs if h and h.startswith("/") and not h.startswith("/static/")]


def _kind(path: str) -> str:
    """The URL name of a path ("org:knowledge_entry"), or the path itself if it does not resolve."""
    from urllib.parse import urlsplit

    from django.urls import Resolver404, resolve

    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return path


def test_every_kind_of_page_of_every_role_is_accessible(demo, visitor_factory) -> None:  # noqa: ANN001
    """The roles log in one after another (quality management first, as it reaches the most);
    each walks breadth-first over links in navigation, user menu and main content, within three
    levels, opening one page of every kind (URL name) it reaches, and runs axe-core on every kind
    that no role before it has checked. Roles with fewer rights see the same templates with fewer
    controls; pages only they reach are checked with them."""
    kinds: set[str] = set()
    report: list[dict] = []
    for role, email in ROLES.items():
        visitor = visitor_factory()
        visitor.login(email, DEMO_PASSWORD)
        assert "/anmelden/" not in visitor.page.url, f"{role}: login failed"
        start = visitor.page.url.removeprefix(visitor.page.url.split("/", 3)[0] + "//" + visitor.page.url.split("/")[2])
        to_visit = [start or "/"]
        seen: set[str] = set()
        role_kinds: set[str] = set()
        checked: list[str] = []
        for _depth in range(3):
            next_round: list[str] = []
            for path in to_visit:
                kind = _kind(path)
                if path in seen or "abmelden" in path or kind in role_kinds:
                    continue
                seen.add(path)
                role_kinds.add(kind)
                status = visitor.goto(path)
                assert status == 200, f"{role}: {path} answered {status}"
                if kind not in kinds:
                    visitor.assert_accessible()
                    kinds.add(kind)
                    checked.append(path)
                next_round += [link for link in _reachable_links(visitor) if link not in seen]
            to_visit = list(dict.fromkeys(next_round))
        assert len(seen) >= 3, f"{role} reached only {sorted(seen)}"
        report.append({"role": role, "pages_reached": len(seen), "pages_checked": checked, "axe_violations": 0})
    REPORT.parent.mkdir(exist_ok=True)
    with REPORT.open("a", encoding="utf-8") as out:
        for line in report:
            out.write(json.dumps(line) + "\n")


def test_login_with_the_keyboard_only(demo, visitor_factory) -> None:  # noqa: ANN001
    visitor = visitor_factory()
    visitor.goto("/anmelden/")
    visitor.assert_accessible()
    page = visitor.page
    page.locator("body").focus()
    # Tab until the e-mail field has focus; the skip link and header come first.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_username":
            break
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type("qm@freiburg.example")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/o/freiburg/")
    assert page.locator("h1").inner_text() == "Jobcenter Freiburg i. Br."


def test_skip_link_is_first_and_focus_is_visible(demo, visitor_factory) -> None:  # noqa: ANN001
    visitor = visitor_factory()
    visitor.goto("/anmelden/")
    page = visitor.page
    page.keyboard.press("Tab")
    focused = page.evaluate("({text: document.activeElement.textContent.trim(), "
                            "outline: getComputedStyle(document.activeElement).outlineStyle})")
    assert focused["text"] == "Zum Inhalt springen"
    assert focused["outline"] != "none"


def test_failed_form_shows_an_accessible_error_summary(demo, visitor_factory) -> None:  # noqa: ANN001
    visitor = visitor_factory()
    visitor.login("qm@freiburg.example", DEMO_PASSWORD)
    visitor.goto("/o/freiburg/mitglieder/einladen/")
    visitor.page.fill("#id_email", "keine-adresse")
    visitor.page.fill("#id_full_name", "Maria Muster")
    visitor.page.click("main button[type=submit]")
    summary = visitor.page.locator(".kosmos-error-summary")
    assert summary.is_visible()
    assert summary.locator("a[href='#id_email']").count() == 1
    assert visitor.page.input_value("#id_full_name") == "Maria Muster"
    visitor.assert_accessible()


def _project_with_a_long_title():  # noqa: ANN202
    """An improvement project in Freiburg whose title is one 120-character word."""
    from kosmos.core.models import Organisation, User
    from kosmos.improvement import services as improvement

    return improvement.do_create_project(
        acting_user=User.objects.get(email="qm@freiburg.example"),
        organisation=Organisation.objects.get(slug="freiburg"),
        data={"title": "Terminvergabe" * 9 + "abc", "goal": "Kundenzufriedenheitsbefragungsergebnisverbesserung" * 3,
              "status": "active"},
    )


def _new_survey_path() -> str:
    from django.urls import reverse

    from kosmos.core.models import Organisation, User
    from kosmos.surveys import services as surveys

    survey = surveys.do_create_survey(acting_user=User.objects.get(email="qm@freiburg.example"),
                                      organisation=Organisation.objects.get(slug="freiburg"),
                                      title="Neue Befragung", audience="staff")
    return reverse("org:survey_detail", kwargs={"org_slug": "freiburg", "survey_id": survey.public_id})


def test_phone_sized_screen_has_no_horizontal_scrolling_and_a_compact_menu(demo, visitor_factory) -> None:  # noqa: ANN001
    """On a phone (375 px) the module navigation sits behind one disclosure and the module tabs
    scroll in one row, so the page content starts on the first screen (issue 15, item 9)."""
    visitor = visitor_factory()
    page = visitor.page
    page.set_viewport_size({"width": 375, "height": 667})
    visitor.login("qm@freiburg.example", DEMO_PASSWORD)
    page.wait_for_url("**/o/freiburg/")
    assessment = page.locator("a[href*='/selbstbewertung/']").first.get_attribute("href")
    for path in ["/o/freiburg/", "/o/freiburg/mitglieder/", "/o/freiburg/protokoll/", "/o/freiburg/sprache/"]:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
        top = page.evaluate("document.querySelector('main h1').getBoundingClientRect().top")
        assert top < 667 * 0.5, f"{path}: the heading starts at {top}px, below the first half of the screen"
        assert not page.locator(".kosmos-nav--wide").is_visible()
    assert assessment
    page.goto(assessment)
    top = page.evaluate("document.querySelector('main h1').getBoundingClientRect().top")
    assert top < 667 * 0.5, f"{assessment}: the heading starts at {top}px"

    # A long unbroken title wraps instead of stretching the page (issue 15: a 3,696 px project page).
    project = _project_with_a_long_title()
    for path in [f"/o/freiburg/verbesserung/projekte/{project.public_id}/", "/o/freiburg/verbesserung/"]:
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px with a long title"

    # The builder's "Frage hinzufügen" button keeps its label on one line, at full size (issue 15).
    page.goto(_new_survey_path())
    button = page.locator(".kosmos-field--button .kern-btn").first
    clipped, height = button.evaluate("b => [b.scrollWidth - b.clientWidth, b.getBoundingClientRect().height]")
    label_lines = button.evaluate(
        "b => Math.round(b.querySelector('.kern-label').getClientRects().length)")
    assert clipped <= 0 and height >= 40 and label_lines == 1, (clipped, height, label_lines)

    # The menu opens with the keyboard and lists every module.
    menu = page.locator(".kosmos-nav--compact summary")
    menu.focus()
    page.keyboard.press("Enter")
    links = page.locator(".kosmos-nav--compact nav a")
    assert links.first.is_visible()
    assert "Befragungen" in links.all_inner_texts()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.kosmos-nav--compact') !== null")
    visitor.assert_accessible()

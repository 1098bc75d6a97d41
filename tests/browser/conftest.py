"""Playwright (Python) driving Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# body are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make browser-deps`"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


class Visitor:
    """One browser context: navigates, checks accessibility and CSP, keeps a list of pages seen."""

    def __init__(self, browser, base_url: str) -> None:  # noqa: ANN001
        self.context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.csp_violations: list[str] = []
        self.visited: list[str] = []
        self.page.on("console", self._on_console)

    def _on_console(self, message) -> None:  # noqa: ANN001
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            self.csp_violations.append(message.text)

    def goto(self, path: str) -> int:
        response = self.page.goto(path)
        self.visited.append(path)
        return response.status if response else 0

    def axe_violations(self) -> list[dict]:
        """Run axe-core (WCAG 2.1 A/AA). Evaluated through the DevTools protocol, so the page's
        strict CSP stays in force for everything else."""
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))",
            WCAG_TAGS,
        )
        return result

    def assert_accessible(self) -> None:
        violations = self.axe_violations()
        assert violations == [], f"axe violations on {self.page.url}: {violations}"
        assert self.page.locator("h1").count() == 1, f"{self.page.url} must have exactly one h1"
        assert self.page.locator("html").get_attribute("lang") == "de"
        assert self.csp_violations == [], f"CSP violations on {self.page.url}: {self.csp_violations}"

    def login(self, email: str, password: str) -> None:
        self.goto("/anmelden/")
        self.page.fill("#id_username", email)
        self.page.fill("#id_password", password)
        self.page.click("button[type=submit]")
        self.page.wait_for_load_state()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visitor_factory(browser, live_server):  # noqa: ANN001
    visitors: list[Visitor] = []

    def make() -> Visitor:
        visitor = Visitor(browser, live_server.url)
        visitors.append(visitor)
        return visitor

    yield make
    for visitor in visitors:
        visitor.close()


@pytest.fixture
def demo(transactional_db, demo_snapshot, settings, live_server):  # noqa: ANN001
    """The demo data, committed for the live server (restored from the worker's snapshot)."""
    settings.BASE_URL = live_server.url
    demo_snapshot.restore()

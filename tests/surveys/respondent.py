"""A respondent driving the answer pages with Django's test client: reads the signed state from
each page and posts the next page, as a browser without JavaScript would."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client

STATE = re.compile(r'name="state" value="([^"]+)"')
ACTION = re.compile(r'<form method="post" action="([^"]*)" class="kosmos-form kosmos-respond__form"')


def state_of(page: str) -> str:
    match = STATE.search(page)
    assert match, "no state field on the page"
    return html.unescape(match.group(1))


class Respondent:
    def __init__(self, url: str, client: Client | None = None) -> None:
        self.url = url
        self.client = client or Client()
        self.page = ""
        self.status = 0
        self.response: Any = None

    def open(self, query: str = "") -> Respondent:
        self.response = self.client.get(self.url + query)
        self.status = self.response.status_code
        self.page = self.response.content.decode()
        return self

    def enter(self, code: str) -> Respondent:
        """Post an access code on the entry page (as the form, or a card's link, does)."""
        self.response = self.client.post(self.url, {"code": code})
        self.status = self.response.status_code
        self.page = self.response.content.decode()
        return self

    def send(self, fields: dict[str, Any], action: str = "next", extra: dict[str, Any] | None = None) -> Respondent:
        data: dict[str, Any] = {"state": state_of(self.page), "action": action, **(extra or {})}
        for key, value in fields.items():
            data[f"q_{key}"] = value
        target = ACTION.search(self.page)
        self.response = self.client.post(html.unescape(target.group(1)) if target else self.url, data)
        self.status = self.response.status_code
        self.page = self.response.content.decode()
        return self

    def text(self) -> str:
        body = self.page[self.page.find("<main"):self.page.find("</main>")]
        return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))

"""The answer pages as a sequence of forms, without session or cookie.

Everything a respondent has answered so far travels in a signed hidden field (``state``):
language, answers, the current page, the form's nonce, after resuming the hash of the resume
code and, in a token wave, the hash of the access code (posted, never in an address). The signature (Django's signing with the secret key, salted per wave) means the
server only ever gets back what it produced, so the answer pages need neither a session nor
Django's CSRF cookie; they are exempt from the CSRF check (an anonymous form carries no
authority a forged request could borrow) and the nonce makes every form count once.

The same flow serves the open link, the one-time token and the author's preview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kosmos.surveys.content import Answers, Page, Questionnaire, translated
from kosmos.surveys.languages import BASE_LANGUAGE, LANGUAGES, ui_texts
from kosmos.surveys.respond_forms import PageForm
from kosmos.surveys.services.submission import new_nonce

STATE_SALT = "kosmos.surveys.state"
STATE_MAX_AGE = 180 * 24 * 3600
MAX_STATE_LENGTH = 200_000
ACTIONS = {"next", "back", "submit", "save", "language"}


@dataclass
class FlowState:
    language: str
    answers: Answers = field(default_factory=dict)
    page: int = 0
    nonce: str = ""
    resume: str = ""
    token: str = ""  # a token wave: the hash of the access code (never the code itself)
    followup: bool = False  # the page's follow-up questions on a page of their own (no JavaScript)

    def as_dict(self) -> dict[str, Any]:
        data = {"l": self.language, "a": self.answers, "p": self.page, "n": self.nonce, "r": self.resume}
        if self.token:
            data["t"] = self.token
        if self.followup:
            data["f"] = True
        return data

    def draft_dict(self) -> dict[str, Any]:
        """What a resume draft keeps: never the token, so no stored row joins a token to answers."""
        data = self.as_dict()
        data.pop("t", None)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> FlowState | None:
        if not isinstance(data, dict):
            return None
        language, answers, page = data.get("l"), data.get("a"), data.get("p")
        nonce, resume, token = data.get("n"), data.get("r", ""), data.get("t", "")
        if (
            not isinstance(language, str) or not isinstance(answers, dict) or not isinstance(page, int)
            or not isinstance(nonce, str) or not isinstance(resume, str) or not isinstance(token, str)
        ):
            return None
        return cls(language, answers, page, nonce, resume, token, data.get("f") is True)


def dump_state(scope: str, state: FlowState) -> str:
    return signing.dumps(state.as_dict(), salt=f"{STATE_SALT}:{scope}", compress=True)


def load_state(scope: str, raw: str | None) -> FlowState | None:
    if not raw or len(raw) > MAX_STATE_LENGTH:
        return None
    try:
        data = signing.loads(raw, salt=f"{STATE_SALT}:{scope}", max_age=STATE_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return None
    return FlowState.from_dict(data)


def choose_language(questionnaire: Questionnaire, requested: str | None) -> str:
    offered = [BASE_LANGUAGE, *questionnaire.survey.languages]
    return requested if requested in offered and requested in LANGUAGES else BASE_LANGUAGE


def merge(answers: Answers, page_answers: dict[str, Any]) -> Answers:
    result = dict(answers)
    for key, value in page_answers.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


@dataclass
class Flow:
    """One respondent's way through the pages. ``scope`` salts the state (the wave or, in the
    preview, the survey); ``action_url`` is where the pages post to."""

    request: HttpRequest
    questionnaire: Questionnaire
    scope: str
    action_url: str
    preview: bool = False
    resume_url: str = ""
    language_url: str = ""
    # Token pages have no address of their own to link a language to: the choice is posted.
    language_by_post: bool = False

    @property
    def survey(self):  # noqa: ANN201
        return self.questionnaire.survey

    def start(self, language: str | None = None) -> FlowState:
        lang = choose_language(self.questionnaire, language)
        pages = self.questionnaire.visible_pages({}, reached=0)
        return FlowState(lang, {}, pages[0].index if pages else 0, new_nonce())

    def page_of(self, state: FlowState) -> tuple[Page | None, list[Page]]:
        pages = self.questionnaire.visible_pages(state.answers, reached=state.page)
        page = next((p for p in pages if p.index == state.page), None)
        if page is None and pages:
            later = [p for p in pages if p.index >= state.page]
            page = later[0] if later else pages[-1]
        return page, pages

    def form(self, state: FlowState, page: Page, data: Any = None) -> PageForm:
        return PageForm(data, questionnaire=self.questionnaire, page=page, language=state.language,
                        ui=ui_texts(state.language), answers=state.answers, followup=state.followup)

    def render_page(self, state: FlowState, form: PageForm | None = None, status: int = 200) -> HttpResponse:
        page, pages = self.page_of(state)
        if page is None:
            return self.render_message(state.language, "closed_title", "closed_text", status=404)
        state.page = page.index
        form = form or self.form(state, page)
        position = pages.index(page) + 1
        ui = ui_texts(state.language)
        language = LANGUAGES[state.language]
        context = {
            "flow": self,
            "ui": ui,
            "language": language,
            "languages": [LANGUAGES[c] for c in [BASE_LANGUAGE, *self.survey.languages] if c in LANGUAGES],
            "survey_title": translated(self.survey.title, self.survey.translations, state.language, "title"),
            "survey_intro": translated(self.survey.intro, self.survey.translations, state.language, "intro"),
            "page": page,
            "page_title": page.title(state.language),
            "page_intro": page.intro(state.language),
            "form": form,
            "state": dump_state(self.scope, state),
            "position": position,
            "total": len(pages),
            "step": ui["step"].format(current=position, total=len(pages)),
            "first": position == 1,
            "last": position == len(pages),
            "preview": self.preview,
            "preview_note": _("Preview: this is exactly what respondents see. Nothing you enter is stored."),
        }
        return render(self.request, "surveys/respond/page.html", context, status=status)

    def render_message(self, language: str, title_key: str, text_key: str, *, status: int = 200,
                       extra: dict[str, Any] | None = None, text: str = "") -> HttpResponse:
        ui = ui_texts(language)
        context = {
            "ui": ui,
            "language": LANGUAGES.get(language, LANGUAGES[BASE_LANGUAGE]),
            "title": ui[title_key],
            "text": text or (ui[text_key].format(**(extra or {})) if text_key else ""),
            "survey_title": translated(self.survey.title, self.survey.translations, language, "title"),
            "preview": self.preview,
            "preview_note": _("Preview: this is exactly what respondents see. Nothing you enter is stored."),
        }
        return render(self.request, "surveys/respond/message.html", context, status=status)

    def handle_post(self) -> tuple[str, FlowState | None, HttpResponse | None]:
        """Process a posted page. Returns (outcome, state, response):

        ``("page", state, response)`` – a page to show (next, previous, or with errors);
        ``("submit", state, None)`` – all pages valid, the caller stores the response;
        ``("save", state, None)`` – the caller saves a draft;
        ``("expired", None, response)`` – the state could not be read.
        """
        state = load_state(self.scope, self.request.POST.get("state"))
        if state is None or state.language not in LANGUAGES:
            return "expired", None, self.render_message(BASE_LANGUAGE, "expired_title", "expired", status=400)
        action = self.request.POST.get("action", "next")
        if action not in ACTIONS:
            action = "next"
        if action == "language":
            state.language = choose_language(self.questionnaire, self.request.POST.get("sprache"))
            return "page", state, self.render_page(state)
        page, pages = self.page_of(state)
        if page is None:
            return "expired", None, self.render_message(state.language, "expired_title", "expired", status=400)
        form = self.form(state, page, self.request.POST)
        valid = form.is_valid()
        partial = form.page_answers({k: v for k, v in form.cleaned_data.items() if k not in form.errors})
        if action in {"back", "save"}:
            state.answers = self.questionnaire.clean_answers(merge(state.answers, partial))
            if action == "save":
                return "save", state, None
            position = pages.index(page)
            if state.followup:  # back from the follow-up questions to the page they follow
                state.followup = False
                return "page", state, self.render_page(state)
            state.page = pages[max(position - 1, 0)].index
            return "page", state, self.render_page(state)
        if not valid:
            return "page", state, self.render_page(state, form, status=200)
        state.answers = self.questionnaire.clean_answers(merge(state.answers, form.page_answers()))
        if not state.followup and form.deferred(state.answers):
            state.followup = True  # without JavaScript: the follow-up questions that now apply, next
            return "page", state, self.render_page(state)
        state.followup = False
        pages = self.questionnaire.visible_pages(state.answers, reached=page.index + 1)
        later = [p for p in pages if p.index > page.index]
        if later:
            state.page = later[0].index
            return "page", state, self.render_page(state)
        missing = self.questionnaire.missing_required(state.answers)
        if missing:
            state.page = missing[0].section_index
            state.followup = False
            target, _pages = self.page_of(state)
            form = self.form(state, target, None) if target else None
            return "page", state, self.render_page(state, form)
        return "submit", state, None

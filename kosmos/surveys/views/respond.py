"""The answer pages under /b/: public, no account, no cookie, no tracking.

Every response of these views carries ``Cache-Control: no-store`` (a shared computer in a
waiting area must not show the last person's answers with the back button) and
``Referrer-Policy: no-referrer`` (a token in the address is never passed on), and none of them
is written to Django's request log.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire, translated
from kosmos.surveys.flow import Flow, FlowState, choose_language
from kosmos.surveys.languages import BASE_LANGUAGE, LANGUAGES, ui_texts
from kosmos.surveys.models import Token, Wave, WaveMode, WaveState


def respondent_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        # Django logs every 4xx answer with its path ("Conflict: /b/t/<code>/"); the path of a
        # token page carries the code, so these answers are marked as logged already.
        response._has_been_logged = True  # type: ignore[attr-defined]
        return response

    return csrf_exempt(never_cache(require_http_methods(["GET", "POST"])(wrapped)))


def _wave(wave_id: str) -> Wave:
    wave = get_object_or_404(Wave.objects.select_related("survey__organisation"), public_id=wave_id)
    if wave.state == WaveState.DRAFT:
        raise Http404
    return wave


def _flow(request: HttpRequest, wave: Wave, action_url: str, resume_url: str) -> Flow:
    return Flow(request, load_questionnaire(wave.survey, cached=True), scope=str(wave.public_id), action_url=action_url,
                resume_url=resume_url, language_url=action_url)


def _not_open(flow: Flow, wave: Wave, language: str, *, late: bool = False) -> HttpResponse | None:
    state = wave.state
    if state == WaveState.SCHEDULED:
        return flow.render_message(language, "not_open_title", "not_open_text",
                                   extra={"date": date_format(wave.starts_on, "DATE_FORMAT")})
    if state == WaveState.CLOSED:
        return flow.render_message(language, "closed_title", "late_text" if late else "closed_text", status=410)
    return None


def _thanks_url(wave: Wave, language: str) -> str:
    url = reverse("survey_thanks", kwargs={"wave_id": wave.public_id})
    return f"{url}?sprache={language}" if language != BASE_LANGUAGE else url


def _answer(request: HttpRequest, flow: Flow, wave: Wave, token: bool = False) -> HttpResponse:
    """GET: the first page; POST: the next page, a draft, or the stored response."""
    if request.method == "GET":
        language = choose_language(flow.questionnaire, request.GET.get("sprache"))
        closed = _not_open(flow, wave, language)
        return closed or flow.render_page(flow.start(language))
    outcome, state, response = flow.handle_post()
    if outcome in {"page", "expired"}:
        assert response is not None
        if outcome == "page" and state is not None:
            closed = _not_open(flow, wave, state.language, late=True)
            if closed:
                return closed
        return response
    assert state is not None
    if outcome == "save":
        try:
            code, until = services.do_save_draft(wave=wave, state=state.draft_dict(),
                                                 previous_code_hash=state.resume or None)
        except services.SubmissionRefused:
            return _not_open(flow, wave, state.language, late=True) or flow.render_page(state)
        ui = ui_texts(state.language)
        return render(request, "surveys/respond/saved.html", {
            "ui": ui, "language": LANGUAGES[state.language], "code": services.format_resume_code(code),
            "text": ui["resume_code"].format(date=date_format(until, "DATE_FORMAT")),
            "survey_title": translated(wave.survey.title, wave.survey.translations, state.language, "title"),
            "resume_url": flow.resume_url,
        })
    try:
        services.do_submit_response(
            wave=wave, questionnaire=flow.questionnaire, answers=state.answers, language=state.language,
            nonce=state.nonce, token_hash=(state.token or "-") if token else None,
            resume_code_hash=state.resume or None,
        )
    except services.SubmissionRefused as refused:
        return _refused(flow, wave, state, refused.reason)
    return HttpResponseRedirect(_thanks_url(wave, state.language))


def _refused(flow: Flow, wave: Wave, state: FlowState, reason: str) -> HttpResponse:
    if reason == "closed":
        return flow.render_message(state.language, "closed_title", "late_text", status=410)
    if reason in {"token_used", "token_invalid"}:
        return flow.render_message(state.language, "token_title", reason, status=409 if reason == "token_used" else 404)
    return flow.render_message(state.language, "expired_title", "expired", status=400)


@respondent_page
def respond(request: HttpRequest, wave_id: str) -> HttpResponse:
    wave = _wave(wave_id)
    url = reverse("survey_respond", kwargs={"wave_id": wave.public_id})
    flow = _flow(request, wave, url, reverse("survey_resume", kwargs={"wave_id": wave.public_id}))
    if wave.mode == WaveMode.TOKENS:
        language = choose_language(flow.questionnaire, request.GET.get("sprache"))
        return flow.render_message(language, "token_title", "token_invalid", status=403)
    return _answer(request, flow, wave)


def _token_flow(request: HttpRequest, wave: Wave) -> Flow:
    url = reverse("survey_token_answer", kwargs={"wave_id": wave.public_id})
    flow = _flow(request, wave, url, reverse("survey_token_resume", kwargs={"wave_id": wave.public_id}))
    flow.language_by_post = True
    return flow


def _find_token(code: str) -> Token | None:
    code = services.normalise_code(code)[:40]
    if not code:
        return None
    return Token.objects.select_related("wave__survey__organisation").filter(
        code_hash=services.hash_code(code)).first()


@respondent_page
def respond_token(request: HttpRequest, wave_id: str) -> HttpResponse:
    """The answer pages of a token wave: only posts, the token's hash in the signed state."""
    wave = _wave(wave_id)
    if wave.mode != WaveMode.TOKENS or request.method != "POST":
        return redirect("survey_token_entry")
    return _answer(request, _token_flow(request, wave), wave, token=True)


def _resume_form(request: HttpRequest, flow: Flow, wave: Wave, language: str, error: str = "",
                 field: str = "code") -> HttpResponse:
    return render(request, "surveys/respond/resume.html", {
        "ui": ui_texts(language), "language": LANGUAGES[language], "error": error, "error_field": field,
        "flow": flow, "ask_token": flow.language_by_post,
        "survey_title": translated(wave.survey.title, wave.survey.translations, language, "title"),
        "language_code": language,
    }, status=200 if not error else 400)


def _resume(request: HttpRequest, flow: Flow, wave: Wave, token_hash: str = "") -> HttpResponse:
    language = choose_language(flow.questionnaire, request.GET.get("sprache") or request.POST.get("sprache"))
    closed = _not_open(flow, wave, language)
    if closed:
        return closed
    if request.method != "POST":
        return _resume_form(request, flow, wave, language)
    draft = services.find_draft(wave, request.POST.get("code", "")[:40])
    if draft is not None:
        state = FlowState.from_dict(draft.data)
        if state is not None and state.language in LANGUAGES:
            state.resume = draft.code_hash
            state.token = token_hash
            return flow.render_page(state)
    return _resume_form(request, flow, wave, language, ui_texts(language)["resume_invalid"])


@respondent_page
def resume(request: HttpRequest, wave_id: str) -> HttpResponse:
    wave = _wave(wave_id)
    url = reverse("survey_respond", kwargs={"wave_id": wave.public_id})
    return _resume(request, _flow(request, wave, url, request.path), wave)


@respondent_page
def resume_token(request: HttpRequest, wave_id: str) -> HttpResponse:
    """Continue a token wave: the access code is typed again beside the resume code (a draft never
    holds the token, so nothing stored joins a token to answers)."""
    wave = _wave(wave_id)
    if wave.mode != WaveMode.TOKENS:
        raise Http404
    flow = _token_flow(request, wave)
    if request.method == "POST":
        found = _find_token(request.POST.get("zugang", ""))
        if found is None or found.wave_id != wave.pk or found.used:
            language = choose_language(flow.questionnaire, request.POST.get("sprache"))
            return _resume_form(request, flow, wave, language, ui_texts(language)["token_invalid"], field="zugang")
        return _resume(request, flow, wave, token_hash=found.code_hash)
    return _resume(request, flow, wave)


@respondent_page
def thanks(request: HttpRequest, wave_id: str) -> HttpResponse:
    wave = _wave(wave_id)
    questionnaire = load_questionnaire(wave.survey, cached=True)
    language = choose_language(questionnaire, request.GET.get("sprache"))
    flow = Flow(request, questionnaire, scope=str(wave.public_id), action_url="")
    own = translated(wave.survey.thanks, wave.survey.translations, language, "thanks")
    return flow.render_message(language, "thanks", "thanks_text", text=own)


@respondent_page
def token_entry(request: HttpRequest) -> HttpResponse:
    """Type (or, from a card's link, let the page fill in) the access code; it is posted, never in
    the address. A valid code opens the first page of its wave directly."""
    ui = ui_texts(BASE_LANGUAGE)
    error = ""
    if request.method == "POST":
        found = _find_token(request.POST.get("code", ""))
        if found is not None and found.wave.state != WaveState.DRAFT:
            wave = found.wave
            flow = _token_flow(request, wave)
            language = choose_language(flow.questionnaire, request.POST.get("sprache"))
            if found.used:
                return flow.render_message(language, "token_title", "token_used", status=409)
            closed = _not_open(flow, wave, language)
            if closed:
                return closed
            state = flow.start(language)
            state.token = found.code_hash
            return flow.render_page(state)
        error = ui["token_invalid"]
    return render(request, "surveys/respond/token_entry.html",
                  {"ui": ui, "language": LANGUAGES[BASE_LANGUAGE], "error": error},
                  status=404 if error else 200)

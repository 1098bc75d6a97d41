"""Moderation of free-text answers: a quality manager reads them and releases single answers,
redacted where needed, for the published results and the PDF report."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.core.access import org_permission_required
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.domain.anonymity import results_visible
from kosmos.surveys.models import Question, QuestionKind, ReleasedText
from kosmos.surveys.results import wave_results
from kosmos.surveys.services.releasing import do_release_text, do_withdraw_text
from kosmos.surveys.text_release import moderation_rows, release_counts
from kosmos.surveys.views.common import error_text, get_wave


def _page_number(raw: str | None) -> int:
    try:
        return int(raw or 1)
    except ValueError:
        return 1


@org_permission_required("surveys.manage")
def wave_texts(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    """The free-text questions of an ended wave; with ``?frage=`` one question's answers."""
    wave = get_wave(request, survey_id, wave_id)
    if not results_visible(wave.domain_state):
        raise Http404
    questionnaire = load_questionnaire(wave.survey)
    results = wave_results(wave, questionnaire, with_texts=False)
    released = release_counts(wave)
    questions = [
        {"item": r.item, "n": r.text_count, "released": released.get(r.item.id, 0), "suppressed": r.suppressed}
        for r in results.items if r.item.kind == QuestionKind.TEXT
    ]
    chosen = next((q for q in questions if q["item"].public_id == request.GET.get("frage")), None)
    context = {"wave": wave, "survey": wave.survey, "questions": questions, "chosen": chosen,
               "k": wave.survey.min_group_size}
    if chosen is not None and not chosen["suppressed"]:
        page = _page_number(request.GET.get("seite"))
        rows, pages = moderation_rows(wave, chosen["item"].id, page)
        context.update({"rows": rows, "page": min(max(page, 1), pages), "pages": pages})
    return render(request, "surveys/wave_texts.html", context)


@org_permission_required("surveys.manage")
@require_POST
def wave_text_release(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    """Release an answer in the typed wording, or withdraw its release."""
    wave = get_wave(request, survey_id, wave_id)
    question = get_object_or_404(Question, survey=wave.survey, public_id=_uuid(request.POST.get("frage")))
    response_id = _uuid(request.POST.get("antwort"))
    try:
        if request.POST.get("aktion") == "zuruecknehmen":
            release = get_object_or_404(ReleasedText, wave=wave, question=question,
                                        public_id=_uuid(request.POST.get("freigabe")))
            do_withdraw_text(acting_user=request.user, release=release)
            messages.success(request, _("The answer is no longer released."))
        else:
            do_release_text(acting_user=request.user, wave=wave, question=question, response_id=response_id,
                            text=request.POST.get("text", ""))
            messages.success(request, _("The answer is released for the published results."))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    url = reverse("org:survey_wave_texts", kwargs={"org_slug": org_slug, "survey_id": survey_id, "wave_id": wave_id})
    page = _page_number(request.POST.get("seite"))
    return redirect(f"{url}?frage={question.public_id}&seite={page}#antwort-{response_id}")


def _uuid(raw: str | None) -> str:
    try:
        return str(uuid.UUID(str(raw)))
    except ValueError:
        raise Http404 from None

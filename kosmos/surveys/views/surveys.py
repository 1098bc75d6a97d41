"""Survey list, creating (empty or from a template), settings, copy, delete, preview, translations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.core.access import org_permission_required
from kosmos.surveys import services
from kosmos.surveys.content import load_questionnaire
from kosmos.surveys.flow import Flow
from kosmos.surveys.forms import SurveyCreateForm, SurveySettingsForm, TranslationForm
from kosmos.surveys.languages import LANGUAGES
from kosmos.surveys.models import QuestionKind, Response, Survey, Wave
from kosmos.surveys.views.common import get_survey


def _waves_with_counts(surveys_filter: dict) -> Prefetch:
    return Prefetch("waves", queryset=Wave.objects.filter(**surveys_filter).annotate(responses_count=Count("responses"))
                    .order_by("number"))


@org_permission_required("surveys.view")
def survey_list(request: HttpRequest, org_slug: str) -> HttpResponse:
    """All surveys of the organisation with their waves and response counts (three queries)."""
    surveys = list(
        Survey.objects.filter(organisation=request.organisation)
        .prefetch_related(_waves_with_counts({}))
        .order_by("-created_at")
    )
    return render(request, "surveys/survey_list.html", {
        "surveys": surveys,
        "can_manage": request.org_access.has("surveys.manage"),
        "can_see_results": request.org_access.has("surveys.results"),
    })


@org_permission_required("surveys.manage")
def survey_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    templates = services.available_templates()
    initial = {"template": request.GET.get("vorlage", "")}
    form = SurveyCreateForm(request.POST or None, templates=templates, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["template"]:
                survey = services.do_create_survey_from_template(
                    acting_user=request.user, organisation=request.organisation, slug=data["template"],
                    title=data["title"], min_group_size=data["min_group_size"],
                )
            else:
                survey = services.do_create_survey(
                    acting_user=request.user, organisation=request.organisation, title=data["title"],
                    audience=data["audience"], min_group_size=data["min_group_size"],
                )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The survey has been created. Check the questions and start a wave."))
            return redirect("org:survey_detail", org_slug=org_slug, survey_id=survey.public_id)
    return render(request, "surveys/survey_create.html", {"form": form, "templates": templates})


@org_permission_required("surveys.view")
def survey_detail(request: HttpRequest, org_slug: str, survey_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    questionnaire = load_questionnaire(survey)
    waves = list(survey.waves.annotate(responses_count=Count("responses")).order_by("number"))
    can_manage = request.org_access.has("surveys.manage")
    missing = services.missing_translations(survey) if can_manage and survey.languages else {}
    placeholders = {
        q.key: [c.label for c in q.choices.all() if c.placeholder]
        for q in services.unresolved_placeholders(survey)
    }
    for item in questionnaire.items:
        item.condition_text = questionnaire.condition_hint(item, "de") if item.condition_key else ""  # type: ignore[attr-defined]
        item.placeholder_labels = placeholders.get(item.key, [])  # type: ignore[attr-defined]
    return render(request, "surveys/survey_detail.html", {
        "placeholder_items": [item for item in questionnaire.items if item.placeholder_labels],  # type: ignore[attr-defined]
        "survey": survey,
        "questionnaire": questionnaire,
        "waves": waves,
        "can_manage": can_manage,
        "can_see_results": request.org_access.has("surveys.results"),
        # Only languages that lack a text: a complete translation is no reason for a warning box.
        "missing": [(LANGUAGES[code], n) for code, n in missing.items() if code in LANGUAGES and n],
        "languages": [LANGUAGES[c] for c in survey.languages if c in LANGUAGES],
        "kind_choices": [(k.value, k.label) for k in QuestionKind if k != QuestionKind.STATEMENT],
        "closed_waves": [w for w in waves if w.is_closed],
    })


@org_permission_required("surveys.manage")
def survey_edit(request: HttpRequest, org_slug: str, survey_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    form = SurveySettingsForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_survey(acting_user=request.user, survey=get_survey(request, survey_id),
                                      data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The settings have been saved."))
            return redirect("org:survey_detail", org_slug=org_slug, survey_id=survey.public_id)
    return render(request, "surveys/survey_edit.html", {"form": form, "survey": survey})


@org_permission_required("surveys.manage")
def survey_delete(request: HttpRequest, org_slug: str, survey_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    responses = Response.objects.filter(wave__survey=survey).count()
    if request.method == "POST":
        services.do_delete_survey(acting_user=request.user, survey=survey)
        messages.success(request, _("The survey “%(title)s” has been deleted.") % {"title": survey.title})
        return redirect("org:survey_list", org_slug=org_slug)
    return render(request, "surveys/survey_delete.html", {"survey": survey, "responses": responses})


@org_permission_required("surveys.manage")
@require_POST
def survey_copy(request: HttpRequest, org_slug: str, survey_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    copy = services.do_copy_survey(acting_user=request.user, survey=survey)
    messages.success(request, _("The copy has been created; its questions can be changed."))
    return redirect("org:survey_detail", org_slug=org_slug, survey_id=copy.public_id)


@org_permission_required("surveys.view")
def survey_preview(request: HttpRequest, org_slug: str, survey_id: str) -> HttpResponse:
    """The answer pages exactly as respondents see them; nothing is stored."""
    survey = get_survey(request, survey_id)
    questionnaire = load_questionnaire(survey)
    if not questionnaire.pages or not questionnaire.items:
        messages.info(request, _("Add a question first; then the preview shows it."))
        return redirect("org:survey_detail", org_slug=org_slug, survey_id=survey.public_id)
    flow = Flow(request, questionnaire, scope=f"preview:{survey.public_id}", action_url=request.path, preview=True,
                language_url=request.path)
    if request.method == "GET":
        return flow.render_page(flow.start(request.GET.get("sprache")))
    outcome, state, response = flow.handle_post()
    if response is not None:
        return response
    assert state is not None
    if outcome == "save":
        return flow.render_message(state.language, "resume_title", "", text=_(
            "Respondents now receive a code to continue later. In the preview nothing is saved."))
    return flow.render_message(state.language, "thanks", "", text=_(
        "End of the preview. Respondents would now see the thank-you page; their answers would be stored."))


@org_permission_required("surveys.manage")
def survey_translation(request: HttpRequest, org_slug: str, survey_id: str, language: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    if language not in survey.languages or language not in LANGUAGES:
        raise Http404
    slots = services.translation_slots(survey)
    current = services.current_translations(survey, language)
    initial = {f"t{i}": current.get(slot, "") for i, (slot, _german, _kind) in enumerate(slots)}
    form = TranslationForm(request.POST or None, slots=slots, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.do_update_translations(acting_user=request.user, survey=survey, language=language,
                                                      texts=form.texts())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, ngettext("%(n)d text has been saved.", "%(n)d texts have been saved.", changed)
                             % {"n": changed})
            return redirect("org:survey_detail", org_slug=org_slug, survey_id=survey.public_id)
    missing = [german for slot, german, _kind in slots if not current.get(slot)]
    return render(request, "surveys/survey_translation.html", {
        "survey": survey, "form": form, "language": LANGUAGES[language], "missing": missing,
        "preview_url": reverse("org:survey_preview", kwargs={"org_slug": org_slug, "survey_id": survey.public_id})
        + f"?sprache={language}",
    })



"""Results of a wave: the page (with filters), the published page for staff, exports, the PDF
report and the comparison of two waves."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.core import documents as kit
from kosmos.core.access import org_permission_required
from kosmos.core.domain.numbers import format_number
from kosmos.surveys import exports, services
from kosmos.surveys.content import Questionnaire, load_questionnaire
from kosmos.surveys.domain.anonymity import response_count_visible, results_visible
from kosmos.surveys.forms import ResultFilterForm
from kosmos.surveys.models import Token, Wave, WaveMode
from kosmos.surveys.presentation import comparison, group_blocks, rate_text, result_blocks
from kosmos.surveys.results import WaveResults, group_cells, parse_filter, wave_results
from kosmos.surveys.text_release import with_released_texts
from kosmos.surveys.views.common import error_text, get_survey, get_wave


def _invited(wave: Wave) -> int | None:
    if wave.mode == WaveMode.TOKENS:
        return Token.objects.filter(wave=wave).count()
    return wave.invited_count


def _filter_description(results: WaveResults) -> str:
    questionnaire = results.questionnaire
    parts = []
    for key, value in results.conditions.items():
        item = questionnaire.by_key[key]
        option = item.option(value)
        parts.append(f"{item.text_de}: {option.label if option else value}")
    return "; ".join(parts)


def _context(request: HttpRequest, wave: Wave, questionnaire: Questionnaire, *, published: bool) -> dict:
    cells = group_cells(wave)
    total = sum(cells.values())
    context: dict = {
        "wave": wave, "survey": wave.survey, "total": total, "published_page": published,
        "count_visible": response_count_visible(wave.domain_state),
        "visible": results_visible(wave.domain_state),
        "k": wave.survey.min_group_size,
        "can_manage": request.org_access.has("surveys.manage"),
        "rate": rate_text(total, _invited(wave)),
    }
    if not context["visible"]:
        return context
    group_filter = parse_filter(questionnaire, request.GET)
    results = wave_results(wave, questionnaire, group_filter, cells=cells)
    context.update({
        "results": results,
        "filter_form": ResultFilterForm(request.GET or None, questionnaire=questionnaire),
        "filter_text": _filter_description(results),
        "blocks": (with_released_texts(result_blocks(results), wave, questionnaire, group_filter) if published
                   else result_blocks(results)),
        "groups": group_blocks(results),
        "query": request.GET.urlencode(),
    })
    return context


@org_permission_required("surveys.results")
def wave_results_page(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    wave = get_wave(request, survey_id, wave_id)
    questionnaire = load_questionnaire(wave.survey)
    return render(request, "surveys/results.html", _context(request, wave, questionnaire, published=False))


@org_permission_required("surveys.view")
def wave_results_published(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    """The results a quality manager has published to all staff, with the same protection."""
    wave = get_wave(request, survey_id, wave_id)
    if not wave.results_published or not wave.is_closed:
        raise Http404
    questionnaire = load_questionnaire(wave.survey)
    return render(request, "surveys/results.html", _context(request, wave, questionnaire, published=True))


@org_permission_required("surveys.manage")
@require_POST
def wave_publish(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    wave = get_wave(request, survey_id, wave_id)
    publish = request.POST.get("veroeffentlichen") == "1"
    try:
        services.do_set_results_published(acting_user=request.user, wave=wave, published=publish)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The results are now visible to all staff.") if publish
                         else _("The results are no longer visible to staff."))
    return redirect("org:survey_wave_results", org_slug=org_slug, survey_id=survey_id, wave_id=wave_id)


def _closed_or_404(wave: Wave) -> None:
    if not results_visible(wave.domain_state):
        raise Http404


@org_permission_required("surveys.results")
def wave_export(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str, kind: str, fmt: str) -> HttpResponse:
    """``zusammenfassung`` (aggregates for the current filter) or ``antworten`` (raw, anonymity-safe)."""
    if kind not in {"zusammenfassung", "antworten"} or fmt not in {"csv", "xlsx"}:
        raise Http404
    wave = get_wave(request, survey_id, wave_id)
    _closed_or_404(wave)
    questionnaire = load_questionnaire(wave.survey)
    stem = slugify(f"{wave.survey.title}-{wave.name}-{kind}")[:80]
    if kind == "zusammenfassung":
        results = wave_results(wave, questionnaire, parse_filter(questionnaire, request.GET))
        sheets = exports.aggregate_sheets(results)
    else:
        try:
            sheets = exports.raw_sheets(wave, questionnaire)
        except exports.ExportRefused as exc:
            messages.error(request, str(exc))
            return redirect("org:survey_wave_results", org_slug=org_slug, survey_id=survey_id, wave_id=wave_id)
    content = kit.to_csv(sheets[0].rows) if fmt == "csv" else kit.to_xlsx(sheets)  # CSV: the first sheet
    return kit.download(content, f"{stem}.{fmt}")


@org_permission_required("surveys.results")
def wave_report(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    """The results as a PDF report, from the same blocks as the page."""
    wave = get_wave(request, survey_id, wave_id)
    _closed_or_404(wave)
    questionnaire = load_questionnaire(wave.survey)
    group_filter = parse_filter(questionnaire, request.GET)
    results = wave_results(wave, questionnaire, group_filter)
    pdf = kit.render_pdf("surveys/pdf/report.html", {
        "wave": wave, "survey": wave.survey, "organisation": wave.survey.organisation, "results": results,
        # A report leaves the house: free texts only as released (views/texts.py).
        "blocks": with_released_texts(result_blocks(results, prefix="pdf"), wave, questionnaire, group_filter), "groups": group_blocks(results, prefix="pdfgroup"),
        "filter_text": _filter_description(results), "k": wave.survey.min_group_size,
        "rate": rate_text(results.total, _invited(wave)),
    })
    return kit.download(pdf, slugify(f"{wave.survey.title}-{wave.name}-bericht")[:80] + ".pdf")


@org_permission_required("surveys.results")
def survey_compare(request: HttpRequest, org_slug: str, survey_id: str) -> HttpResponse:
    """Two ended waves side by side: per question both n, both values and the difference."""
    survey = get_survey(request, survey_id)
    waves = [w for w in survey.waves.annotate(responses_count=Count("responses")).order_by("number") if w.is_closed]
    by_id = {str(w.public_id): w for w in waves}
    first = by_id.get(request.GET.get("von", "")) or (waves[-2] if len(waves) >= 2 else None)
    second = by_id.get(request.GET.get("nach", "")) or (waves[-1] if len(waves) >= 2 else None)
    context: dict = {"survey": survey, "waves": waves, "first": first, "second": second}
    if first is not None and second is not None and first != second:
        questionnaire = load_questionnaire(survey)
        group_filter = parse_filter(questionnaire, request.GET)
        a = wave_results(first, questionnaire, group_filter, with_texts=False)
        b = wave_results(second, questionnaire, group_filter, with_texts=False)
        context["filter_form"] = ResultFilterForm(request.GET or None, questionnaire=questionnaire)
        context["displayable"] = a.displayable and b.displayable
        if context["displayable"]:
            context["rows"], context["chart"] = comparison(a, b)
        context["n_first"] = format_number(a.n) if a.n is not None else "–"
        context["n_second"] = format_number(b.n) if b.n is not None else "–"
        context["count_first"], context["count_second"] = a.n or 0, b.n or 0  # for the plural form
    return render(request, "surveys/compare.html", context)

"""Pages of the maturity check: overview, offered channels, start, answer per channel, result,
answer versions, history, benchmark, exports."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kosmos.channels import charts_check, selectors_check, services_check
from kosmos.channels.benchmark_check import TOPIC_KEY, maturity_figures
from kosmos.channels.consent import set_consent
from kosmos.channels.forms_check import AnswerForm, OfferedChannelsForm, StartCheckForm
from kosmos.channels.hub import HUB_SOURCE
from kosmos.channels.models import Check
from kosmos.channels.recommendations import recommendations_for
from kosmos.core.access import org_permission_required
from kosmos.core.comparisons import consented_topics
from kosmos.core.documents.downloads import download
from kosmos.core.documents.pdf import render_pdf
from kosmos.core.documents.tables import Sheet, to_xlsx
from kosmos.core.forms_base import add_service_error


def _check_or_404(request: HttpRequest, check_id: object) -> Check:
    check = selectors_check.check_or_none(request.organisation, check_id)
    if check is None:
        raise Http404(_("This check does not exist."))
    return check


def _catalogue(request: HttpRequest):  # noqa: ANN202
    return selectors_check.effective_catalogue(request.organisation) or services_check.ensure_default_catalogue()


@org_permission_required("channels.view")
def overview(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    catalogue = selectors_check.catalogue_view(_catalogue(request))
    offered = selectors_check.offered_keys(organisation)
    checks = selectors_check.checks(organisation)
    latest = next((c for c in checks if c.latest), None)
    result = selectors_check.check_result(latest) if latest else None
    return render(request, "channels/check_overview.html", {
        "catalogue": catalogue, "offered": [c for c in catalogue.channels if c.key in offered],
        "checks": checks, "latest": latest, "result": result,
        "can_edit": request.org_access.has("channels.edit"),
        "can_manage": request.org_access.has("channels.manage"),
    })


@org_permission_required("channels.edit")
def offered_channels(request: HttpRequest, org_slug: str) -> HttpResponse:
    catalogue = selectors_check.catalogue_view(_catalogue(request))
    form = OfferedChannelsForm(request.POST or None, choices=[(c.key, c.name) for c in catalogue.channels],
                               initial={"channels": sorted(selectors_check.offered_keys(request.organisation))})
    if request.method == "POST" and form.is_valid():
        try:
            services_check.do_set_offered_channels(acting_user=request.user, organisation=request.organisation,
                                                   keys=set(form.cleaned_data["channels"]))
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The channels your organisation offers have been saved."))
            return redirect("org:channel_overview", org_slug=org_slug)
    return render(request, "channels/check_form.html", {
        "form": form, "title": _("Channels on offer"), "button": _("Save"),
        "intro": _("Mark the channels your organisation offers to customers. A check covers these channels."),
    })


@org_permission_required("channels.edit")
def check_start(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = StartCheckForm(request.POST or None, initial={"check_date": timezone.localdate(), "copy_answers": True})
    if request.method == "POST" and form.is_valid():
        try:
            check = services_check.do_start_check(
                acting_user=request.user, organisation=request.organisation,
                check_date=form.cleaned_data["check_date"], note=form.cleaned_data["note"],
                copy_answers=form.cleaned_data["copy_answers"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            first = check.channels.select_related("channel").order_by("channel__order").first()
            return redirect("org:channel_check_answer", org_slug=org_slug, check_id=check.public_id,
                            channel_key=first.channel_key)
    return render(request, "channels/check_form.html", {
        "form": form, "title": _("Start a maturity check"), "button": _("Start the check"),
        "intro": _("A check records for each channel on offer the level of every dimension. "
                   "You can change the answers at any time; every version is kept."),
    })


@org_permission_required("channels.edit")
def check_answer(request: HttpRequest, org_slug: str, check_id: str, channel_key: str) -> HttpResponse:
    check = _check_or_404(request, check_id)
    result = selectors_check.check_result(check)
    index = next((i for i, row in enumerate(result.rows) if row.channel.key == channel_key), None)
    if index is None:
        raise Http404(_("This channel is not part of the check."))
    row = result.rows[index]
    form = AnswerForm(request.POST or None, catalogue=result.catalogue, levels=row.levels, evidence=row.evidence,
                      target=row.check_channel.target_level)
    if request.method == "POST" and form.is_valid():
        try:
            services_check.do_answer_channel(acting_user=request.user, check=check, channel=row.channel,
                                             answers=form.answers(), target_level=form.cleaned_data["target_level"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The answers for “%(channel)s” have been saved.") % {"channel": row.channel.name})
            following = result.rows[index + 1] if index + 1 < len(result.rows) and "next" in request.POST else None
            if following is not None:
                return redirect("org:channel_check_answer", org_slug=org_slug, check_id=check.public_id,
                                channel_key=following.channel.key)
            return redirect("org:channel_check", org_slug=org_slug, check_id=check.public_id)
    return render(request, "channels/check_answer.html", {
        "check": check, "row": row, "form": form, "rows": result.rows, "position": index + 1,
        "has_next": index + 1 < len(result.rows),
    })


def _result_context(request: HttpRequest, check: Check) -> dict:
    result = selectors_check.check_result(check)
    radars = [(row, charts_check.radar(result, row, i)) for i, row in enumerate(result.rows) if row.levels]
    return {
        "check": check, "result": result, "heatmap": charts_check.heatmap(result), "radars": radars,
        "recommendations": recommendations_for(result),
    }


@org_permission_required("channels.view")
def check_result(request: HttpRequest, org_slug: str, check_id: str) -> HttpResponse:
    check = _check_or_404(request, check_id)
    context = _result_context(request, check)
    context.update({
        "hub_source": HUB_SOURCE,
        "can_act": request.org_access.has("improvement.manage") and bool(context["recommendations"]),
        "can_edit": request.org_access.has("channels.edit"),
    })
    return render(request, "channels/check_result.html", context)


@org_permission_required("channels.view")
def check_versions(request: HttpRequest, org_slug: str, check_id: str, channel_key: str) -> HttpResponse:
    check = _check_or_404(request, check_id)
    check_channel = check.channels.select_related("channel").filter(channel_key=channel_key).first()
    if check_channel is None:
        raise Http404(_("This channel is not part of the check."))
    return render(request, "channels/check_versions.html", {
        "check": check, "channel": check_channel.channel,
        "answers": selectors_check.answer_history(check, check_channel.channel),
    })


@org_permission_required("channels.view")
def check_xlsx(request: HttpRequest, org_slug: str, check_id: str) -> HttpResponse:
    check = _check_or_404(request, check_id)
    result = selectors_check.check_result(check)
    dimensions = result.catalogue.dimensions
    summary = [[_("Channel"), _("Overall level"), _("Mean"), _("Target in two years"), _("Answered")]]
    summary += [[row.channel.name, row.result.overall, row.result.mean, row.check_channel.target_level,
                 row.result.answered] for row in result.rows]
    detail = [[_("Channel"), *[d.name for d in dimensions]]]
    detail += [[row.channel.name, *[row.levels.get(d.key) for d in dimensions]] for row in result.rows]
    evidence = [[_("Channel"), _("Dimension"), _("Level"), _("Evidence")]]
    evidence += [[row.channel.name, d.name, row.levels.get(d.key), row.evidence.get(d.key, "")]
                 for row in result.rows for d in dimensions if d.key in row.levels]
    recos = [[_("Channel"), _("Dimension"), _("Current level"), _("Target"), _("Recommendation")]]
    recos += [[item.channel, item.dimension, item.current, item.target, text]
              for item in recommendations_for(result) for text in item.texts]
    sheets = [Sheet(_("Result"), summary), Sheet(_("Levels"), detail), Sheet(_("Evidence"), evidence),
              Sheet(_("Recommendations"), recos)]
    return download(to_xlsx(sheets), f"reifegrad-check-{request.organisation.slug}-{check.check_date}.xlsx")


@org_permission_required("channels.view")
def check_pdf(request: HttpRequest, org_slug: str, check_id: str) -> HttpResponse:
    check = _check_or_404(request, check_id)
    context = _result_context(request, check)
    context["organisation"] = request.organisation
    pdf = render_pdf("channels/check_pdf.html", context)
    return download(pdf, f"reifegrad-check-{request.organisation.slug}-{check.check_date}.pdf")


@org_permission_required("channels.view")
def history(request: HttpRequest, org_slug: str) -> HttpResponse:
    checks, by_key = selectors_check.history(request.organisation)
    catalogue = selectors_check.catalogue_view(_catalogue(request))
    names = {c.key: c.name for c in catalogue.channels}
    keys = [c.key for c in catalogue.channels if c.key in by_key] + sorted(k for k in by_key if k not in names)
    rows = [(names.get(key, key), [by_key[key].get(check.pk) for check in checks]) for key in keys]
    chart = charts_check.trend(
        [check.check_date.strftime("%d.%m.%Y") for check in checks], [name for name, _cells in rows],
        [[None if cell is None or cell.overall_level is None else float(cell.overall_level) for cell in cells]
         for _name, cells in rows])
    table = [(name, list(zip(checks, cells, strict=True))) for name, cells in rows]
    return render(request, "channels/check_history.html", {"checks": checks, "rows": table, "chart": chart})


@org_permission_required("channels.view")
def benchmark(request: HttpRequest, org_slug: str) -> HttpResponse:
    same_form = request.GET.get("form") == "1" and bool(request.organisation.form)
    return render(request, "channels/check_benchmark.html", {
        "figures": maturity_figures(request.organisation, same_form=same_form), "same_form": same_form,
        "consented": TOPIC_KEY in consented_topics(request.organisation),
        "can_consent": request.org_access.has("channels.manage"),
    })


@require_POST
@org_permission_required("channels.manage")
def benchmark_consent(request: HttpRequest, org_slug: str) -> HttpResponse:
    return set_consent(request, org_slug, topic_key=TOPIC_KEY,
                       granted_text=_("Your maturity levels now count in the comparison."),
                       revoked_text=_("Your maturity levels no longer count in the comparison."),
                       back="org:channel_benchmark")

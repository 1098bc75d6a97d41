"""Running a survey: waves, link, QR code, poster, access codes, invitations and reminders."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.core import documents as kit
from kosmos.core.access import org_permission_required
from kosmos.core.urls_absolute import absolute_url, base_url_warning
from kosmos.surveys import documents, services
from kosmos.surveys.forms import InviteForm, TokenCardsForm, WaveForm
from kosmos.surveys.models import Response, SurveyInvitation, Token, TokenBatch, Wave, WaveMode, WaveStatus
from kosmos.surveys.presentation import rate_text
from kosmos.surveys.views.common import error_text, get_survey, get_wave


def _to_wave(org_slug: str, wave: Wave) -> HttpResponse:
    return redirect("org:survey_wave_detail", org_slug=org_slug, survey_id=wave.survey.public_id, wave_id=wave.public_id)


def _file_stem(wave: Wave) -> str:
    return slugify(f"{wave.survey.title}-{wave.name}")[:60] or "befragung"


@org_permission_required("surveys.manage")
def wave_create(request: HttpRequest, org_slug: str, survey_id: str) -> HttpResponse:
    survey = get_survey(request, survey_id)
    form = WaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            wave = services.do_create_wave(acting_user=request.user, survey=survey, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The wave has been created. Start it when everything is ready."))
            return _to_wave(org_slug, wave)
    previous = survey.waves.order_by("-number").first()
    return render(request, "surveys/wave_form.html", {"form": form, "survey": survey, "wave": None,
                                                      "previous": previous})


@org_permission_required("surveys.manage")
def wave_edit(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    wave = get_wave(request, survey_id, wave_id)
    form = WaveForm(request.POST or None, instance=wave)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_wave(acting_user=request.user, wave=get_wave(request, survey_id, wave_id),
                                    data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The wave has been saved."))
            return _to_wave(org_slug, wave)
    return render(request, "surveys/wave_form.html", {"form": form, "survey": wave.survey, "wave": wave})


@org_permission_required("surveys.view")
def wave_detail(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    wave = get_wave(request, survey_id, wave_id)
    responses = Response.objects.filter(wave=wave).count()
    link = services.wave_link(wave, request)
    tokens = used = 0
    if wave.mode == WaveMode.TOKENS:
        tokens = Token.objects.filter(wave=wave).count()
        used = Token.objects.filter(wave=wave, used=True).count()
    invited = tokens if wave.mode == WaveMode.TOKENS else wave.invited_count
    return render(request, "surveys/wave_detail.html", {
        "wave": wave, "survey": wave.survey, "responses": responses, "link": link,
        "qr": documents.qr_inline(link) if wave.mode == WaveMode.LINK else None,
        "tokens": tokens, "used": used, "rate": rate_text(responses, invited),
        "can_manage": request.org_access.has("surveys.manage"),
        "can_see_results": request.org_access.has("surveys.results"),
        "base_url_warning": base_url_warning(request),
    })


@org_permission_required("surveys.manage")
@require_POST
def wave_start(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    wave = get_wave(request, survey_id, wave_id)
    try:
        services.do_start_wave(acting_user=request.user, wave=wave)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The wave has been started. From its first day respondents can answer."))
    return _to_wave(org_slug, wave)


@org_permission_required("surveys.manage")
def wave_close(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    wave = get_wave(request, survey_id, wave_id)
    if request.method == "POST":
        try:
            services.do_close_wave(acting_user=request.user, wave=wave)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The wave has ended. Later answers are not stored."))
        return _to_wave(org_slug, wave)
    return render(request, "surveys/confirm_delete.html", {
        "survey": wave.survey, "title": _("End the wave now"), "button": _("End the wave"),
        "question": _("End “%(wave)s” now? Respondents can no longer answer, and drafts saved to continue later "
                      "are deleted.") % {"wave": wave.name},
    })


@org_permission_required("surveys.manage")
def wave_delete(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    wave = get_wave(request, survey_id, wave_id)
    error = ""
    if request.method == "POST":
        try:
            services.do_delete_wave(acting_user=request.user, wave=wave)
        except ValidationError as exc:
            error = error_text(exc)
        else:
            messages.success(request, _("The wave has been deleted."))
            return redirect("org:survey_detail", org_slug=org_slug, survey_id=wave.survey.public_id)
    return render(request, "surveys/confirm_delete.html", {
        "survey": wave.survey, "error": error, "title": _("Delete the wave"),
        "question": _("Delete “%(wave)s”? It has not been started.") % {"wave": wave.name},
    })


@org_permission_required("surveys.view")
def wave_qr(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str, fmt: str) -> HttpResponse:
    wave = get_wave(request, survey_id, wave_id)
    link = services.wave_link(wave, request)
    if fmt == "svg":
        return kit.download(documents.qr_svg(link, scale=10, title=link).encode(), f"{_file_stem(wave)}-qr.svg")
    if fmt == "png":
        return kit.download(documents.qr_png(link), f"{_file_stem(wave)}-qr.png")
    raise Http404


@org_permission_required("surveys.view")
def wave_poster(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    """An A4 poster with the link and its QR code, to hang up in the waiting area."""
    wave = get_wave(request, survey_id, wave_id)
    link = services.wave_link(wave, request)
    pdf = kit.render_pdf("surveys/pdf/poster.html", {
        "wave": wave, "survey": wave.survey, "organisation": wave.survey.organisation, "link": link,
        "qr": documents.qr_data_uri(link, scale=12),
    })
    return kit.download(pdf, f"{_file_stem(wave)}-plakat.pdf")


# --- access codes ----------------------------------------------------------------------------


@org_permission_required("surveys.manage")
def wave_tokens(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str) -> HttpResponse:
    wave = get_wave(request, survey_id, wave_id)
    if wave.mode != WaveMode.TOKENS:
        raise Http404
    cards_form = TokenCardsForm(request.POST if request.POST.get("aktion") == "karten" else None)
    invite_form = InviteForm(request.POST if request.POST.get("aktion") == "einladen" else None)
    if request.method == "POST":
        action = request.POST.get("aktion")
        try:
            if action == "karten" and cards_form.is_valid():
                batch = services.do_generate_token_cards(acting_user=request.user, wave=wave,
                                                         count=cards_form.cleaned_data["count"])
                messages.success(request, ngettext("%(n)d access code has been created. Download the card now.",
                                          "%(n)d access codes have been created. Download the cards now.",
                                          batch.size) % {"n": batch.size})
                return redirect("org:survey_wave_tokens", org_slug=org_slug, survey_id=survey_id, wave_id=wave_id)
            if action == "einladen" and invite_form.is_valid():
                valid, invalid = services.parse_addresses(invite_form.cleaned_data["addresses"])
                if invalid:
                    invite_form.add_error("addresses", _("These addresses are not valid: %(list)s")
                                          % {"list": ", ".join(invalid[:10])})
                elif not valid:
                    invite_form.add_error("addresses", _("Enter at least one e-mail address."))
                else:
                    sent = services.do_invite_by_email(acting_user=request.user, wave=wave, addresses=valid,
                                                       request=request)
                    messages.success(request, ngettext("%(n)d invitation is being sent.", "%(n)d invitations are being sent.",
                                                               sent) % {"n": sent})
                    return redirect("org:survey_wave_tokens", org_slug=org_slug, survey_id=survey_id, wave_id=wave_id)
            if action == "erinnern":
                sent = services.do_send_reminders(acting_user=request.user, wave=wave, request=request)
                messages.success(request, ngettext("%(n)d reminder is being sent.", "%(n)d reminders are being sent.",
                                                           sent) % {"n": sent})
                return redirect("org:survey_wave_tokens", org_slug=org_slug, survey_id=survey_id, wave_id=wave_id)
            if action == "adressen-loeschen":
                deleted = services.do_delete_address_list(acting_user=request.user, wave=wave)
                messages.success(request, ngettext("%(n)d e-mail address has been deleted.",
                                                           "%(n)d e-mail addresses have been deleted.", deleted)
                                 % {"n": deleted})
                return redirect("org:survey_wave_tokens", org_slug=org_slug, survey_id=survey_id, wave_id=wave_id)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    batches = list(TokenBatch.objects.filter(wave=wave).order_by("created_at"))
    addresses = SurveyInvitation.objects.filter(wave=wave).count()
    pending = SurveyInvitation.objects.filter(wave=wave, token__used=False).count()
    return render(request, "surveys/wave_tokens.html", {
        "wave": wave, "survey": wave.survey, "batches": batches, "cards_form": cards_form,
        "invite_form": invite_form, "addresses": addresses, "pending": pending,
        "total": Token.objects.filter(wave=wave).count(), "used": Token.objects.filter(wave=wave, used=True).count(),
        "entry_link": absolute_url(request, reverse("survey_token_entry")),
        "running": wave.status == WaveStatus.RUNNING and wave.is_open,
        "base_url_warning": base_url_warning(request),
    })


@org_permission_required("surveys.manage")
def wave_cards(request: HttpRequest, org_slug: str, survey_id: str, wave_id: str, batch_id: str) -> HttpResponse:
    """The cards of a batch as PDF: eight per A4 page, each with its code and QR code (unused codes only)."""
    wave = get_wave(request, survey_id, wave_id)
    batch = get_object_or_404(TokenBatch, wave=wave, public_id=batch_id, kind="cards")
    codes = services.batch_codes(batch)
    cards = [{"code": services.format_code(code), "link": services.token_link(code, request),
              "qr": documents.qr_data_uri(services.token_link(code, request), scale=5)} for code in codes]
    pdf = kit.render_pdf("surveys/pdf/cards.html", {
        "wave": wave, "survey": wave.survey, "organisation": wave.survey.organisation, "cards": cards,
        "entry_link": absolute_url(request, reverse("survey_token_entry")),
    })
    return kit.download(pdf, f"{_file_stem(wave)}-zugangskarten.pdf")

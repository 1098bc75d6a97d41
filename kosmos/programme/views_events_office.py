"""The programme office's workshop pages (platform pages outside organisations)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.http import require_POST

from kosmos.assessments.uploads import FILE_TYPES
from kosmos.core import documents
from kosmos.core.access import platform_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.programme import selectors_events as selectors
from kosmos.programme import services_events as services
from kosmos.programme.forms_events import EventForm, MaterialForm, RoomForm, event_initial
from kosmos.programme.models import Registration
from kosmos.programme.services_events import MANAGE


@platform_permission_required(MANAGE)
def event_list(request: HttpRequest) -> HttpResponse:
    events = list(selectors.events_with_counts())
    now = timezone.now()
    return render(request, "programme/event_list.html", {
        "upcoming": [e for e in events if e.ends_at >= now],
        "past": [e for e in events if e.ends_at < now][::-1],
    })


@platform_permission_required(MANAGE)
def event_create(request: HttpRequest) -> HttpResponse:
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.do_save_event(acting_user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The workshop has been created. Add topic rooms if it has parallel sessions."))
            return redirect("programme_event_detail", event_id=event.public_id)
    return render(request, "programme/event_form.html", {"form": form})


@platform_permission_required(MANAGE)
def event_edit(request: HttpRequest, event_id: str) -> HttpResponse:
    event = selectors.event_or_404(event_id)
    form = EventForm(request.POST or None, initial=event_initial(event))
    if request.method == "POST" and form.is_valid():
        try:
            services.do_save_event(acting_user=request.user, data=form.cleaned_data, event=event)
            moved = services.do_update_capacity_moves(acting_user=request.user, event=event)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The workshop has been saved."))
            _report_moves(request, moved)
            return redirect("programme_event_detail", event_id=event.public_id)
    return render(request, "programme/event_form.html", {"form": form, "event": event})


def _report_moves(request: HttpRequest, moved: list[Registration]) -> None:
    if moved:
        messages.info(request, ngettext(
            "%(count)d person moved up from the waiting list.",
            "%(count)d people moved up from the waiting list.", len(moved)) % {"count": len(moved)})


@platform_permission_required(MANAGE)
def event_detail(request: HttpRequest, event_id: str) -> HttpResponse:
    event = selectors.event_or_404(event_id)
    return render(request, "programme/event_detail.html", {
        "event": event,
        "rooms": selectors.rooms_with_counts(event),
        "registrations": selectors.participants(event),
        "materials": list(event.materials.all()),
        "room_form": RoomForm(),
        "material_form": MaterialForm(),
    })


@platform_permission_required(MANAGE)
@require_POST
def room_add(request: HttpRequest, event_id: str) -> HttpResponse:
    event = selectors.event_or_404(event_id)
    form = RoomForm(request.POST)
    if form.is_valid():
        services.do_save_room(acting_user=request.user, event=event, data=form.cleaned_data)
        messages.success(request, _("The topic room has been added."))
        return redirect("programme_event_detail", event_id=event.public_id)
    return render(request, "programme/event_detail.html", {
        "event": event, "rooms": selectors.rooms_with_counts(event), "registrations": selectors.participants(event),
        "materials": list(event.materials.all()), "room_form": form, "material_form": MaterialForm(),
    }, status=400)


@platform_permission_required(MANAGE)
@require_POST
def room_delete(request: HttpRequest, event_id: str, room_id: str) -> HttpResponse:
    event = selectors.event_or_404(event_id)
    room = event.rooms.filter(public_id=room_id).first()
    if room is None:
        raise Http404
    try:
        services.do_delete_room(acting_user=request.user, room=room)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The topic room has been removed."))
    return redirect("programme_event_detail", event_id=event.public_id)


@platform_permission_required(MANAGE)
@require_POST
def material_add(request: HttpRequest, event_id: str) -> HttpResponse:
    event = selectors.event_or_404(event_id)
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        services.do_add_material(acting_user=request.user, event=event, title=form.cleaned_data["title"],
                                 url=form.cleaned_data["url"], upload=form.cleaned_data["file"],
                                 file_type=getattr(form, "file_type", ""))
        messages.success(request, _("The material has been added; every Jobcenter can now see it."))
        return redirect("programme_event_detail", event_id=event.public_id)
    return render(request, "programme/event_detail.html", {
        "event": event, "rooms": selectors.rooms_with_counts(event), "registrations": selectors.participants(event),
        "materials": list(event.materials.all()), "room_form": RoomForm(), "material_form": form,
    }, status=400)


@platform_permission_required(MANAGE)
@require_POST
def material_delete(request: HttpRequest, event_id: str, material_id: str) -> HttpResponse:
    event = selectors.event_or_404(event_id)
    services.do_delete_material(acting_user=request.user, material=selectors.material_or_404(event, material_id))
    messages.success(request, _("The material has been removed."))
    return redirect("programme_event_detail", event_id=event.public_id)


def material_response(event_id: str, material_id: str) -> HttpResponse:
    """The file of a material (shared by the office's and the organisations' download pages)."""
    event = selectors.event_or_404(event_id)
    material = selectors.material_or_404(event, material_id)
    if not material.file:
        raise Http404
    file_type = FILE_TYPES.get(material.file_type)
    try:
        handle = material.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return documents.file_download(handle, material.file_name or material.file.name.rsplit("/", 1)[-1],
                                   content_type=file_type.content_type if file_type else "application/octet-stream")


@platform_permission_required(MANAGE)
def material_file(request: HttpRequest, event_id: str, material_id: str) -> HttpResponse:
    return material_response(event_id, material_id)


@platform_permission_required(MANAGE)
@require_POST
def registration_cancel(request: HttpRequest, event_id: str, registration_id: str) -> HttpResponse:
    event = selectors.event_or_404(event_id)
    registration = event.registrations.filter(public_id=registration_id).select_related(
        "participant", "organisation").first()
    if registration is None:
        raise Http404
    moved = services.do_cancel_registration(acting_user=request.user, registration=registration)
    messages.success(request, _("The registration has been cancelled."))
    _report_moves(request, moved)
    return redirect("programme_event_detail", event_id=event.public_id)


@platform_permission_required(MANAGE)
def participants_xlsx(request: HttpRequest, event_id: str) -> HttpResponse:
    """The participant list for the office (names and e-mail addresses: the office runs the workshop)."""
    event = selectors.event_or_404(event_id)
    header = [_("Organisation"), _("Form"), _("Federal state"), _("Name"), _("E-mail address"), _("Topic room"),
              _("Status"), _("Contact shared with participants"), _("Registered on")]
    rows = [header] + [[
        r.organisation.name, r.organisation.get_form_display(), r.organisation.get_state_display(),
        r.participant.get_full_name(), r.participant.email, r.room.title if r.room else "",
        r.get_status_display(), _("yes") if r.share_contact else _("no"), timezone.localtime(r.created_at).date(),
    ] for r in selectors.participants(event)]
    content = documents.to_xlsx([documents.Sheet(pgettext("workshop", "Participants"), rows)])
    return documents.download(content, f"{pgettext('workshop', 'Participants')} {event.title} {event.starts_at:%Y-%m-%d}.xlsx")

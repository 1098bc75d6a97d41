"""Workshops as a Jobcenter sees them (organisation pages): register, cancel, materials, calendar."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.core import documents
from kosmos.core.access import org_permission_required
from kosmos.core.forms_base import add_service_error
from kosmos.programme import selectors_events as selectors
from kosmos.programme import services_events as services
from kosmos.programme.forms_events import RegistrationForm
from kosmos.programme.models import Event, RegistrationStatus
from kosmos.programme.views_events_office import material_response
from kosmos.workinggroups.domain.calendar import CalendarEntry, to_ics

VIEW = "programme.workshops"


@org_permission_required(VIEW)
def workshops(request: HttpRequest, org_slug: str) -> HttpResponse:
    events = list(selectors.events_with_counts())
    own = selectors.organisation_counts(request.organisation)
    for event in events:
        event.own_count = own.get(event.id, 0)
    now = timezone.now()
    return render(request, "programme/workshop_list.html", {
        "upcoming": [e for e in events if e.ends_at >= now],
        "past": [e for e in events if e.ends_at < now][::-1],
    })


def _form(request: HttpRequest, event: Event, data: dict | None = None) -> RegistrationForm:
    return RegistrationForm(
        data, organisation=request.organisation, user=request.user, event=event,
        others=services.may_register_others(request.user, request.organisation),
    )


def _page(request: HttpRequest, event: Event, form: RegistrationForm | None = None, status: int = 200) -> HttpResponse:
    mine = selectors.own_registration(event, request.user)
    is_member = request.org_access.membership is not None
    return render(request, "programme/workshop_detail.html", {
        "event": event,
        "rooms": selectors.rooms_with_counts(event),
        "mine": mine,
        "registrations": selectors.organisation_registrations(event, request.organisation),
        "participants": selectors.public_participants(event),
        "materials": list(event.materials.all()),
        "form": form or _form(request, event),
        "can_register": is_member and event.registration_open and event.ends_at > timezone.now(),
        "can_register_others": services.may_register_others(request.user, request.organisation),
        "show_link": mine is not None and mine.status == RegistrationStatus.REGISTERED,
    }, status=status)


@org_permission_required(VIEW)
def workshop_detail(request: HttpRequest, org_slug: str, event_id: str) -> HttpResponse:
    return _page(request, selectors.event_or_404(event_id))


@org_permission_required(VIEW)
@require_POST
def workshop_register(request: HttpRequest, org_slug: str, event_id: str) -> HttpResponse:
    event = selectors.event_or_404(event_id)
    if request.org_access.membership is None:
        raise PermissionDenied
    form = _form(request, event, request.POST)
    if form.is_valid():
        participant = form.cleaned_data.get("participant") or request.user
        try:
            registration = services.do_register(
                acting_user=request.user, event=event, organisation=request.organisation, participant=participant,
                room=form.cleaned_data.get("room"), share_contact=form.cleaned_data["share_contact"],
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            if registration.status == RegistrationStatus.WAITING:
                messages.warning(request, _("All seats are taken. %(name)s is on the waiting list and moves up "
                                            "automatically when a seat frees.") % {"name": participant.get_full_name()})
            else:
                messages.success(request, _("%(name)s is registered.") % {"name": participant.get_full_name()})
            return redirect("org:programme_workshop", org_slug=org_slug, event_id=event.public_id)
    return _page(request, event, form, status=400)


@org_permission_required(VIEW)
@require_POST
def workshop_cancel(request: HttpRequest, org_slug: str, registration_id: str) -> HttpResponse:
    registration = selectors.registration_or_404(request.organisation, registration_id)
    if not services.may_cancel(request.user, registration):
        raise PermissionDenied
    moved = services.do_cancel_registration(acting_user=request.user, registration=registration)
    messages.success(request, _("The registration has been cancelled."))
    if moved:
        messages.info(request, ngettext("%(count)d person moved up from the waiting list.",
                                        "%(count)d people moved up from the waiting list.", len(moved))
                      % {"count": len(moved)})
    return redirect("org:programme_workshop", org_slug=org_slug, event_id=registration.event.public_id)


@org_permission_required(VIEW)
@require_POST
def workshop_consent(request: HttpRequest, org_slug: str, registration_id: str) -> HttpResponse:
    registration = selectors.registration_or_404(request.organisation, registration_id)
    if registration.participant_id != request.user.pk:
        raise PermissionDenied
    share = request.POST.get("share_contact") == "1"
    services.do_set_share_contact(acting_user=request.user, registration=registration, share_contact=share)
    messages.success(request, _("Your name and e-mail address are now shown to the other participants.") if share
                     else _("The other participants now see only your organisation."))
    return redirect("org:programme_workshop", org_slug=org_slug, event_id=registration.event.public_id)


@org_permission_required(VIEW)
def workshop_ics(request: HttpRequest, org_slug: str, event_id: str) -> HttpResponse:
    event = selectors.event_or_404(event_id)
    url = request.build_absolute_uri(reverse("org:programme_workshop", kwargs={
        "org_slug": org_slug, "event_id": event.public_id}))
    mine = selectors.own_registration(event, request.user)
    location = event.place
    if mine is not None and mine.status == RegistrationStatus.REGISTERED and event.link:
        location = event.link
    entry = CalendarEntry(uid=f"{event.public_id}@qualitaetskosmos", summary=event.title, start=event.starts_at,
                          end=event.ends_at or event.starts_at + dt.timedelta(hours=2), location=location, url=url,
                          description=event.description, stamp=event.created_at)
    return documents.download(to_ics([entry], name=event.title), f"{event.title} {event.starts_at:%Y-%m-%d}.ics",
                              content_type="text/calendar")


@org_permission_required(VIEW)
def workshop_material(request: HttpRequest, org_slug: str, event_id: str, material_id: str) -> HttpResponse:
    return material_response(event_id, material_id)

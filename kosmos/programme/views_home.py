"""The programme office's home page: calls, applications, projects in progress with their
milestones, upcoming workshops and platform-wide figures — all from real data, in a bounded
number of queries (one per module for "modules in use", otherwise fixed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kosmos.core.access import platform_permission_required
from kosmos.core.models import Organisation
from kosmos.core.modules import modules
from kosmos.practice.models import Milestone
from kosmos.programme.models import Application, ApplicationState, Call, Decision, RegistrationStatus
from kosmos.programme.selectors_events import events_with_counts
from kosmos.programme.views_calls import OFFICE


def url_or_none(name: str, **kwargs: object) -> str | None:
    """A link to a page another part of the platform may or may not offer (yet)."""
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


@dataclass(frozen=True)
class ModuleUse:
    name: str
    organisations: int


def _organisation_models(app_label: str) -> list[type[models.Model]]:
    from django.apps import apps

    found = []
    for model in apps.get_app_config(app_label).get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "organisation"), None)
        if field is not None and getattr(field, "related_model", None) is Organisation:
            found.append(model)
    return found


def modules_in_use() -> list[ModuleUse]:
    """Per module: how many organisations hold data in it (any row of a model of the module that
    belongs to an organisation). One UNION query per module, at most one id per organisation."""
    result = []
    for module in modules():
        if module.label == "core":
            continue
        querysets = [m._default_manager.filter(organisation__isnull=False).values_list("organisation_id")
                     .order_by() for m in _organisation_models(module.label)]
        if not querysets:
            continue
        union = querysets[0].union(*querysets[1:]) if len(querysets) > 1 else querysets[0].distinct()
        result.append(ModuleUse(str(module.name), len(union)))
    return result


def organisation_figures() -> list[dict]:
    """Organisations by kind and form, with German labels."""
    from kosmos.core.models.organisations import OrganisationForm, OrganisationKind

    kinds, forms = dict(OrganisationKind.choices), dict(OrganisationForm.choices)
    rows = Organisation.objects.values("kind", "form").annotate(count=Count("id")).order_by("kind", "form")
    return [{**row, "kind_label": str(kinds.get(row["kind"], row["kind"])),
             "form_label": str(forms.get(row["form"], row["form"] or ""))} for row in rows]


def _calls() -> list[Call]:
    return list(Call.objects.annotate(
        submitted_count=Count("applications", filter=Q(applications__state=ApplicationState.SUBMITTED)),
        draft_count=Count("applications", filter=Q(applications__state=ApplicationState.DRAFT)),
        accepted_count=Count("applications", filter=Q(applications__decision=Decision.ACCEPTED)),
    ).order_by("-deadline"))


@dataclass
class Project:
    application: Application
    milestones: list
    next_milestone: object | None


def projects_in_progress(today: dt.date | None = None) -> list[Project]:
    """Selected projects of calls whose programme period has not ended, with their profile's timeline."""
    today = today or timezone.localdate()
    month = today.strftime("%Y-%m")
    applications = (Application.objects.filter(decision=Decision.ACCEPTED)
                    .filter(Q(call__period_end__isnull=True) | Q(call__period_end__gte=today))
                    .select_related("organisation", "topic", "call", "profile")
                    .prefetch_related(Prefetch("profile__milestones",
                                               queryset=Milestone.objects.order_by("position", "period")))
                    .order_by("call__deadline", "organisation__name"))
    projects = []
    for application in applications:
        milestones = list(application.profile.milestones.all()) if application.profile else []
        upcoming = [m for m in milestones if m.period >= month]
        projects.append(Project(application, milestones, upcoming[0] if upcoming else None))
    return projects


@platform_permission_required(OFFICE)
def home(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    calls = _calls()
    for call in calls:
        call.detail_url = url_or_none("programme_call_detail", call_id=call.public_id)
        call.report_url = reverse("programme_report", kwargs={"call_id": call.public_id})
    events = list(events_with_counts().filter(ends_at__gte=now)[:5])
    figures = organisation_figures()
    return render(request, "programme/home.html", {
        "calls": calls,
        "projects": projects_in_progress(),
        "events": events,
        "figures": figures,
        "organisation_total": sum(f["count"] for f in figures),
        "modules_in_use": modules_in_use(),
        "links": [(label, url) for label, url in (
            (_label("calls"), url_or_none("programme_call_list")),
            (_label("workshops"), reverse("programme_event_list")),
            (_label("review"), url_or_none("practice_review_queue")),
            (_label("organisations"), url_or_none("organisation_list")),
            (_label("search"), url_or_none("search")),
        ) if url],
        "registered": RegistrationStatus.REGISTERED,
    })


def _label(key: str) -> str:
    from django.utils.translation import gettext as _

    return {
        "calls": _("Calls and applications"),
        "workshops": _("Workshops and exchange"),
        "review": _("Project profiles to review"),
        "organisations": _("All organisations of the platform"),
        "search": _("Search"),
    }[key]

"""Pages of the Quali-Kompass: the staff member's compass, the catalogue, the minimum per
department, the team page, the compliance overview, the import and the needs-versus-offer view."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kosmos.core.access import org_permission_required
from kosmos.core.documents.downloads import download, file_download
from kosmos.core.documents.tables import to_csv
from kosmos.core.forms_base import add_service_error
from kosmos.core.params import uuid_param
from kosmos.training import importing, selectors, services
from kosmos.training.domain import compass
from kosmos.training.forms import (
    CompletionForm,
    ContactForm,
    DepartmentForm,
    ExemptionForm,
    ImportForm,
    NewsForm,
    ProfileForm,
    RequirementForm,
    StaffProfileForm,
    TeamCompletionForm,
    TopicForm,
    TrainingForm,
)
from kosmos.training.hub import HUB_SOURCE
from kosmos.training.models import (
    ContactPerson,
    Department,
    Exemption,
    NewsItem,
    StaffProfile,
    Topic,
    Training,
    TrainingKind,
)
from kosmos.training.needs import needs_versus_offer
from kosmos.training.overview import overview_tables


def _profile(request: HttpRequest) -> StaffProfile | None:
    return selectors.profile_of(request.organisation, request.user)


# --- the staff member's compass --------------------------------------------------------------------


@org_permission_required("training.view")
def compass_page(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    profile = _profile(request)
    today = timezone.localdate()
    rows = selectors.compass_rows(profile, today=today) if profile else []
    counts = {state: sum(1 for r in rows if r.status == state) for state in
              (compass.DONE, compass.DUE, compass.OVERDUE, compass.EXPIRED, compass.EXEMPT)}
    return render(request, "training/compass.html", {
        "profile": profile,
        "rows": rows,
        "counts": counts,
        "recommended": selectors.recommended_for(profile) if profile else [],
        "news": selectors.news_of(organisation, limit=3),
        "is_lead": bool(profile and StaffProfile.objects.filter(team_lead=profile).exists()),
        "profile_form": None if profile else ProfileForm(organisation=organisation),
        "can_manage": request.org_access.has("training.manage"),
        "can_overview": request.org_access.has("training.overview"),
    })


@org_permission_required("training.view")
def profile_edit(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    profile = _profile(request)
    initial = {"department": profile.department, "start_date": profile.start_date,
               "topics": list(profile.topics.all())} if profile else {"start_date": timezone.localdate()}
    form = ProfileForm(request.POST or None, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_save_own_profile(acting_user=request.user, organisation=organisation,
                                         department=form.cleaned_data["department"],
                                         start_date=form.cleaned_data["start_date"],
                                         topics=form.cleaned_data["topics"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Your compass is set up."))
            return redirect("org:training_compass", org_slug=org_slug)
    return render(request, "training/form.html", {
        "form": form, "title": _("My department and topics"), "back": reverse("org:training_compass",
                                                                              kwargs={"org_slug": org_slug})})


# --- catalogue -------------------------------------------------------------------------------------


@org_permission_required("training.view")
def catalogue(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    trainings = selectors.trainings_of(organisation).filter(active=True).prefetch_related("departments")
    topic_id = uuid_param(request, "thema")
    department_id = uuid_param(request, "fachbereich")
    kind = request.GET.get("art", "")
    topic = department = None
    if topic_id:
        topic = get_object_or_404(Topic, organisation=organisation, public_id=topic_id)
        trainings = trainings.filter(topic__in=[topic, *topic.children.all()])
    if department_id:
        department = get_object_or_404(Department, organisation=organisation, public_id=department_id)
        trainings = trainings.filter(departments=department)
    if kind in TrainingKind.values:
        trainings = trainings.filter(kind=kind)
    return render(request, "training/catalogue.html", {
        "trainings": list(trainings.order_by("title")),
        "topics": selectors.topics_of(organisation),
        "departments": list(Department.objects.filter(organisation=organisation)),
        "kinds": TrainingKind.choices,
        "topic": topic, "department": department, "kind": kind,
        "can_manage": request.org_access.has("training.manage"),
        "archived": list(selectors.trainings_of(organisation).filter(active=False).order_by("title"))
        if request.org_access.has("training.manage") else [],
    })


def _training(request: HttpRequest, training_id: object) -> Training:
    return get_object_or_404(selectors.trainings_of(request.organisation), public_id=training_id)


@org_permission_required("training.view")
def training_detail(request: HttpRequest, org_slug: str, training_id: object) -> HttpResponse:
    training = _training(request, training_id)
    profile = _profile(request)
    return render(request, "training/detail.html", {
        "training": training,
        "departments": list(training.departments.all()),
        "required_in": list(Department.objects.filter(requirements__training=training)),
        "contacts": list(ContactPerson.objects.filter(topic=training.topic)) if training.topic_id else [],
        "profile": profile,
        "form": CompletionForm(initial={"completed_on": timezone.localdate()}) if profile else None,
        "can_manage": request.org_access.has("training.manage"),
    })


@org_permission_required("training.manage")
def training_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _training_form(request, None)


@org_permission_required("training.manage")
def training_edit(request: HttpRequest, org_slug: str, training_id: object) -> HttpResponse:
    return _training_form(request, _training(request, training_id))


def _training_form(request: HttpRequest, training: Training | None) -> HttpResponse:
    organisation = request.organisation
    initial = TrainingForm.initial_for(training) if training else {"active": True}
    form = TrainingForm(request.POST or None, request.FILES or None, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        departments = data.pop("departments")
        try:
            saved = services.do_save_training(acting_user=request.user, organisation=organisation, values=data,
                                              departments=departments, training=training)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The training is saved."))
            return redirect("org:training_detail", org_slug=organisation.slug, training_id=saved.public_id)
    back = reverse("org:training_detail", kwargs={"org_slug": organisation.slug, "training_id": training.public_id}) \
        if training else reverse("org:training_catalogue", kwargs={"org_slug": organisation.slug})
    return render(request, "training/form.html", {
        "form": form, "title": _("Change training") if training else _("New training"), "back": back})


def _confirm(request: HttpRequest, *, title: str, question: str, button: str, back: str,
             error: str = "") -> HttpResponse:
    return render(request, "training/confirm.html", {"title": title, "question": question, "button": button,
                                                     "back": back, "error": error})


@org_permission_required("training.manage")
def training_delete(request: HttpRequest, org_slug: str, training_id: object) -> HttpResponse:
    """Delete a training; one with completions or exemptions is archived so the records stay."""
    training = _training(request, training_id)
    title = training.title
    if request.method != "POST":
        kept = training.completions.exists() or training.exemptions.exists()
        return _confirm(
            request, title=_("Delete training"),
            question=(_("%(title)s has completions or exemptions. It will be archived: no longer offered and "
                        "no longer required; the records stay.") if kept
                      else _("Delete %(title)s from the catalogue?")) % {"title": title},
            button=_("Archive") if kept else _("Delete"),
            back=reverse("org:training_detail", kwargs={"org_slug": org_slug, "training_id": training.public_id}))
    if services.do_delete_training(acting_user=request.user, organisation=request.organisation, training=training):
        messages.success(request, _("The training %(title)s is deleted.") % {"title": title})
    else:
        messages.success(request, _("The training %(title)s is archived.") % {"title": title})
    return redirect("org:training_catalogue", org_slug=org_slug)


@org_permission_required("training.view")
def training_document(request: HttpRequest, org_slug: str, training_id: object) -> HttpResponse:
    """The organisation's own material of a training (a stored PDF), as a private download."""
    training = _training(request, training_id)
    if not training.document:
        raise Http404(_("This training has no file."))
    return file_download(training.document.open("rb"), f"{training.title[:80]}.pdf")


@require_POST
@org_permission_required("training.view")
def training_complete(request: HttpRequest, org_slug: str, training_id: object) -> HttpResponse:
    """The staff member confirms her own completion (with the date)."""
    training = _training(request, training_id)
    profile = _profile(request)
    if profile is None:
        raise Http404(_("You have no compass yet."))
    form = CompletionForm(request.POST)
    if form.is_valid():
        try:
            services.do_confirm_completion(acting_user=request.user, organisation=request.organisation,
                                           profile=profile, training=training,
                                           completed_on=form.cleaned_data["completed_on"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Completion recorded: %(title)s.") % {"title": training.title})
            return redirect("org:training_compass", org_slug=org_slug)
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("org:training_detail", org_slug=org_slug, training_id=training.public_id)


# --- topics and contact persons --------------------------------------------------------------------


@org_permission_required("training.view")
def topic_detail(request: HttpRequest, org_slug: str, topic_id: object) -> HttpResponse:
    organisation = request.organisation
    topic = get_object_or_404(Topic.objects.select_related("parent"), organisation=organisation, public_id=topic_id)
    children = list(topic.children.all())
    return render(request, "training/topic.html", {
        "topic": topic, "children": children,
        "trainings": list(selectors.trainings_of(organisation).filter(topic__in=[topic, *children], active=True)),
        "contacts": list(ContactPerson.objects.filter(topic__in=[topic, *children]).select_related("topic")),
        "contact_form": ContactForm() if request.org_access.has("training.manage") else None,
        "can_manage": request.org_access.has("training.manage"),
    })


def _topic(request: HttpRequest, topic_id: object) -> Topic:
    return get_object_or_404(Topic, organisation=request.organisation, public_id=topic_id)


@org_permission_required("training.manage")
def topic_edit(request: HttpRequest, org_slug: str, topic_id: object) -> HttpResponse:
    organisation = request.organisation
    topic = _topic(request, topic_id)
    form = TopicForm(request.POST or None, organisation=organisation, topic=topic,
                     initial={"name": topic.name, "parent": topic.parent, "need_keys": topic.need_keys})
    if request.method == "POST" and form.is_valid():
        try:
            services.do_update_topic(acting_user=request.user, organisation=organisation, topic=topic,
                                     **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("org:training_topic", org_slug=org_slug, topic_id=topic.public_id)
    return render(request, "training/form.html", {
        "form": form, "title": _("Change topic"),
        "back": reverse("org:training_topic", kwargs={"org_slug": org_slug, "topic_id": topic.public_id})})


@org_permission_required("training.manage")
def topic_delete(request: HttpRequest, org_slug: str, topic_id: object) -> HttpResponse:
    """Delete a topic; refused (with the reason) while trainings or sub-topics belong to it."""
    topic = _topic(request, topic_id)
    error = ""
    try:
        if request.method == "POST":
            services.do_delete_topic(acting_user=request.user, organisation=request.organisation, topic=topic)
            messages.success(request, _("The topic is deleted."))
            return redirect("org:training_setup", org_slug=org_slug)
        services.check_topic_deletable(topic)
    except ValidationError as exc:
        error = " ".join(exc.messages)
    return _confirm(request, title=_("Delete topic"),
                    question=_("Delete the topic %(name)s with its contact persons?") % {"name": str(topic)},
                    button=_("Delete"), error=error,
                    back=reverse("org:training_topic", kwargs={"org_slug": org_slug, "topic_id": topic.public_id}))


@require_POST
@org_permission_required("training.manage")
def contact_add(request: HttpRequest, org_slug: str, topic_id: object) -> HttpResponse:
    topic = get_object_or_404(Topic, organisation=request.organisation, public_id=topic_id)
    form = ContactForm(request.POST)
    if form.is_valid():
        services.do_add_contact(acting_user=request.user, organisation=request.organisation, topic=topic,
                                **form.cleaned_data)
        messages.success(request, _("The contact person is added."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("org:training_topic", org_slug=org_slug, topic_id=topic.public_id)


@require_POST
@org_permission_required("training.manage")
def contact_remove(request: HttpRequest, org_slug: str, contact_id: object) -> HttpResponse:
    contact = get_object_or_404(ContactPerson.objects.select_related("topic"), organisation=request.organisation,
                                public_id=contact_id)
    topic = contact.topic
    services.do_remove_contact(acting_user=request.user, organisation=request.organisation, contact=contact)
    messages.success(request, _("The contact person is removed."))
    return redirect("org:training_topic", org_slug=org_slug, topic_id=topic.public_id)


# --- minimum per department and setup -------------------------------------------------------------


@org_permission_required("training.view")
def requirements(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "training/requirements.html", {
        "departments": selectors.departments_with_requirements(request.organisation),
        "can_manage": request.org_access.has("training.manage"),
    })


@org_permission_required("training.manage")
def requirement_edit(request: HttpRequest, org_slug: str, department_id: object) -> HttpResponse:
    organisation = request.organisation
    department = get_object_or_404(Department, organisation=organisation, public_id=department_id)
    initial = {"deadline_days": department.deadline_days,
               "trainings": list(Training.objects.filter(requirements__department=department))}
    form = RequirementForm(request.POST or None, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.do_set_requirements(acting_user=request.user, organisation=organisation, department=department,
                                     trainings=list(form.cleaned_data["trainings"]),
                                     deadline_days=form.cleaned_data["deadline_days"])
        messages.success(request, _("The minimum of %(name)s is saved.") % {"name": department.name})
        return redirect("org:training_requirements", org_slug=org_slug)
    return render(request, "training/form.html", {
        "form": form, "title": _("Minimum of %(name)s") % {"name": department.name},
        "back": reverse("org:training_requirements", kwargs={"org_slug": org_slug})})


@org_permission_required("training.manage")
def setup(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The organisation's own departments and topic tree."""
    organisation = request.organisation
    action = request.POST.get("action") if request.method == "POST" else None
    department_form = DepartmentForm(request.POST if action == "department" else None, prefix="department")
    topic_form = TopicForm(request.POST if action == "topic" else None, organisation=organisation, prefix="topic")
    form = department_form if action == "department" else topic_form if action == "topic" else None
    if form is not None and form.is_valid():
        try:
            if action == "department":
                services.do_create_department(acting_user=request.user, organisation=organisation,
                                              **form.cleaned_data)
            else:
                services.do_create_topic(acting_user=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("org:training_setup", org_slug=org_slug)
    return render(request, "training/setup.html", {
        "department_form": department_form, "topic_form": topic_form,
        "departments": list(Department.objects.filter(organisation=organisation)),
        "topics": selectors.topics_of(organisation),
    })


@org_permission_required("training.manage")
def people(request: HttpRequest, org_slug: str) -> HttpResponse:
    """Staff in the compass: department, team lead, start date (one department at a time)."""
    organisation = request.organisation
    departments = list(Department.objects.filter(organisation=organisation))
    department_id = uuid_param(request, "fachbereich")
    department = get_object_or_404(Department, organisation=organisation, public_id=department_id) \
        if department_id else (departments[0] if departments else None)
    profiles = list(StaffProfile.objects.filter(organisation=organisation, department=department, left_on__isnull=True)
                    .select_related("team_lead", "membership__user")) if department else []
    return render(request, "training/people.html", {
        "departments": departments, "department": department, "profiles": profiles})


@org_permission_required("training.manage")
def person_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    return _person_form(request, None)


@org_permission_required("training.manage")
def person_edit(request: HttpRequest, org_slug: str, profile_id: object) -> HttpResponse:
    return _person_form(request, get_object_or_404(StaffProfile, organisation=request.organisation,
                                                   public_id=profile_id))


def _person_form(request: HttpRequest, profile: StaffProfile | None) -> HttpResponse:
    organisation = request.organisation
    initial = {"membership": profile.membership, "full_name": profile.full_name,
               "personnel_key": profile.personnel_key, "department": profile.department,
               "team_lead": profile.team_lead, "start_date": profile.start_date} if profile else {}
    form = StaffProfileForm(request.POST or None, organisation=organisation, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.do_save_profile(acting_user=request.user, organisation=organisation,
                                             values=dict(form.cleaned_data), profile=profile)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"{reverse('org:training_people', kwargs={'org_slug': organisation.slug})}"
                            f"?fachbereich={saved.department.public_id}")
    return render(request, "training/form.html", {
        "form": form, "title": profile.full_name if profile else _("New person in the compass"),
        "back": reverse("org:training_people", kwargs={"org_slug": organisation.slug})})


# --- team lead, overview, exemptions, import ------------------------------------------------------


@org_permission_required("training.view")
def team(request: HttpRequest, org_slug: str) -> HttpResponse:
    """The team lead's page: the team's compliance and confirming completions for team members."""
    organisation = request.organisation
    lead = _profile(request)
    members = selectors.team_of(lead) if lead else []
    form = None
    if members:
        queryset = StaffProfile.objects.filter(team_lead=lead, left_on__isnull=True)
        trainings = Training.objects.filter(organisation=organisation)
        form = TeamCompletionForm(request.POST or None, team=queryset, trainings=trainings,
                                  initial={"completed_on": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                services.do_confirm_completion(acting_user=request.user, organisation=organisation,
                                               profile=form.cleaned_data["profile"],
                                               training=form.cleaned_data["training"],
                                               completed_on=form.cleaned_data["completed_on"])
            except ValidationError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, _("Completion recorded."))
                return redirect("org:training_team", org_slug=org_slug)
    today = timezone.localdate()
    tables = overview_tables(organisation, today=today, team_lead=lead) if members else None
    return render(request, "training/team.html", {
        "lead": lead, "members": members, "form": form, "tables": tables,
        "rows": selectors.open_rows_of_team(members, today=today) if tables and tables.detail else [],
    })


@org_permission_required("training.overview")
def overview(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "training/overview.html", {
        "tables": overview_tables(request.organisation, today=timezone.localdate()),
    })


@org_permission_required("training.overview")
def overview_export(request: HttpRequest, org_slug: str) -> HttpResponse:
    tables = overview_tables(request.organisation, today=timezone.localdate())
    header = [_("Department"), _("People"), _("Required"), _("Done"), _("Due"), _("Overdue"), _("Expired"),
              _("Exempted"), _("Compliance (%)")]
    rows = [header] + [
        [row.label, *(row.cells if row.shown else [_("fewer than 5 people")] + [""] * 7)]
        for row in tables.departments
    ]
    return download(to_csv(rows), f"quali-kompass-{request.organisation.slug}.csv")


@org_permission_required("training.manage")
def exemptions(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    form = ExemptionForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_exempt(acting_user=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The exemption is recorded."))
            return redirect("org:training_exemptions", org_slug=org_slug)
    return render(request, "training/exemptions.html", {
        "form": form,
        "exemptions": list(Exemption.objects.filter(organisation=organisation).select_related(
            "profile", "training", "created_by").order_by("-created_at")[:200]),
    })


@require_POST
@org_permission_required("training.manage")
def exemption_withdraw(request: HttpRequest, org_slug: str, exemption_id: object) -> HttpResponse:
    exemption = get_object_or_404(Exemption, organisation=request.organisation, public_id=exemption_id)
    services.do_withdraw_exemption(acting_user=request.user, organisation=request.organisation, exemption=exemption)
    messages.success(request, _("The exemption is withdrawn; the requirement counts again."))
    return redirect("org:training_exemptions", org_slug=org_slug)


@org_permission_required("training.manage")
def import_completions(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = request.organisation
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = importing.read_rows(upload.read(), upload.name)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            created, row_errors = services.do_import_completions(acting_user=request.user, organisation=organisation,
                                                                 rows=rows, filename=upload.name)
            if row_errors:
                errors = [importing.message(e) for e in row_errors[:200]]
                form.add_error(None, ngettext("%(count)s problem in the file; nothing was imported.",
                                              "%(count)s problems in the file; nothing was imported.",
                                              len(row_errors)) % {"count": len(row_errors)})
            else:
                messages.success(request, ngettext("%(count)s completion imported.",
                                                   "%(count)s completions imported.", created) % {"count": created})
                return redirect("org:training_overview", org_slug=org_slug)
    return render(request, "training/import.html", {"form": form, "errors": errors})


# --- needs versus offer ----------------------------------------------------------------------------


@org_permission_required("training.overview")
def needs(request: HttpRequest, org_slug: str) -> HttpResponse:
    survey, rows = needs_versus_offer(request.organisation)
    return render(request, "training/needs.html", {
        "survey": survey, "rows": rows, "gaps": [r for r in rows if r.gap],
        "hub_source": HUB_SOURCE,
        "can_act": request.org_access.has("improvement.manage"),
    })


# --- Info-Kompass ----------------------------------------------------------------------------------


@org_permission_required("training.view")
def news(request: HttpRequest, org_slug: str) -> HttpResponse:
    return render(request, "training/news.html", {
        "items": selectors.news_of(request.organisation, limit=50),
        "can_manage": request.org_access.has("training.manage"),
    })


@org_permission_required("training.manage")
def news_create(request: HttpRequest, org_slug: str) -> HttpResponse:
    form = NewsForm(request.POST or None, initial={"published_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.do_create_news(acting_user=request.user, organisation=request.organisation, **form.cleaned_data)
        messages.success(request, _("The news item is published."))
        return redirect("org:training_news", org_slug=org_slug)
    return render(request, "training/form.html", {
        "form": form, "title": _("New Info-Kompass item"),
        "back": reverse("org:training_news", kwargs={"org_slug": org_slug})})


def _news_item(request: HttpRequest, news_id: object) -> NewsItem:
    return get_object_or_404(NewsItem, organisation=request.organisation, public_id=news_id)


@org_permission_required("training.manage")
def news_edit(request: HttpRequest, org_slug: str, news_id: object) -> HttpResponse:
    item = _news_item(request, news_id)
    form = NewsForm(request.POST or None, initial={"title": item.title, "text": item.text,
                                                   "published_on": item.published_on, "url": item.url})
    if request.method == "POST" and form.is_valid():
        services.do_update_news(acting_user=request.user, organisation=request.organisation, item=item,
                                **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("org:training_news", org_slug=org_slug)
    return render(request, "training/form.html", {
        "form": form, "title": _("Change Info-Kompass item"),
        "back": reverse("org:training_news", kwargs={"org_slug": org_slug})})


@org_permission_required("training.manage")
def news_delete(request: HttpRequest, org_slug: str, news_id: object) -> HttpResponse:
    item = _news_item(request, news_id)
    if request.method != "POST":
        return _confirm(request, title=_("Delete news item"),
                        question=_("Delete the news item %(title)s?") % {"title": item.title}, button=_("Delete"),
                        back=reverse("org:training_news", kwargs={"org_slug": org_slug}))
    services.do_delete_news(acting_user=request.user, organisation=request.organisation, item=item)
    messages.success(request, _("The news item is deleted."))
    return redirect("org:training_news", org_slug=org_slug)

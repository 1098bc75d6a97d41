"""Every write of the Quali-Kompass: ``do_*`` functions with ``acting_user``, one transaction, audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import log_created, log_deleted, log_event, update_fields
from kosmos.core.models import Membership, Organisation, User
from kosmos.training.domain.compass import valid_until
from kosmos.training.domain.import_rows import ParsedRow, RowError, check_rows
from kosmos.training.models import (
    Completion,
    CompletionSource,
    ContactPerson,
    Department,
    Exemption,
    NewsItem,
    Requirement,
    StaffProfile,
    Topic,
    Training,
)

TRAINING_FIELDS = ("code", "title", "description", "kind", "topic", "duration_minutes", "level", "provider", "url",
                   "validity_months", "active")


def _same_org(organisation: Organisation, *objects: object) -> None:
    for obj in objects:
        if obj is not None and getattr(obj, "organisation_id", organisation.pk) != organisation.pk:
            raise ValidationError(_("This belongs to another organisation."))


# --- catalogue -----------------------------------------------------------------------------------


@transaction.atomic
def do_create_department(*, acting_user: User, organisation: Organisation, name: str,
                         deadline_days: int = 90) -> Department:
    if Department.objects.filter(organisation=organisation, name__iexact=name.strip()).exists():
        raise ValidationError(_("A department of this name exists already."))
    order = Department.objects.filter(organisation=organisation).count()
    department = Department.objects.create(organisation=organisation, name=name.strip(), deadline_days=deadline_days,
                                           order=order)
    log_created(department, actor=acting_user, organisation=organisation, action="training.department_created",
                fields=("name", "deadline_days"))
    return department


@transaction.atomic
def do_create_topic(*, acting_user: User, organisation: Organisation, name: str, parent: Topic | None = None,
                    need_keys: str = "") -> Topic:
    _same_org(organisation, parent)
    if Topic.objects.filter(organisation=organisation, parent=parent, name__iexact=name.strip()).exists():
        raise ValidationError(_("A topic of this name exists already."))
    topic = Topic.objects.create(organisation=organisation, parent=parent, name=name.strip(), need_keys=need_keys)
    log_created(topic, actor=acting_user, organisation=organisation, action="training.topic_created",
                fields=("name", "need_keys"))
    return topic


@transaction.atomic
def do_update_topic(*, acting_user: User, organisation: Organisation, topic: Topic, name: str,
                    parent: Topic | None = None, need_keys: str = "") -> Topic:
    """Rename a topic, move it in the tree (two levels) or change its survey statements."""
    _same_org(organisation, topic, parent)
    if parent is not None and (parent.pk == topic.pk or parent.parent_id is not None or topic.children.exists()):
        raise ValidationError({"parent": _("A topic can only be part of a main topic without sub-topics.")})
    clash = Topic.objects.filter(organisation=organisation, parent=parent, name__iexact=name.strip())
    if clash.exclude(pk=topic.pk).exists():
        raise ValidationError(_("A topic of this name exists already."))
    update_fields(topic, {"name": name.strip(), "parent": parent, "need_keys": need_keys}, actor=acting_user,
                  organisation=organisation, action="training.topic_updated")
    return topic


def check_topic_deletable(topic: Topic) -> None:
    """Raise when the topic still has trainings (archived ones count: they keep records) or sub-topics."""
    if Training.objects.filter(topic=topic).exists():
        raise ValidationError(_("This topic still has trainings; move them to another topic first."))
    if topic.children.exists():
        raise ValidationError(_("This topic still has sub-topics; delete or move them first."))


@transaction.atomic
def do_delete_topic(*, acting_user: User, organisation: Organisation, topic: Topic) -> None:
    """Delete a topic without trainings and sub-topics; its contact persons go with it."""
    _same_org(organisation, topic)
    check_topic_deletable(topic)
    log_deleted(topic, actor=acting_user, organisation=organisation, action="training.topic_deleted",
                fields=("name", "parent", "need_keys"))
    topic.delete()


def _refresh_validity(training: Training) -> None:
    """Recompute the stored end of validity of the training's completions (after a change of validity)."""
    completions = list(Completion.objects.filter(training=training).only("pk", "completed_on", "valid_until"))
    for completion in completions:
        completion.valid_until = valid_until(completion.completed_on, training.validity_months)
    Completion.objects.bulk_update(completions, ["valid_until"], batch_size=2000)


MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


def check_document(upload: object) -> None:
    """Own material is a PDF of at most 10 MB (checked by its first bytes, not its name)."""
    size = getattr(upload, "size", 0) or 0
    if size > MAX_DOCUMENT_BYTES:
        raise ValidationError({"document": _("The file is larger than 10 MB.")})
    head = upload.read(5)  # type: ignore[attr-defined]
    upload.seek(0)  # type: ignore[attr-defined]
    if head != b"%PDF-":
        raise ValidationError({"document": _("Please upload a PDF file.")})


@transaction.atomic
def do_save_training(*, acting_user: User, organisation: Organisation, values: dict,
                     departments: Iterable[Department] = (), training: Training | None = None) -> Training:
    """Create a training or change one; ``values`` holds the fields of ``TRAINING_FIELDS`` and
    optionally ``document`` (an uploaded PDF; None keeps the stored one)."""
    departments = list(departments)
    values = dict(values)
    document = values.pop("document", None)
    if document:
        check_document(document)
    _same_org(organisation, training, values.get("topic"), *departments)
    if training is None:
        training = Training.objects.create(organisation=organisation, **values)
        if document:
            training.document.save(document.name, document, save=True)
        training.departments.set(departments)
        log_created(training, actor=acting_user, organisation=organisation, action="training.training_created",
                    fields={**{k: getattr(training, k) for k in values}, "departments": [d.name for d in departments],
                            "document": training.document.name or None})
        return training
    before = sorted(d.name for d in training.departments.all())
    after = sorted(d.name for d in departments)
    extra = {"departments": [before, after]} if before != after else {}
    if document:
        old_name = training.document.name or None
        training.document.save(document.name, document, save=True)
        extra["document"] = [old_name, training.document.name]
    extra = extra or None
    changes = update_fields(training, values, actor=acting_user, organisation=organisation,
                            action="training.training_updated", extra_changes=extra)
    if extra and "departments" in extra:
        training.departments.set(departments)
    if "validity_months" in changes:
        _refresh_validity(training)
    return training


@transaction.atomic
def do_delete_training(*, acting_user: User, organisation: Organisation, training: Training) -> bool:
    """Delete a training from the catalogue. A training with completions or exemptions is
    archived instead (no longer offered, out of every minimum), so the records stay.
    Returns True when it was deleted, False when archived."""
    _same_org(organisation, training)
    if training.completions.exists() or training.exemptions.exists():
        titles = sorted(Department.objects.filter(requirements__training=training).values_list("name", flat=True))
        Requirement.objects.filter(training=training).delete()
        update_fields(training, {"active": False}, actor=acting_user, organisation=organisation,
                      action="training.training_archived",
                      extra_changes={"requirements": [titles, []]} if titles else None)
        return False
    log_deleted(training, actor=acting_user, organisation=organisation, action="training.training_deleted",
                fields=("code", "title", "kind", "topic", "provider", "url"))
    if training.document:
        # The file goes only once the deletion is committed, never on a rollback.
        storage, name = training.document.storage, training.document.name
        transaction.on_commit(lambda: storage.delete(name))
    training.delete()
    return True


@transaction.atomic
def do_set_requirements(*, acting_user: User, organisation: Organisation, department: Department,
                        trainings: Sequence[Training], deadline_days: int) -> None:
    """Set a department's minimum (Mindestmaß) and its deadline for new staff."""
    _same_org(organisation, department, *trainings)
    before = set(Requirement.objects.filter(department=department).values_list("training_id", flat=True))
    after = {t.pk for t in trainings}
    Requirement.objects.filter(department=department).exclude(training_id__in=after).delete()
    Requirement.objects.bulk_create([Requirement(organisation=organisation, department=department, training_id=pk)
                                     for pk in after - before])
    titles = dict(Training.objects.filter(pk__in=before | after).values_list("pk", "title"))
    extra = {"requirements": [sorted(titles[p] for p in before), sorted(titles[p] for p in after)]} \
        if before != after else None
    changes = update_fields(department, {"deadline_days": deadline_days}, actor=acting_user, organisation=organisation,
                            action="training.requirements_set", extra_changes=extra)
    if "deadline_days" in changes:
        profiles = list(StaffProfile.objects.filter(department=department).only("pk", "start_date"))
        for profile in profiles:
            profile.required_by = profile.start_date + dt.timedelta(days=deadline_days)
        StaffProfile.objects.bulk_update(profiles, ["required_by"], batch_size=2000)


# --- staff profiles ------------------------------------------------------------------------------


@transaction.atomic
def do_save_own_profile(*, acting_user: User, organisation: Organisation, department: Department,
                        start_date: dt.date, topics: Iterable[Topic] = ()) -> StaffProfile:
    """A member sets her own department, start date and topics of interest."""
    topics = list(topics)
    _same_org(organisation, department, *topics)
    membership = Membership.objects.get(user=acting_user, organisation=organisation)
    profile = StaffProfile.objects.filter(membership=membership).first()
    required_by = start_date + dt.timedelta(days=department.deadline_days)
    if profile is None:
        profile = StaffProfile.objects.create(
            organisation=organisation, membership=membership, full_name=acting_user.get_full_name(),
            personnel_key=acting_user.email.lower(), department=department, start_date=start_date,
            required_by=required_by)
        log_created(profile, actor=acting_user, organisation=organisation, action="training.profile_created",
                    fields=("full_name", "department", "start_date"))
    else:
        update_fields(profile, {"department": department, "start_date": start_date, "required_by": required_by},
                      actor=acting_user, organisation=organisation, action="training.profile_updated")
    profile.topics.set(topics)
    return profile


@transaction.atomic
def do_save_profile(*, acting_user: User, organisation: Organisation, values: dict,
                    profile: StaffProfile | None = None) -> StaffProfile:
    """The quality manager sets up or changes a staff member's compass: department, team lead,
    start date; ``values`` holds ``membership`` (or None), ``full_name``, ``personnel_key``,
    ``department``, ``team_lead`` and ``start_date``."""
    _same_org(organisation, profile, values.get("membership"), values["department"], values.get("team_lead"))
    lead = values.get("team_lead")
    if profile is not None and lead is not None and lead.pk == profile.pk:
        raise ValidationError({"team_lead": _("A person cannot lead herself.")})
    key = values["personnel_key"].strip()
    clash = StaffProfile.objects.filter(organisation=organisation, personnel_key__iexact=key)
    if clash.exclude(pk=getattr(profile, "pk", None)).exists():
        raise ValidationError({"personnel_key": _("This personnel key is in use already.")})
    membership = values.get("membership")
    if membership is not None and StaffProfile.objects.filter(membership=membership).exclude(
            pk=getattr(profile, "pk", None)).exists():
        raise ValidationError({"membership": _("This member has a compass already.")})
    values = {**values, "personnel_key": key,
              "required_by": values["start_date"] + dt.timedelta(days=values["department"].deadline_days)}
    if profile is None:
        profile = StaffProfile.objects.create(organisation=organisation, **values)
        log_created(profile, actor=acting_user, organisation=organisation, action="training.profile_created",
                    fields=("full_name", "personnel_key", "department", "team_lead", "start_date"))
        return profile
    update_fields(profile, values, actor=acting_user, organisation=organisation, action="training.profile_updated")
    return profile


# --- completions and exemptions ------------------------------------------------------------------


def _check_date(completed_on: dt.date) -> None:
    if completed_on > timezone.localdate():
        raise ValidationError(_("The date of completion lies in the future."))


@transaction.atomic
def do_confirm_completion(*, acting_user: User, organisation: Organisation, profile: StaffProfile,
                          training: Training, completed_on: dt.date) -> Completion:
    """The staff member confirms her own completion, or her team lead confirms it for her."""
    _same_org(organisation, profile, training)
    _check_date(completed_on)
    own = profile.membership_id is not None and profile.membership.user_id == acting_user.pk
    lead = profile.team_lead is not None and profile.team_lead.membership_id is not None \
        and profile.team_lead.membership.user_id == acting_user.pk
    if not own and not lead:
        raise ValidationError(_("Only the staff member or her team lead can confirm this completion."))
    if Completion.objects.filter(profile=profile, training=training, completed_on=completed_on).exists():
        raise ValidationError(_("This completion is recorded already."))
    completion = Completion.objects.create(
        organisation=organisation, profile=profile, training=training, completed_on=completed_on,
        valid_until=valid_until(completed_on, training.validity_months),
        source=CompletionSource.SELF if own else CompletionSource.LEAD, confirmed_by=acting_user)
    log_created(completion, actor=acting_user, organisation=organisation, action="training.completion_confirmed",
                fields=("profile", "training", "completed_on", "source"))
    return completion


@transaction.atomic
def do_exempt(*, acting_user: User, organisation: Organisation, profile: StaffProfile, training: Training,
              reason: str) -> Exemption:
    _same_org(organisation, profile, training)
    if not reason.strip():
        raise ValidationError(_("Please give the reason for the exemption."))
    if Exemption.objects.filter(profile=profile, training=training).exists():
        raise ValidationError(_("This person is exempted from this training already."))
    exemption = Exemption.objects.create(organisation=organisation, profile=profile, training=training,
                                         reason=reason.strip(), created_by=acting_user)
    log_created(exemption, actor=acting_user, organisation=organisation, action="training.exemption_created",
                fields=("profile", "training", "reason"))
    return exemption


@transaction.atomic
def do_withdraw_exemption(*, acting_user: User, organisation: Organisation, exemption: Exemption) -> None:
    """Withdraw an exemption: the requirement counts again; the audit log keeps the reason."""
    _same_org(organisation, exemption)
    log_deleted(exemption, actor=acting_user, organisation=organisation, action="training.exemption_withdrawn",
                fields=("profile", "training", "reason"))
    exemption.delete()


# --- import from the learning platform ------------------------------------------------------------


def import_lookups(organisation: Organisation) -> tuple[dict[str, int], dict[str, int]]:
    people: dict[str, int] = {}
    for pk, key, email in StaffProfile.objects.filter(organisation=organisation).values_list(
            "pk", "personnel_key", "membership__user__email"):
        people[key.lower()] = pk
        if email:
            people[email.lower()] = pk
    trainings: dict[str, int] = {}
    for pk, code, title in Training.objects.filter(organisation=organisation).values_list("pk", "code", "title"):
        trainings.setdefault(title.lower(), pk)
        if code:
            trainings[code.lower()] = pk
    return people, trainings


def check_import(organisation: Organisation, rows: Iterable[Sequence[object]]) -> tuple[list[ParsedRow],
                                                                                         list[RowError]]:
    people, trainings = import_lookups(organisation)
    return check_rows(rows, people=people, trainings=trainings, today=timezone.localdate())


@transaction.atomic
def do_import_completions(*, acting_user: User, organisation: Organisation, rows: Iterable[Sequence[object]],
                          filename: str = "") -> tuple[int, list[RowError]]:
    """Import completions from the learning platform's export: all or nothing.

    Returns (number of new completions, errors); with any error nothing is written.
    Rows already recorded (same person, training and date) are skipped.
    """
    parsed, errors = check_import(organisation, rows)
    if errors:
        return 0, errors
    validity = dict(Training.objects.filter(organisation=organisation).values_list("pk", "validity_months"))
    existing = set(Completion.objects.filter(organisation=organisation).values_list(
        "profile_id", "training_id", "completed_on"))
    new, seen = [], set()
    for row in parsed:
        key = (row.person_id, row.training_id, row.completed_on)
        if key in existing or key in seen:
            continue
        seen.add(key)
        new.append(Completion(organisation=organisation, profile_id=row.person_id, training_id=row.training_id,
                              completed_on=row.completed_on,
                              valid_until=valid_until(row.completed_on, validity[row.training_id]),
                              source=CompletionSource.IMPORT, confirmed_by=acting_user))
    Completion.objects.bulk_create(new, batch_size=2000)
    log_event(actor=acting_user, organisation=organisation, action="training.completions_imported",
              object_type="training.completion", object_repr=filename or _("Import"),
              changes={"rows": [None, len(parsed)], "new": [None, len(new)]})
    return len(new), []


# --- Info-Kompass and contact persons ---------------------------------------------------------------


@transaction.atomic
def do_create_news(*, acting_user: User, organisation: Organisation, title: str, text: str,
                   published_on: dt.date, url: str = "") -> NewsItem:
    item = NewsItem.objects.create(organisation=organisation, title=title, text=text, published_on=published_on,
                                   url=url)
    log_created(item, actor=acting_user, organisation=organisation, action="training.news_created",
                fields=("title", "published_on"))
    return item


@transaction.atomic
def do_update_news(*, acting_user: User, organisation: Organisation, item: NewsItem, title: str, text: str,
                   published_on: dt.date, url: str = "") -> NewsItem:
    _same_org(organisation, item)
    update_fields(item, {"title": title, "text": text, "published_on": published_on, "url": url},
                  actor=acting_user, organisation=organisation, action="training.news_updated")
    return item


@transaction.atomic
def do_delete_news(*, acting_user: User, organisation: Organisation, item: NewsItem) -> None:
    _same_org(organisation, item)
    log_deleted(item, actor=acting_user, organisation=organisation, action="training.news_deleted",
                fields=("title", "published_on", "url"))
    item.delete()


@transaction.atomic
def do_add_contact(*, acting_user: User, organisation: Organisation, topic: Topic, name: str, role: str = "",
                   email: str = "") -> ContactPerson:
    _same_org(organisation, topic)
    contact = ContactPerson.objects.create(organisation=organisation, topic=topic, name=name, role=role, email=email)
    log_created(contact, actor=acting_user, organisation=organisation, action="training.contact_added",
                fields=("topic", "name", "role"))
    return contact


@transaction.atomic
def do_remove_contact(*, acting_user: User, organisation: Organisation, contact: ContactPerson) -> None:
    _same_org(organisation, contact)
    log_deleted(contact, actor=acting_user, organisation=organisation, action="training.contact_removed",
                fields=("topic", "name", "role"))
    contact.delete()

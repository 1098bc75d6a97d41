"""Sharing across organisations, decided once for every module.

A module's model inherits ``kosmos.core.models.sharing.Shareable`` (it has an ``organisation``
foreign key, the owner). Everything else goes through this module:

Reads
    ``visible_to(queryset, user=…, organisation=…)`` — the one queryset helper: own objects, the
    ones shared with the organisation by name, the platform-wide and the published ones (an
    anonymous visitor: published only), in one query.
    ``visibility_filter(model, organisation=…, prefix=…)`` — the same decision as a ``Q`` for
    queries that reach a shareable model through a relation (the platform search).
    ``shared_object_or_404`` / ``public_object_or_404`` — one object for a read-only page.
    ``partner_candidates`` — organisations an owner may name as partners.

Writes (``do_*``: acting user, one transaction, audit log)
    ``do_share(acting_user=…, obj=…, visibility=…, partners=[…])``
    ``do_copy_shared(acting_user=…, obj=…, target_organisation=…, copier=…)``

Pages: a shared object is read under the *reader's* organisation
(``/o/<reader-slug>/<module>/geteilt/<uuid>/``, a module-owned URL that calls
``shared_object_or_404`` with ``request.organisation``), because the tenancy middleware answers
404 for every organisation the user does not belong to. Published objects are read without login
under ``/oeffentlich/<module>/…`` through ``public_object_or_404``. The owner's edit pages stay
owner-only: they keep filtering by ``organisation=request.organisation``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import log_event
from kosmos.core.models import Organisation, User
from kosmos.core.models.sharing import Shareable, Visibility

__all__ = [
    "Visibility",
    "do_copy_shared",
    "do_share",
    "partner_candidates",
    "public_object_or_404",
    "shared_object_or_404",
    "visibility_filter",
    "visible_to",
]

S = TypeVar("S", bound=Shareable)

# Levels anybody on the platform may read; PUBLIC also without login.
_PLATFORM_WIDE = (Visibility.PLATFORM, Visibility.PUBLIC)


def _partner_subquery(model: type[models.Model], organisation: Organisation, partners_field: str) -> QuerySet:
    """Primary keys of ``model`` objects that name ``organisation`` as a partner (a subquery)."""
    field = model._meta.get_field(partners_field)
    through = field.remote_field.through
    return through.objects.filter(**{field.m2m_reverse_field_name(): organisation}).values(
        field.m2m_field_name()
    )


def visibility_filter(
    model: type[models.Model],
    *,
    organisation: Organisation | None,
    prefix: str = "",
    partners_field: str = "shared_with",
) -> Q:
    """The visibility decision as a ``Q`` over ``model``'s sharing fields.

    ``organisation`` is the reader's organisation (``None`` for an anonymous visitor or a
    viewer without an organisation: published objects only). ``prefix`` is the lookup path from
    the queried model to ``model`` (e.g. ``"entry__"``), so a query over another table — such as
    the platform search's index — can apply the same rule. The partner check is a subquery, so
    the ``Q`` never duplicates rows. The caller must have checked that the user belongs to
    ``organisation`` (the tenancy middleware does this for ``request.organisation``).

    ``model`` is a ``Shareable`` model, or a table that copies its sharing fields (e.g. a search
    index with ``organisation``, ``visibility`` and a many-to-many of partner organisations,
    named by ``partners_field``).
    """
    names = {f.name for f in model._meta.get_fields()}
    if not {"organisation", "visibility", partners_field} <= names:
        raise TypeError(f"{model.__name__} has no sharing fields (organisation, visibility, {partners_field})")
    if organisation is None:
        return Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    return (
        Q(**{f"{prefix}organisation": organisation})
        | Q(**{f"{prefix}visibility__in": _PLATFORM_WIDE})
        | Q(
            **{
                f"{prefix}visibility": Visibility.PARTNERS,
                f"{prefix}pk__in": _partner_subquery(model, organisation, partners_field),
            }
        )
    )


def visible_to(
    queryset: QuerySet[S], *, user: User | Any | None = None, organisation: Organisation | None = None
) -> QuerySet[S]:
    """Objects of ``queryset`` that the viewer may read, in one query.

    - anonymous (``user`` missing or not logged in): published objects only, whatever
      ``organisation`` says;
    - a logged-in user reading for ``organisation``: the organisation's own objects, those shared
      with it by name, every platform-wide and every published object;
    - a logged-in user without an organisation: published objects only (platform visibility is
      for organisations, not for accounts).
    """
    reader = organisation if user is not None and getattr(user, "is_authenticated", False) else None
    return queryset.filter(visibility_filter(queryset.model, organisation=reader))


def shared_with(queryset: QuerySet[S], organisation: Organisation) -> QuerySet[S]:
    """Other organisations' objects that ``organisation`` may read ("shared with us")."""
    return queryset.filter(visibility_filter(queryset.model, organisation=organisation)).exclude(
        organisation=organisation
    )


def shared_object_or_404(queryset: QuerySet[S], organisation: Organisation, **lookup: Any) -> S:
    """One object that ``organisation`` may read (its own included), or 404 — never 403, so a
    page does not tell whether an object it may not see exists."""
    obj = queryset.filter(visibility_filter(queryset.model, organisation=organisation)).filter(**lookup).first()
    if obj is None:
        raise Http404
    return obj


def public_object_or_404(queryset: QuerySet[S], **lookup: Any) -> S:
    """One published object, or 404."""
    obj = queryset.filter(visibility=Visibility.PUBLIC).filter(**lookup).first()
    if obj is None:
        raise Http404
    return obj


def can_read(obj: Shareable, organisation: Organisation | None) -> bool:
    """The same decision for one object in memory (one query at most, for partners)."""
    if obj.visibility == Visibility.PUBLIC:
        return True
    if organisation is None:
        return False
    if obj.organisation_id == organisation.pk or obj.visibility == Visibility.PLATFORM:  # type: ignore[attr-defined]
        return True
    return obj.visibility == Visibility.PARTNERS and obj.shared_with.filter(pk=organisation.pk).exists()


def partner_candidates(organisation: Organisation, query: str = "", *, limit: int = 50) -> QuerySet[Organisation]:
    """Organisations an owner may name as partners: every other organisation on the platform
    (Jobcenters, agencies, the programme office), searchable by name, sorted by name."""
    candidates = Organisation.objects.exclude(pk=organisation.pk).order_by("name")
    query = " ".join(query.split())
    if query:
        for word in query.split(" "):
            candidates = candidates.filter(name__icontains=word)
    return candidates[:limit]


def _names(organisations: Iterable[Organisation]) -> list[str]:
    return sorted(o.name for o in organisations)


@transaction.atomic
def do_share(
    *,
    acting_user: User,
    obj: S,
    visibility: str,
    partners: Iterable[Organisation] = (),
) -> S:
    """Set who may read ``obj``. Partners count only with ``Visibility.PARTNERS`` (at least one,
    never the owner itself); any other level clears the partner list."""
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": _("Please choose who may see this.")})
    model = type(obj)
    locked = model.objects.select_for_update().get(pk=obj.pk)
    partner_list = list({p.pk: p for p in partners}.values()) if visibility == Visibility.PARTNERS else []
    if visibility == Visibility.PARTNERS:
        if not partner_list:
            raise ValidationError({"partners": _("Please choose at least one partner organisation.")})
        if any(p.pk == locked.organisation_id for p in partner_list):  # type: ignore[attr-defined]
            raise ValidationError({"partners": _("Your own organisation cannot be a partner.")})
    before_partners = _names(locked.shared_with.all())
    after_partners = _names(partner_list)
    changes: dict[str, list[Any]] = {}
    if locked.visibility != visibility:
        changes["visibility"] = [locked.visibility, visibility]
    if before_partners != after_partners:
        changes["partners"] = [before_partners, after_partners]
    if not changes:
        return locked
    locked.visibility = visibility
    locked.shared_by = acting_user
    locked.shared_at = timezone.now()
    # Partners first: saving re-indexes the object for search (kosmos.core.search.signals), and
    # the index must see the new partner list.
    locked.shared_with.set(partner_list)
    locked.save(update_fields=["visibility", "shared_by", "shared_at"])
    log_event(
        actor=acting_user,
        organisation=locked.organisation,  # type: ignore[attr-defined]
        action="sharing.changed",
        obj=locked,
        changes=changes,
    )
    return locked


Copier = Callable[[S, Organisation, User], S]


@transaction.atomic
def do_copy_shared(*, acting_user: User, obj: S, target_organisation: Organisation, copier: Copier) -> S:
    """Copy another organisation's shared object into ``target_organisation``.

    ``copier(obj, target_organisation, acting_user)`` is the module's part: it creates and saves
    the copy with everything that belongs to it (e.g. a template's versions) and returns it. This
    service checks that the target may read ``obj``, records the origin on the copy (organisation
    and object, shown as "Übernommen von …"), keeps the copy private to its new owner and writes
    the audit event in the target organisation.
    """
    if obj.organisation_id == target_organisation.pk:  # type: ignore[attr-defined]
        raise ValidationError(_("This already belongs to your organisation."))
    if not can_read(obj, target_organisation):
        raise PermissionDenied
    origin = obj.organisation  # type: ignore[attr-defined]
    copy = copier(obj, target_organisation, acting_user)
    if copy.pk is None or copy.organisation_id != target_organisation.pk:  # type: ignore[attr-defined]
        raise RuntimeError("The copier must save the copy in the target organisation")
    # The copy credits the organisation it was taken from (which may itself credit another).
    copy.origin_organisation = origin
    copy.origin_organisation_name = origin.name
    copy.origin_public_id = getattr(obj, "public_id", None)
    copy.origin_label = str(obj)[:200]
    copy.copied_at = timezone.now()
    copy.visibility = Visibility.OWN
    copy.save(
        update_fields=[
            "origin_organisation",
            "origin_organisation_name",
            "origin_public_id",
            "origin_label",
            "copied_at",
            "visibility",
        ]
    )
    copy.shared_with.clear()
    log_event(
        actor=acting_user,
        organisation=target_organisation,
        action="sharing.copied",
        obj=copy,
        changes={
            "origin": [None, f"{origin.name}: {obj}"],
            "origin_id": [None, str(getattr(obj, "public_id", obj.pk))],
        },
    )
    return copy

"""Copying a shared category with its structure ("Struktur übernehmen").

A Jobcenter takes over another organisation's category, its sub-categories and the entries in them
that it may read, in one step. Every copy credits its origin the way ``sharing.do_copy_shared``
does (the category itself and each entry go through it; sub-categories, which are read as part of
the shared category, get the same origin fields here). A second copy of the same category is
refused with a message naming the existing copy.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core import sharing
from kosmos.core.audit import log_event
from kosmos.core.models import Organisation, User
from kosmos.core.models.sharing import Visibility
from kosmos.knowledge.models import Category, Entry
from kosmos.knowledge.services import category_tree_ids, copy_entry


def existing_copy(category: Category, organisation: Organisation) -> Category | None:
    """The organisation's earlier copy of ``category`` (a top-level copy crediting it), if any."""
    return Category.objects.filter(organisation=organisation, origin_public_id=category.public_id).first()


def _free_name(organisation: Organisation, parent: Category | None, name: str, origin: Organisation) -> str:
    """``name``, or "name (origin)" when the target has a category of that name at that place."""
    taken = Category.objects.filter(organisation=organisation, parent=parent, name__iexact=name).exists()
    return f"{name} ({origin.name})"[:150] if taken else name


def _new_category(source: Category, target: Organisation, parent: Category | None) -> Category:
    copy = Category(organisation=target, parent=parent, topic=source.topic, description=source.description,
                    name=_free_name(target, parent, source.name, source.organisation))
    copy.save()
    return copy


def _credit(copy: Category, source: Category) -> None:
    """The origin fields, as ``sharing.do_copy_shared`` fills them."""
    origin = source.organisation
    copy.origin_organisation = origin
    copy.origin_organisation_name = origin.name
    copy.origin_public_id = source.public_id
    copy.origin_label = str(source)[:200]
    copy.copied_at = timezone.now()
    copy.visibility = Visibility.OWN
    copy.save(update_fields=["origin_organisation", "origin_organisation_name", "origin_public_id",
                             "origin_label", "copied_at", "visibility"])


@transaction.atomic
def do_copy_category(*, acting_user: User, category: Category, target_organisation: Organisation) -> Category:
    """Copy ``category`` (shared with the target) with its sub-categories and readable entries.

    The category is read again from the database: the caller's instance may be older than its
    owner's last sharing decision."""
    category = Category.objects.select_related("organisation").get(pk=category.pk)
    if category.organisation_id == target_organisation.pk:
        raise ValidationError(_("This category belongs to your organisation already."))
    if not sharing.can_read(category, target_organisation):
        raise ValidationError(_("This category is not shared with your organisation."))
    earlier = existing_copy(category, target_organisation)
    if earlier is not None:
        raise ValidationError(_("Your organisation has copied this category already: “%(name)s”.")
                              % {"name": earlier.name})
    root = sharing.do_copy_shared(acting_user=acting_user, obj=category, target_organisation=target_organisation,
                                  copier=lambda obj, target, _user: _new_category(obj, target, None))
    mapping = {category.pk: root}
    tree = [pk for pk in category_tree_ids(category) if pk != category.pk]
    sources = {c.pk: c for c in Category.objects.filter(pk__in=tree).select_related("organisation")}
    for pk in tree:  # level by level, so every parent is copied before its children
        source = sources[pk]
        copy = _new_category(source, target_organisation, mapping[source.parent_id])
        _credit(copy, source)
        mapping[pk] = copy
    entries = (sharing.shared_with(Entry.objects.filter(category__in=list(mapping)), target_organisation)
               .select_related("organisation").order_by("pk"))
    count = 0
    for entry in entries:
        copy = sharing.do_copy_shared(acting_user=acting_user, obj=entry, target_organisation=target_organisation,
                                      copier=copy_entry)
        copy.category = mapping[entry.category_id]
        copy.save(update_fields=["category"])  # the save re-indexes the entry for search
        count += 1
    log_event(actor=acting_user, organisation=target_organisation, action="knowledge.category_copied", obj=root,
              changes={"origin": [None, f"{category.organisation.name}: {category}"],
                       "categories": [None, len(mapping)], "entries": [None, count]})
    return root

"""Which documents a user may find, decided in SQL.

A document needs ``permission``. The reader has it per organisation (memberships, adviser
assignments; the programme office's platform role in every organisation), from the one role map
in ``kosmos.core.roles``. Own documents: the permission in the document's organisation.
Shared documents: ``partners`` — the permission in one of the named partner organisations;
``platform`` — the permission in any of the reader's organisations; ``public`` — everybody.
So a staff member without ``surveys.results`` never finds a result document, in their own
organisation or shared by another.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from kosmos.core.models import AdviserAssignment, Membership, User
from kosmos.core.models.search import SearchDocument, Visibility
from kosmos.core.roles import PlatformRole, permissions_for


@dataclass(frozen=True)
class Reader:
    """What a user may read: permissions by organisation id, and in every organisation."""

    by_organisation: dict[int, frozenset[str]]
    everywhere: frozenset[str] = frozenset()

    @property
    def organisation_ids(self) -> list[int]:
        return sorted(self.by_organisation)

    @property
    def permissions(self) -> frozenset[str]:
        found: set[str] = set(self.everywhere)
        for perms in self.by_organisation.values():
            found |= perms
        return frozenset(found)

    def organisations_with(self, permission: str) -> list[int]:
        return sorted(org for org, perms in self.by_organisation.items() if permission in perms)


def reader_for(user: User) -> Reader:
    """The reader's permissions (two queries; none for anonymous users)."""
    if not user.is_authenticated:
        return Reader({})
    by_org: dict[int, set[str]] = defaultdict(set)
    for org_id, role in Membership.objects.filter(user=user).values_list("organisation_id", "role"):
        by_org[org_id] |= permissions_for(role)
    if user.platform_role == PlatformRole.ADVISER:
        for org_id in AdviserAssignment.objects.filter(adviser=user).values_list("organisation_id", flat=True):
            by_org[org_id] |= permissions_for(PlatformRole.ADVISER)
    everywhere = permissions_for(PlatformRole.PROGRAMME_OFFICE) if user.platform_role == PlatformRole.PROGRAMME_OFFICE else frozenset()
    return Reader({org: frozenset(perms) for org, perms in by_org.items()}, frozenset(everywhere))


def visible_q(reader: Reader) -> Q:
    """A filter on ``SearchDocument`` for what the reader may find.

    Permissions with the same organisations are grouped, so a member of one organisation gets
    four conditions whatever the number of permissions.
    """
    allowed = Q(visibility=Visibility.PUBLIC)
    if reader.everywhere:
        allowed |= Q(permission__in=sorted(reader.everywhere))
    by_orgs: dict[tuple[int, ...], list[str]] = defaultdict(list)
    for permission in sorted(reader.permissions - reader.everywhere):
        by_orgs[tuple(reader.organisations_with(permission))].append(permission)
    for orgs, permissions in by_orgs.items():
        allowed |= Q(permission__in=permissions, organisation_id__in=orgs)
        allowed |= Q(permission__in=permissions, visibility=Visibility.PARTNERS) & Exists(
            SearchDocument.partners.through.objects.filter(searchdocument_id=OuterRef("pk"), organisation_id__in=orgs)
        )
    shared = sorted(reader.permissions - reader.everywhere)
    if shared:
        allowed |= Q(permission__in=shared, visibility=Visibility.PLATFORM)
    return allowed

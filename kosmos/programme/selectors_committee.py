"""Reads of the committee: seats, conflicts of interest, the scoring board (bounded queries)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kosmos.core.models import Membership, User
from kosmos.programme.domain import scoring
from kosmos.programme.models import (
    Application,
    ApplicationState,
    Call,
    CommitteeMember,
    ConflictDeclaration,
    Score,
)
from kosmos.programme.models.calls import CRITERIA


def seat_or_404(user: User, call_id: Any) -> CommitteeMember:
    """The user's committee seat for the call; 404 for everybody else (no hint that the call exists)."""
    if not user.is_authenticated:
        raise Http404
    try:
        return CommitteeMember.objects.select_related("call", "user").get(call__public_id=call_id, user=user)
    except (CommitteeMember.DoesNotExist, ValueError, TypeError) as exc:  # ValueError: not a UUID
        raise Http404 from exc


def submitted_applications(call: Call) -> QuerySet[Application]:
    return (call.applications.filter(state=ApplicationState.SUBMITTED)
            .select_related("organisation", "topic").order_by("created_at"))


def application_or_404(call: Call, application_id: Any) -> Application:
    try:
        return get_object_or_404(submitted_applications(call), public_id=application_id)
    except (ValueError, TypeError) as exc:
        raise Http404 from exc


def conflicts(member: CommitteeMember, applications: list[Application]) -> dict[int, str]:
    """Application id → the reason of the member's conflict of interest (two queries)."""
    own_orgs = set(Membership.objects.filter(user_id=member.user_id).values_list("organisation_id", flat=True))
    declared = set(ConflictDeclaration.objects.filter(member=member).values_list("application_id", flat=True))
    result = {}
    for application in applications:
        if application.pk in declared:
            result[application.pk] = _("declared by yourself")
        elif application.organisation_id in own_orgs:
            result[application.pk] = _("your own organisation")
        elif member.state and application.organisation.state == member.state:
            result[application.pk] = _("your own Land")
    return result


def conflict_reason(member: CommitteeMember, application: Application) -> str | None:
    return conflicts(member, [application]).get(application.pk)


def pseudonym(application: Application) -> str:
    """The name of an application in the blind phase: no organisation, no Land."""
    return _("Application %(code)s") % {"code": application.public_id.hex[:6].upper()}


def own_score(member: CommitteeMember, application: Application) -> Score | None:
    return Score.objects.filter(member=member, application=application).first()


@dataclass
class BoardRow:
    application: Application
    label: str
    spread: scoring.Spread | None = None
    rank: int | None = None
    scored: bool = False  # the viewing member has scored it (members only)
    conflict: str | None = None  # the viewing member's conflict (members only)
    members: list[dict[str, Any]] = field(default_factory=list)  # the office: each member's total

    @property
    def visible(self) -> bool:
        return self.spread is not None


@dataclass
class Board:
    call: Call
    rows: list[BoardRow]
    member_count: int
    score_count: int

    @property
    def discussion(self) -> list[BoardRow]:
        return [r for r in self.rows if r.spread is not None and r.spread.disagreement]


def _score_rows(call: Call) -> list[dict[str, Any]]:
    return list(Score.objects.filter(application__call=call, application__state=ApplicationState.SUBMITTED)
                .values("application_id", "member_id", *CRITERIA))


def board(call: Call, *, viewer: CommitteeMember | None = None) -> Board:
    """The scoring board in three queries (five for a member) whatever the number of applications and members.

    For the office (``viewer`` None): every application with mean, median, spread, rank and each
    member's total. For a committee member: statistics only of the applications the member has
    scored (scores never leak before one's own), nothing of conflicted ones, no member names;
    in the blind phase no applicant names.
    """
    applications = list(submitted_applications(call))
    members = list(call.committee.select_related("user").order_by("user__full_name"))
    rows_raw = _score_rows(call)
    weights = call.weights
    threshold = float(call.disagreement_threshold)
    stats = scoring.board(((r["application_id"], r) for r in rows_raw), weights, threshold)
    order = {key: i + 1 for i, key in enumerate(scoring.ranking(stats, call.rank_by))}
    blind = viewer is not None and call.blind_review
    mine = {r["application_id"] for r in rows_raw if viewer is not None and r["member_id"] == viewer.pk}
    conflicted = conflicts(viewer, applications) if viewer is not None else {}
    names = {m.pk: m.user.full_name or m.user.email for m in members}
    by_application: dict[int, list[dict[str, Any]]] = {}
    for r in rows_raw:
        by_application.setdefault(r["application_id"], []).append(r)
    rows = []
    for application in applications:
        row = BoardRow(application=application, label=pseudonym(application) if blind else application.organisation.name)
        if viewer is None:
            row.spread, row.rank = stats.get(application.pk), order.get(application.pk)
            row.members = [
                {"name": names.get(r["member_id"], ""), "total": scoring.weighted_total(r, weights)}
                for r in by_application.get(application.pk, [])
            ]
        else:
            row.conflict = conflicted.get(application.pk)
            row.scored = application.pk in mine
            if row.scored and row.conflict is None:
                row.spread, row.rank = stats.get(application.pk), order.get(application.pk)
        rows.append(row)
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.label))
    return Board(call=call, rows=rows, member_count=len(members), score_count=len(rows_raw))


def others_scores(member: CommitteeMember, application: Application) -> list[Score]:
    """The other members' scores and comments of one application — only once the member has scored it."""
    if not Score.objects.filter(member=member, application=application).exists():
        return []
    return list(Score.objects.filter(application=application).exclude(member=member).order_by("created_at"))

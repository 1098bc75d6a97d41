"""Models of the programme office: calls and applications, the committee, events (P2b)."""

from kosmos.programme.models.calls import (
    Application,
    ApplicationState,
    Call,
    CallDocument,
    CallState,
    CallTopic,
    Decision,
)
from kosmos.programme.models.committee import CommitteeMember, ConflictDeclaration, Institution, Score
from kosmos.programme.models.events import *  # noqa: F403 (P2b's models)
from kosmos.programme.models.report import *  # noqa: F403 (P2b's models)

__all__ = [
    "Application",
    "ApplicationState",
    "Call",
    "CallDocument",
    "CallState",
    "CallTopic",
    "CommitteeMember",
    "ConflictDeclaration",
    "Decision",
    "Institution",
    "Score",
]

"""The minutes workflow: draft → circulated (members comment) → approved (read-only).

Pure rules, no Django: the services ask these before they write.
"""

from __future__ import annotations

DRAFT = "draft"
CIRCULATED = "circulated"
APPROVED = "approved"

# Allowed transitions: from → to.
TRANSITIONS = {DRAFT: {CIRCULATED, APPROVED}, CIRCULATED: {DRAFT, APPROVED}, APPROVED: set()}


class MinutesLocked(Exception):
    """The minutes are approved and can no longer change."""


class EditConflict(Exception):
    """Somebody else saved the draft since the editor loaded it."""


def can_edit(status: str) -> bool:
    """Minutes can be written while they are a draft or in circulation, never once approved."""
    return status in (DRAFT, CIRCULATED)


def can_comment(status: str) -> bool:
    return status == CIRCULATED


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, set())


def check_edit(status: str, *, loaded_version: int, stored_version: int) -> int:
    """The version to store after a save, or raise ``MinutesLocked``/``EditConflict``."""
    if not can_edit(status):
        raise MinutesLocked
    if loaded_version != stored_version:
        raise EditConflict
    return stored_version + 1

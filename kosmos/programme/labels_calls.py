"""Audit labels and navigation of calls, applications, committee and selection (used in modules.py)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import Navigation

CALL_ACTIONS = {
    "programme.call_created": _("created a call"),
    "programme.call_changed": _("changed a call"),
    "programme.call_state": _("changed the state of a call"),
    "programme.call_document_added": _("added a document to a call"),
    "programme.call_document_deleted": _("removed a document from a call"),
    "programme.application_created": _("started an application"),
    "programme.application_changed": _("changed an application"),
    "programme.application_submitted": _("submitted an application"),
    "programme.application_withdrawn": _("withdrew an application"),
    "programme.application_late": _("tried to change an application after the deadline"),
    "programme.committee_member_added": _("added a committee member"),
    "programme.committee_member_removed": _("removed a committee member"),
    "programme.conflict_blocked": _("was refused an application because of a conflict of interest"),
    "programme.conflict_declared": _("declared a conflict of interest"),
    "programme.score_given": _("scored an application"),
    "programme.score_changed": _("changed scores of an application"),
    "programme.score_withdrawn": _("withdrew scores of an application"),
    "programme.decision_changed": _("changed a selection decision"),
    "programme.decision_stale": _("tried to save outdated selection decisions"),
    "programme.decision_sent": _("sent a decision letter"),
    "programme.profile_linked": _("linked a selected project to its profile"),
}

CALL_OBJECT_TYPES = {
    "programme.call": _("Call"),
    "programme.calldocument": _("Document of a call"),
    "programme.application": _("Application"),
    "programme.committeemember": _("Committee member"),
    "programme.conflictdeclaration": _("Declared conflict of interest"),
    "programme.score": _("Committee score"),
}

CALL_NAVIGATION = (
    Navigation(_("Calls"), "org:programme_calls", "programme.calls",
               current=("org:programme_calls", "org:programme_call", "org:programme_application_edit")),
)

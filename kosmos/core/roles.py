"""Roles and the one map from role to permissions.

Views declare the permission they need (``@org_permission_required("members.manage")``);
nothing else in the code base asks for a role by name.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Roles within one organisation (a membership)."""

    MANAGEMENT = "management", _("Management")
    QUALITY_MANAGER = "quality_manager", _("Quality management")
    ASSESSOR = "assessor", _("Assessment group")
    STAFF = "staff", _("Staff")


class PlatformRole(models.TextChoices):
    """Roles across organisations."""

    PROGRAMME_OFFICE = "programme_office", _("Programme office")
    ADVISER = "adviser", _("Adviser")


# Every permission the platform knows, with a German description for the help page.
PERMISSIONS: dict[str, str] = {
    "org.view": _("See the organisation's dashboard and facts"),
    "org.edit": _("Edit the organisation's facts and offices"),
    "members.view": _("See the members of the organisation"),
    "members.manage": _("Invite members, change roles, remove members"),
    "audit.view": _("Read the audit log"),
    "surveys.view": _("See the organisation's surveys"),
    "surveys.manage": _("Build and run surveys"),
    "surveys.results": _("See survey results"),
    "assessments.view": _("See self-assessments"),
    "assessments.manage": _("Create and steer self-assessments"),
    "assessments.rate": _("Rate and research evidence as a member of the assessment group"),
    "assessments.circle": _("Take part in the assessment circle: see the ratings side by side and the findings"),
    "assessments.moderate": _("Moderate the assessment circle: record consensus scores and edit the findings"),
    "assessments.results": _("See the scores of self-assessments"),
    "improvement.view": _("See action fields and improvement projects"),
    "improvement.manage": _("Plan and update improvement projects"),
    "workinggroups.view": _("See working groups, their meetings, minutes and action items"),
    "workinggroups.manage": _("Set up working groups and steer every group's meetings and minutes"),
    "language.use": _("Check texts for comprehensible language"),
    "language.manage": _("Maintain the letter library and the glossary"),
    "training.view": _("Use the Quali-Kompass: own required trainings, catalogue, Info-Kompass"),
    "training.manage": _("Maintain the Quali-Kompass: catalogue, minimum per department, import, exemptions"),
    "training.overview": _("See the training compliance per department and the needs versus the offer"),
    "processes.view": _("See process maps, their checklists and exports, also those shared by partners"),
    "processes.manage": _("Edit process maps and approve them for the organisation's side"),
    "knowledge.view": _("Use the health knowledge base: find offers, read entries, partners and the network"),
    "knowledge.edit": _("Maintain knowledge entries, partners and network meetings; mark entries as checked"),
    "knowledge.manage": _("Manage the knowledge base: categories, sharing, review queue and freshness"),
    "practice.view": _("See good practice: project profiles of other Jobcenters, shared templates and comparisons"),
    "practice.edit": _("Write the organisation's project profiles and submit them for review"),
    "practice.consent": _("Decide which figures the organisation contributes to cross-organisation comparisons"),
    "practice.review": _("Review submitted project profiles and publish them"),
    "channels.view": _("See the communication channels: maturity check, results, history and benchmark"),
    "channels.edit": _("Answer the maturity check of the communication channels and mark the channels offered"),
    "channels.manage": _("Maintain the channel catalogue: own copy, import and export, benchmark consent"),
    "channels.usage": _("See the usage rates of digital offers, their targets and the comparison with other Jobcenters"),
    "channels.usage_edit": _("Enter and import usage figures of digital offers, set targets and notes"),
    "programme.calls": _("See the programme's calls and the organisation's applications"),
    "programme.apply": _("Draft and submit the organisation's applications to a call"),
    "programme.office": _("Run the programme's calls: committee, scoring board, selection and decisions"),
    "programme.workshops": _("See the programme's workshops, register for them and read their materials"),
    "programme.workshops_register": _("Register colleagues for the programme's workshops"),
    "platform.organisations": _("Set up organisations on the platform"),
    "platform.channels_usage": _("See the usage rates of digital offers across all organisations (distributions only)"),
    "platform.channels_catalogue": _("Maintain the platform's default catalogue of the channel maturity check"),
}

_VIEW_ALL = {
    "org.view",
    "members.view",
    "surveys.view",
    "assessments.view",
    "improvement.view",
    "language.use",
    "workinggroups.view",
    "training.view",
    "processes.view",
    "knowledge.view",
    "practice.view",
    "channels.view",
    "programme.calls",
    "programme.workshops",
    "channels.usage",
}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.QUALITY_MANAGER: frozenset(
        _VIEW_ALL
        | {
            "org.edit",
            "members.manage",
            "audit.view",
            "surveys.manage",
            "surveys.results",
            "assessments.manage",
            "assessments.rate",
            "assessments.circle",
            "assessments.moderate",
            "assessments.results",
            "improvement.manage",
            "language.manage",
            "training.manage",
            "training.overview",
            "workinggroups.manage",
            "processes.manage",
            "knowledge.edit",
            "knowledge.manage",
            "practice.edit",
            "practice.consent",
            "channels.edit",
            "channels.manage",
            "programme.apply",
            "programme.workshops_register",
            "channels.usage_edit",
        }
    ),
    # Management rates too: the report wants the strategic leadership in the assessment group
    # (criteria 1–2, "Ausrichtung"), and a Quick-Check may be answered by the management alone.
    Role.MANAGEMENT: frozenset(
        _VIEW_ALL
        | {"audit.view", "surveys.results", "assessments.rate", "assessments.circle", "assessments.results",
           "improvement.manage", "workinggroups.manage", "training.overview", "processes.manage",
           "knowledge.edit", "practice.edit", "channels.edit", "programme.apply",
           "programme.workshops_register", "channels.usage_edit"}
    ),
    Role.ASSESSOR: frozenset(_VIEW_ALL | {"assessments.rate", "assessments.circle"}),
    Role.STAFF: frozenset(_VIEW_ALL),
    # Advisers accompany the organisations assigned to them and read what the quality manager reads.
    # The internal consultancy moderates the assessment circle (report 3.1: external facilitation
    # against bias), but neither rates nor changes the group.
    PlatformRole.ADVISER: frozenset(
        _VIEW_ALL | {"audit.view", "surveys.results", "assessments.results", "assessments.circle",
                     "assessments.moderate", "training.overview"}
    ),
    # The programme office sees every organisation's dashboard and sets up organisations.
    PlatformRole.PROGRAMME_OFFICE: frozenset({"org.view", "members.view"}),
}

PLATFORM_PERMISSIONS: dict[str, frozenset[str]] = {
    PlatformRole.PROGRAMME_OFFICE: frozenset({"platform.organisations", "practice.review", "programme.office",
                                                  "platform.channels_usage", "platform.channels_catalogue"}),
    PlatformRole.ADVISER: frozenset(),
}

# Roles that a quality manager may hand out within an organisation.
ASSIGNABLE_ROLES = [Role.QUALITY_MANAGER, Role.MANAGEMENT, Role.ASSESSOR, Role.STAFF]


def permissions_for(role: str | None) -> frozenset[str]:
    if not role:
        return frozenset()
    return ROLE_PERMISSIONS.get(role, frozenset())


def platform_permissions_for(platform_role: str | None) -> frozenset[str]:
    if not platform_role:
        return frozenset()
    return PLATFORM_PERMISSIONS.get(platform_role, frozenset())

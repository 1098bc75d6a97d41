"""Reads of the working groups, scoped to an organisation."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from kosmos.core.models import Organisation
from kosmos.workinggroups.models import WorkingGroup


def groups(organisation: Organisation) -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.filter(organisation=organisation).annotate(
        member_count=Count("members", distinct=True), meeting_count=Count("meetings", distinct=True))

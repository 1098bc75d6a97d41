"""A meeting as a source of findings for the improvement hub (``kosmos.core.hub``): its
decisions and action items can become action fields and improvement projects."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kosmos.core.hub import FindingCollection, FindingRef, FindingSource
from kosmos.core.models import Organisation
from kosmos.workinggroups.models import ActionItem, Decision, Meeting

HUB_SOURCE = "workinggroups.meeting"


def meetings_with_findings(organisation: Organisation) -> list[tuple[str, str]]:
    meetings = (
        Meeting.objects.filter(group__organisation=organisation)
        .filter(Q(items__decisions__isnull=False) | Q(items__action_items__isnull=False))
        .distinct().select_related("group").order_by("-starts_at")
    )
    return [(str(m.public_id), f"{m.group.name}, {m.starts_at:%d.%m.%Y}") for m in meetings]


def decisions_and_tasks(organisation: Organisation, source_id: str) -> FindingCollection | None:
    try:
        meeting = Meeting.objects.select_related("group").filter(
            group__organisation=organisation, public_id=source_id).first()
    except ValidationError:  # not a UUID
        return None
    if meeting is None:
        return None
    decisions = Decision.objects.filter(item__meeting=meeting).select_related("item").order_by("item__position", "id")
    tasks = ActionItem.objects.filter(item__meeting=meeting).select_related("item").order_by("item__position", "id")
    topic = str(meeting.group.get_topic_display())
    return FindingCollection(
        source=HUB_SOURCE,
        source_id=str(meeting.public_id),
        title=f"{meeting.group.name}, {meeting.starts_at:%d.%m.%Y}",
        url=reverse("org:workinggroup_meeting", kwargs={"org_slug": organisation.slug,
                                                        "meeting_id": meeting.public_id}),
        findings=tuple(
            [FindingRef(id=str(d.public_id), text=d.text, topic_key=meeting.group.topic, topic=topic)
             for d in decisions]
            + [FindingRef(id=str(a.public_id), text=a.title, topic_key=meeting.group.topic, topic=topic)
               for a in tasks]
        ),
        topics=((meeting.group.topic, topic),),
    )


SOURCE = FindingSource(label=_("Working group meeting"), available=meetings_with_findings,
                       load=decisions_and_tasks)

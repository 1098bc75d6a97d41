"""Maturity gaps as a source of findings for the improvement hub (``kosmos.core.hub``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kosmos.channels import selectors_check
from kosmos.channels.recommendations import recommendations_for
from kosmos.core.hub import FindingCollection, FindingRef, FindingSource
from kosmos.core.models import Organisation

HUB_SOURCE = "channels.check"


def checks_with_gaps(organisation: Organisation) -> list[tuple[str, str]]:
    return [(str(check.public_id), gettext("Maturity check of %(date)s") % {"date": check.check_date.strftime("%d.%m.%Y")})
            for check in selectors_check.checks(organisation)]


def gap_findings(organisation: Organisation, source_id: str) -> FindingCollection | None:
    try:
        check = selectors_check.check_or_none(organisation, source_id)
    except (ValueError, TypeError):
        return None
    if check is None:
        return None
    items = recommendations_for(selectors_check.check_result(check))
    topics = {}
    for item in items:
        topics.setdefault(item.channel_key, item.channel)
    return FindingCollection(
        source=HUB_SOURCE,
        source_id=str(check.public_id),
        title=gettext("Maturity check of %(date)s") % {"date": check.check_date.strftime("%d.%m.%Y")},
        url=reverse("org:channel_check", kwargs={"org_slug": organisation.slug, "check_id": check.public_id}),
        findings=tuple(
            FindingRef(
                id=item.finding_id,
                text=gettext("%(channel)s, %(dimension)s: level %(current)s, target %(target)s")
                % {"channel": item.channel, "dimension": item.dimension, "current": item.current,
                   "target": item.target},
                topic_key=item.channel_key, topic=item.channel,
            )
            for item in items
        ),
        topics=tuple(topics.items()),
    )


SOURCE = FindingSource(label=_("Maturity check of communication channels"), available=checks_with_gaps,
                       load=gap_findings)

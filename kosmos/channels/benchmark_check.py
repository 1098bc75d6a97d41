"""The comparison topic "channels.maturity": own overall level per channel against the sharing organisations.

One query for the distribution rows (latest check of each consenting organisation, stored
results), one for the own values, one for the channel names — whatever the number of
organisations. Another organisation's own value never leaves this module.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kosmos.channels.models import CheckChannel
from kosmos.channels.selectors_check import effective_catalogue
from kosmos.core.benchmarks import distribution
from kosmos.core.comparisons import ComparisonFigure, ComparisonTopic, sharing_organisation_ids
from kosmos.core.models import Organisation

TOPIC_KEY = "channels.maturity"


def maturity_figures(organisation: Organisation, *, same_form: bool = False) -> list[ComparisonFigure]:
    shared = CheckChannel.objects.filter(
        check_run__latest=True, overall_level__isnull=False,
        check_run__organisation_id__in=sharing_organisation_ids(TOPIC_KEY),
    )
    if same_form and organisation.form:
        shared = shared.filter(check_run__organisation__form=organisation.form)
    values: dict[str, dict[int, float]] = {}
    for org_id, key, level in shared.values_list("check_run__organisation_id", "channel_key", "overall_level"):
        values.setdefault(key, {})[org_id] = float(level)
    own = dict(CheckChannel.objects.filter(check_run__organisation=organisation, check_run__latest=True)
               .values_list("channel_key", "overall_level"))
    catalogue = effective_catalogue(organisation)
    channels = list(catalogue.channels.values_list("key", "name")) if catalogue else []
    figures = []
    for key, name in channels:
        if key not in own and key not in values:
            continue
        spread = distribution(values.get(key, {}))
        figures.append(ComparisonFigure(
            label=name, own=None if own.get(key) is None else float(own[key]), distribution=spread,
            unit=_("level (0–4)"), group=_("Overall level by the weakest dimension"),
            contributors=len(values.get(key, {})) if spread is not None else 0,
        ))
    return figures


TOPIC = ComparisonTopic(
    key=TOPIC_KEY,
    label=gettext_lazy("Maturity of communication channels"),
    description=gettext_lazy("Overall level per channel from the latest maturity check (weakest-dimension rule)."),
    provider=maturity_figures,
    permission="channels.view",
)

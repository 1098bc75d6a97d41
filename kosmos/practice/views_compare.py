"""The comparisons page (/o/<org>/vergleiche/) and the reuse page (/o/<org>/vorlagen/)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kosmos.core import comparisons
from kosmos.core.access import org_permission_required
from kosmos.core.domain import charts
from kosmos.core.domain.charts import Series
from kosmos.core.domain.charts.base import safe_id
from kosmos.practice import registry
from kosmos.practice.forms import ConsentForm


@dataclass
class TopicBlock:
    topic: comparisons.ComparisonTopic
    module_name: str
    consented: bool
    figures: list
    chart: object | None


def _chart(topic: comparisons.ComparisonTopic, figures: list) -> object | None:
    shown = [f for f in figures if f.distribution is not None or f.own is not None]
    if not shown:
        return None
    labels = [f"{f.group}: {f.label}" if f.group else str(f.label) for f in shown]

    def values(pick) -> list[float | None]:  # noqa: ANN001
        return [None if f.distribution is None else pick(f.distribution) for f in shown]

    return charts.bar_chart(
        chart_id=safe_id(f"compare-{topic.key}"),
        title=str(topic.label),
        description=_("Your value beside the lower quartile, the median and the upper quartile of the "
                      "organisations that share this figure."),
        category_label=_("Figure"),
        categories=labels,
        series=[
            Series(_("Your value"), [f.own for f in shown]),
            Series(_("Lower quartile"), values(lambda d: d.lower_quartile)),
            Series(_("Median"), values(lambda d: d.median)),
            Series(_("Upper quartile"), values(lambda d: d.upper_quartile)),
        ],
        fmt=charts.number_format(1, trim=True),
        missing=_("too few organisations"),
    )


@org_permission_required("practice.view")
def comparisons_page(request: HttpRequest, org_slug: str) -> HttpResponse:
    consented = comparisons.consented_topics(request.organisation)
    blocks = []
    for module, topic in comparisons.all_topics():
        if not request.org_access.has(topic.permission):
            continue
        figures = list(topic.provider(request.organisation))
        blocks.append(TopicBlock(topic, str(module.name), topic.key in consented, figures, _chart(topic, figures)))
    return render(request, "practice/comparisons.html", {
        "blocks": blocks,
        "can_consent": request.org_access.has("practice.consent"),
    })


@org_permission_required("practice.consent")
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, org_slug: str, topic_key: str) -> HttpResponse:
    try:
        topic = comparisons.topic(topic_key)
    except KeyError:
        raise Http404 from None
    if not request.org_access.has(topic.permission):
        raise PermissionDenied
    current = topic.key in comparisons.consented_topics(request.organisation)
    form = ConsentForm(request.POST or None, initial={"granted": "1" if current else "0"})
    if request.method == "POST" and form.is_valid():
        granted = form.cleaned_data["granted"]
        comparisons.do_set_benchmark_consent(acting_user=request.user, organisation=request.organisation,
                                             topic_key=topic.key, granted=granted)
        if granted:
            messages.success(request, _("Your organisation now contributes to “%(topic)s”.") % {"topic": topic.label})
        else:
            messages.success(request, _("Your organisation no longer contributes to “%(topic)s”.")
                             % {"topic": topic.label})
        return redirect("org:practice_comparisons", org_slug=org_slug)
    return render(request, "practice/consent.html", {"topic": topic, "form": form, "current": current})


@org_permission_required("practice.view")
def templates_page(request: HttpRequest, org_slug: str) -> HttpResponse:
    """What other organisations share with us or the whole platform, across modules."""
    offers = registry.shared_offers(request.organisation)
    groups: dict[str, list] = {}
    for offer in offers:
        groups.setdefault(offer.module, []).append(offer)
    return render(request, "practice/templates.html", {"groups": sorted(groups.items())})

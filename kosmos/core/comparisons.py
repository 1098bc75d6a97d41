"""Cross-organisation comparisons: an organisation against the distribution of those that share.

A module declares ``comparison_topics`` in its ``Module``: each ``ComparisonTopic`` has a key
(``"<app>.<figure family>"``), German labels and a provider. The provider gets the reading
organisation and returns ``ComparisonFigure`` rows: the organisation's own value and the
distribution over the *consenting* organisations (``sharing_organisation_ids(topic)``), computed
with ``kosmos.core.benchmarks.distribution`` so that fewer than the configured minimum of
organisations gives ``None`` (shown as "too few organisations"). Never return another
organisation's own value.

Consent is per organisation and topic (``BenchmarkConsent``); quality management grants or
withdraws it with ``do_set_benchmark_consent``. An organisation may see the distributions of a
topic whether or not it contributes itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.functional import Promise

from kosmos.core.audit import log_created, log_deleted
from kosmos.core.domain.benchmark import Distribution
from kosmos.core.models import BenchmarkConsent, Organisation, User

Label = str | Promise


@dataclass(frozen=True)
class ComparisonFigure:
    """One comparable figure: the reader's own value and the distribution of the sharing organisations.

    ``distribution`` is ``None`` when too few organisations contribute (suppressed) — then the
    page says so and shows only the own value. ``group`` heads a block of rows (e.g. a channel).
    """

    label: Label
    own: float | None
    distribution: Distribution | None
    unit: Label = ""
    group: Label = ""
    contributors: int = 0  # number of organisations that shared a value (shown only if not suppressed)


@dataclass(frozen=True)
class ComparisonTopic:
    key: str  # "<app_label>.<family>", e.g. "channels.maturity"
    label: Label
    description: Label
    provider: Callable[[Organisation], Sequence[ComparisonFigure]]
    permission: str  # the organisation permission needed to see the topic's figures


def all_topics() -> list[tuple[object, ComparisonTopic]]:
    """(module, topic) for every declared topic, in platform order."""
    from kosmos.core.modules import modules

    return [(module, topic) for module in modules() for topic in module.comparison_topics]


def topic(key: str) -> ComparisonTopic:
    for _module, candidate in all_topics():
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def sharing_organisation_ids(topic_key: str):
    """Ids of the organisations that contribute figures of ``topic_key`` (a values queryset,
    usable inside a filter without an extra query)."""
    return BenchmarkConsent.objects.filter(topic=topic_key).values("organisation_id")


def consenting_organisation_ids(topic_key: str) -> set[int]:
    """The same organisations as ``sharing_organisation_ids``, fetched as a set (one query)."""
    return set(BenchmarkConsent.objects.filter(topic=topic_key).values_list("organisation_id", flat=True))


def consented_topics(organisation: Organisation) -> set[str]:
    return set(BenchmarkConsent.objects.filter(organisation=organisation).values_list("topic", flat=True))


@transaction.atomic
def do_set_benchmark_consent(*, acting_user: User, organisation: Organisation, topic_key: str, granted: bool) -> None:
    """Grant or withdraw the organisation's consent for one topic (idempotent, audited)."""
    topic(topic_key)  # unknown keys raise KeyError
    existing = BenchmarkConsent.objects.filter(organisation=organisation, topic=topic_key).first()
    if granted and existing is None:
        consent = BenchmarkConsent.objects.create(organisation=organisation, topic=topic_key, granted_by=acting_user)
        log_created(consent, actor=acting_user, organisation=organisation,
                    action="comparisons.consent_granted", fields={"topic": topic_key})
    elif not granted and existing is not None:
        log_deleted(existing, actor=acting_user, organisation=organisation,
                    action="comparisons.consent_withdrawn", fields={"topic": topic_key})
        existing.delete()

"""Builders for the maturity check tests: a check in an organisation, answered as asked."""

from __future__ import annotations

import datetime as dt

from kosmos.channels import services_check
from kosmos.channels.models import Check
from kosmos.core.models import Organisation, User

CHANNELS = ("telefon", "video", "portal")


def check(organisation: Organisation, user: User, *, date: dt.date = dt.date(2026, 3, 1),
          channels: tuple[str, ...] = CHANNELS, levels: dict[str, dict[str, int]] | None = None) -> Check:
    """A check of ``channels``; ``levels`` answers them ({channel key: {dimension key: level}})."""
    existing = Check.objects.filter(organisation=organisation, check_date=date).first()
    if existing is not None:
        return existing
    services_check.ensure_default_catalogue()
    services_check.do_set_offered_channels(acting_user=user, organisation=organisation, keys=set(channels))
    created = services_check.do_start_check(acting_user=user, organisation=organisation, check_date=date)
    for key, answers in (levels or {}).items():
        check_channel = created.channels.select_related("channel").get(channel_key=key)
        services_check.do_answer_channel(acting_user=user, check=created, channel=check_channel.channel,
                                         answers={d: (level, "") for d, level in answers.items()}, target_level=None)
    return created


def uniform(level: int) -> dict[str, int]:
    from kosmos.channels.domain.default_catalogue import DIMENSIONS

    return {d.key: level for d in DIMENSIONS}


def own_dimension(world, key: str = "steuerung"):  # noqa: ANN001, ANN201
    """A dimension of Freiburg's own catalogue copy."""
    copy = services_check.do_copy_catalogue(acting_user=world.qm, organisation=world.freiburg)
    return copy.dimensions.get(key=key)

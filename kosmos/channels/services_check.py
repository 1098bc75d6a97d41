"""Writes of the maturity check: catalogue set-up, copy and import, offered channels, checks and answers.

Every ``do_*`` function takes ``acting_user``, runs in one transaction and writes the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kosmos.channels.domain import catalogue_rows, maturity
from kosmos.channels.domain.catalogue_rows import ParsedCatalogue
from kosmos.channels.domain.default_catalogue import NAME as DEFAULT_NAME
from kosmos.channels.models import (
    Answer,
    Catalogue,
    Channel,
    Check,
    CheckChannel,
    Dimension,
    LevelText,
    OfferedChannel,
    Recommendation,
)
from kosmos.channels.selectors_check import catalogue_view, default_catalogue, effective_catalogue
from kosmos.core.audit import log_created, log_event, update_fields
from kosmos.core.models import Organisation, User
from kosmos.core.search.indexing import index_object


def parsed_of(catalogue: Catalogue) -> ParsedCatalogue:
    """The catalogue's content in the import layout's parsed form (export and copy)."""
    view = catalogue_view(catalogue)
    parsed = ParsedCatalogue()
    parsed.channels = [{"key": c.key, "name": c.name, "description": c.description, "digital": c.digital,
                        "order": c.order} for c in view.channels]
    parsed.dimensions = [{"key": d.key, "name": d.name, "question": d.question, "order": d.order}
                         for d in view.dimensions]
    for d in view.dimensions:
        for level in range(5):
            text = view.levels.get((d.pk, level))
            if text is not None:
                parsed.levels[(d.key, level)] = (text.text, text.evidence)
        for level in range(1, 5):
            for reco in view.recommendations.get((d.pk, level), []):
                parsed.recommendations.append((d.key, level, reco.text))
    return parsed


def _apply(catalogue: Catalogue, parsed: ParsedCatalogue) -> None:
    """Make the catalogue's content equal to ``parsed``, updating channels and dimensions by key.

    Channels and dimensions that checks use cannot disappear: a German ValidationError names them.
    """
    channels = {c.key: c for c in catalogue.channels.all()}
    dimensions = {d.key: d for d in catalogue.dimensions.all()}
    new_channel_keys = {c["key"] for c in parsed.channels}
    new_dimension_keys = {d["key"] for d in parsed.dimensions}
    used_channels = sorted(
        set(CheckChannel.objects.filter(channel__catalogue=catalogue).exclude(channel_key__in=new_channel_keys)
            .values_list("channel_key", flat=True))
    )
    used_dimensions = sorted(
        set(Answer.objects.filter(dimension__catalogue=catalogue).exclude(dimension__key__in=new_dimension_keys)
            .values_list("dimension__key", flat=True))
    )
    if used_channels or used_dimensions:
        raise ValidationError(
            _("Checks use these channels or dimensions, so they cannot be left out: %(keys)s.")
            % {"keys": ", ".join(used_channels + used_dimensions)}
        )
    Channel.objects.filter(catalogue=catalogue).exclude(key__in=new_channel_keys).delete()
    Dimension.objects.filter(catalogue=catalogue).exclude(key__in=new_dimension_keys).delete()
    for row in parsed.channels:
        channel = channels.get(row["key"]) or Channel(catalogue=catalogue, key=row["key"])
        for name in ("name", "description", "digital", "order"):
            setattr(channel, name, row[name])
        channel.save()
    for row in parsed.dimensions:
        dimension = dimensions.get(row["key"]) or Dimension(catalogue=catalogue, key=row["key"])
        for name in ("name", "question", "order"):
            setattr(dimension, name, row[name])
        dimension.save()
        dimensions[row["key"]] = dimension
    LevelText.objects.filter(dimension__catalogue=catalogue).delete()
    Recommendation.objects.filter(dimension__catalogue=catalogue).delete()
    LevelText.objects.bulk_create(
        LevelText(dimension=dimensions[key], level=level, text=text, evidence=evidence)
        for (key, level), (text, evidence) in parsed.levels.items()
    )
    Recommendation.objects.bulk_create(
        Recommendation(dimension=dimensions[key], level=level, text=text)
        for key, level, text in parsed.recommendations
    )
    catalogue.save(update_fields=["updated"])
    if catalogue.organisation_id is not None:  # bulk_create sends no signals: index the texts explicitly
        for row in parsed.dimensions:
            index_object(dimensions[row["key"]])


@transaction.atomic
def ensure_default_catalogue() -> Catalogue:
    """The platform default catalogue, created from ``domain/default_catalogue.py`` on first use.

    Called by the demo loader, the synthetic sample and the first page that needs a catalogue
    (the platform cannot work without one); idempotent.
    """
    existing = default_catalogue()
    if existing is not None:
        return existing
    catalogue = Catalogue.objects.create(name=DEFAULT_NAME)
    _apply(catalogue, catalogue_rows.default_parsed())
    log_created(catalogue, actor=None, organisation=None, action="channels.catalogue_created", fields=["name"])
    return catalogue


def _remap_channel_references(organisation: Organisation, old: Catalogue, new: Catalogue) -> None:
    """Point the organisation's references to the old catalogue's channels at the copy's (by key).

    Generic over every model of the app with an ``organisation`` field and a foreign key to
    ``Channel`` (e.g. digital offers); checks keep the catalogue they were answered with.
    """
    new_by_key = dict(Channel.objects.filter(catalogue=new).values_list("key", "pk"))
    old_by_pk = dict(Channel.objects.filter(catalogue=old).values_list("pk", "key"))
    for relation in Channel._meta.related_objects:
        model = relation.related_model
        if model._meta.app_label != "channels" or model in (CheckChannel, Answer):
            continue
        if "organisation" not in {f.name for f in model._meta.get_fields()}:
            continue
        for old_pk, key in old_by_pk.items():
            if key in new_by_key:
                model.objects.filter(organisation=organisation, **{relation.field.name: old_pk}).update(
                    **{relation.field.name: new_by_key[key]}
                )


@transaction.atomic
def do_copy_catalogue(*, acting_user: User, organisation: Organisation) -> Catalogue:
    """The organisation's own, editable copy of the platform default (idempotent)."""
    own = Catalogue.objects.filter(organisation=organisation).first()
    if own is not None:
        return own
    source = ensure_default_catalogue()
    copy = Catalogue.objects.create(organisation=organisation, name=_("%(name)s – own copy") % {"name": source.name})
    _apply(copy, parsed_of(source))
    _remap_channel_references(organisation, source, copy)
    log_created(copy, actor=acting_user, organisation=organisation, action="channels.catalogue_copied",
                fields={"name": copy.name, "source": source.name})
    return copy


@transaction.atomic
def do_import_catalogue(*, acting_user: User, catalogue: Catalogue, parsed: ParsedCatalogue) -> None:
    """Replace the catalogue's content with an imported, already validated one (all or nothing)."""
    before = {"channels": catalogue.channels.count(), "dimensions": catalogue.dimensions.count()}
    _apply(catalogue, parsed)
    log_event(actor=acting_user, organisation=catalogue.organisation, action="channels.catalogue_imported",
              obj=catalogue, changes={
                  "channels": [before["channels"], len(parsed.channels)],
                  "dimensions": [before["dimensions"], len(parsed.dimensions)],
                  "recommendations": [None, len(parsed.recommendations)],
              })


@transaction.atomic
def do_set_offered_channels(*, acting_user: User, organisation: Organisation, keys: set[str]) -> None:
    catalogue = effective_catalogue(organisation) or ensure_default_catalogue()
    known = set(catalogue.channels.values_list("key", flat=True))
    unknown = keys - known
    if unknown:
        raise ValidationError(_("Unknown channel: %(keys)s.") % {"keys": ", ".join(sorted(unknown))})
    current = set(OfferedChannel.objects.filter(organisation=organisation).values_list("channel_key", flat=True))
    if current == keys:
        return
    OfferedChannel.objects.filter(organisation=organisation).exclude(channel_key__in=keys).delete()
    OfferedChannel.objects.bulk_create(OfferedChannel(organisation=organisation, channel_key=k) for k in keys - current)
    log_event(actor=acting_user, organisation=organisation, action="channels.offered_changed",
              object_type="core.organisation", object_id=organisation.slug, object_repr=str(organisation),
              changes={"channels": [sorted(current), sorted(keys)]})


def _mark_latest(organisation: Organisation) -> None:
    newest = Check.objects.filter(organisation=organisation).aggregate(newest=Max("check_date"))["newest"]
    Check.objects.filter(organisation=organisation, latest=True).exclude(check_date=newest).update(latest=False)
    if newest is not None:
        Check.objects.filter(organisation=organisation, check_date=newest).update(latest=True)


@transaction.atomic
def do_start_check(*, acting_user: User, organisation: Organisation, check_date: dt.date, note: str = "",
                   copy_answers: bool = True) -> Check:
    """A new check for the channels the organisation offers.

    Targets, and with ``copy_answers`` the answers, start from the previous check, so a repeat
    check only records what changed (the earlier check stays as it was).
    """
    if Check.objects.filter(organisation=organisation, check_date=check_date).exists():
        raise ValidationError({"check_date": _("There is already a check on this date.")})
    catalogue = effective_catalogue(organisation) or ensure_default_catalogue()
    keys = set(OfferedChannel.objects.filter(organisation=organisation).values_list("channel_key", flat=True))
    if not keys:
        raise ValidationError(_("Mark first which channels your organisation offers."))
    channels = list(catalogue.channels.filter(key__in=keys))
    previous = Check.objects.filter(organisation=organisation, check_date__lt=check_date).order_by("-check_date").first()
    targets = dict(previous.channels.values_list("channel_key", "target_level")) if previous else {}
    check = Check.objects.create(organisation=organisation, catalogue=catalogue, check_date=check_date,
                                 note=note, created_by=acting_user)
    CheckChannel.objects.bulk_create(
        CheckChannel(check_run=check, channel=c, channel_key=c.key, target_level=targets.get(c.key)) for c in channels
    )
    if previous is not None and copy_answers:
        dimensions = {d.key: d for d in catalogue.dimensions.all()}
        by_key = {c.key: c for c in channels}
        Answer.objects.bulk_create(
            Answer(check_run=check, channel=by_key[a.channel.key], dimension=dimensions[a.dimension.key],
                   level=a.level, evidence=a.evidence, answered_by=acting_user)
            for a in Answer.objects.filter(check_run=previous, current=True).select_related("channel", "dimension")
            if a.channel.key in by_key and a.dimension.key in dimensions
        )
        for check_channel in check.channels.all():
            refresh_check_channel(check_channel)
    _mark_latest(organisation)
    check.refresh_from_db(fields=["latest"])
    log_created(check, actor=acting_user, organisation=organisation, action="channels.check_started",
                fields={"check_date": check_date, "note": note, "channels": sorted(c.key for c in channels)})
    return check


def refresh_check_channel(check_channel: CheckChannel) -> None:
    """Recompute the stored result of one channel from its current answers."""
    keys = list(Dimension.objects.filter(catalogue_id=check_channel.channel.catalogue_id).values_list("key", flat=True))
    levels = dict(Answer.objects.filter(check_run_id=check_channel.check_run_id, channel_id=check_channel.channel_id,
                                        current=True).values_list("dimension__key", "level"))
    result = maturity.channel_result(levels, keys)
    check_channel.overall_level = result.overall
    check_channel.mean_level = result.mean
    check_channel.answered = result.answered
    check_channel.save(update_fields=["overall_level", "mean_level", "answered"])


@transaction.atomic
def do_answer_channel(*, acting_user: User, check: Check, channel: Channel,
                      answers: Mapping[str, tuple[int | None, str]], target_level: int | None) -> int:
    """Record the answers of one channel: {dimension key: (level or None, evidence)}.

    A changed answer becomes a new version (the old one stays, no longer current); an unchanged
    one writes nothing. Returns the number of new versions.
    """
    check_channel = CheckChannel.objects.select_for_update().get(check_run=check, channel=channel)
    dimensions = {d.key: d for d in Dimension.objects.filter(catalogue=check.catalogue)}
    current = {a.dimension_id: a for a in Answer.objects.filter(check_run=check, channel=channel, current=True)}
    changes: dict[str, list] = {}
    created = 0
    for key, (level, evidence) in answers.items():
        dimension = dimensions.get(key)
        if dimension is None:
            raise ValidationError(_("Unknown dimension: %(key)s.") % {"key": key})
        if level is not None:
            maturity.validate_level(level)
        old = current.get(dimension.pk)
        evidence = (evidence or "").strip()
        if old is not None and old.level == level and old.evidence == evidence:
            continue
        if old is None and level is None:
            continue
        if old is not None:
            Answer.objects.filter(pk=old.pk).update(current=False)
        if level is not None:
            Answer.objects.create(check_run=check, channel=channel, dimension=dimension, level=level,
                                  evidence=evidence, answered_by=acting_user)
            created += 1
        changes[key] = [old.level if old else None, level]
    if target_level is not None:
        maturity.validate_level(target_level)
    update_fields(check_channel, {"target_level": target_level}, actor=acting_user, organisation=check.organisation,
                  action="channels.target_set", object_repr=f"{check} – {channel.name}")
    if changes:
        refresh_check_channel(check_channel)
        log_event(actor=acting_user, organisation=check.organisation, action="channels.answers_recorded",
                  obj=check, object_repr=f"{check} – {channel.name}", changes=changes)
    return created


@transaction.atomic
def do_update_dimension(*, acting_user: User, dimension: Dimension, name: str, question: str,
                        levels: Mapping[int, tuple[str, str]], recommendations: Mapping[int, list[str]]) -> None:
    """Edit one dimension of an organisation's own catalogue copy: texts, level texts, recommendations."""
    catalogue = dimension.catalogue
    if catalogue.organisation_id is None:
        raise ValidationError(_("The platform's default catalogue is changed by import only."))
    extra: dict[str, list] = {}
    for level, (text, evidence) in levels.items():
        row = LevelText.objects.filter(dimension=dimension, level=level).first() or LevelText(dimension=dimension,
                                                                                               level=level)
        if row.text != text or row.evidence != evidence:
            extra[f"level_{level}"] = [row.text or None, text]
            row.text, row.evidence = text, evidence
            row.save()
    current = {}
    for reco in Recommendation.objects.filter(dimension=dimension).order_by("level", "pk"):
        current.setdefault(reco.level, []).append(reco.text)
    for level in range(1, 5):
        wanted = [t.strip() for t in recommendations.get(level, []) if t.strip()]
        if wanted != current.get(level, []):
            extra[f"recommendations_{level}"] = [current.get(level, []), wanted]
            Recommendation.objects.filter(dimension=dimension, level=level).delete()
            Recommendation.objects.bulk_create(Recommendation(dimension=dimension, level=level, text=t) for t in wanted)
    update_fields(dimension, {"name": name, "question": question}, actor=acting_user,
                  organisation=catalogue.organisation, action="channels.dimension_changed", extra_changes=extra)
    index_object(dimension)

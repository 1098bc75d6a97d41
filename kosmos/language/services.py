"""Writes of the language module (letter library and glossary) and the analysis cache.

Every ``do_*`` function takes the acting user, runs in one transaction and writes the audit log.
Each version of a letter template keeps its analysis as JSON; ``analysis_key`` records the engine
version, the text type and the glossary it was computed with, so a cache is recomputed exactly
when one of them changes (``refresh_analyses``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.core.audit import log_created, log_deleted, log_event, update_fields
from kosmos.core.models import Organisation, User
from kosmos.language import analysis as engine
from kosmos.language.analysis import Analysis, Glossary, TextInputError, analyse
from kosmos.language.models import GlossaryEntry, GlossaryKind, LetterTemplate, LetterVersion

# Pasted text and the text of a library version: at most this many characters (about 15,000
# words, far more than any letter). The engine itself accepts up to engine.MAX_CHARS.
MAX_TEXT_CHARS = 100_000
# Uploaded files (.txt, .docx, .odt): at most 1 MB.
MAX_UPLOAD_BYTES = 1024 * 1024

TEMPLATE_FIELDS = ["name", "category", "text_type", "description"]
GLOSSARY_FIELDS = ["kind", "term", "replacement", "variants", "explanation"]
_VERSION_CACHE_FIELDS = [
    "analysis",
    "analysis_key",
    "score",
    "traffic_light",
    "finding_count",
    "critical_count",
    "word_count",
]


# --------------------------------------------------------------------------- engine and glossary


@lru_cache(maxsize=1)
def engine_version() -> str:
    """The engine's version: ``ENGINE_VERSION`` if it declares one, else a hash of its source files,
    so that any change to the rules, word lists or score invalidates the cached analyses."""
    declared = getattr(engine, "ENGINE_VERSION", None)
    if declared:
        return str(declared)
    root = Path(engine.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return "src-" + digest.hexdigest()[:16]


@dataclass(frozen=True)
class GlossaryState:
    """The organisation's glossary as the engine takes it, and a fingerprint of its content."""

    glossary: Glossary
    fingerprint: str
    size: int

    def key_for(self, text_type: str) -> str:
        raw = f"{engine_version()}|{text_type}|{self.fingerprint}"
        return hashlib.sha256(raw.encode()).hexdigest()[:40]


def glossary_state(organisation: Organisation) -> GlossaryState:
    """One query: the organisation's glossary entries."""
    data = [entry.as_engine_data() for entry in GlossaryEntry.objects.filter(organisation=organisation)]
    data.sort(key=lambda d: (str(d["kind"]), str(d["term"]).lower()))
    fingerprint = hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:24]
    return GlossaryState(Glossary.from_data(data), fingerprint, len(data))


def check_text(text: str, text_type: str, glossary: Glossary | None) -> Analysis:
    """Analyse a text; bad input raises ``ValidationError`` with the engine's German message."""
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError(
            _("The text is too long (%(count)s characters). At most %(max)s characters can be checked at once.")
            % {"count": f"{len(text):,}".replace(",", "."), "max": f"{MAX_TEXT_CHARS:,}".replace(",", ".")},
            code="too_long",
        )
    try:
        return analyse(text, text_type, glossary)
    except TextInputError as exc:
        raise ValidationError(exc.message_de, code="text_input") from exc


def analysis_cache(result: Analysis) -> dict[str, object]:
    """The JSON kept per version: the whole analysis without the sentences' text (offsets suffice)."""
    data = result.to_dict()
    data["sentences"] = [{k: v for k, v in s.items() if k != "text"} for s in data["sentences"]]
    return data


def _apply(version: LetterVersion, result: Analysis, key: str) -> None:
    version.analysis = analysis_cache(result)
    version.analysis_key = key
    version.score = result.score
    version.traffic_light = result.traffic_light
    version.finding_count = len(result.findings)
    version.critical_count = sum(1 for f in result.findings if f.severity == "kritisch")
    version.word_count = result.measures.words


def refresh_analyses(
    versions: Iterable[LetterVersion], text_types: dict[int, str], state: GlossaryState
) -> list[LetterVersion]:
    """Recompute the cached analysis of every version whose key is out of date.

    ``versions`` may be loaded without their text (``only(...)``); the texts of stale versions are
    read in one query and all of them are written back with one ``bulk_update``. Returns the
    versions that were recomputed. A cache only, so no audit event.
    """
    stale = [v for v in versions if v.analysis_key != state.key_for(text_types[v.template_id])]
    if not stale:
        return []
    texts = dict(LetterVersion.objects.filter(pk__in=[v.pk for v in stale]).values_list("pk", "text"))
    for version in stale:
        text_type = text_types[version.template_id]
        try:
            result = analyse(texts[version.pk], text_type, state.glossary)
        except TextInputError:
            continue  # stored texts were checked on save; an engine change must not break the page
        _apply(version, result, state.key_for(text_type))
    LetterVersion.objects.bulk_update(stale, _VERSION_CACHE_FIELDS, batch_size=200)
    return stale


def refresh_organisation(organisation: Organisation, state: GlossaryState | None = None) -> int:
    """Bring every cached analysis of the organisation's library up to date; returns how many changed."""
    state = state or glossary_state(organisation)
    text_types = dict(
        LetterTemplate.objects.filter(organisation=organisation).values_list("pk", "text_type")
    )
    versions = LetterVersion.objects.filter(template__organisation=organisation).only(
        "pk", "template_id", "analysis_key"
    )
    return len(refresh_analyses(list(versions), text_types, state))


# --------------------------------------------------------------------------- letter library


def _check_name(organisation: Organisation, name: str, exclude: LetterTemplate | None = None) -> None:
    others = LetterTemplate.objects.filter(organisation=organisation, name__iexact=name)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        raise ValidationError({"name": _("There is already a template called “%(name)s”.") % {"name": name}})


def _analyse_for_version(template: LetterTemplate, text: str, state: GlossaryState) -> Analysis:
    try:
        return check_text(text, template.text_type, state.glossary)
    except ValidationError as exc:
        raise ValidationError({"text": exc.messages}) from exc


def _new_version(
    *, acting_user: User, template: LetterTemplate, text: str, note: str, result: Analysis, state: GlossaryState
) -> LetterVersion:
    last = template.versions.aggregate(n=Max("number"))["n"] or 0
    version = LetterVersion(
        template=template,
        number=last + 1,
        text=text,
        note=note,
        author=acting_user,
        author_name=acting_user.get_full_name() or acting_user.email,
        created_at=timezone.now(),
    )
    _apply(version, result, state.key_for(template.text_type))
    version.save()
    template.current_version = version
    template.save(update_fields=["current_version", "updated_at"])
    return version


@transaction.atomic
def do_create_template(
    *,
    acting_user: User,
    organisation: Organisation,
    name: str,
    category: str,
    text_type: str,
    text: str,
    description: str = "",
    note: str = "",
) -> LetterTemplate:
    """Create a template with its first version (the text is analysed and cached)."""
    name = name.strip()
    _check_name(organisation, name)
    template = LetterTemplate(
        organisation=organisation,
        name=name,
        category=category,
        text_type=text_type,
        description=description,
        created_by=acting_user,
    )
    template.full_clean(exclude=["current_version"])
    state = glossary_state(organisation)
    result = _analyse_for_version(template, text, state)  # fail before anything is written
    template.save()
    version = _new_version(
        acting_user=acting_user, template=template, text=text, note=note, result=result, state=state
    )
    log_created(
        template,
        actor=acting_user,
        organisation=organisation,
        action="language.template_created",
        fields={"name": name, "category": category, "text_type": text_type, "version": version.number,
                "score": version.score},
    )
    return template


@transaction.atomic
def do_update_template(*, acting_user: User, template: LetterTemplate, data: dict[str, object]) -> LetterTemplate:
    """Change name, category, text type or description; a new text type recomputes all versions."""
    template = LetterTemplate.objects.select_for_update().get(pk=template.pk)
    fields = [f for f in TEMPLATE_FIELDS if f in data]
    if "name" in data:
        data = {**data, "name": str(data["name"]).strip()}
        _check_name(template.organisation, str(data["name"]), exclude=template)
    changes = update_fields(
        template,
        {f: data[f] for f in fields},
        actor=acting_user,
        organisation=template.organisation,
        action="language.template_updated",
        clean=lambda t: t.full_clean(exclude=["current_version"]),
    )
    if "text_type" in changes:
        state = glossary_state(template.organisation)
        refresh_analyses(list(template.versions.all()), {template.pk: template.text_type}, state)
    return template


@transaction.atomic
def do_add_version(*, acting_user: User, template: LetterTemplate, text: str, note: str = "") -> LetterVersion:
    """Add a new version of the template's text; it becomes the current version."""
    template = LetterTemplate.objects.select_for_update(of=("self",)).select_related("current_version").get(pk=template.pk)
    current = template.current_version
    if current is not None and current.text.strip() == text.strip():
        raise ValidationError({"text": _("The text is the same as in the current version. Please change the text.")})
    state = glossary_state(template.organisation)
    result = _analyse_for_version(template, text, state)
    version = _new_version(
        acting_user=acting_user, template=template, text=text, note=note, result=result, state=state
    )
    changes: dict[str, object] = {
        "version": [current.number if current else None, version.number],
        "score": [current.score if current else None, version.score],
        "words": [current.word_count if current else None, version.word_count],
    }
    if note:
        changes["note"] = [None, note]
    log_event(
        actor=acting_user,
        organisation=template.organisation,
        action="language.version_created",
        obj=version,
        object_repr=str(version),
        changes=changes,
    )
    return version


@transaction.atomic
def do_delete_template(*, acting_user: User, template: LetterTemplate) -> None:
    """Delete a template with all its versions (the audit log keeps the record)."""
    log_deleted(
        template,
        actor=acting_user,
        organisation=template.organisation,
        action="language.template_deleted",
        fields={"name": template.name, "versions": template.versions.count()},
    )
    template.delete()


# --------------------------------------------------------------------------- glossary


def _clean_entry(entry: GlossaryEntry) -> None:
    entry.term = " ".join(entry.term.split())
    entry.replacement = entry.replacement.strip()
    entry.explanation = entry.explanation.strip()
    entry.variants = ", ".join(entry.variant_list())
    errors: dict[str, str] = {}
    if not entry.term:
        errors["term"] = _("Please enter the term.")
    if entry.kind == GlossaryKind.AVOID and not entry.replacement:
        errors["replacement"] = _("Please say what to write instead.")
    if entry.kind == GlossaryKind.EXPLAIN and not entry.explanation:
        errors["explanation"] = _("Please enter the explanation.")
    if entry.kind == GlossaryKind.PREFERRED and not entry.variants:
        errors["variants"] = _("Please enter at least one word that should be replaced by the preferred term.")
    if errors:
        raise ValidationError(errors)
    duplicates = GlossaryEntry.objects.filter(organisation=entry.organisation, term__iexact=entry.term)
    if entry.pk:
        duplicates = duplicates.exclude(pk=entry.pk)
    if duplicates.exists():
        raise ValidationError({"term": _("“%(term)s” is already in the glossary.") % {"term": entry.term}})
    entry.full_clean()


def _after_glossary_change(organisation: Organisation) -> None:
    # The glossary feeds every analysis: bring the library's cached analyses up to date now,
    # so that the library table stays a pure read.
    refresh_organisation(organisation)


@transaction.atomic
def do_create_glossary_entry(
    *,
    acting_user: User,
    organisation: Organisation,
    kind: str,
    term: str,
    replacement: str = "",
    variants: str = "",
    explanation: str = "",
) -> GlossaryEntry:
    entry = GlossaryEntry(
        organisation=organisation,
        kind=kind,
        term=term,
        replacement=replacement,
        variants=variants,
        explanation=explanation,
    )
    _clean_entry(entry)
    entry.save()
    log_created(entry, actor=acting_user, organisation=organisation, action="language.glossary_created",
                fields=GLOSSARY_FIELDS)
    _after_glossary_change(organisation)
    return entry


@transaction.atomic
def do_update_glossary_entry(*, acting_user: User, entry: GlossaryEntry, data: dict[str, object]) -> GlossaryEntry:
    entry = GlossaryEntry.objects.select_for_update().select_related("organisation").get(pk=entry.pk)
    changes = update_fields(
        entry,
        {f: data[f] for f in GLOSSARY_FIELDS if f in data},
        actor=acting_user,
        organisation=entry.organisation,
        action="language.glossary_updated",
        clean=_clean_entry,
    )
    if changes:
        _after_glossary_change(entry.organisation)
    return entry


@transaction.atomic
def do_delete_glossary_entry(*, acting_user: User, entry: GlossaryEntry) -> None:
    organisation = entry.organisation
    log_deleted(entry, actor=acting_user, organisation=organisation, action="language.glossary_deleted",
                fields=["kind", "term"])
    entry.delete()
    _after_glossary_change(organisation)

"""What of comprehensible language is findable: letter templates (current text) and the glossary."""

from __future__ import annotations

from collections.abc import Iterable

from kosmos.core.search import Document, Provider, join, parent
from kosmos.language.models import GlossaryEntry, LetterTemplate, LetterVersion


def _version_root(version: LetterVersion) -> LetterTemplate | None:
    template = parent(version, "template")
    # Only the current text is indexed; saving an older version changes nothing.
    return template if template is not None and template.current_version_id == version.pk else None


class LanguageSearch(Provider):
    roots = (LetterTemplate, GlossaryEntry)
    dependants = {LetterVersion: _version_root}

    def queryset(self, model: type) -> object:
        if model is LetterTemplate:
            return LetterTemplate.objects.select_related("current_version")
        return model._default_manager.all()

    def documents(self, obj: object) -> Iterable[Document]:
        if isinstance(obj, LetterTemplate):
            current = obj.current_version
            yield Document(
                organisation_id=obj.organisation_id,
                object_type="language.lettertemplate",
                object_id=str(obj.public_id),
                title=obj.name,
                body=join(obj.description, current.text if current else ""),
                url_name="org:language_template",
                url_kwargs={"template_id": obj.public_id},
                permission="language.use",
                updated=obj.updated_at,
            )
        elif isinstance(obj, GlossaryEntry):
            yield Document(
                organisation_id=obj.organisation_id,
                object_type="language.glossaryentry",
                object_id=str(obj.public_id),
                title=obj.term,
                body=join(obj.replacement, obj.variants, obj.explanation),
                url_name="org:language_glossary",
                permission="language.use",
                updated=obj.updated_at,
            )


PROVIDER = LanguageSearch()

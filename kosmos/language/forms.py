"""Forms of the language module: checking and comparing texts, the letter library, the glossary."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from kosmos.core.documents import parse_office_file
from kosmos.core.forms_base import KernForm, KernModelForm
from kosmos.language.analysis import TextInputError, read_upload
from kosmos.language.models import GlossaryEntry, GlossaryKind, LetterTemplate, TextType
from kosmos.language.services import MAX_TEXT_CHARS, MAX_UPLOAD_BYTES

ACCEPTED_FILES = ".txt,.docx,.odt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document," \
    "application/vnd.oasis.opendocument.text"


INVALID_CHOICE = pgettext_lazy("language form", "Please choose one of the options shown.")


def _choices_in_german(form: forms.BaseForm) -> None:
    """Django's German catalogue lacks the message for an unknown choice; use ours."""
    for field in form.fields.values():
        if isinstance(field, forms.ChoiceField):
            field.error_messages["invalid_choice"] = INVALID_CHOICE


def _file_field(label: str | object = gettext_lazy("Or upload a file")) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=False,
        help_text=gettext_lazy("A Word (.docx), OpenDocument (.odt) or text file (.txt), at most 1 MB."),
        widget=forms.FileInput(attrs={"accept": ACCEPTED_FILES}),
    )


class TextOrFileField(forms.CharField):
    """A text that may instead come from an uploaded file: shown as required (it is, one way or the
    other), but an empty value is left to the form's ``clean`` which knows about the file."""

    def validate(self, value: object) -> None:
        pass


def _text_field(label: str | object, rows: int = 14) -> forms.CharField:
    # No max_length: the browser would silently cut a long paste; the length is checked on the server.
    return TextOrFileField(
        label=label,
        strip=False,
        widget=forms.Textarea(attrs={"rows": rows, "spellcheck": "true", "lang": "de", "class": "kern-form-input__input lang-textarea"}),
    )


def _text_type_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=pgettext_lazy("language", "Text type"),
        choices=TextType.choices,
        initial=TextType.BRIEF,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": INVALID_CHOICE},
        help_text=gettext_lazy(
            "Each text type has its own targets: Easy Read expects the shortest sentences, letters the longest."
        ),
    )


def read_uploaded_text(upload: UploadedFile) -> str:
    """The text of an uploaded file; any problem raises ``ValidationError`` with a German message."""
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        size = f"{upload.size / (1024 * 1024):.1f}".replace(".", ",")
        raise ValidationError(
            _("The file “%(name)s” is too large (%(size)s MB). Files of at most 1 MB can be checked.")
            % {"name": upload.name, "size": size},
            code="too_large",
        )
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    name = upload.name or ""
    try:
        # .docx/.odt are zip archives: refused before parsing when they unpack to too much (zip bomb),
        # and the parse is time-limited; both raise ValidationError.
        return parse_office_file(data, name=name, parse=lambda content: read_upload(name, content))
    except TextInputError as exc:
        raise ValidationError(exc.message_de, code="unreadable") from exc


def _check_length(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        count = f"{len(text):,}".replace(",", ".")
        limit = f"{MAX_TEXT_CHARS:,}".replace(",", ".")
        raise ValidationError(
            _("The text is too long (%(count)s characters). At most %(max)s characters can be checked at once.")
            % {"count": count, "max": limit},
            code="too_long",
        )
    return text


class LateErrorsMixin:
    """Errors the view adds after validation (from the engine or a service) get the same
    ``aria-invalid``/``aria-describedby`` wiring as the form's own errors."""

    def add_error(self, field: str | None, error: object) -> None:
        super().add_error(field, error)  # type: ignore[misc]
        if getattr(self, "_errors", None) is not None:
            self._decorate_widgets()  # type: ignore[attr-defined]


class TextSourceMixin(LateErrorsMixin):
    """Pasted text or an uploaded file: a file wins; the text it contained replaces the typed one
    when the form is shown again, so that the person can edit it and check again."""

    def text_from(self, text_name: str, file_name: str) -> str:
        data = self.cleaned_data  # type: ignore[attr-defined]
        upload = data.get(file_name)
        if upload:
            try:
                text = read_uploaded_text(upload)
            except ValidationError as exc:
                self.add_error(file_name, exc)  # type: ignore[attr-defined]
                return ""
            try:
                _check_length(text)
            except ValidationError as exc:
                self.add_error(file_name, exc)  # type: ignore[attr-defined]
                return ""
            data[text_name] = text
            self.data = self.data.copy()  # type: ignore[attr-defined,has-type]
            self.data[self.add_prefix(text_name)] = text  # type: ignore[attr-defined]
            return text
        text = data.get(text_name) or ""
        if not text.strip():
            self.add_error(  # type: ignore[attr-defined]
                text_name, _("Please paste a text or upload a file.")
            )
            return ""
        try:
            return _check_length(text)
        except ValidationError as exc:
            self.add_error(text_name, exc)  # type: ignore[attr-defined]
            return ""


class CheckForm(TextSourceMixin, KernForm):
    text = _text_field(pgettext_lazy("language", "Text"))
    file = _file_field()
    text_type = _text_type_field()

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = gettext_lazy(
            "Paste the text of a letter, notice or web page. Please remove names and other personal data first."
        )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        data["checked_text"] = self.text_from("text", "file")
        return data


class CompareForm(TextSourceMixin, KernForm):
    before = _text_field(gettext_lazy("Text before (the older version)"), rows=10)
    before_file = _file_field(gettext_lazy("Or upload the older version"))
    after = _text_field(gettext_lazy("Text after (the new version)"), rows=10)
    after_file = _file_field(gettext_lazy("Or upload the new version"))
    text_type = _text_type_field()

    def clean(self) -> dict[str, object]:
        data = super().clean()
        data["before_text"] = self.text_from("before", "before_file")
        data["after_text"] = self.text_from("after", "after_file")
        return data


class TemplateForm(TextSourceMixin, KernModelForm):
    """A new template: its facts and the text of its first version."""

    text = _text_field(gettext_lazy("Text of the template"), rows=16)
    file = _file_field()
    note = forms.CharField(
        label=gettext_lazy("Note on this version"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("For example where the text comes from."),
    )

    class Meta:
        model = LetterTemplate
        fields = ["name", "category", "text_type", "description"]
        widgets = {"text_type": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["text_type"].choices = TextType.choices  # no empty choice for radio buttons
        _choices_in_german(self)
        self.fields["text"].help_text = gettext_lazy(
            "A template, not a real letter: use placeholders such as [Name] or [Datum] instead of personal data."
        )

    def validate_unique(self) -> None:
        """Uniqueness of the name is checked by the service (with a German message)."""

    def clean(self) -> dict[str, object]:
        data = super().clean()
        data["checked_text"] = self.text_from("text", "file")
        return data


class TemplateEditForm(LateErrorsMixin, KernModelForm):
    class Meta:
        model = LetterTemplate
        fields = ["name", "category", "text_type", "description"]
        widgets = {"text_type": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "text_type": gettext_lazy("Changing the text type checks all versions again with the new targets."),
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["text_type"].choices = TextType.choices
        _choices_in_german(self)

    def validate_unique(self) -> None:
        """Checked by the service."""


class VersionForm(TextSourceMixin, KernForm):
    text = _text_field(pgettext_lazy("language", "New text"), rows=16)
    file = _file_field()
    note = forms.CharField(
        label=pgettext_lazy("language", "What has changed?"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("For example: shorter sentences, friendlier opening."),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        data["checked_text"] = self.text_from("text", "file")
        return data


class VersionChoiceForm(LateErrorsMixin, KernForm):
    """Choose two versions of a template to compare (GET form)."""

    before = forms.ChoiceField(label=pgettext_lazy("language", "Older version"))
    after = forms.ChoiceField(label=pgettext_lazy("language", "Newer version"))

    def __init__(self, *args, versions: list[tuple[str, str]], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["before"].choices = versions
        self.fields["after"].choices = versions
        _choices_in_german(self)

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if data.get("before") and data.get("before") == data.get("after"):
            self.add_error("after", _("Please choose two different versions."))
        return data


class GlossaryEntryForm(LateErrorsMixin, KernModelForm):
    class Meta:
        model = GlossaryEntry
        fields = ["kind", "term", "replacement", "variants", "explanation"]
        widgets = {"kind": forms.RadioSelect, "explanation": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "kind": gettext_lazy(
                "Preferred term: the organisation writes it instead of the variants. "
                "Term to avoid: flagged with its replacement. "
                "Term to explain: must stay (for example a legal term) and needs an explanation at first use."
            ),
            "replacement": gettext_lazy("Only for terms to avoid: what to write instead."),
            "variants": gettext_lazy(
                "Only for preferred terms: the words that should be replaced by it, separated by commas."
            ),
            "explanation": gettext_lazy("Only for terms to explain: a short explanation in plain words."),
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = GlossaryKind.choices
        _choices_in_german(self)

    def validate_unique(self) -> None:
        """Checked by the service (case-insensitive, with a German message)."""

"""Form helpers that render Django forms with KERN UX markup and accessible error hints."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


class KernFormMixin:
    """Adds KERN classes and ``aria-describedby``/``aria-invalid`` to every widget.

    The error attributes are added after validation (``full_clean``), never in ``__init__``:
    validating there would run before a subclass's ``__init__`` has adjusted its fields
    (choices, ``required``) and cache errors computed from the unadjusted fields.
    """

    template_name = "forms/kern_form.html"

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._decorate_widgets()

    def full_clean(self) -> None:
        super().full_clean()
        self._decorate_widgets()

    def add_error(self, field: str | None, error: object) -> None:
        """Errors added by a view after validation (e.g. from a service) are wired up too."""
        super().add_error(field, error)
        self._decorate_widgets()

    def _decorate_widgets(self) -> None:
        errors = self._errors or {}  # read the cache only: never trigger validation here
        for name, field in self.fields.items():
            widget = field.widget
            auto_id = self.auto_id % self.add_prefix(name) if self.auto_id else name
            invalid = name in errors
            described = []
            if field.help_text:
                described.append(f"{auto_id}-hint")
            if invalid:
                described.append(f"{auto_id}-error")
                widget.attrs["aria-invalid"] = "true"
            if described:
                widget.attrs["aria-describedby"] = " ".join(described)
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "kern-form-check__checkbox")
            elif isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                pass
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "kern-form-input__select")
            else:
                widget.attrs.setdefault("class", "kern-form-input__input")
                if invalid and "kern-form-input__input--error" not in widget.attrs["class"]:
                    widget.attrs["class"] += " kern-form-input__input--error"


class KernForm(KernFormMixin, forms.Form):
    pass


class KernModelForm(KernFormMixin, forms.ModelForm):
    pass


def add_service_error(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form, so that nothing typed is lost: errors for a
    field the form has go to that field, all others to the top of the form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)

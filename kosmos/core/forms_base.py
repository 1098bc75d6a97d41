"""Form helpers that render Django forms with KERN UX markup and accessible error hints."""

from __future__ import annotations

from django import forms


class KernFormMixin:
    """Adds KERN classes and ``aria-describedby``/``aria-invalid`` to every widget."""

    template_name = "forms/kern_form.html"

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            auto_id = self.auto_id % self.add_prefix(name) if self.auto_id else name
            described = []
            if field.help_text:
                described.append(f"{auto_id}-hint")
            if self.is_bound and name in self.errors:
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
                css = "kern-form-input__input"
                if self.is_bound and name in self.errors:
                    css += " kern-form-input__input--error"
                widget.attrs.setdefault("class", css)


class KernForm(KernFormMixin, forms.Form):
    pass


class KernModelForm(KernFormMixin, forms.ModelForm):
    pass

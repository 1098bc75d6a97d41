"""Forms of the usage rates: offer, month grid, note, import upload."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.channels.domain.default_catalogue import CHANNELS
from kosmos.channels.domain.usage import parse_month, parse_number
from kosmos.channels.models import DigitalOffer
from kosmos.core.forms_base import KernForm, KernModelForm

# The channels of the platform's default catalogue (data, German names as in the maturity check).
CHANNEL_CHOICES = [("", _("(no channel)")), *((c.key, c.name) for c in CHANNELS)]


class CountField(forms.IntegerField):
    """A whole number as Germans type it: thousands with dots ("1.234"), never a decimal point."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "size": 8})

    def to_python(self, value: object) -> int | None:
        try:
            number = parse_number(value if value not in ("", None) else None)
        except ValueError:
            raise forms.ValidationError(_("Enter a whole number, e.g. 1.234."), code="invalid") from None
        if number is None:
            return None
        if number != int(number):
            raise forms.ValidationError(_("Enter a whole number, e.g. 1.234."), code="invalid")
        return int(number)


class OfferForm(KernModelForm):
    channel_key = forms.ChoiceField(label=_("Channel"), choices=CHANNEL_CHOICES, required=False,
                                    help_text=_("The channel of the maturity check this offer belongs to."))

    class Meta:
        model = DigitalOffer
        fields = ["name", "kind", "key", "base_label", "channel_key"]


class MonthGridForm(KernForm):
    """Twelve months of one offer and year: uses, base and completion rate, plus the year's target.

    Fields are named ``uses_1`` … ``completion_12``; the template lays them out as a table."""

    target = forms.DecimalField(label=_("Target share in %"), required=False, min_value=0, max_value=100,
                                decimal_places=1, localize=True)

    def __init__(self, *args, year: int, **kwargs) -> None:  # noqa: ANN002, ANN003
        self.year = year
        super().__init__(*args, **kwargs)
        for month in range(1, 13):
            label = dt.date(year, month, 1).strftime("%m/%Y")
            self.fields[f"uses_{month}"] = CountField(
                label=_("Uses %(month)s") % {"month": label}, required=False, min_value=0)
            self.fields[f"eligible_{month}"] = CountField(
                label=_("Base %(month)s") % {"month": label}, required=False, min_value=0)
            self.fields[f"completion_{month}"] = forms.DecimalField(
                label=_("Completion rate %(month)s") % {"month": label}, required=False, min_value=0,
                max_value=100, decimal_places=1, localize=True)
        self._decorate_widgets()

    def rows(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(dt.date(self.year, m, 1).strftime("%m/%Y"),
                 [self[f"uses_{m}"], self[f"eligible_{m}"], self[f"completion_{m}"]]) for m in range(1, 13)]

    def clean(self) -> dict:
        data = super().clean()
        for month in range(1, 13):
            uses, eligible = data.get(f"uses_{month}"), data.get(f"eligible_{month}")
            if uses is not None and eligible is not None and uses > eligible:
                self.add_error(f"uses_{month}", _("More uses than the base: the share would be above 100 %."))
            elif uses is None and (eligible is not None or data.get(f"completion_{month}") is not None):
                self.add_error(f"uses_{month}", _("Enter the uses, or leave the whole month empty."))
        return data

    def months(self) -> dict[int, tuple]:
        return {m: (self.cleaned_data.get(f"uses_{m}"), self.cleaned_data.get(f"eligible_{m}"),
                    self.cleaned_data.get(f"completion_{m}")) for m in range(1, 13)}


class NoteForm(KernForm):
    month = forms.CharField(label=_("Month"), max_length=7, help_text=_("MM.YYYY, e.g. 03.2025"))
    offer = forms.ModelChoiceField(label=_("Offer"), queryset=DigitalOffer.objects.none(), required=False,
                                   empty_label=_("All offers"), to_field_name="public_id")
    text = forms.CharField(label=_("Note"), max_length=200,
                           help_text=_("e.g. “Kampagne Eingangszone” or “Gruppeninfo für Neukund:innen”"))

    def __init__(self, *args, organisation, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = DigitalOffer.objects.filter(organisation=organisation)

    def clean_month(self) -> dt.date:
        month = parse_month(self.cleaned_data["month"])
        if month is None:
            raise forms.ValidationError(_("Enter the month as MM.YYYY, e.g. 03.2025."))
        return month


class ImportForm(KernForm):
    upload = forms.FileField(label=_("File (CSV or XLSX)"),
                             help_text=_("One row per offer and month; columns Monat, Angebot, Nutzungen, "
                                         "Grundgesamtheit, Abschlussquote in %."))

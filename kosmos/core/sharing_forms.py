"""The share form every module uses: who may see an object, and which partner organisations.

The list of organisations is long (about 400), so the page offers a name search (GET ``suche``)
and the form lists the organisations found plus the current partners, always. Unticking a shown
partner removes it; partners are never dropped because a search did not show them.
"""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.core.models import Organisation
from kosmos.core.models.sharing import Shareable, Visibility
from kosmos.core.sharing import partner_candidates

# Without a search term, every organisation is listed while there are at most this many.
LIST_ALL_UP_TO = 50


def partner_choices(owner: Organisation, current: QuerySet[Organisation], query: str) -> QuerySet[Organisation]:
    """The organisations the form lists: the search result (or all, on a small platform)
    and the current partners."""
    ids = set(current.values_list("pk", flat=True))
    if query.strip():
        ids |= set(partner_candidates(owner, query).values_list("pk", flat=True))
    else:
        candidates = list(partner_candidates(owner, limit=LIST_ALL_UP_TO + 1).values_list("pk", flat=True))
        if len(candidates) <= LIST_ALL_UP_TO:
            ids |= set(candidates)
    return Organisation.objects.filter(pk__in=ids).exclude(pk=owner.pk).order_by("name")


class ShareForm(KernForm):
    visibility = forms.ChoiceField(label=_("Who may see this?"), choices=Visibility.choices, widget=forms.RadioSelect)
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only used with “Named partner organisations”. Search by name to find more organisations."),
    )

    def __init__(self, *args, obj: Shareable, query: str = "", **kwargs) -> None:  # noqa: ANN002, ANN003
        owner = obj.organisation  # type: ignore[attr-defined]
        current = obj.shared_with.all()
        kwargs.setdefault("initial", {"visibility": obj.visibility, "partners": list(current)})
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = partner_choices(owner, current, query)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        if cleaned.get("visibility") == Visibility.PARTNERS and not cleaned.get("partners"):
            self.add_error("partners", _("Please choose at least one partner organisation."))
        return cleaned

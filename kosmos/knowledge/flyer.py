"""The customer flyer: offers and contacts of one topic (or category) as a printable PDF, A4 or A5.

A flyer is handed to customers, so it shows only what an offer publishes (title, short text,
provider, address, opening hours, contact role, phone, e-mail, website, costs, how to get there,
languages, accessibility) — never anything about a customer: there is no field for a name or a
note, and no entry field that could hold one (description, conversation tips, the person
responsible) is printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kosmos.core.documents import render_pdf
from kosmos.core.forms_base import KernForm
from kosmos.knowledge import selectors
from kosmos.knowledge.models import Category, Entry, Language, TargetGroup, Topic

STATIC = Path(__file__).resolve().parent / "static" / "knowledge"
PAPER_CSS = {"a4": STATIC / "flyer_a4.css", "a5": STATIC / "flyer_a5.css"}
MAX_ENTRIES = 40


@dataclass(frozen=True)
class FlyerEntry:
    title: str
    summary: str
    provider: str
    address: str
    place: str
    opening_hours: str
    contact_role: str
    phone: str
    email: str
    website: str
    costs: str
    referral: str
    languages: str
    target_groups: str
    accessibility: str


def _labels(codes: Iterable[str], choices: type) -> str:
    names = dict(choices.choices)
    return ", ".join(str(names[c]) for c in codes if c in names)


def flyer_entry(entry: Entry) -> FlyerEntry:
    costs = _("free of charge") if entry.free_of_charge else entry.costs
    access = entry.accessibility or (_("barrier-free access") if entry.accessible else "")
    return FlyerEntry(
        title=entry.title, summary=entry.summary, provider=entry.partner.name if entry.partner_id else "",
        address=entry.address, place=" ".join(p for p in (entry.postcode, entry.place) if p),
        opening_hours=entry.opening_hours, contact_role=entry.contact_role, phone=entry.contact_phone,
        email=entry.contact_email, website=entry.website, costs=costs, referral=entry.referral[:400],
        languages=_labels(entry.language_codes, Language), target_groups=_labels(entry.target_group_codes, TargetGroup),
        accessibility=access,
    )


def candidates(organisation: Any, user: Any, topic: str, category: Category | None) -> QuerySet[Entry]:
    """Entries the organisation sees (own and shared) of the topic, or of the category and its children."""
    entries = selectors.visible_entries(organisation, user).filter(topic=topic)
    if category is not None:
        entries = entries.filter(category__in=[category.pk, *category.children.values_list("pk", flat=True)])
    return entries.select_related("partner").order_by("title", "pk")


def context(*, organisation: Any, topic: str, category: Category | None, entries: list[Entry],
            paper: str) -> dict[str, Any]:
    title = category.name if category is not None else str(Topic(topic).label)
    return {
        "organisation": organisation, "title": title, "paper": paper,
        "entries": [flyer_entry(e) for e in entries], "date": timezone.localdate(),
    }


def render(*, organisation: Any, topic: str, category: Category | None, entries: list[Entry], paper: str) -> bytes:
    ctx = context(organisation=organisation, topic=topic, category=category, entries=entries, paper=paper)
    return render_pdf("knowledge/flyer_pdf.html", ctx, stylesheets=[STATIC / "flyer.css", PAPER_CSS[paper]])


class FlyerForm(KernForm):
    """What the flyer is about. Deliberately no free text: nothing about a customer can be typed."""

    topic = forms.ChoiceField(label=gettext_lazy("Topic"), choices=Topic.choices, initial=Topic.OFFERS)
    category = forms.ModelChoiceField(label=gettext_lazy("Category"), queryset=Category.objects.none(),
                                      required=False, empty_label=gettext_lazy("All categories of the topic"),
                                      to_field_name="public_id")
    paper = forms.ChoiceField(label=gettext_lazy("Paper size"), widget=forms.RadioSelect, initial="a4",
                              choices=[("a4", gettext_lazy("A4 (one offer after another)")),
                                       ("a5", gettext_lazy("A5 (folded leaflet, smaller type)"))])
    entries = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Offers on the flyer"), queryset=Entry.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple, to_field_name="short_code",
        help_text=gettext_lazy("Without a choice, every offer of the topic or category is printed (at most 40)."),
    )

    def __init__(self, *args: Any, categories: QuerySet[Category], entries: QuerySet[Entry] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories
        self.fields["entries"].queryset = entries if entries is not None else Entry.objects.none()
        self.fields["entries"].label_from_instance = lambda e: f"{e.title} ({e.place})" if e.place else e.title

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        category = data.get("category")
        if category is not None and data.get("topic") and category.topic != data["topic"]:
            self.add_error("category", _("This category belongs to another topic."))
        chosen = data.get("entries")
        if chosen is not None and len(chosen) > MAX_ENTRIES:
            self.add_error("entries", _("Please choose at most %(max)s offers.") % {"max": MAX_ENTRIES})
        return data

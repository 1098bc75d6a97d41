"""Forms of the process maps: one step, the actors, a new map, the partner sides."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kosmos.core.forms_base import KernForm
from kosmos.core.models import Organisation
from kosmos.processes.domain import catalogue
from kosmos.processes.domain.model import ACTOR_KINDS, END, ProcessData
from kosmos.processes.domain.validation import DEADLINE_EXAMPLE, deadline_ok

END_WORDS = {"ende", "end"}
KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,19}$")


class MapForm(KernForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            help_text=_("Without a title, the template's title is used."))
    template = forms.ChoiceField(label=_("Start from a template"), required=False)
    summary = forms.CharField(label=_("Short description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [("", _("No template: an empty map"))] + [
            (t.key, t.title) for t in catalogue.TEMPLATES]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("title") and not cleaned.get("template"):
            self.add_error("title", _("Please give the process map a title or choose a template."))
        return cleaned


class StepForm(KernForm):
    title = forms.CharField(label=_("Step"), max_length=200)
    actor = forms.ChoiceField(label=_("Who does it (organisation and unit or role)"))
    what = forms.CharField(label=_("What happens"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=300, required=False,
                                  help_text=_("Free text, e.g. “§ 16 SGB II i. V. m. § 81 SGB III”."))
    input = forms.CharField(label=_("Input (documents, data)"), max_length=300, required=False)
    output = forms.CharField(label=_("Output (documents, data)"), max_length=300, required=False)
    handover_to = forms.ChoiceField(label=_("Handover to"), required=False)
    deadline = forms.CharField(label=_("Deadline or time limit"), max_length=60, required=False,
                               help_text=_("For example: 5 Arbeitstage, innerhalb von 2 Wochen, unverzüglich."))
    next = forms.CharField(label=_("Continues with step"), max_length=60, required=False,
                           help_text=_("Numbers of the following steps, separated by commas; “Ende” ends the "
                                           "process. Empty: the step below."))
    responsible = forms.ChoiceField(label=_("Responsible (R)"), required=False)
    accountable = forms.ChoiceField(label=_("Accountable (A)"), required=False)
    consulted = forms.MultipleChoiceField(label=_("Consulted (C)"), required=False,
                                          widget=forms.CheckboxSelectMultiple)
    informed = forms.MultipleChoiceField(label=_("Informed (I)"), required=False,
                                         widget=forms.CheckboxSelectMultiple)
    contacts = forms.CharField(
        label=_("Contacts at the interface"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
        help_text=_("One contact per line: name; function; phone number. Staff only, never customer data."))
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    open_questions = forms.CharField(label=_("Open questions"), widget=forms.Textarea(attrs={"rows": 2}),
                                     required=False)
    friction = forms.CharField(label=_("Known friction"), widget=forms.Textarea(attrs={"rows": 2}),
                               required=False, help_text=_("What does not work yet at this step?"))
    deviation = forms.CharField(label=_("Local deviation from the template"), max_length=300, required=False)
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, process: ProcessData, number: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.process = process
        self.number = number
        actors = [(a.key, a.label) for a in process.actors]
        self.fields["actor"].choices = [("", _("Please choose"))] + actors
        for name in ("handover_to", "responsible", "accountable"):
            self.fields[name].choices = [("", _("nobody"))] + actors
        self.fields["consulted"].choices = actors
        self.fields["informed"].choices = actors

    def _step_name(self) -> str:
        title = self.data.get(self.add_prefix("title"), "") if self.is_bound else ""
        return f"{self.number} ({title})" if self.number else f"„{title}“"

    def clean_deadline(self) -> str:
        deadline = " ".join(self.cleaned_data.get("deadline", "").split())
        if not deadline_ok(deadline):
            raise forms.ValidationError(
                _("Step %(step)s: the deadline “%(deadline)s” has not the expected form (for example: %(example)s).")
                % {"step": self._step_name(), "deadline": deadline, "example": DEADLINE_EXAMPLE})
        return deadline

    def clean_next(self) -> list[str]:
        keys = []
        for part in (p.strip() for p in self.cleaned_data.get("next", "").split(",")):
            if not part:
                continue
            if part.lower() in END_WORDS:
                keys.append(END)
            elif part.isdigit() and 1 <= int(part) <= len(self.process.steps):
                keys.append(self.process.steps[int(part) - 1].key)
            else:
                raise forms.ValidationError(
                    _("Step %(step)s: there is no step “%(value)s”. Please give step numbers from 1 to %(count)s "
                      "or “Ende”.") % {"step": self._step_name(), "value": part, "count": len(self.process.steps)})
        return keys

    def clean_contacts(self) -> list[dict[str, str]]:
        contacts = []
        for number, line in enumerate(self.cleaned_data.get("contacts", "").splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            if len(parts) > 3 or not parts[0]:
                raise forms.ValidationError(
                    _("Contacts, line %(line)s: please write name; function; phone number.") % {"line": number})
            parts += [""] * (3 - len(parts))
            contacts.append({"name": parts[0], "function": parts[1], "phone": parts[2]})
        return contacts

    def step(self, key: str = "") -> dict[str, Any]:
        c = self.cleaned_data
        return {
            "key": key, "title": c["title"], "actor": c["actor"], "what": c["what"], "legal_basis": c["legal_basis"],
            "input": c["input"], "output": c["output"], "handover_to": c["handover_to"], "deadline": c["deadline"],
            "next": c["next"],
            "raci": {"r": c["responsible"], "a": c["accountable"], "c": c["consulted"], "i": c["informed"]},
            "notes": c["notes"], "open_questions": c["open_questions"], "friction": c["friction"],
            "deviation": c["deviation"], "contacts": c["contacts"],
        }

    @staticmethod
    def initial_for(process: ProcessData, key: str) -> dict[str, Any]:
        step = next(s for s in process.steps if s.key == key)
        numbers = []
        for k in step.next:
            numbers.append("Ende" if k == END else str(process.number(k) or ""))
        return {
            "title": step.title, "actor": step.actor, "what": step.what, "legal_basis": step.legal_basis,
            "input": step.input, "output": step.output, "handover_to": step.handover_to, "deadline": step.deadline,
            "next": ", ".join(n for n in numbers if n), "responsible": step.raci.responsible,
            "accountable": step.raci.accountable, "consulted": list(step.raci.consulted),
            "informed": list(step.raci.informed),
            "contacts": "\n".join(f"{c.name}; {c.function}; {c.phone}" for c in step.contacts),
            "notes": step.notes, "open_questions": step.open_questions, "friction": step.friction,
            "deviation": step.deviation,
        }


class ActorsForm(KernForm):
    actors = forms.CharField(
        label=_("Actors"), widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One actor per line: short key; organisation; unit or role; kind (jobcenter, agency, "
                        "provider, customer, it, other). Steps refer to the short key."))
    token = forms.CharField(widget=forms.HiddenInput)

    @staticmethod
    def initial_for(process: ProcessData) -> str:
        return "\n".join(f"{a.key}; {a.organisation}; {a.unit}; {a.kind}" for a in process.actors)

    def clean_actors(self) -> list[dict[str, str]]:
        actors, seen = [], set()
        for number, line in enumerate(self.cleaned_data["actors"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(";")]
            parts += [""] * (4 - len(parts))
            key, organisation, unit, kind = parts[:4]
            if len(parts) > 4 or not KEY.match(key) or not organisation:
                raise forms.ValidationError(
                    _("Line %(line)s: please write short key (lower-case letters, digits, hyphen); organisation; "
                      "unit or role; kind.") % {"line": number})
            if key in seen:
                raise forms.ValidationError(_("Line %(line)s: the short key “%(key)s” is used twice.")
                                            % {"line": number, "key": key})
            if kind and kind not in ACTOR_KINDS:
                raise forms.ValidationError(_("Line %(line)s: the kind must be one of %(kinds)s.")
                                            % {"line": number, "kinds": ", ".join(ACTOR_KINDS)})
            seen.add(key)
            actors.append({"key": key, "organisation": organisation, "unit": unit, "kind": kind or "other"})
        return actors


class SidesForm(KernForm):
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations that edit and approve this map"), queryset=Organisation.objects.none(),
        required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("They see this map and nothing else of your organisation."))

    def __init__(self, *args: Any, choices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = choices

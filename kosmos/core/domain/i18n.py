"""User-facing text in pure modules: English source strings that the Django layer translates.

Pure modules (``domain/``) import no Django, so they cannot call gettext. Instead they

- mark every English source string with :func:`gettext_noop` (or :func:`ngettext_noop` for a text that
  depends on a count), so that ``makemessages`` extracts it into the module's catalogue (Django passes
  ``--keyword=gettext_noop``; ``kosmos.core.management.commands.makemessages`` adds ``ngettext_noop``), and
- return a :class:`Message` when the text has parameters: the source string with named placeholders
  (``%(codes)s``) and their values. A value may itself be a :class:`Message` (translated first) or a list
  or tuple of them (joined with ", ").

The Django layer translates at the boundary, where a text reaches a template, a form error, an export or
the audit log: ``kosmos.core.i18n.translate`` (``translate_hint`` for a :class:`~kosmos.core.hints.Hint`).
``str(message)`` gives the English text, for logs and the pure tests.

Word lists that analyse German text are data, not messages, and stay German.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

Gettext = Callable[[str], str]
Ngettext = Callable[[str, str, int], str]


def gettext_noop(message: str) -> str:
    """Mark an English source string for the catalogue; return it unchanged."""
    return message


def ngettext_noop(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair of English source strings for the catalogue; return both unchanged."""
    return singular, plural


def _no_translation(message: str) -> str:
    return message


def _no_plural_translation(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


@dataclass(frozen=True, slots=True)
class Message:
    """An English source string (marked for the catalogue) and the values of its named placeholders.

    With ``plural`` set, ``source`` is the singular and ``count`` selects the form (gettext's plural rules).
    Placeholders are only filled when there are parameters, so a text without any may contain a bare ``%``.
    """

    source: str
    params: Mapping[str, object] = field(default_factory=dict)
    plural: str = ""
    count: int = 1

    def render(self, gettext: Gettext = _no_translation, ngettext: Ngettext = _no_plural_translation) -> str:
        """The text with its placeholders filled, translated with the given functions (default: English)."""
        text = ngettext(self.source, self.plural, self.count) if self.plural else gettext(self.source)
        if not self.params:
            return text
        return text % {name: _render_value(value, gettext, ngettext) for name, value in self.params.items()}

    def __str__(self) -> str:
        return self.render()


def _render_value(value: object, gettext: Gettext, ngettext: Ngettext) -> object:
    if isinstance(value, Message):
        return value.render(gettext, ngettext)
    if isinstance(value, list | tuple):
        return ", ".join(str(_render_value(item, gettext, ngettext)) for item in value)
    return value


def message(source: str, **params: object) -> Message:
    """A :class:`Message`; ``source`` must be a string marked with :func:`gettext_noop`."""
    return Message(source, params)


def plural_message(forms: tuple[str, str], count: int, **params: object) -> Message:
    """A count-dependent :class:`Message` from a pair marked with :func:`ngettext_noop`; ``count`` is also
    available to the text as ``%(count)s``."""
    singular, plural = forms
    return Message(singular, {"count": count, **params}, plural=plural, count=count)

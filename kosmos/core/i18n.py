"""Translation at the boundary for texts from the pure modules (see :mod:`kosmos.core.domain.i18n`).

Pure modules return English source strings (marked with ``gettext_noop``) and
:class:`~kosmos.core.domain.i18n.Message` objects; selectors, views and exports call :func:`translate` where
such a text reaches a page, a form error, an export or the audit log.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from django.utils.translation import gettext, ngettext

from kosmos.core.domain.i18n import Message
from kosmos.core.hints import Hint


def translate(text: Message | str) -> str:
    """The text in the active language: a message is rendered, a marked source string looked up."""
    if isinstance(text, Message):
        return text.render(gettext, ngettext)
    return gettext(text) if text else text


def translate_hint(hint: Hint) -> Hint:
    return dataclasses.replace(hint, message=translate(hint.message))


def translate_hints(hints: Iterable[Hint]) -> list[Hint]:
    return [translate_hint(hint) for hint in hints]

"""``makemessages`` that also extracts the markers of the pure modules (``kosmos.core.domain.i18n``).

Django already passes ``--keyword=gettext_noop``; the plural marker ``ngettext_noop`` is added here
(the documented way to customise the command: override ``xgettext_options``).
"""

from __future__ import annotations

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=ngettext_noop:1,2"]

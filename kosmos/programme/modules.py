"""The module declaration of programme (``kosmos.core.modules``).

Two parts: calls, applications, committee and selection (``labels_calls``, ``demo_calls``) and
workshops, the results report and the office's home page (``labels_exchange``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import Module
from kosmos.programme import urls
from kosmos.programme.labels_calls import CALL_ACTIONS, CALL_NAVIGATION, CALL_OBJECT_TYPES
from kosmos.programme.labels_exchange import (
    EXCHANGE_ACTIONS,
    EXCHANGE_NAVIGATION,
    EXCHANGE_OBJECT_TYPES,
    EXCHANGE_PANELS,
)
from kosmos.programme.search import SEARCH_PROVIDER


def load_programme_demo() -> None:
    """The demo of the programme: calls with applications, committee and scores (then the workshops)."""
    from kosmos.programme.demo_calls import load_calls_demo
    from kosmos.programme.demo_exchange import load_exchange_demo

    load_calls_demo()
    load_exchange_demo()


MODULE = Module(
    label="programme",
    name=_("Programme"),
    urls=urls,
    url_prefix="programme_",
    navigation=(*CALL_NAVIGATION, *EXCHANGE_NAVIGATION),
    panels=EXCHANGE_PANELS,
    demo_loader=load_programme_demo,
    audit_actions={**CALL_ACTIONS, **EXCHANGE_ACTIONS},
    audit_object_types={**CALL_OBJECT_TYPES, **EXCHANGE_OBJECT_TYPES},
    search_provider=SEARCH_PROVIDER,
)

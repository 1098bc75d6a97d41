"""One declaration per module: what it adds to the platform.

Every app declares a single ``Module`` in its ``modules.py`` and registers it in
``AppConfig.ready()`` with ``register_module(MODULE)`` — nothing else happens in ``ready()``.
The declaration names the navigation entries, the dashboard panels, the demo loader, the
audit labels, the search provider and the module's part in the improvement hub
(``kosmos.core.hub``); core reads them from here. See ``docs/new-module.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise

if TYPE_CHECKING:
    from django.http import HttpRequest

    from kosmos.core.dashboard import Panel

Label = str | Promise


class ModuleError(RuntimeError):
    """A module declaration clashes with another one."""


# The order of the modules in the navigation, on the dashboard and in the demo data.
# A new module takes the next free slot; core's own entries come first and last.
ORDER = {
    "core": 0,
    "surveys": 100,
    "assessments": 200,
    "improvement": 300,
    "language": 400,
    "workinggroups": 500,
    "training": 600,
    "processes": 650,
    "knowledge": 700,
    "channels": 750,
    "practice": 800,
    "programme": 850,
}
CORE_TAIL = 900  # members, audit log and organisation settings come after every module


@dataclass(frozen=True)
class Navigation:
    """An entry in the organisation navigation.

    ``url_name`` is the entry's page. By default every URL of the module's ``org_urlpatterns``
    marks the entry as current (computed from ``urls``, never listed by hand); ``current``
    narrows that to the named URLs (for a module with several entries, like core).
    ``tail`` entries come after all modules (core's members, audit log and settings).
    """

    label: Label
    url_name: str
    permission: str
    current: tuple[str, ...] | None = None
    tail: bool = False


@dataclass(frozen=True)
class DashboardPanel:
    """A panel on the organisation dashboard, shown only to members with ``permission``.

    ``provider(request)`` returns a ``Panel`` with real content, or ``None``.
    """

    permission: str
    provider: Callable[[HttpRequest], Panel | None]


@dataclass(frozen=True)
class Module:
    """What one app contributes. ``label`` is the app label (``AppConfig.label``)."""

    label: str
    name: Label
    urls: Any = None  # the app's urls module (with org_urlpatterns and urlpatterns)
    # Every URL name of the module starts with this prefix (e.g. "survey_"), so two modules
    # never share a name in the one "org" namespace (a house-rule test checks it).
    url_prefix: str = ""
    navigation: tuple[Navigation, ...] = ()
    panels: tuple[DashboardPanel, ...] = ()
    demo_loader: Callable[[], None] | None = None
    audit_actions: Mapping[str, Label] = field(default_factory=dict)
    # Object types by model (``app_label.model``) → German label.
    audit_object_types: Mapping[str, Label] = field(default_factory=dict)
    # A callable object with the search provider interface of ``kosmos.core.search``.
    search_provider: Any = None
    # The improvement hub (``kosmos.core.hub``): sources of findings this module offers, by
    # ``app_label.model`` of the object holding them, and (for improvement) the follow-up provider.
    finding_sources: Mapping[str, Any] = field(default_factory=dict)  # source → kosmos.core.hub.FindingSource
    follow_up_provider: Callable[..., Any] | None = None
    # Figures this module contributes to cross-organisation comparisons (``kosmos.core.comparisons``).
    comparison_topics: tuple[Any, ...] = ()  # kosmos.core.comparisons.ComparisonTopic

    @property
    def order(self) -> int:
        try:
            return ORDER[self.label]
        except KeyError:
            raise ModuleError(f"Module {self.label!r} has no slot in kosmos.core.modules.ORDER") from None


_MODULES: dict[str, Module] = {}


def register_module(module: Module) -> None:
    """Register a module declaration. Registering the same declaration twice is a no-op."""
    existing = _MODULES.get(module.label)
    if existing is not None:
        if existing is module:
            return
        raise ModuleError(f"Module {module.label!r} is declared twice")
    _MODULES[module.label] = module
    from kosmos.core import audit_labels

    audit_labels.register_labels(
        owner=module.label, actions=dict(module.audit_actions), object_types=dict(module.audit_object_types)
    )
    if module.search_provider is not None:
        from kosmos.core import search

        search.register_provider(module.label, module.search_provider)


def modules() -> list[Module]:
    """All registered modules, in platform order."""
    return sorted(_MODULES.values(), key=lambda m: m.order)


def get_module(label: str) -> Module:
    return _MODULES[label]


def org_url_names(module: Module) -> tuple[str, ...]:
    """The namespaced URL names of a module's organisation pages."""
    patterns = getattr(module.urls, "org_urlpatterns", []) if module.urls is not None else []
    return tuple(f"org:{p.name}" for p in patterns if getattr(p, "name", None))

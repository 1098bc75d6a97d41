"""The module declaration of comprehensible language (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kosmos.core.modules import DashboardPanel, Module, Navigation
from kosmos.language import urls
from kosmos.language.demo import load_language_demo
from kosmos.language.panels import library_panel
from kosmos.language.search import PROVIDER as SEARCH_PROVIDER

MODULE = Module(
    label="language",
    name=pgettext_lazy("language", "Comprehensible language"),
    urls=urls,
    url_prefix="language_",
    navigation=(Navigation(pgettext_lazy("language", "Comprehensible language"), "org:language_check", "language.use"),),
    panels=(DashboardPanel("language.use", library_panel),),
    demo_loader=load_language_demo,
    search_provider=SEARCH_PROVIDER,
    audit_actions={
        "language.template_created": _("created a letter template"),
        "language.template_updated": _("changed a letter template"),
        "language.template_deleted": _("deleted a letter template"),
        "language.version_created": _("saved a new version of a letter template"),
        "language.glossary_created": _("added a glossary entry"),
        "language.glossary_updated": _("changed a glossary entry"),
        "language.glossary_deleted": _("removed a glossary entry"),
    },
    audit_object_types={
        "language.lettertemplate": pgettext_lazy("language", "Letter template"),
        "language.letterversion": _("Version of a letter template"),
        "language.glossaryentry": pgettext_lazy("language", "Glossary entry"),
    },
)

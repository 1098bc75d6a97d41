from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LANGUAGE_VIEWS = (
    "org:language_check",
    "org:language_compare",
    "org:language_library",
    "org:language_template_create",
    "org:language_template",
    "org:language_template_edit",
    "org:language_template_delete",
    "org:language_version_create",
    "org:language_version",
    "org:language_template_compare",
    "org:language_glossary",
    "org:language_glossary_create",
    "org:language_glossary_edit",
    "org:language_glossary_delete",
)


class LanguageConfig(AppConfig):
    name = "kosmos.language"
    label = "language"
    verbose_name = pgettext_lazy("language", "Comprehensible language")

    def ready(self) -> None:
        from kosmos.core.audit_labels import register_labels
        from kosmos.core.dashboard import register_dashboard_panel
        from kosmos.core.demo import register_demo_loader
        from kosmos.core.navigation import NavItem, register_org_nav
        from kosmos.language.dashboard import library_panel
        from kosmos.language.demo import load_language_demo

        register_org_nav(
            NavItem(pgettext_lazy("language", "Comprehensible language"), "org:language_check", "language.use", 400, LANGUAGE_VIEWS)
        )
        register_labels(
            actions={
                "language.template_created": _("created a letter template"),
                "language.template_updated": _("changed a letter template"),
                "language.template_deleted": _("deleted a letter template"),
                "language.version_created": _("saved a new version of a letter template"),
                "language.glossary_created": _("added a glossary entry"),
                "language.glossary_updated": _("changed a glossary entry"),
                "language.glossary_deleted": _("removed a glossary entry"),
            },
            object_types={
                "lettertemplate": pgettext_lazy("language", "Letter template"),
                "letterversion": _("Version of a letter template"),
                "glossaryentry": pgettext_lazy("language", "Glossary entry"),
            },
        )
        register_dashboard_panel(library_panel)
        register_demo_loader(load_language_demo, 400)

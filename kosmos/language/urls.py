"""Organisation pages of this module, mounted under /o/<org_slug>/ (namespace org)."""

from django.urls import path

from kosmos.language import sharing_views, views

org_urlpatterns = [
    path("sprache/", views.check, name="language_check"),
    path("sprache/vergleichen/", views.compare, name="language_compare"),
    path("sprache/vorlagen/", views.library, name="language_library"),
    path("sprache/vorlagen/neu/", views.template_create, name="language_template_create"),
    path("sprache/vorlagen/<uuid:template_id>/", views.template_detail, name="language_template"),
    path("sprache/vorlagen/<uuid:template_id>/bearbeiten/", views.template_edit, name="language_template_edit"),
    path("sprache/vorlagen/<uuid:template_id>/loeschen/", views.template_delete, name="language_template_delete"),
    path("sprache/vorlagen/<uuid:template_id>/neue-fassung/", views.version_create, name="language_version_create"),
    path(
        "sprache/vorlagen/<uuid:template_id>/fassungen/<uuid:version_id>/",
        views.version_detail,
        name="language_version",
    ),
    path("sprache/vorlagen/<uuid:template_id>/vergleichen/", views.template_compare, name="language_template_compare"),
    path("sprache/glossar/", views.glossary, name="language_glossary"),
    path("sprache/glossar/neu/", views.glossary_create, name="language_glossary_create"),
    path("sprache/glossar/<uuid:entry_id>/bearbeiten/", views.glossary_edit, name="language_glossary_edit"),
    path("sprache/glossar/<uuid:entry_id>/loeschen/", views.glossary_delete, name="language_glossary_delete"),
    # Sharing (kosmos.core.sharing): the owner shares; a reader organisation reads under its own address.
    path("sprache/vorlagen/<uuid:template_id>/teilen/", sharing_views.template_share, name="language_template_share"),
    path("sprache/geteilt/", sharing_views.shared_library, name="language_shared_library"),
    path("sprache/geteilt/<uuid:template_id>/", sharing_views.shared_template, name="language_shared_template"),
    path(
        "sprache/geteilt/<uuid:template_id>/uebernehmen/",
        sharing_views.shared_template_copy,
        name="language_shared_template_copy",
    ),
]
urlpatterns = [
    path("oeffentlich/sprache/vorlagen/", sharing_views.public_library, name="language_public_library"),
    path(
        "oeffentlich/sprache/vorlagen/<uuid:template_id>/",
        sharing_views.public_template,
        name="language_public_template",
    ),
]

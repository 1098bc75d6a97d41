"""Organisation pages of this module, mounted under /o/<org_slug>/ (namespace org)."""

from django.urls import path

from kosmos.language import views

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
]
urlpatterns: list = []

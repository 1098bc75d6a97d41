"""Pages of the knowledge base, mounted under /o/<org_slug>/ (namespace org).

An entry's short URL is /o/<org>/wissen/<short code>/ (seven letters and digits); it works for
the organisation's own entries and for entries shared with it.
"""

from django.urls import path, re_path

from kosmos.knowledge import flyer_views, import_views, manage_views, network_views, views

org_urlpatterns = [
    path("wissen/", views.finder_page, name="knowledge_finder"),
    path("wissen/eintraege/neu/", views.entry_create, name="knowledge_entry_create"),
    path("wissen/eintraege/<uuid:entry_id>/bearbeiten/", views.entry_edit, name="knowledge_entry_edit"),
    path("wissen/eintraege/<uuid:entry_id>/loeschen/", views.entry_delete, name="knowledge_entry_delete"),
    path("wissen/eintraege/<uuid:entry_id>/geprueft/", views.entry_checked, name="knowledge_entry_checked"),
    path("wissen/eintraege/<uuid:entry_id>/teilen/", manage_views.entry_share, name="knowledge_entry_share"),
    path("wissen/pruefung/", views.review_queue, name="knowledge_review"),
    path("wissen/geteilt/", manage_views.shared_list, name="knowledge_shared"),
    path("wissen/kategorien/", manage_views.categories, name="knowledge_categories"),
    path("wissen/kategorien/<uuid:category_id>/bearbeiten/", manage_views.category_edit,
         name="knowledge_category_edit"),
    path("wissen/kategorien/<uuid:category_id>/loeschen/", manage_views.category_delete,
         name="knowledge_category_delete"),
    path("wissen/kategorien/<uuid:category_id>/teilen/", manage_views.category_share,
         name="knowledge_category_share"),
    path("wissen/kategorien/<uuid:category_id>/uebernehmen/", manage_views.category_copy,
         name="knowledge_category_copy"),
    path("wissen/partner/", network_views.partner_list, name="knowledge_partners"),
    path("wissen/partner/neu/", network_views.partner_create, name="knowledge_partner_create"),
    path("wissen/partner/<uuid:partner_id>/", network_views.partner_detail, name="knowledge_partner"),
    path("wissen/partner/<uuid:partner_id>/bearbeiten/", network_views.partner_edit, name="knowledge_partner_edit"),
    path("wissen/partner/<uuid:partner_id>/loeschen/", network_views.partner_delete,
         name="knowledge_partner_delete"),
    path("wissen/kontakte/<uuid:contact_id>/entfernen/", network_views.contact_remove,
         name="knowledge_contact_remove"),
    path("wissen/netzwerk/", network_views.network, name="knowledge_network"),
    path("wissen/treffen/", network_views.meeting_list, name="knowledge_meetings"),
    path("wissen/treffen/neu/", network_views.meeting_create, name="knowledge_meeting_create"),
    path("wissen/treffen/<uuid:meeting_id>/", network_views.meeting_detail, name="knowledge_meeting"),
    path("wissen/treffen/<uuid:meeting_id>/bearbeiten/", network_views.meeting_edit, name="knowledge_meeting_edit"),
    path("wissen/treffen/<uuid:meeting_id>/loeschen/", network_views.meeting_delete,
         name="knowledge_meeting_delete"),
    # K2: import, export and flyer pages are added below this line.
    path("wissen/import/", import_views.import_upload, name="knowledge_import"),
    path("wissen/import/<uuid:import_id>/", import_views.import_preview, name="knowledge_import_preview"),
    path("wissen/export/", import_views.export, name="knowledge_export"),
    path("wissen/flyer/", flyer_views.flyer_page, name="knowledge_flyer"),
    # The short URL last, so that no fixed path above is read as a short code.
    re_path(r"^wissen/(?P<code>[a-hj-km-np-z2-9]{7})/$", views.entry_page, name="knowledge_entry"),
    re_path(r"^wissen/(?P<code>[a-hj-km-np-z2-9]{7})/uebernehmen/$", views.entry_copy, name="knowledge_entry_copy"),
]

urlpatterns: list = []

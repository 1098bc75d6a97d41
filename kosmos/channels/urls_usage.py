"""URLs of the usage rates (Nutzungsquoten); ``kosmos.channels.urls`` adds them to the module's patterns."""

from django.urls import path

from kosmos.channels import views_usage as views

org_urlpatterns = [
    path("kanaele/nutzung/", views.usage_overview, name="channel_usage"),
    path("kanaele/nutzung/angebote/neu/", views.usage_offer_create, name="channel_usage_offer_create"),
    path("kanaele/nutzung/angebote/<uuid:offer_id>/", views.usage_offer, name="channel_usage_offer"),
    path("kanaele/nutzung/angebote/<uuid:offer_id>/bearbeiten/", views.usage_offer_edit,
         name="channel_usage_offer_edit"),
    path("kanaele/nutzung/angebote/<uuid:offer_id>/<int:year>/", views.usage_grid, name="channel_usage_grid"),
    path("kanaele/nutzung/notizen/neu/", views.usage_note_add, name="channel_usage_note_add"),
    path("kanaele/nutzung/notizen/<uuid:note_id>/loeschen/", views.usage_note_delete,
         name="channel_usage_note_delete"),
    path("kanaele/nutzung/import/", views.usage_import, name="channel_usage_import"),
    path("kanaele/nutzung/import/<uuid:import_id>/", views.usage_import_preview, name="channel_usage_import_preview"),
    path("kanaele/nutzung/export.xlsx", views.usage_export, name="channel_usage_export"),
    path("kanaele/nutzung/vergleich/", views.usage_comparison, name="channel_usage_comparison"),
    path("kanaele/nutzung/vergleich/zustimmung/", views.usage_consent, name="channel_usage_consent"),
]

urlpatterns = [
    path("plattform/kanaele/nutzung/", views.usage_platform, name="channel_usage_platform"),
]

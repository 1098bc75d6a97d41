"""Pages of channels: organisation pages under /o/<org_slug>/ (namespace org) and pages outside."""

from django.urls import path

from kosmos.channels import views_catalogue, views_check

org_urlpatterns: list = [
    path("kanaele/", views_check.overview, name="channel_overview"),
    path("kanaele/angebot/", views_check.offered_channels, name="channel_offered"),
    path("kanaele/check/neu/", views_check.check_start, name="channel_check_start"),
    path("kanaele/check/<uuid:check_id>/", views_check.check_result, name="channel_check"),
    path("kanaele/check/<uuid:check_id>/export.xlsx", views_check.check_xlsx, name="channel_check_xlsx"),
    path("kanaele/check/<uuid:check_id>/export.pdf", views_check.check_pdf, name="channel_check_pdf"),
    path("kanaele/check/<uuid:check_id>/<slug:channel_key>/", views_check.check_answer, name="channel_check_answer"),
    path("kanaele/check/<uuid:check_id>/<slug:channel_key>/versionen/", views_check.check_versions,
         name="channel_check_versions"),
    path("kanaele/verlauf/", views_check.history, name="channel_history"),
    path("kanaele/vergleich/", views_check.benchmark, name="channel_benchmark"),
    path("kanaele/vergleich/teilnahme/", views_check.benchmark_consent, name="channel_benchmark_consent"),
    path("kanaele/katalog/", views_catalogue.catalogue, name="channel_catalogue"),
    path("kanaele/katalog/export.xlsx", views_catalogue.catalogue_export, name="channel_catalogue_export"),
    path("kanaele/katalog/eigene-kopie/", views_catalogue.catalogue_copy, name="channel_catalogue_copy"),
    path("kanaele/katalog/import/", views_catalogue.catalogue_import, name="channel_catalogue_import"),
    path("kanaele/katalog/dimension/<uuid:dimension_id>/", views_catalogue.dimension_edit,
         name="channel_catalogue_dimension"),
]

urlpatterns: list = [
    path("plattform/kanaele/katalog/", views_catalogue.platform_catalogue, name="channel_platform_catalogue"),
]

# --- usage (C2) ---
from kosmos.channels import urls_usage  # noqa: E402

org_urlpatterns += urls_usage.org_urlpatterns
urlpatterns += urls_usage.urlpatterns

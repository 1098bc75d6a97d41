"""Organisation pages of the improvement module, mounted under /o/<org_slug>/ (namespace org)."""

from django.urls import path

from kosmos.improvement import views

org_urlpatterns = [
    path("verbesserung/", views.overview, name="improvement_overview"),
    path("verbesserung/matrix/", views.matrix, name="improvement_matrix"),
    path("verbesserung/priorisieren/", views.prioritise, name="improvement_prioritise"),
    path("verbesserung/handlungsfelder/neu/", views.action_field_create, name="improvement_action_field_create"),
    path("verbesserung/handlungsfelder/<uuid:field_id>/", views.action_field_detail,
         name="improvement_action_field_detail"),
    path("verbesserung/handlungsfelder/<uuid:field_id>/bearbeiten/", views.action_field_edit,
         name="improvement_action_field_edit"),
    path("verbesserung/projekte/neu/", views.project_create, name="improvement_project_create"),
    path("verbesserung/projekte/<uuid:project_id>/", views.project_detail, name="improvement_project_detail"),
    path("verbesserung/projekte/<uuid:project_id>/bearbeiten/", views.project_edit, name="improvement_project_edit"),
    path("verbesserung/projekte/<uuid:project_id>/meilensteine/", views.milestone_add, name="improvement_milestone_add"),
    path("verbesserung/meilensteine/<uuid:milestone_id>/erledigt/", views.milestone_toggle,
         name="improvement_milestone_toggle"),
    path("verbesserung/meilensteine/<uuid:milestone_id>/loeschen/", views.milestone_delete,
         name="improvement_milestone_delete"),
]
urlpatterns: list = []

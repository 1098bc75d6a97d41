"""Organisation pages of the process maps, mounted under /o/<org_slug>/ (namespace org).

The map pages exist at the owner's address and, for a partner, under ``geteilt/`` (see views).
"""

from django.urls import path

from kosmos.processes import views

MAP_PAGES = [
    ("", views.process_detail, "detail"),
    ("schritte/neu/", views.process_step_add, "step_add"),
    ("schritte/<slug:step_key>/", views.process_step_edit, "step_edit"),
    ("schritte/<slug:step_key>/loeschen/", views.process_step_delete, "step_delete"),
    ("beteiligte/", views.process_actors, "actors"),
    ("zustimmen/", views.process_approve, "approve"),
    ("checkliste/", views.process_checklist, "checklist"),
    ("bpmn/", views.process_bpmn, "bpmn"),
    ("pdf/", views.process_pdf, "pdf"),
]

org_urlpatterns = [
    path("prozesse/", views.process_list, name="process_list"),
    path("prozesse/vorlagen/", views.process_catalogue, name="process_catalogue"),
    path("prozesse/neu/", views.process_create, name="process_create"),
    path("prozesse/<uuid:map_id>/seiten/", views.process_sides, name="process_sides"),
    *(path(f"prozesse/<uuid:map_id>/{route}", view, name=f"process_{name}") for route, view, name in MAP_PAGES),
    *(path(f"prozesse/geteilt/<uuid:map_id>/{route}", view, {"shared": True}, name=f"process_shared_{name}")
      for route, view, name in MAP_PAGES),
]
urlpatterns: list = []

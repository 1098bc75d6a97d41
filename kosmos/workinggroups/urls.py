"""Organisation pages of the working groups, mounted under /o/<org_slug>/ (namespace org)."""

from django.urls import path

from kosmos.workinggroups import edit_views, sharing_views, views

org_urlpatterns = [
    path("arbeitskreise/", views.group_list, name="workinggroup_list"),
    path("arbeitskreise/neu/", views.group_create, name="workinggroup_create"),
    path("arbeitskreise/aufgaben/", views.tasks, name="workinggroup_tasks"),
    path("arbeitskreise/aufgaben/<uuid:task_id>/status/", views.task_status, name="workinggroup_task_status"),
    path("arbeitskreise/geteilt/<uuid:group_id>/", sharing_views.shared_group, name="workinggroup_shared"),
    path("arbeitskreise/<uuid:group_id>/", views.group_detail, name="workinggroup_detail"),
    path("arbeitskreise/<uuid:group_id>/teilen/", sharing_views.group_share, name="workinggroup_share"),
    path("arbeitskreise/<uuid:group_id>/bearbeiten/", views.group_edit, name="workinggroup_edit"),
    path("arbeitskreise/<uuid:group_id>/mitglieder/", views.members_page, name="workinggroup_members"),
    path("arbeitskreise/mitglieder/<uuid:member_id>/entfernen/", views.member_remove,
         name="workinggroup_member_remove"),
    path("arbeitskreise/<uuid:group_id>/interesse/", views.interest, name="workinggroup_interest"),
    path("arbeitskreise/<uuid:group_id>/ergebnisse/", views.results, name="workinggroup_results"),
    path("arbeitskreise/<uuid:group_id>/termine.ics", views.series_ics, name="workinggroup_series_ics"),
    path("arbeitskreise/<uuid:group_id>/sitzungen/neu/", views.meeting_create, name="workinggroup_meeting_create"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/", views.meeting_detail, name="workinggroup_meeting"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/bearbeiten/", views.meeting_edit, name="workinggroup_meeting_edit"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/tagesordnung/", views.agenda_add, name="workinggroup_agenda_add"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/protokoll/", views.minutes_edit, name="workinggroup_minutes"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/beschluss/", views.decision_add, name="workinggroup_decision_add"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/aufgabe/", views.action_add, name="workinggroup_action_add"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/kommentar/", views.comment, name="workinggroup_comment"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/status/", views.minutes_move, name="workinggroup_minutes_move"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/protokoll.pdf", views.minutes_pdf, name="workinggroup_minutes_pdf"),
    path("arbeitskreise/sitzungen/<uuid:meeting_id>/termin.ics", views.meeting_ics, name="workinggroup_meeting_ics"),
    path("arbeitskreise/tagesordnung/aus-befund/", edit_views.agenda_from_finding,
         name="workinggroup_agenda_from_finding"),
    path("arbeitskreise/tagesordnung/<uuid:item_id>/bearbeiten/", edit_views.agenda_item_edit,
         name="workinggroup_agenda_item_edit"),
    path("arbeitskreise/tagesordnung/<uuid:item_id>/entfernen/", edit_views.agenda_item_delete,
         name="workinggroup_agenda_item_delete"),
    path("arbeitskreise/tagesordnung/<uuid:item_id>/verschieben/", edit_views.agenda_item_move,
         name="workinggroup_agenda_item_move"),
    path("arbeitskreise/beschluesse/<uuid:decision_id>/bearbeiten/", edit_views.decision_edit,
         name="workinggroup_decision_edit"),
    path("arbeitskreise/beschluesse/<uuid:decision_id>/entfernen/", edit_views.decision_delete,
         name="workinggroup_decision_delete"),
    path("arbeitskreise/aufgaben/<uuid:task_id>/bearbeiten/", edit_views.action_edit, name="workinggroup_action_edit"),
    path("arbeitskreise/aufgaben/<uuid:task_id>/entfernen/", edit_views.action_delete,
         name="workinggroup_action_delete"),
]
urlpatterns: list = []

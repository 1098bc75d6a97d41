"""URLs of the workshops, the results report and the programme office's home page (added to urls.py)."""

from __future__ import annotations

from django.urls import path

from kosmos.programme import views_events, views_events_office, views_home, views_report

ORG_URLS = [
    path("programm/workshops/", views_events.workshops, name="programme_workshops"),
    path("programm/workshops/<uuid:event_id>/", views_events.workshop_detail, name="programme_workshop"),
    path("programm/workshops/<uuid:event_id>/anmelden/", views_events.workshop_register,
         name="programme_workshop_register"),
    path("programm/workshops/<uuid:event_id>/termin.ics", views_events.workshop_ics, name="programme_workshop_ics"),
    path("programm/workshops/<uuid:event_id>/material/<uuid:material_id>/", views_events.workshop_material,
         name="programme_workshop_material"),
    path("programm/workshops/anmeldungen/<uuid:registration_id>/stornieren/", views_events.workshop_cancel,
         name="programme_workshop_cancel"),
    path("programm/workshops/anmeldungen/<uuid:registration_id>/kontaktdaten/", views_events.workshop_consent,
         name="programme_workshop_consent"),
]

URLS = [
    path("programmbuero/workshops/", views_events_office.event_list, name="programme_event_list"),
    path("programmbuero/workshops/neu/", views_events_office.event_create, name="programme_event_create"),
    path("programmbuero/workshops/<uuid:event_id>/", views_events_office.event_detail, name="programme_event_detail"),
    path("programmbuero/workshops/<uuid:event_id>/bearbeiten/", views_events_office.event_edit,
         name="programme_event_edit"),
    path("programmbuero/workshops/<uuid:event_id>/themenraeume/", views_events_office.room_add,
         name="programme_event_room_add"),
    path("programmbuero/workshops/<uuid:event_id>/themenraeume/<uuid:room_id>/entfernen/",
         views_events_office.room_delete, name="programme_event_room_delete"),
    path("programmbuero/workshops/<uuid:event_id>/material/", views_events_office.material_add,
         name="programme_event_material_add"),
    path("programmbuero/workshops/<uuid:event_id>/material/<uuid:material_id>/", views_events_office.material_file,
         name="programme_event_material_file"),
    path("programmbuero/workshops/<uuid:event_id>/material/<uuid:material_id>/entfernen/",
         views_events_office.material_delete, name="programme_event_material_delete"),
    path("programmbuero/workshops/<uuid:event_id>/anmeldungen/<uuid:registration_id>/stornieren/",
         views_events_office.registration_cancel, name="programme_event_registration_cancel"),
    path("programmbuero/workshops/<uuid:event_id>/teilnehmende.xlsx", views_events_office.participants_xlsx,
         name="programme_event_participants_xlsx"),
]

URLS += [
    path("programmbuero/", views_home.home, name="programme_home"),
    path("programmbuero/bericht/<uuid:call_id>/", views_report.report_page, name="programme_report"),
    path("programmbuero/bericht/<uuid:call_id>/ergebnisbericht.pdf", views_report.report_pdf,
         name="programme_report_pdf"),
    path("programmbuero/bericht/<uuid:call_id>/ergebnisbericht.docx", views_report.report_docx,
         name="programme_report_docx"),
    path("programmbuero/bericht/<uuid:call_id>/abschnitt/<str:key>/", views_report.report_section,
         name="programme_report_section"),
]

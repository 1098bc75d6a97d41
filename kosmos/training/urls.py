"""Organisation pages of the Quali-Kompass, mounted under /o/<org_slug>/ (namespace org)."""

from django.urls import path

from kosmos.training import views

org_urlpatterns = [
    path("quali-kompass/", views.compass_page, name="training_compass"),
    path("quali-kompass/mein-profil/", views.profile_edit, name="training_profile"),
    path("quali-kompass/katalog/", views.catalogue, name="training_catalogue"),
    path("quali-kompass/katalog/neu/", views.training_create, name="training_create"),
    path("quali-kompass/katalog/<uuid:training_id>/", views.training_detail, name="training_detail"),
    path("quali-kompass/katalog/<uuid:training_id>/bearbeiten/", views.training_edit, name="training_edit"),
    path("quali-kompass/katalog/<uuid:training_id>/loeschen/", views.training_delete, name="training_delete"),
    path("quali-kompass/katalog/<uuid:training_id>/datei/", views.training_document, name="training_document"),
    path("quali-kompass/katalog/<uuid:training_id>/erledigt/", views.training_complete, name="training_complete"),
    path("quali-kompass/themen/<uuid:topic_id>/", views.topic_detail, name="training_topic"),
    path("quali-kompass/themen/<uuid:topic_id>/bearbeiten/", views.topic_edit, name="training_topic_edit"),
    path("quali-kompass/themen/<uuid:topic_id>/loeschen/", views.topic_delete, name="training_topic_delete"),
    path("quali-kompass/themen/<uuid:topic_id>/ansprechpersonen/", views.contact_add, name="training_contact_add"),
    path("quali-kompass/ansprechpersonen/<uuid:contact_id>/entfernen/", views.contact_remove,
         name="training_contact_remove"),
    path("quali-kompass/mindestmass/", views.requirements, name="training_requirements"),
    path("quali-kompass/mindestmass/<uuid:department_id>/", views.requirement_edit, name="training_requirement_edit"),
    path("quali-kompass/einrichten/", views.setup, name="training_setup"),
    path("quali-kompass/personen/", views.people, name="training_people"),
    path("quali-kompass/personen/neu/", views.person_create, name="training_person_create"),
    path("quali-kompass/personen/<uuid:profile_id>/", views.person_edit, name="training_person_edit"),
    path("quali-kompass/team/", views.team, name="training_team"),
    path("quali-kompass/uebersicht/", views.overview, name="training_overview"),
    path("quali-kompass/uebersicht/export/", views.overview_export, name="training_overview_export"),
    path("quali-kompass/ausnahmen/", views.exemptions, name="training_exemptions"),
    path("quali-kompass/ausnahmen/<uuid:exemption_id>/zuruecknehmen/", views.exemption_withdraw,
         name="training_exemption_withdraw"),
    path("quali-kompass/import/", views.import_completions, name="training_import"),
    path("quali-kompass/bedarf/", views.needs, name="training_needs"),
    path("quali-kompass/info-kompass/", views.news, name="training_news"),
    path("quali-kompass/info-kompass/neu/", views.news_create, name="training_news_create"),
    path("quali-kompass/info-kompass/<uuid:news_id>/bearbeiten/", views.news_edit, name="training_news_edit"),
    path("quali-kompass/info-kompass/<uuid:news_id>/loeschen/", views.news_delete, name="training_news_delete"),
]
urlpatterns: list = []

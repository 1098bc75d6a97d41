"""Pages of practice: organisation pages under /o/<org_slug>/ (namespace org) and pages outside
(the programme office's review under /programmbuero/, public profiles under /praxis/)."""

from django.urls import path

from kosmos.practice import views, views_compare, views_public, views_review

org_urlpatterns = [
    path("praxis/", views.gallery, name="practice_gallery"),
    path("praxis/neu/", views.profile_create, name="practice_profile_create"),
    path("praxis/<uuid:profile_id>/", views.profile_detail, name="practice_profile"),
    path("praxis/<uuid:profile_id>/bearbeiten/", views.profile_edit, name="practice_profile_edit"),
    path("praxis/<uuid:profile_id>/einreichen/", views.profile_submit, name="practice_profile_submit"),
    path("praxis/<uuid:profile_id>/materialien/", views.material_add, name="practice_material_add"),
    path("praxis/<uuid:profile_id>/materialien/<uuid:material_id>/", views.material_download,
         name="practice_material"),
    path("praxis/<uuid:profile_id>/verknuepfen/", views.link_add, name="practice_link_add"),
    path("praxis/geteilt/<uuid:profile_id>/", views.shared_profile, name="practice_shared_profile"),
    path("praxis/geteilt/<uuid:profile_id>/materialien/<uuid:material_id>/", views.shared_material,
         name="practice_shared_material"),
    path("vorlagen/", views_compare.templates_page, name="practice_templates"),
    path("vergleiche/", views_compare.comparisons_page, name="practice_comparisons"),
    path("vergleiche/<str:topic_key>/freigabe/", views_compare.consent, name="practice_consent"),
]

urlpatterns = [
    path("praxis/", views_public.public_list, name="practice_public_list"),
    path("praxis/<slug:slug>/", views_public.public_profile, name="practice_public_profile"),
    path("praxis/<slug:slug>/material/<uuid:material_id>/", views_public.public_material,
         name="practice_public_material"),
    path("programmbuero/steckbriefe/", views_review.review_queue, name="practice_review_queue"),
    path("programmbuero/steckbriefe/<uuid:profile_id>/", views_review.review_profile, name="practice_review"),
]

"""URLs of the survey module.

Organisation pages under /o/<org_slug>/befragungen/… (namespace ``org``); the answer pages under
/b/… are public: no login, no cookie.
"""

from django.urls import path

from kosmos.surveys.views import builder, respond, results, surveys, texts, waves

S = "befragungen/<uuid:survey_id>/"
W = S + "wellen/<uuid:wave_id>/"

org_urlpatterns = [
    path("befragungen/", surveys.survey_list, name="survey_list"),
    path("befragungen/neu/", surveys.survey_create, name="survey_create"),
    path(S, surveys.survey_detail, name="survey_detail"),
    path(S + "einstellungen/", surveys.survey_edit, name="survey_edit"),
    path(S + "loeschen/", surveys.survey_delete, name="survey_delete"),
    path(S + "kopieren/", surveys.survey_copy, name="survey_copy"),
    path(S + "vorschau/", surveys.survey_preview, name="survey_preview"),
    path(S + "uebersetzung/<str:language>/", surveys.survey_translation, name="survey_translation"),
    path(S + "vergleich/", results.survey_compare, name="survey_compare"),
    path(S + "abschnitte/neu/", builder.section_create, name="survey_section_create"),
    path(S + "abschnitte/<uuid:section_id>/", builder.section_edit, name="survey_section_edit"),
    path(S + "abschnitte/<uuid:section_id>/loeschen/", builder.section_delete, name="survey_section_delete"),
    path(S + "abschnitte/<uuid:section_id>/verschieben/", builder.section_move, name="survey_section_move"),
    path(S + "fragen/neu/", builder.question_create, name="survey_question_create"),
    path(S + "fragen/<uuid:question_id>/", builder.question_edit, name="survey_question_edit"),
    path(S + "fragen/<uuid:question_id>/loeschen/", builder.question_delete, name="survey_question_delete"),
    path(S + "fragen/<uuid:question_id>/verschieben/", builder.question_move, name="survey_question_move"),
    path(S + "wellen/neu/", waves.wave_create, name="survey_wave_create"),
    path(W, waves.wave_detail, name="survey_wave_detail"),
    path(W + "bearbeiten/", waves.wave_edit, name="survey_wave_edit"),
    path(W + "starten/", waves.wave_start, name="survey_wave_start"),
    path(W + "beenden/", waves.wave_close, name="survey_wave_close"),
    path(W + "loeschen/", waves.wave_delete, name="survey_wave_delete"),
    path(W + "qr.<str:fmt>", waves.wave_qr, name="survey_wave_qr"),
    path(W + "plakat.pdf", waves.wave_poster, name="survey_wave_poster"),
    path(W + "zugangscodes/", waves.wave_tokens, name="survey_wave_tokens"),
    path(W + "zugangscodes/<uuid:batch_id>/karten.pdf", waves.wave_cards, name="survey_wave_cards"),
    path(W + "ergebnisse/", results.wave_results_page, name="survey_wave_results"),
    path(W + "ergebnisse/veroeffentlicht/", results.wave_results_published, name="survey_wave_results_published"),
    path(W + "ergebnisse/veroeffentlichen/", results.wave_publish, name="survey_wave_publish"),
    path(W + "ergebnisse/bericht.pdf", results.wave_report, name="survey_wave_report"),
    path(W + "ergebnisse/freitexte/", texts.wave_texts, name="survey_wave_texts"),
    path(W + "ergebnisse/freitexte/freigeben/", texts.wave_text_release, name="survey_wave_text_release"),
    path(W + "ergebnisse/<str:kind>.<str:fmt>", results.wave_export, name="survey_wave_export"),
]

urlpatterns = [
    # Access codes are posted, never part of an address (see views/respond.py).
    path("b/code/", respond.token_entry, name="survey_token_entry"),
    path("b/<uuid:wave_id>/zugang/", respond.respond_token, name="survey_token_answer"),
    path("b/<uuid:wave_id>/zugang/fortsetzen/", respond.resume_token, name="survey_token_resume"),
    path("b/<uuid:wave_id>/", respond.respond, name="survey_respond"),
    path("b/<uuid:wave_id>/fortsetzen/", respond.resume, name="survey_resume"),
    path("b/<uuid:wave_id>/danke/", respond.thanks, name="survey_thanks"),
]

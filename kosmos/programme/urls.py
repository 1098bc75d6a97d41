"""Pages of programme: organisation pages under /o/<org_slug>/ (namespace org) and pages outside."""

from django.urls import path

from kosmos.programme import views_calls, views_calls_org, views_committee, views_selection

_CALL = "programmbuero/ausschreibungen/<uuid:call_id>/"
_SEAT = "gremium/<uuid:call_id>/"
_ORG_CALL = "programm/ausschreibungen/<uuid:call_id>/"

# Calls, applications, committee and selection (P2a).
org_urlpatterns: list = [
    path("programm/ausschreibungen/", views_calls_org.calls, name="programme_calls"),
    path(_ORG_CALL, views_calls_org.call_page, name="programme_call"),
    path(_ORG_CALL + "dokumente/<uuid:document_id>/", views_calls_org.call_document_org,
         name="programme_call_document_org"),
    path(_ORG_CALL + "bewerbung/", views_calls_org.application_edit, name="programme_application_edit"),
    path(_ORG_CALL + "bewerbung/zurueckziehen/", views_calls_org.application_withdraw,
         name="programme_application_withdraw"),
]

urlpatterns: list = [
    path("programmbuero/ausschreibungen/", views_calls.call_list, name="programme_call_list"),
    path("programmbuero/ausschreibungen/neu/", views_calls.call_create, name="programme_call_create"),
    path(_CALL, views_calls.call_detail, name="programme_call_detail"),
    path(_CALL + "bearbeiten/", views_calls.call_edit, name="programme_call_edit"),
    path(_CALL + "status/", views_calls.call_state, name="programme_call_state"),
    path(_CALL + "dokumente/neu/", views_calls.call_document_add, name="programme_call_document_add"),
    path(_CALL + "dokumente/<uuid:document_id>/", views_calls.call_document, name="programme_call_document"),
    path(_CALL + "dokumente/<uuid:document_id>/entfernen/", views_calls.call_document_delete,
         name="programme_call_document_delete"),
    path(_CALL + "ausschuss/neu/", views_calls.committee_add, name="programme_committee_add"),
    path(_CALL + "ausschuss/<uuid:member_id>/entfernen/", views_calls.committee_remove,
         name="programme_committee_remove"),
    path(_CALL + "bewerbungen/<uuid:application_id>/", views_calls.application_office,
         name="programme_application_office"),
    path(_CALL + "bewertung/", views_selection.office_board, name="programme_board"),
    path(_CALL + "auswahl/", views_selection.selection, name="programme_selection"),
    path(_CALL + "auswahl/bescheide/", views_selection.decision_mails, name="programme_decision_mails"),
    path("gremium/", views_committee.seats, name="programme_committee_seats"),
    path(_SEAT, views_committee.member_board, name="programme_member_board"),
    path(_SEAT + "<uuid:application_id>/", views_committee.member_application, name="programme_member_application"),
    path(_SEAT + "<uuid:application_id>/befangenheit/", views_committee.member_conflict,
         name="programme_member_conflict"),
]

# Workshops, the results report and the programme office's home page (P2b: urls_exchange.py).
from kosmos.programme.urls_exchange import ORG_URLS as _EXCHANGE_ORG_URLS  # noqa: E402
from kosmos.programme.urls_exchange import URLS as _EXCHANGE_URLS  # noqa: E402

org_urlpatterns += _EXCHANGE_ORG_URLS
urlpatterns += _EXCHANGE_URLS

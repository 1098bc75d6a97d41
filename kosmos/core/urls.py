"""URLs of the platform core. Organisation pages live in the ``org`` namespace under /o/<org_slug>/."""

from django.contrib.auth import views as django_auth_views
from django.urls import path

from kosmos.core.views import auth, health, organisation, platform, search

urlpatterns = [
    path("", platform.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("barrierefreiheit/", platform.accessibility, name="accessibility"),
    path("anmelden/", auth.LoginView.as_view(), name="login"),
    path("abmelden/", auth.LogoutView.as_view(), name="logout"),
    path("anmelden/code/", auth.otp_verify, name="otp_verify"),
    path("passwort/vergessen/", auth.PasswordResetView.as_view(), name="password_reset"),
    path(
        "passwort/vergessen/gesendet/",
        django_auth_views.PasswordResetDoneView.as_view(template_name="registration/password_reset_done.html"),
        name="password_reset_done",
    ),
    path("passwort/neu/<uidb64>/<token>/", auth.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path(
        "passwort/neu/fertig/",
        django_auth_views.PasswordResetCompleteView.as_view(template_name="registration/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("einladung/<str:token>/", auth.invitation_accept, name="invitation_accept"),
    path("suche/", search.search_page, name="search"),
    path("profil/", auth.profile, name="profile"),
    path("profil/passwort/", auth.password_change, name="password_change"),
    path("profil/zweiter-faktor/", auth.otp_setup, name="otp_setup"),
    path("profil/zweiter-faktor/entfernen/", auth.otp_remove, name="otp_remove"),
    path("organisationen/", platform.organisation_list, name="organisation_list"),
    path("organisationen/neu/", platform.organisation_create, name="organisation_create"),
    path("organisationen/<slug:slug>/einladen/", platform.organisation_invite_first, name="organisation_invite_first"),
]

org_urlpatterns = [
    path("", organisation.dashboard, name="dashboard"),
    path("organisation/bearbeiten/", organisation.organisation_edit, name="organisation_edit"),
    path("mitglieder/", organisation.members, name="members"),
    path("mitglieder/einladen/", organisation.member_invite, name="member_invite"),
    path("mitglieder/<uuid:user_id>/rolle/", organisation.member_role, name="member_role"),
    path("mitglieder/<uuid:user_id>/entfernen/", organisation.member_remove, name="member_remove"),
    path(
        "einladungen/<uuid:invitation_id>/zurueckziehen/",
        organisation.invitation_revoke,
        name="invitation_revoke",
    ),
    path("protokoll/", organisation.audit_log, name="audit_log"),
]

"""Organisation pages of the working groups, mounted under /o/<org_slug>/ (namespace org)."""

from django.urls import path

from kosmos.workinggroups import views

org_urlpatterns = [
    path("arbeitskreise/", views.group_list, name="workinggroup_list"),
]
urlpatterns: list = []

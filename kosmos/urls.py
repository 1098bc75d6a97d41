"""Root URLs. Each module adds its organisation pages to ``org_urlpatterns`` under /o/<org_slug>/."""

from django.urls import include, path

from kosmos.core.urls import org_urlpatterns as core_org_urls
from kosmos.core.urls import urlpatterns as core_urls

org_urlpatterns = [*core_org_urls]

urlpatterns = [
    *core_urls,
    path("o/<slug:org_slug>/", include((org_urlpatterns, "org"))),
]

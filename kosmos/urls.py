"""Root URLs. Each module declares its ``urls`` module (``kosmos.core.modules``), which holds
``org_urlpatterns`` (under /o/<org_slug>/, namespace ``org``) and ``urlpatterns`` (outside
organisations, e.g. the survey answer pages)."""

from django.urls import include, path

from kosmos.core.modules import modules

MODULE_URLS = [module.urls for module in modules() if module.urls is not None]

org_urlpatterns = [pattern for urls in MODULE_URLS for pattern in urls.org_urlpatterns]

urlpatterns = [
    *[pattern for urls in MODULE_URLS for pattern in urls.urlpatterns],
    path("o/<slug:org_slug>/", include((org_urlpatterns, "org"))),
]

"""Root URLs. Each module contributes ``org_urlpatterns`` (under /o/<org_slug>/, namespace
``org``) and ``urlpatterns`` (outside organisations, e.g. the survey answer pages)."""

from django.urls import include, path

from kosmos.assessments import urls as assessment_urls
from kosmos.core import urls as core_urls
from kosmos.improvement import urls as improvement_urls
from kosmos.language import urls as language_urls
from kosmos.surveys import urls as survey_urls

MODULES = [core_urls, survey_urls, assessment_urls, improvement_urls, language_urls]

org_urlpatterns = [pattern for module in MODULES for pattern in module.org_urlpatterns]

urlpatterns = [
    *[pattern for module in MODULES for pattern in module.urlpatterns],
    path("o/<slug:org_slug>/", include((org_urlpatterns, "org"))),
]

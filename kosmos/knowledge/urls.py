"""Pages of knowledge: organisation pages under /o/<org_slug>/ (namespace org) and pages outside."""

org_urlpatterns: list = []

urlpatterns: list = []

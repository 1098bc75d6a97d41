"""Organisation pages of this module, mounted under /o/<org_slug>/ (namespace org)."""

org_urlpatterns: list = []
urlpatterns: list = []

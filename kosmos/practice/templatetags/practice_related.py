"""``{% load practice_related %}{% related_profiles "health" %}``: "Who else worked on this".

Any module page may include it; it shows up to three published project profiles listed under the
topic key that the reader may see, with links (one query). Outside an organisation, or for a
topic without profiles, it renders nothing.
"""

from __future__ import annotations

from django import template

from kosmos.practice import presentation, selectors

register = template.Library()


@register.inclusion_tag("practice/related.html", takes_context=True)
def related_profiles(context: template.Context, topic_key: str) -> dict:
    request = context.get("request")
    organisation = getattr(request, "organisation", None) if request is not None else None
    access = getattr(request, "org_access", None) if request is not None else None
    if organisation is None or access is None or not access.has("practice.view"):
        return {"items": []}
    profiles = selectors.related_profiles(topic_key, user=request.user, organisation=organisation)
    return {"items": [(p, presentation.profile_href(p, organisation)) for p in profiles],
            "gallery_slug": organisation.slug}

"""One handler for both comparison-consent buttons of the module (maturity check and usage rates).

The consent itself lives in ``kosmos.core.comparisons``; the practice comparisons page offers the
same switch for all topics. Here only the module's own button is turned into that one call."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from kosmos.core.comparisons import do_set_benchmark_consent


def set_consent(request: HttpRequest, org_slug: str, *, topic_key: str, granted_text: str, revoked_text: str,
                back: str) -> HttpResponse:
    """Store the posted choice (``granted=1`` shares, anything else stops sharing) and go back."""
    granted = request.POST.get("granted") == "1"
    do_set_benchmark_consent(acting_user=request.user, organisation=request.organisation, topic_key=topic_key,
                             granted=granted)
    messages.success(request, granted_text if granted else revoked_text)
    return redirect(back, org_slug=org_slug)

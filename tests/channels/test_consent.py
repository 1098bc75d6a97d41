"""Both comparison buttons of the module (maturity levels, usage rates) switch the one core consent."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kosmos.channels.benchmark_check import TOPIC_KEY
from kosmos.channels.selectors_usage import TOPIC as USAGE_TOPIC
from kosmos.core.comparisons import consented_topics


@pytest.mark.parametrize(("name", "topic_key", "back"), [
    ("channel_benchmark_consent", TOPIC_KEY, "channel_benchmark"),
    ("channel_usage_consent", USAGE_TOPIC, "channel_usage_comparison"),
])
def test_the_button_grants_and_withdraws_the_consent_and_leads_back(world, client_for, name, topic_key, back):  # noqa: ANN001
    client = client_for(world.qm)
    url = reverse(f"org:{name}", kwargs={"org_slug": "freiburg"})
    page = reverse(f"org:{back}", kwargs={"org_slug": "freiburg"})

    response = client.post(url, {"granted": "1"})
    assert response.status_code == 302 and response.url == page
    assert topic_key in consented_topics(world.freiburg)

    response = client.post(url, {"granted": "0"}, follow=True)
    assert topic_key not in consented_topics(world.freiburg)
    assert response.redirect_chain[-1][0] == page
    assert any("no longer" in str(m) or "nicht mehr" in str(m) for m in response.context["messages"])

"""The default catalogue's texts are plain German: each passes the language checker's threshold."""

from __future__ import annotations

import pytest

from kosmos.channels.domain.default_catalogue import CHANNELS, DIMENSIONS
from kosmos.language.analysis.api import analyse
from kosmos.language.analysis.texttypes import TEXT_TYPES

TEXTS = [(f"{d.key}-{level}", text) for d in DIMENSIONS for level, (text, _evidence) in enumerate(d.levels)]
TEXTS += [(f"{d.key}-reco-{level}", text) for d in DIMENSIONS for level, text in enumerate(d.recommendations, 1)]
TEXTS += [(f"{d.key}-question", d.question) for d in DIMENSIONS]


def test_the_catalogue_covers_the_issues_channels_and_dimensions_with_five_levels_each():
    assert {"telefon", "email", "email-verschluesselt", "video", "portal", "online-termine", "chat", "brief",
            "eingangszone"} <= {c.key for c in CHANNELS}
    assert len(DIMENSIONS) == 8
    assert all(len(d.levels) == 5 and len(d.recommendations) == 4 for d in DIMENSIONS)


@pytest.mark.parametrize(("key", "text"), TEXTS, ids=[key for key, _text in TEXTS])
def test_each_text_is_at_least_yellow_for_web_texts(key, text):
    analysis = analyse(text, "web")
    assert analysis.score >= TEXT_TYPES["web"].yellow_from, (key, analysis.score, text)

"""Any text either gets an analysis that the page can mark up, or a German validation error –
never a crash (hypothesis)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kosmos.language import services
from kosmos.language.analysis import Glossary
from kosmos.language.presentation import result_context

GLOSSARY = Glossary.from_data({
    "avoid": [{"term": "zwecks", "replacement": "für"}],
    "preferred": [{"term": "Bürgergeld", "variants": ["ALG II"]}],
    "explain": [{"term": "Regelbedarf", "explanation": "der Betrag für das tägliche Leben"}],
})
WORDS = st.sampled_from(["Sie", "haben", "zwecks", "ALG II", "Regelbedarf", "unverzüglich", "vorzulegen", "§ 66",
                         "SGB", "z. B.", "1.", "Mai", "wird", "geprüft", "man", "nicht", "<b>", "&", "\n", "- "])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=80).map(" ".join)),
       text_type=st.sampled_from(["brief", "web", "leicht"]))
def test_a_text_is_analysed_and_marked_or_refused_in_german(text, text_type):
    with translation.override("de"):
        try:
            analysis = services.check_text(text, text_type, GLOSSARY)
        except ValidationError as error:
            assert error.messages and all(m.strip() for m in error.messages)
            return
        result = result_context(analysis.to_dict(), text)

    html = str(result["marked_text"])
    assert html.count("<mark") == html.count("</mark>")
    assert len(re.findall(r'id="stelle-\d+"', html)) == len(result["findings"])
    assert result["light_text"]

"""The words of the answer pages exist in every offered language, with the same placeholders."""

from __future__ import annotations

import re

import pytest

from kosmos.surveys.languages import _BASE, EXTRA_LANGUAGES, LANGUAGES, check_tables, ui_texts

PLACEHOLDER = re.compile(r"\{[a-z]+\}")


def test_every_language_has_every_word():
    assert check_tables() == []


@pytest.mark.parametrize("code", ["de", *EXTRA_LANGUAGES])
def test_placeholders_match_the_source(code):
    texts = ui_texts(code)
    for key, source in _BASE.items():
        assert sorted(PLACEHOLDER.findall(texts[key])) == sorted(PLACEHOLDER.findall(str(source))), (code, key)


def test_german_comes_from_the_catalogue_and_rtl_languages_are_marked():
    assert ui_texts("de")["next"] == "Weiter"
    assert ui_texts("de-x-ls")["next"] == "Weiter"
    assert {code for code, lang in LANGUAGES.items() if lang.rtl} == {"ar", "fa"}
    assert LANGUAGES["de-x-ls"].html_lang == "de"

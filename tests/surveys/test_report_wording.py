"""The PDF report's numbers and labels: every percentage as "17 %" (format_percent), no label joined
with a stray period ("Telefon.: Mittelwert"); issue 15."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from tests.surveys.conftest import close_wave, open_wave

pytestmark = pytest.mark.django_db


def _report_html(client, wave, monkeypatch) -> str:  # noqa: ANN001
    captured: dict = {}

    def fake_pdf(template, context, **kwargs):  # noqa: ANN001, ANN003, ANN202
        captured["html"] = render_to_string(template, context)
        return b"%PDF-1.7 test"

    monkeypatch.setattr("kosmos.surveys.views.results.kit.render_pdf", fake_pdf)
    response = client.get(reverse("org:survey_wave_report", kwargs={
        "org_slug": "freiburg", "survey_id": wave.survey.public_id, "wave_id": wave.public_id}))
    assert response.status_code == 200
    return captured["html"]


def test_the_report_writes_percentages_one_way_and_joins_labels_cleanly(survey, world, fill, client_for,
                                                                          monkeypatch):
    wave = open_wave(survey, world.qm)
    fill(wave, 6, bereich="leistung", zufrieden="5", kanaele=["telefon"])
    fill(wave, 1, bereich="leistung", zufrieden="2", kanaele=["telefon", "e_mail"])
    close_wave(wave)

    html = _report_html(client_for(world.qm), wave, monkeypatch)
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", " ", html, flags=re.S))

    assert re.search(r"\d\u00a0%", text)  # the shares are there, as "17 %"
    assert not re.search(r"\d%", text), re.findall(r".{30}\d%.{10}", text)
    assert ".:" not in text, re.findall(r".{30}\.:.{20}", text)


def test_a_label_loses_its_full_stop_before_a_colon_but_keeps_other_marks():
    from kosmos.core.domain.charts import label_stem, labelled

    assert labelled("Telefon.", "Mittelwert 3,5") == "Telefon: Mittelwert 3,5"
    assert label_stem("Wie zufrieden sind Sie?") == "Wie zufrieden sind Sie?"
    assert label_stem("Und dann...") == "Und dann..."
    assert label_stem("Am Telefon") == "Am Telefon"


def test_template_descriptions_on_the_new_survey_page_are_cut_at_a_word_with_an_ellipsis(world, client_for):
    from kosmos.surveys.domain.templates import load_builtin_templates
    from kosmos.surveys.forms import shorten_at_word

    assert shorten_at_word("Eine kurze Beschreibung.", 240) == "Eine kurze Beschreibung."
    assert shorten_at_word("Kundenzufriedenheit messen und vergleichen", 25) == "Kundenzufriedenheit…"
    page = client_for(world.qm).get(reverse("org:survey_create", kwargs={"org_slug": "freiburg"})).content.decode()
    page = re.sub(r"\s+", " ", page)
    for template in load_builtin_templates().values():
        words = template.description.de.split()
        shown = shorten_at_word(template.description.de, 240)
        assert f"{template.title.de} – {shown}" in page
        if shown != " ".join(words):
            assert shown.endswith("…")
            assert shown[:-1].split()[-1] in words  # the last word shown is a whole word

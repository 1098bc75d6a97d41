"""The command that recomputes out-of-date cached analyses after an engine update."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from kosmos.language import services
from kosmos.language.models import LetterVersion
from tests.language.helpers import OFFICIALESE, PLAIN, make_template

pytestmark = pytest.mark.django_db


def test_the_command_recomputes_only_what_is_out_of_date(world, monkeypatch):
    make_template(world, texts=(OFFICIALESE, PLAIN))
    make_template(world, "Ulm", (PLAIN,), organisation=world.ulm)
    out = io.StringIO()

    call_command("refresh_language_analyses", stdout=out)
    assert out.getvalue().strip() == "Neu berechnet: 0 Fassungen."

    monkeypatch.setattr(services, "engine_version", lambda: "neu")
    out = io.StringIO()
    call_command("refresh_language_analyses", stdout=out)

    assert out.getvalue().splitlines() == ["freiburg: 2", "ulm: 1", "Neu berechnet: 3 Fassungen."]
    key = services.glossary_state(world.freiburg).key_for("brief")
    assert set(LetterVersion.objects.values_list("analysis_key", flat=True)) == {key}

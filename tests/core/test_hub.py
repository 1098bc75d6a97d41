"""The improvement hub: a finding of any module becomes an action field without imports between modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kosmos.core import hub
from kosmos.core.hub import FindingCollection, FindingRef, FindingSource
from kosmos.core.modules import Module, modules
from kosmos.improvement import services

KOSMOS = Path(__file__).resolve().parents[2] / "kosmos"


def _maturity_source(organisation, source_id):  # noqa: ANN001, ANN202
    """A source as a future module (the channel maturity check) would declare it."""
    if source_id != "check-1":
        return None
    return FindingCollection(
        source="maturity.check", source_id="check-1", title="Reifegrad-Check 2026",
        findings=(FindingRef(id="gap-video", text="Videoberatung: keine Standards", topic_key="video",
                             topic="Videoberatung"),),
        topics=(("video", "Videoberatung"), ("mail", "E-Mail")),
    )


@pytest.fixture
def with_maturity_module(monkeypatch):  # noqa: ANN001, ANN201
    fake = Module(label="maturity", name="Reifegrad", finding_sources={
        "maturity.check": FindingSource(label="Reifegrad-Check", available=lambda org: [("check-1", "Reifegrad-Check 2026")],
                                        load=_maturity_source)})
    monkeypatch.setattr(hub, "_modules", lambda: [*modules(), fake])


def test_a_finding_of_another_module_becomes_an_action_field(world, with_maturity_module):
    collection = hub.collection(world.freiburg, "maturity.check", "check-1")

    field = services.do_create_action_field(acting_user=world.qm, organisation=world.freiburg, collection=collection,
                                            finding_ids=["gap-video"], data={"title": "Standards für Videoberatung"})

    assert (field.source, field.topic, field.source_title) == ("maturity.check", "Videoberatung", "Reifegrad-Check 2026")
    assert [f.text for f in field.findings.all()] == ["Videoberatung: keine Standards"]
    follow_ups = hub.follow_ups(world.freiburg, "maturity.check", ["check-1"])
    assert follow_ups.taken_up == {"gap-video": ("Standards für Videoberatung",)}
    assert ("maturity.check", "check-1", "Reifegrad-Check 2026", "Reifegrad-Check") in hub.available_collections(
        world.freiburg)


def test_an_unknown_source_is_refused(world):
    with pytest.raises(hub.HubError):
        hub.collection(world.freiburg, "nowhere.thing", "1")


def _imported_apps(app: str) -> set[str]:
    found = set()
    for path in (KOSMOS / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "kosmos" and len(parts) > 1:
                    found.add(parts[1])
    return found


def test_improvement_and_assessments_do_not_import_each_other():
    assert "assessments" not in _imported_apps("improvement")
    assert "improvement" not in _imported_apps("assessments")

"""Model data (EFQM 2020, CAF 2020) and the validating loader."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from kosmos.assessments.domain import scoring
from kosmos.assessments.domain.model_data import (
    MODEL_DATA_DIR,
    ModelDataError,
    available_models,
    load_catalogue,
    load_model,
    parse_catalogue,
    parse_model,
)

EFQM_SUB_CRITERIA = [
    "1.1", "1.2", "1.3", "1.4", "1.5",
    "2.1", "2.2", "2.3", "2.4",
    "3.1", "3.2", "3.3", "3.4", "3.5",
    "4.1", "4.2", "4.3", "4.4",
    "5.1", "5.2", "5.3", "5.4", "5.5",
]  # fmt: skip


def raw(name: str) -> dict:
    return json.loads((MODEL_DATA_DIR / name).read_text(encoding="utf-8"))


# ---- EFQM 2020 ----------------------------------------------------------------------------------------------


def test_efqm_structure():
    model = load_model("efqm2020")
    assert model.total_points == 1000 and model.scoring_method == "points"
    assert [(d.name, d.question, d.criteria) for d in model.directions] == [
        ("Ausrichtung", "Warum?", ("1", "2")),
        ("Realisierung", "Wie?", ("3", "4", "5")),
        ("Ergebnisse", "Was?", ("6", "7")),
    ]
    assert [c.points for c in model.criteria] == [100, 100, 100, 200, 100, 200, 200]
    assert [c.kind for c in model.criteria] == ["enabler"] * 5 + ["results"] * 2
    assert model.criterion("2").name == "Organisationskultur und Organisationsführung"
    assert model.criterion("7").name == "Strategie- und leistungsbezogene Ergebnisse"
    assert [s.code for s in model.sub_criteria] == EFQM_SUB_CRITERIA
    assert all(s.description.count(".") <= 3 and len(s.description) > 60 for s in model.sub_criteria)


def test_efqm_results_criteria_are_scoring_units_themselves():
    model = load_model("efqm2020")
    units = model.scoring_units
    assert len(units) == 25
    assert [u.code for u in units if u.is_whole_criterion] == ["6", "7"]
    assert model.unit("6").name == "Wahrnehmung der Interessengruppen"
    assert model.criterion_of("4.2") == "4" and model.criterion_of("7") == "7"
    assert all(c.scored_as_whole == (c.kind == "results") for c in model.criteria)


def test_efqm_radar_charts_and_scale():
    model = load_model("efqm2020")
    assert model.radar is not None
    enabler = model.radar.chart_for("enabler")
    assert [(e.name, [a.name for a in e.attributes]) for e in enabler.elements] == [
        ("Vorgehen", ["Fundiert", "Integriert"]),
        ("Umsetzung", ["Eingeführt", "Strukturiert"]),
        ("Bewertung und Verbesserung", ["Messung", "Lernen und Kreativität", "Verbesserung und Innovation"]),
    ]
    results = model.radar.chart_for("results")
    assert [(e.name, [a.name for a in e.attributes]) for e in results.elements] == [
        ("Relevanz und Nutzbarkeit", ["Umfang und Relevanz", "Integrität", "Segmentierung"]),
        ("Leistung", ["Trends", "Ziele", "Vergleiche", "Vertrauen"]),
    ]
    scale = model.radar.scale
    assert (scale.min, scale.max, scale.step) == (0, 100, 5)
    assert [(b.nominal, b.label) for b in scale.bands] == [
        ("0", "Keine Fähigkeit"),
        ("10–30", "Begrenzte Fähigkeit"),
        ("40–60", "Fähigkeit vorhanden"),
        ("70–80", "Umfassende Fähigkeit"),
        ("90–100", "Herausragende Fähigkeit"),
    ]


# ---- CAF 2020 -----------------------------------------------------------------------------------------------


def test_caf_structure():
    model = load_model("caf2020")
    assert (
        model.scoring_method == "percent" and model.total_points is None and model.points_by_criterion == {}
    )
    assert [len(c.sub_criteria) for c in model.criteria] == [4, 4, 3, 6, 3, 2, 2, 2, 2]
    assert len(model.sub_criteria) == 28
    assert [c.name for c in model.criteria] == [
        "Führung",
        "Strategie und Planung",
        "Personal",
        "Partnerschaften und Ressourcen",
        "Prozesse",
        "Bürger-/kundenbezogene Ergebnisse",
        "Mitarbeiterbezogene Ergebnisse",
        "Ergebnisse sozialer Verantwortung",
        "Schlüsselleistungsergebnisse",
    ]
    assert [c.kind for c in model.criteria] == ["enabler"] * 5 + ["results"] * 4
    assert (
        "Mittelwert" in model.scoring_explanation
        and "keine Umrechnung in 1000 Punkte" in model.scoring_explanation
    )


def test_caf_panels():
    panels = load_model("caf2020").panels
    assert panels is not None
    assert [lv.phase for lv in panels.classical("enabler")] == [None, "plan", "do", "check", "act", "pdca"]
    assert [d.code for d in panels.fine_tuned("enabler")] == ["plan", "do", "check", "act"]
    assert [d.code for d in panels.fine_tuned("results")] == ["trends", "targets"]
    assert tuple(scoring.CAF_FINE_TUNED_DIMENSIONS["enabler"]) == tuple(
        d.code for d in panels.fine_tuned("enabler")
    )


def test_available_models():
    assert {"efqm2020", "caf2020"} <= set(available_models())
    assert "catalogue_jobcenter" not in available_models()


# ---- validation errors --------------------------------------------------------------------------------------


def broken(mutate) -> dict:
    data = copy.deepcopy(raw("efqm2020.json"))
    mutate(data)
    return data


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["criteria"].append(copy.deepcopy(d["criteria"][0])), "criteria: duplicate codes: 1"),
        (lambda d: d["criteria"][0]["sub_criteria"][1].update(code="1.1"), "duplicate codes: 1.1"),
        (lambda d: d["criteria"][3].pop("points"), "criterion 4.points"),
        (lambda d: d["criteria"][3].update(points=150), "points add up to 950"),
        (lambda d: d["criteria"][0]["sub_criteria"][0].update(code="2.9"), "must start with '1.'"),
        (lambda d: d["criteria"][5].update(scored_as_whole=False), "needs sub-criteria"),
        (lambda d: d["criteria"][2].update(kind="process"), "must be one of"),
        (lambda d: d["directions"][0].update(criteria=["1"]), "exactly one direction"),
        (lambda d: d["radar"]["scale"]["bands"][1].update(min=15), "gap"),
        (lambda d: d.update(format_version=2), "unsupported version"),
        (lambda d: d["criteria"][0].pop("name"), "missing key 'name'"),
    ],
)
def test_model_validation_errors_are_clear(mutate, message):
    with pytest.raises(ModelDataError, match=message) as info:
        parse_model(broken(mutate), source="efqm2020.json")
    assert str(info.value).startswith("efqm2020.json: ")


def test_caf_panel_ranges_are_validated():
    data = copy.deepcopy(raw("caf2020.json"))
    data["panels"]["classical"]["results"][2]["min"] = 35
    with pytest.raises(ModelDataError, match="panels.classical.results"):
        parse_model(data, source="caf2020.json")


def broken_catalogue(mutate) -> dict:
    data = copy.deepcopy(raw("catalogue_jobcenter.json"))
    mutate(data)
    return data


def set_quick_check(data: dict, code: str, value: bool) -> None:
    next(q for q in data["questions"] if q["code"] == code)["quick_check"] = value


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["questions"][0].update(unit="1.9", code="K-1.9-01"), "'1.9' is not a sub-criterion"),
        (lambda d: d["questions"][1].update(code=d["questions"][0]["code"]), "duplicate codes"),
        (lambda d: d["questions"][0].update(code="K-1.2-01"), "code does not match unit"),
        (lambda d: d["questions"][0].update(code="Q-1"), "code must look like"),
        (lambda d: d["questions"][0].update(criterion="2"), "belongs to criterion 1"),
        (lambda d: d["questions"][0].update(evidence=[]), "evidence"),
        (lambda d: set_quick_check(d, "K-1.1-01", False), "1: 1"),
        (lambda d: set_quick_check(d, "K-2.2-02", True), "2: 3"),
        (
            lambda d: [q.update(starter_set=False) for q in d["questions"] if q["criterion"] == "7"],
            "starter_set",
        ),
        (lambda d: d["questions"][1].update(text=d["questions"][0]["text"].upper()), "duplicate codes"),
        (lambda d: d.update(model="caf2020"), "not 'efqm2020'"),
    ],
)
def test_catalogue_validation_errors_are_clear(mutate, message):
    with pytest.raises(ModelDataError, match=message):
        parse_catalogue(broken_catalogue(mutate), load_model("efqm2020"), source="catalogue_jobcenter.json")


def test_missing_and_invalid_files(tmp_path: Path):
    with pytest.raises(ModelDataError, match="file not found"):
        load_model("efqm2025", tmp_path)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelDataError, match="invalid JSON"):
        load_model("broken", tmp_path)


def test_file_name_must_match_the_code(tmp_path: Path):
    (tmp_path / "efqm.json").write_text(json.dumps(raw("efqm2020.json")), encoding="utf-8")
    with pytest.raises(ModelDataError, match="does not match the file name"):
        load_model("efqm", tmp_path)


def test_a_copied_model_directory_loads(tmp_path: Path):
    for name in ("efqm2020.json", "catalogue_jobcenter.json"):
        (tmp_path / name).write_text((MODEL_DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    catalogue = load_catalogue("jobcenter", tmp_path)
    assert catalogue.model_code == "efqm2020" and len(catalogue.questions) >= 160

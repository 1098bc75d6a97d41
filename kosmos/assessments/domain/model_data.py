"""Load and validate the assessment model data shipped as JSON in ``kosmos/assessments/model_data/``.

The format is documented in ``kosmos/assessments/model_data/README.md``. Loading never returns partially
valid data: any problem raises :class:`ModelDataError` naming the file and the offending entry.

Public entry points::

    load_model("efqm2020") -> AssessmentModel
    load_model("caf2020") -> AssessmentModel
    load_catalogue("jobcenter") -> Catalogue           # reads catalogue_jobcenter.json
    parse_model(data, source=...) / parse_catalogue(data, model, source=...)   # for already-parsed dicts

The value objects live in ``structures`` and are re-exported here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from .structures import (
    AssessmentModel,
    Band,
    CafPanels,
    Catalogue,
    CatalogueQuestion,
    Criterion,
    Direction,
    ModelDataError,
    PanelDimension,
    PanelLevel,
    Radar,
    RadarAttribute,
    RadarChart,
    RadarElement,
    RadarScale,
    ScaleLevel,
    ScoringUnit,
    SubCriterion,
)

MODEL_DATA_DIR = Path(__file__).resolve().parent.parent / "model_data"
FORMAT_VERSION = 1
KINDS = ("enabler", "results")
QUESTION_CODE_RE = re.compile(r"^K-(?P<unit>\d+(?:\.\d+)?)-(?P<number>\d{2,3})$")
QUICK_CHECK_PER_CRITERION = 2


# --------------------------------------------------------------------------------------------------
# Parsing helpers
# --------------------------------------------------------------------------------------------------


class _Reader:
    """Typed access to a JSON object that reports the path of the offending entry."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str) -> ModelDataError:
        return ModelDataError(f"{self.source}: {where}: {problem}")

    def obj(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(where, "expected an object")
        return value

    def get(self, data: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in data:
            raise self.fail(where, f"missing key '{key}'")
        return data[key]

    def text(self, data: Mapping[str, Any], key: str, where: str, *, optional: bool = False) -> str:
        if optional and data.get(key) is None:
            return ""
        value = self.get(data, key, where)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{key}", "expected a non-empty string")
        return value.strip()

    def integer(self, data: Mapping[str, Any], key: str, where: str) -> int:
        value = self.get(data, key, where)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{where}.{key}", f"expected an integer, got {value!r}")
        return value

    def boolean(self, data: Mapping[str, Any], key: str, where: str, default: bool = False) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}", f"expected true or false, got {value!r}")
        return value

    def array(self, data: Mapping[str, Any], key: str, where: str) -> Sequence[Any]:
        value = self.get(data, key, where)
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", "expected a list")
        return value

    def unique(self, codes: Sequence[str], where: str) -> None:
        duplicates = sorted(code for code, count in Counter(codes).items() if count > 1)
        if duplicates:
            raise self.fail(where, f"duplicate codes: {', '.join(duplicates)}")


def _parse_bands(r: _Reader, raw: Sequence[Any], where: str, lo: int, hi: int, step: int) -> tuple[Band, ...]:
    bands = []
    for i, item in enumerate(raw):
        w = f"{where}[{i}]"
        item = r.obj(item, w)
        bands.append(
            Band(
                code=r.text(item, "code", w),
                label=r.text(item, "label", w),
                min=r.integer(item, "min", w),
                max=r.integer(item, "max", w),
                nominal=r.text(item, "nominal", w, optional=True),
            )
        )
    _check_ranges(r, [(b.min, b.max) for b in bands], where, lo, hi, gap=step)
    r.unique([b.code for b in bands], where)
    return tuple(bands)


def _check_ranges(
    r: _Reader, ranges: Sequence[tuple[int, int]], where: str, lo: int, hi: int, gap: int | None
) -> None:
    """Ranges must be ordered, non-overlapping and cover lo..hi (``gap`` = distance between max and next min)."""
    if not ranges:
        raise r.fail(where, "no ranges defined")
    if ranges[0][0] != lo or ranges[-1][1] != hi:
        raise r.fail(where, f"ranges must start at {lo} and end at {hi}")
    for (a_min, a_max), (b_min, _b_max) in zip(ranges, ranges[1:], strict=False):
        if a_min > a_max or b_min <= a_max:
            raise r.fail(where, f"ranges overlap or are out of order near {a_min}–{a_max}")
        if gap is not None and b_min - a_max != gap:
            raise r.fail(where, f"gap between {a_max} and {b_min} must be {gap}")
    if ranges[-1][0] > ranges[-1][1]:
        raise r.fail(where, "last range is inverted")


def _parse_radar(r: _Reader, raw: Any) -> Radar:
    raw = r.obj(raw, "radar")
    scale_raw = r.obj(r.get(raw, "scale", "radar"), "radar.scale")
    lo = r.integer(scale_raw, "min", "radar.scale")
    hi = r.integer(scale_raw, "max", "radar.scale")
    step = r.integer(scale_raw, "step", "radar.scale")
    if not (lo == 0 and hi == 100 and step > 0 and hi % step == 0):
        raise r.fail("radar.scale", "expected a 0–100 scale with a step that divides 100")
    bands = _parse_bands(r, r.array(scale_raw, "bands", "radar.scale"), "radar.scale.bands", lo, hi, step)
    for band in bands:
        if band.min % step or band.max % step:
            raise r.fail("radar.scale.bands", f"band '{band.code}' is not aligned to step {step}")
    charts = []
    for i, chart_raw in enumerate(r.array(raw, "charts", "radar")):
        w = f"radar.charts[{i}]"
        chart_raw = r.obj(chart_raw, w)
        elements = []
        for j, element_raw in enumerate(r.array(chart_raw, "elements", w)):
            we = f"{w}.elements[{j}]"
            element_raw = r.obj(element_raw, we)
            attributes = []
            for k, attr_raw in enumerate(r.array(element_raw, "attributes", we)):
                wa = f"{we}.attributes[{k}]"
                attr_raw = r.obj(attr_raw, wa)
                attributes.append(
                    RadarAttribute(
                        r.text(attr_raw, "code", wa),
                        r.text(attr_raw, "name", wa),
                        r.text(attr_raw, "hint", wa),
                    )
                )
            if not attributes:
                raise r.fail(we, "element without attributes")
            elements.append(
                RadarElement(
                    r.text(element_raw, "code", we), r.text(element_raw, "name", we), tuple(attributes)
                )
            )
        applies_to = r.text(chart_raw, "applies_to", w)
        if applies_to not in KINDS:
            raise r.fail(f"{w}.applies_to", f"must be one of {', '.join(KINDS)}")
        chart = RadarChart(
            code=r.text(chart_raw, "code", w),
            name=r.text(chart_raw, "name", w),
            applies_to=applies_to,
            scored_per=r.text(chart_raw, "scored_per", w),
            elements=tuple(elements),
        )
        r.unique([a.code for a in chart.attributes], f"{w} attributes")
        charts.append(chart)
    r.unique([c.code for c in charts], "radar.charts")
    return Radar(RadarScale(lo, hi, step, bands), tuple(charts))


def _parse_levels(r: _Reader, raw: Sequence[Any], where: str) -> tuple[PanelLevel, ...]:
    levels = []
    for i, item in enumerate(raw):
        w = f"{where}[{i}]"
        item = r.obj(item, w)
        level = r.integer(item, "level", w)
        if level != i:
            raise r.fail(w, f"levels must be numbered 0..5 in order, found {level}")
        phase = item.get("phase")
        levels.append(
            PanelLevel(
                level=level,
                label=r.text(item, "label", w),
                description=r.text(item, "description", w),
                min=r.integer(item, "min", w),
                max=r.integer(item, "max", w),
                phase=phase if isinstance(phase, str) else None,
            )
        )
    if len(levels) != 6:
        raise r.fail(where, f"expected 6 levels (0–5), found {len(levels)}")
    _check_ranges(r, [(lv.min, lv.max) for lv in levels], where, 0, 100, gap=1)
    return tuple(levels)


def _parse_dimensions(r: _Reader, raw: Sequence[Any], where: str) -> tuple[PanelDimension, ...]:
    dims = []
    for i, item in enumerate(raw):
        w = f"{where}[{i}]"
        item = r.obj(item, w)
        dims.append(PanelDimension(r.text(item, "code", w), r.text(item, "name", w)))
    if not dims:
        raise r.fail(where, "no dimensions defined")
    r.unique([d.code for d in dims], where)
    return tuple(dims)


def _parse_panels(r: _Reader, raw: Any) -> CafPanels:
    raw = r.obj(raw, "panels")
    classical = r.obj(r.get(raw, "classical", "panels"), "panels.classical")
    fine = r.obj(r.get(raw, "fine_tuned", "panels"), "panels.fine_tuned")
    return CafPanels(
        classical_enabler=_parse_levels(
            r, r.array(classical, "enabler", "panels.classical"), "panels.classical.enabler"
        ),
        classical_results=_parse_levels(
            r, r.array(classical, "results", "panels.classical"), "panels.classical.results"
        ),
        fine_tuned_enabler=_parse_dimensions(
            r, r.array(fine, "enabler", "panels.fine_tuned"), "panels.fine_tuned.enabler"
        ),
        fine_tuned_results=_parse_dimensions(
            r, r.array(fine, "results", "panels.fine_tuned"), "panels.fine_tuned.results"
        ),
    )


def _parse_criterion(r: _Reader, raw: Any, i: int, points_required: bool) -> Criterion:
    w = f"criteria[{i}]"
    raw = r.obj(raw, w)
    code = r.text(raw, "code", w)
    w = f"criterion {code}"
    kind = r.text(raw, "kind", w)
    if kind not in KINDS:
        raise r.fail(f"{w}.kind", f"must be one of {', '.join(KINDS)}, got '{kind}'")
    points_raw = raw.get("points")
    if points_required:
        if isinstance(points_raw, bool) or not isinstance(points_raw, int) or points_raw <= 0:
            raise r.fail(f"{w}.points", "every criterion needs a positive integer number of points")
        points: int | None = points_raw
    else:
        if points_raw is not None:
            raise r.fail(f"{w}.points", "this model has no points; use null")
        points = None
    scored_as_whole = r.boolean(raw, "scored_as_whole", w)
    subs = []
    for j, sub_raw in enumerate(r.array(raw, "sub_criteria", w)):
        ws = f"{w}.sub_criteria[{j}]"
        sub_raw = r.obj(sub_raw, ws)
        sub_code = r.text(sub_raw, "code", ws)
        if not sub_code.startswith(f"{code}."):
            raise r.fail(ws, f"sub-criterion code '{sub_code}' must start with '{code}.'")
        subs.append(
            SubCriterion(
                code=sub_code,
                name=r.text(sub_raw, "name", ws),
                description=r.text(sub_raw, "description", ws),
                criterion_code=code,
                name_en=r.text(sub_raw, "name_en", ws, optional=True),
            )
        )
    if scored_as_whole and subs:
        raise r.fail(w, "a criterion scored as a whole must not list sub-criteria")
    if not scored_as_whole and not subs:
        raise r.fail(w, "a criterion needs sub-criteria or 'scored_as_whole': true")
    radar_chart = raw.get("radar_chart")
    return Criterion(
        code=code,
        name=r.text(raw, "name", w),
        kind=kind,
        direction=r.text(raw, "direction", w),
        points=points,
        description=r.text(raw, "description", w),
        scored_as_whole=scored_as_whole,
        sub_criteria=tuple(subs),
        radar_chart=radar_chart if isinstance(radar_chart, str) else None,
        name_en=r.text(raw, "name_en", w, optional=True),
    )


def parse_model(data: Mapping[str, Any], *, source: str = "<model>") -> AssessmentModel:
    """Validate a model dict (as read from JSON) and build an :class:`AssessmentModel`."""
    r = _Reader(source)
    data = r.obj(data, "model")
    version = r.integer(data, "format_version", "model")
    if version != FORMAT_VERSION:
        raise r.fail("format_version", f"unsupported version {version} (expected {FORMAT_VERSION})")
    scoring = r.obj(r.get(data, "scoring", "model"), "scoring")
    method = r.text(scoring, "method", "scoring")
    if method not in ("points", "percent"):
        raise r.fail("scoring.method", "must be 'points' or 'percent'")
    aggregation = r.text(scoring, "aggregation", "scoring")
    total_points: int | None = None
    if method == "points":
        total_points = r.integer(scoring, "total_points", "scoring")
        if aggregation != "weighted_points":
            raise r.fail("scoring.aggregation", "a points model aggregates with 'weighted_points'")
    elif scoring.get("total_points") is not None:
        raise r.fail("scoring.total_points", "a percent model has no total points; use null")
    elif aggregation != "mean":
        raise r.fail("scoring.aggregation", "a percent model aggregates with 'mean'")

    criteria = tuple(
        _parse_criterion(r, raw, i, method == "points")
        for i, raw in enumerate(r.array(data, "criteria", "model"))
    )
    if not criteria:
        raise r.fail("criteria", "no criteria defined")
    r.unique([c.code for c in criteria], "criteria")
    unit_codes = [u.code for c in criteria for u in c.scoring_units]
    r.unique(unit_codes, "scoring units (sub-criteria and whole criteria)")
    if total_points is not None:
        point_sum = sum(c.points or 0 for c in criteria)
        if point_sum != total_points:
            raise r.fail("criteria", f"points add up to {point_sum}, expected {total_points}")

    directions = []
    for i, raw in enumerate(r.array(data, "directions", "model")):
        w = f"directions[{i}]"
        raw = r.obj(raw, w)
        question = raw.get("question")
        directions.append(
            Direction(
                code=r.text(raw, "code", w),
                name=r.text(raw, "name", w),
                question=question if isinstance(question, str) else None,
                criteria=tuple(str(c) for c in r.array(raw, "criteria", w)),
            )
        )
    r.unique([d.code for d in directions], "directions")
    direction_codes = {d.code for d in directions}
    listed = [c for d in directions for c in d.criteria]
    if sorted(listed) != sorted(c.code for c in criteria):
        raise r.fail("directions", "every criterion must belong to exactly one direction")
    for criterion in criteria:
        if criterion.direction not in direction_codes:
            raise r.fail(
                f"criterion {criterion.code}.direction", f"unknown direction '{criterion.direction}'"
            )
        owner = next(d for d in directions if criterion.code in d.criteria)
        if owner.code != criterion.direction:
            raise r.fail(f"criterion {criterion.code}.direction", f"listed under '{owner.code}'")

    leadership = tuple(str(c) for c in r.array(data, "leadership_criteria", "model"))
    known = {c.code for c in criteria}
    if not leadership or any(c not in known for c in leadership):
        raise r.fail("leadership_criteria", "must name existing criteria")

    radar = _parse_radar(r, data["radar"]) if data.get("radar") is not None else None
    panels = _parse_panels(r, data["panels"]) if data.get("panels") is not None else None
    if radar is None and panels is None:
        raise r.fail("model", "a model needs a 'radar' or a 'panels' scoring scheme")
    if radar is not None:
        chart_codes = {c.code for c in radar.charts}
        for kind in KINDS:
            try:
                radar.chart_for(kind)
            except KeyError:
                raise r.fail("radar.charts", f"no chart applies to '{kind}'") from None
        for criterion in criteria:
            if criterion.radar_chart is not None and criterion.radar_chart not in chart_codes:
                raise r.fail(
                    f"criterion {criterion.code}.radar_chart", f"unknown chart '{criterion.radar_chart}'"
                )

    return AssessmentModel(
        code=r.text(data, "code", "model"),
        name=r.text(data, "name", "model"),
        short_name=r.text(data, "short_name", "model"),
        family=r.text(data, "family", "model"),
        scoring_method=method,
        total_points=total_points,
        aggregation=aggregation,
        scoring_explanation=r.text(scoring, "explanation", "scoring", optional=True),
        directions=tuple(directions),
        criteria=criteria,
        leadership_criteria=leadership,
        radar=radar,
        panels=panels,
        source_note=r.text(data, "source_note", "model", optional=True),
    )


def parse_catalogue(
    data: Mapping[str, Any], model: AssessmentModel, *, source: str = "<catalogue>"
) -> Catalogue:
    """Validate a catalogue dict against its model and build a :class:`Catalogue`."""
    from .balance import check_balance  # local import: balance uses this module for defaults

    r = _Reader(source)
    data = r.obj(data, "catalogue")
    version = r.integer(data, "format_version", "catalogue")
    if version != FORMAT_VERSION:
        raise r.fail("format_version", f"unsupported version {version} (expected {FORMAT_VERSION})")
    model_code = r.text(data, "model", "catalogue")
    if model_code != model.code:
        raise r.fail("model", f"catalogue is for '{model_code}', not '{model.code}'")
    prompt = r.text(data, "evidence_prompt", "catalogue", optional=True) or "Woran erkennen Sie es? Belege:"
    units = {u.code: u for u in model.scoring_units}

    questions = []
    for i, raw in enumerate(r.array(data, "questions", "catalogue")):
        w = f"questions[{i}]"
        raw = r.obj(raw, w)
        code = r.text(raw, "code", w)
        w = f"question {code}"
        match = QUESTION_CODE_RE.match(code)
        if match is None:
            raise r.fail(w, "code must look like 'K-1.1-03' or 'K-6-01'")
        unit = r.text(raw, "unit", w)
        if unit not in units:
            raise r.fail(f"{w}.unit", f"'{unit}' is not a sub-criterion or whole criterion of {model.code}")
        if match.group("unit") != unit:
            raise r.fail(w, f"code does not match unit '{unit}'")
        criterion = r.text(raw, "criterion", w)
        if criterion != units[unit].criterion_code:
            raise r.fail(f"{w}.criterion", f"'{unit}' belongs to criterion {units[unit].criterion_code}")
        evidence_raw = r.array(raw, "evidence", w)
        if not evidence_raw or not all(isinstance(e, str) and e.strip() for e in evidence_raw):
            raise r.fail(f"{w}.evidence", "expected a non-empty list of non-empty strings")
        questions.append(
            CatalogueQuestion(
                code=code,
                unit=unit,
                criterion=criterion,
                text=r.text(raw, "text", w),
                evidence=tuple(e.strip() for e in evidence_raw),
                quick_check=r.boolean(raw, "quick_check", w),
                starter_set=r.boolean(raw, "starter_set", w),
                evidence_prompt=prompt,
            )
        )
    if not questions:
        raise r.fail("questions", "catalogue has no questions")
    r.unique([q.code for q in questions], "questions")
    r.unique([" ".join(q.text.casefold().split()) for q in questions], "question texts")

    quick = Counter(q.criterion for q in questions if q.quick_check)
    wrong = [
        f"{c}: {quick.get(c, 0)}"
        for c in model.criterion_codes
        if quick.get(c, 0) != QUICK_CHECK_PER_CRITERION
    ]
    if wrong:
        raise r.fail(
            "quick_check",
            f"expected exactly {QUICK_CHECK_PER_CRITERION} quick-check questions per criterion "
            f"({QUICK_CHECK_PER_CRITERION * len(model.criteria)} in total); found {'; '.join(wrong)}",
        )
    starter = [q.criterion for q in questions if q.starter_set]
    if starter:
        report = check_balance(starter, "workshop", criteria=model.criterion_names)
        if report.warnings:
            raise r.fail("starter_set", "unbalanced: " + " ".join(str(h.message) for h in report.warnings))

    levels: list[ScaleLevel] = []
    scale_raw = data.get("quick_check_scale")
    if scale_raw is not None:
        scale_raw = r.obj(scale_raw, "quick_check_scale")
        for i, item in enumerate(r.array(scale_raw, "levels", "quick_check_scale")):
            wl = f"quick_check_scale.levels[{i}]"
            item = r.obj(item, wl)
            levels.append(
                ScaleLevel(
                    r.integer(item, "level", wl), r.text(item, "label", wl), r.text(item, "description", wl)
                )
            )
        lo, hi = (
            r.integer(scale_raw, "min", "quick_check_scale"),
            r.integer(scale_raw, "max", "quick_check_scale"),
        )
        if [lv.level for lv in levels] != list(range(lo, hi + 1)):
            raise r.fail("quick_check_scale.levels", f"levels must run from {lo} to {hi} without gaps")

    return Catalogue(
        code=r.text(data, "code", "catalogue"),
        name=r.text(data, "name", "catalogue"),
        model_code=model_code,
        questions=tuple(questions),
        quick_check_levels=tuple(levels),
        source_note=r.text(data, "source_note", "catalogue", optional=True),
    )


# --------------------------------------------------------------------------------------------------
# File access
# --------------------------------------------------------------------------------------------------


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise ModelDataError(f"{path.name}: file not found in {path.parent}") from None
    except json.JSONDecodeError as exc:
        raise ModelDataError(f"{path.name}: invalid JSON ({exc})") from exc


def available_models(directory: Path = MODEL_DATA_DIR) -> tuple[str, ...]:
    """Codes of the model files in ``directory`` (every ``*.json`` that is not a catalogue)."""
    return tuple(sorted(p.stem for p in directory.glob("*.json") if not p.stem.startswith("catalogue_")))


@lru_cache(maxsize=16)
def load_model(code: str, directory: Path = MODEL_DATA_DIR) -> AssessmentModel:
    """Load ``<code>.json``; the ``code`` inside the file must match the file name."""
    path = directory / f"{code}.json"
    model = parse_model(_read_json(path), source=path.name)
    if model.code != code:
        raise ModelDataError(f"{path.name}: code '{model.code}' does not match the file name")
    return model


@lru_cache(maxsize=16)
def load_catalogue(code: str = "jobcenter", directory: Path = MODEL_DATA_DIR) -> Catalogue:
    """Load ``catalogue_<code>.json`` and validate it against the model it names."""
    path = directory / f"catalogue_{code}.json"
    data = _read_json(path)
    model_code = data.get("model") if isinstance(data, Mapping) else None
    if not isinstance(model_code, str):
        raise ModelDataError(f"{path.name}: catalogue: missing key 'model'")
    catalogue = parse_catalogue(data, load_model(model_code, directory), source=path.name)
    if catalogue.code != code:
        raise ModelDataError(f"{path.name}: code '{catalogue.code}' does not match the file name")
    return catalogue


__all__ = [
    "MODEL_DATA_DIR",
    "AssessmentModel",
    "Band",
    "CafPanels",
    "Catalogue",
    "CatalogueQuestion",
    "Criterion",
    "Direction",
    "ModelDataError",
    "PanelDimension",
    "PanelLevel",
    "Radar",
    "RadarAttribute",
    "RadarChart",
    "RadarElement",
    "RadarScale",
    "ScaleLevel",
    "ScoringUnit",
    "SubCriterion",
    "available_models",
    "load_catalogue",
    "load_model",
    "parse_catalogue",
    "parse_model",
]

"""Reads of the assessments module, always scoped to one organisation.

Anti-anchoring lives here: before the assessment circle opens, every query for ratings and
individual findings is restricted to the asking user's own rows (``visible_ratings``,
``visible_findings``). Views never query ``Rating`` or individual ``Finding`` rows directly.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from fractions import Fraction

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kosmos.assessments.domain import balance, composition
from kosmos.assessments.domain.charts import ChartSeries, radar
from kosmos.assessments.domain.consensus import RatingStats, merge_statements, rating_stats
from kosmos.assessments.domain.scoring import (
    AWARD_REFERENCE,
    RECOGNITION_LEVELS,
    RecognitionLevel,
    band_for,
    calibration_hints,
    criterion_percent,
    maturity_note,
    recognition_level,
    round_half_up,
    total_points,
)
from kosmos.assessments.models import (
    Assessment,
    AssessmentItem,
    CatalogueQuestion,
    Criterion,
    Evidence,
    Finding,
    FindingKind,
    GroupMember,
    Method,
    RadarAttribute,
    Rating,
)
from kosmos.assessments.scales import bands_of, level_of_percent
from kosmos.core.hints import Hint
from kosmos.core.i18n import translate, translate_hints
from kosmos.core.models import Organisation, User

# --------------------------------------------------------------------------------------------------
# Lookups
# --------------------------------------------------------------------------------------------------


def assessments_of(organisation: Organisation) -> QuerySet[Assessment]:
    return Assessment.objects.filter(organisation=organisation).select_related("model")


def get_assessment(organisation: Organisation, public_id: object) -> Assessment:
    return get_object_or_404(
        Assessment.objects.select_related("model", "catalogue", "organisation", "previous"),
        organisation=organisation,
        public_id=public_id,
    )


def get_item(assessment: Assessment, public_id: object) -> AssessmentItem:
    return get_object_or_404(
        AssessmentItem.objects.select_related("unit__criterion", "question__catalogue"),
        assessment=assessment,
        public_id=public_id,
    )


def items_of(assessment: Assessment) -> QuerySet[AssessmentItem]:
    return (
        AssessmentItem.objects.filter(assessment=assessment)
        .select_related("unit__criterion", "question")
        .order_by("unit__criterion__order", "unit__order", "order", "id")
    )


def criteria_of(assessment: Assessment) -> list[Criterion]:
    return list(Criterion.objects.filter(model=assessment.model).order_by("order"))


def questions_available(assessment: Assessment) -> QuerySet[CatalogueQuestion]:
    """Catalogue questions plus the organisation's own questions for the assessment's catalogue."""
    return (
        CatalogueQuestion.objects.filter(catalogue=assessment.catalogue, is_active=True)
        .filter(Q(organisation=None) | Q(organisation=assessment.organisation))
        .select_related("unit__criterion", "based_on")
        .order_by("unit__criterion__order", "unit__order", "organisation", "order", "code")
    )


def radar_attributes(assessment: Assessment) -> dict[str, list[RadarAttribute]]:
    """RADAR attributes by criterion kind ("enabler", "results")."""
    grouped: dict[str, list[RadarAttribute]] = defaultdict(list)
    for attribute in RadarAttribute.objects.filter(model=assessment.model).order_by("chart", "order"):
        grouped[attribute.applies_to].append(attribute)
    return dict(grouped)


def group_member(assessment: Assessment, user: User) -> GroupMember | None:
    return GroupMember.objects.filter(assessment=assessment, user=user).first()


def is_participant(assessment: Assessment, user: User, access: object) -> bool:
    """Group members rate; the facilitator (assessments.manage) and the moderator (a quality manager
    or the organisation's adviser, assessments.moderate) take part in every circle."""
    return access.has("assessments.manage") or access.has("assessments.moderate") or GroupMember.objects.filter(
        assessment=assessment, user=user
    ).exists()


# --------------------------------------------------------------------------------------------------
# Preparation checks
# --------------------------------------------------------------------------------------------------


def composition_hints(assessment: Assessment, members: list[GroupMember] | None = None) -> list[Hint]:
    if members is None:
        members = list(assessment.group_members.select_related("user"))
    criteria = criteria_of(assessment)
    rules = composition.CompositionRules(
        criteria={c.code: c.name for c in criteria},
        leadership_criteria=tuple(assessment.model.leadership_criteria),
        results_criteria=tuple(c.code for c in criteria if c.kind == "results"),
    )
    group = [
        composition.Member(
            name=str(m.user),
            gender=m.gender,
            level=m.level,
            department=m.department,
            is_management=m.is_management,
            functions=frozenset(m.functions),
            criteria=frozenset(m.criteria),
        )
        for m in members
    ]
    return translate_hints(composition.check_composition(group, rules))


def balance_for_units(assessment: Assessment, unit_codes: list[str]) -> balance.BalanceReport:
    criteria = criteria_of(assessment)
    report = balance.check_balance(unit_codes, assessment.method, criteria={c.code: c.name for c in criteria})
    return replace(report, hints=translate_hints(report.hints))


def balance_of(assessment: Assessment) -> balance.BalanceReport:
    codes = list(AssessmentItem.objects.filter(assessment=assessment).values_list("unit__code", flat=True))
    return balance_for_units(assessment, codes)


def _translated_level(level: RecognitionLevel | None) -> RecognitionLevel | None:
    """A star reference level with its texts in the active language (the pure module has English sources)."""
    if level is None:
        return None
    return replace(level, label=translate(level.label), description=translate(level.description))


def recognition_levels() -> list[RecognitionLevel]:
    """The EFQM star reference levels with their texts in the active language."""
    return [_translated_level(level) for level in RECOGNITION_LEVELS]


def award_reference() -> str:
    return translate(AWARD_REFERENCE)


# --------------------------------------------------------------------------------------------------
# Ratings (anti-anchoring)
# --------------------------------------------------------------------------------------------------


def visible_ratings(assessment: Assessment, user: User) -> QuerySet[Rating]:
    """Ratings the user may read: their own until the circle opens, then everybody's (without names
    in every view)."""
    ratings = Rating.objects.filter(item__assessment=assessment)
    if not assessment.ratings_revealed:
        ratings = ratings.filter(rater=user)
    return ratings


def visible_findings(assessment: Assessment, user: User) -> QuerySet[Finding]:
    """Individual strengths and potentials, with the same rule as ratings."""
    findings = Finding.objects.filter(assessment=assessment, is_consensus=False)
    if not assessment.ratings_revealed:
        findings = findings.filter(author=user)
    return findings


def revealed_ratings(assessment: Assessment) -> QuerySet[Rating]:
    """All ratings for aggregates, or none at all while ratings are still private."""
    if not assessment.ratings_revealed:
        return Rating.objects.none()
    return Rating.objects.filter(item__assessment=assessment)


def rating_progress(assessment: Assessment) -> dict[str, int]:
    """How many members have rated every item — counts only, never values."""
    items = assessment.items.count()
    members = assessment.group_members.count()
    per_rater = (
        Rating.objects.filter(item__assessment=assessment, score__isnull=False)
        .values("rater")
        .annotate(n=Count("id"))
    )
    complete = sum(1 for row in per_rater if items and row["n"] >= items)
    started = len(per_rater)
    return {"items": items, "members": members, "complete": complete, "started": started}


def evidence_counts(assessment: Assessment) -> dict[int, int]:
    return dict(
        Evidence.objects.filter(assessment=assessment).values_list("item_id").annotate(n=Count("id"))
    )


# --------------------------------------------------------------------------------------------------
# Assessment circle
# --------------------------------------------------------------------------------------------------


@dataclass
class AttributeStat:
    attribute: RadarAttribute
    stats: RatingStats


@dataclass
class BoardRow:
    item: AssessmentItem
    stats: RatingStats
    scores: list[int]  # sorted, so that no column points to a person
    attribute_stats: list[AttributeStat]
    evidence_count: int
    consensus: object | None

    @property
    def proposal(self) -> int | None:
        return self.stats.proposal


def consensus_board(assessment: Assessment, user: User) -> list[BoardRow]:
    """Items with anonymous statistics, those with a spread of 30 points or more first.

    A fixed number of queries whatever the size of the group and the question set.
    """
    items = list(items_of(assessment).select_related("consensus"))
    scores: dict[int, list[int]] = defaultdict(list)
    attribute_values: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for item_id, score, attributes in visible_ratings(assessment, user).values_list("item_id", "score", "attributes"):
        if score is not None:
            scores[item_id].append(score)
        for code, value in (attributes or {}).items():
            if value is not None:
                attribute_values[item_id][code].append(value)
    attributes_by_kind = {} if assessment.uses_maturity_scale else radar_attributes(assessment)
    evidence = evidence_counts(assessment)
    rows = []
    for item in items:
        attribute_stats = [
            AttributeStat(attribute, rating_stats(attribute_values[item.id].get(attribute.code, [])))
            for attribute in attributes_by_kind.get(item.unit.criterion.kind, [])
        ]
        rows.append(
            BoardRow(
                item=item,
                stats=rating_stats(scores[item.id]),
                scores=sorted(scores[item.id]),
                attribute_stats=attribute_stats,
                evidence_count=evidence.get(item.id, 0),
                consensus=getattr(item, "consensus", None),
            )
        )
    rows.sort(key=lambda r: (r.stats.n == 0, not r.stats.needs_discussion, -Fraction(r.stats.spread), -r.stats.stdev))
    return rows


# --------------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------------


@dataclass
class CriterionResult:
    criterion: Criterion
    percent: float | int | None
    points: float | int | None
    band: str = ""
    previous_percent: float | int | None = None
    strengths: list = field(default_factory=list)
    improvements: list = field(default_factory=list)

    @property
    def delta(self) -> float | int | None:
        if self.percent is None or self.previous_percent is None:
            return None
        return round_half_up(Fraction(str(self.percent)) - Fraction(str(self.previous_percent)), 1)


@dataclass
class ResultSummary:
    assessment: Assessment
    available: bool
    rows: list[CriterionResult]
    points: int | None
    overall_percent: float | int | None
    recognition: RecognitionLevel | None
    hints: list[Hint]
    conversion_note: str
    provisional: bool
    previous: Assessment | None = None
    previous_points: int | None = None
    chart_svg: str = ""

    @property
    def complete(self) -> bool:
        return all(r.percent is not None for r in self.rows)

    @property
    def max_points(self) -> int | None:
        return self.assessment.model.total_points


def _item_values(assessment: Assessment) -> tuple[list[AssessmentItem], dict[int, Fraction | None], bool]:
    """Final value (%) per item: the consensus score, else (once revealed) the mean of the ratings."""
    items = list(items_of(assessment).select_related("consensus"))
    scores: dict[int, list[int]] = defaultdict(list)
    for item_id, score in revealed_ratings(assessment).filter(score__isnull=False).values_list("item_id", "score"):
        scores[item_id].append(score)
    values: dict[int, Fraction | None] = {}
    provisional = False
    for item in items:
        consensus = getattr(item, "consensus", None)
        if consensus is not None:
            values[item.id] = Fraction(consensus.score)
        elif scores[item.id]:
            values[item.id] = Fraction(sum(scores[item.id]), len(scores[item.id]))
            provisional = True
        else:
            values[item.id] = None
    return items, values, provisional


def criterion_percents(assessment: Assessment, criteria: list[Criterion]) -> tuple[dict[str, float | int | None], bool]:
    items, values, provisional = _item_values(assessment)
    by_criterion: dict[str, list[Fraction]] = defaultdict(list)
    by_unit: dict[str, dict[str, list[Fraction]]] = defaultdict(lambda: defaultdict(list))
    for item in items:
        value = values[item.id]
        if value is None:
            continue
        code = item.unit.criterion.code
        by_criterion[code].append(value)
        by_unit[code][item.unit.code].append(value)
    result: dict[str, float | int | None] = {}
    for criterion in criteria:
        if assessment.uses_maturity_scale:
            # The exact mean: rounding happens only for display, after weighting (rounding each
            # criterion to 5 % first inflated a Quick-Check total of 470 points to 485).
            levels = [level_of_percent(v) for v in by_criterion.get(criterion.code, [])]
            result[criterion.code] = (
                float(sum(levels, Fraction(0)) / len(levels) * 20) if levels else None
            )
        else:
            unit_percents = [
                float(sum(vals, Fraction(0)) / len(vals)) for vals in by_unit.get(criterion.code, {}).values()
            ]
            result[criterion.code] = criterion_percent(unit_percents)
    return result, provisional


def _findings_by_criterion(assessment: Assessment) -> dict[int, dict[str, list]]:
    """Consensus findings per criterion; merged individual ones where none were recorded yet."""
    grouped: dict[int, dict[str, list]] = defaultdict(lambda: {FindingKind.STRENGTH: [], FindingKind.IMPROVEMENT: []})
    consensus = Finding.objects.filter(assessment=assessment, is_consensus=True).order_by("-merged_count", "id")
    for finding in consensus:
        grouped[finding.criterion_id][finding.kind].append(finding)
    if assessment.ratings_revealed:
        texts: dict[tuple[int, str], list[str]] = defaultdict(list)
        for criterion_id, kind, text in Finding.objects.filter(assessment=assessment, is_consensus=False).values_list(
            "criterion_id", "kind", "text"
        ):
            texts[(criterion_id, kind)].append(text)
        for (criterion_id, kind), values in texts.items():
            if not grouped[criterion_id][kind]:
                grouped[criterion_id][kind] = merge_statements(values)
    return grouped


def results(assessment: Assessment, *, with_previous: bool = True, with_chart: bool = True) -> ResultSummary:
    criteria = criteria_of(assessment)
    model = assessment.model
    if not assessment.ratings_revealed:
        return ResultSummary(assessment, False, [CriterionResult(c, None, None) for c in criteria], None, None,
                             None, [], "", False)
    percents, provisional = criterion_percents(assessment, criteria)
    bands = bands_of(model.scale)
    findings = _findings_by_criterion(assessment)
    rows = []
    for criterion in criteria:
        percent = percents[criterion.code]
        points = None
        if percent is not None and criterion.points:
            points = round_half_up(Fraction(str(percent)) * criterion.points / 100, 1)
        rows.append(
            CriterionResult(
                criterion=criterion,
                percent=round_half_up(Fraction(str(percent)), 1) if percent is not None else None,
                points=points,
                band=band_for(percent, bands).label if percent is not None and bands else "",
                strengths=findings[criterion.id][FindingKind.STRENGTH],
                improvements=findings[criterion.id][FindingKind.IMPROVEMENT],
            )
        )
    hints: list[Hint] = []
    points_total = None
    overall = None
    recognition = None
    complete = all(v is not None for v in percents.values())
    if complete and model.has_points:
        raw = total_points(percents, {c.code: c.points for c in criteria if c.points is not None})
        points_total = round_half_up(raw)
        overall = round_half_up(Fraction(str(raw)) * 100 / (model.total_points or 1000), 1)
        # Award reference levels only where the method imitates an award application; a
        # Quick-Check or a first workshop is no basis for a star rating.
        if assessment.method == Method.AWARD_SIMULATION:
            recognition = _translated_level(recognition_level(raw))
        hints += translate_hints(calibration_hints(raw, first_assessment=assessment.is_first))
    elif complete:
        overall = round_half_up(sum((Fraction(str(v)) for v in percents.values()), Fraction(0)) / len(percents), 1)
    if not complete:
        missing = ", ".join(c for c, v in percents.items() if v is None)
        hints.append(Hint("incomplete", _("Not rated yet: criterion %(codes)s.") % {"codes": missing}, severity="info"))
    note = translate(maturity_note()) if assessment.uses_maturity_scale else model.scoring_explanation
    summary = ResultSummary(assessment, True, rows, points_total, overall, recognition, hints, note, provisional)
    if with_previous and assessment.previous_id and assessment.previous.organisation_id == assessment.organisation_id:
        previous = results(assessment.previous, with_previous=False, with_chart=False)
        if previous.available:
            summary.previous = assessment.previous
            summary.previous_points = previous.points
            for row, old in zip(rows, previous.rows, strict=False):
                row.previous_percent = old.percent
    if with_chart:
        summary.chart_svg = result_chart(summary)
    return summary


def result_chart(summary: ResultSummary) -> str:
    axes = [row.criterion.label for row in summary.rows]
    series = [ChartSeries(summary.assessment.title, [row.percent for row in summary.rows])]
    if summary.previous is not None:
        series.append(ChartSeries(summary.previous.title, [row.previous_percent for row in summary.rows]))
    return radar(
        axes,
        series,
        title=_("Result per criterion: %(title)s") % {"title": summary.assessment.title},
        description=_("Radar chart of the percent per criterion, from 0 to 100 %."),
        axis_label=_("Criterion"),
        not_rated=_("not rated"),
        id_prefix=f"radar-{summary.assessment.public_id}",
    ).svg


def group_counts(assessment: Assessment) -> dict[str, object]:
    """Composition of the group as counts, without names (for the report and the results)."""
    members = list(assessment.group_members.all())
    genders = Counter(m.get_gender_display() for m in members)
    levels = Counter(m.get_level_display() for m in members)
    return {
        "size": len(members),
        "gender": sorted(genders.items()),
        "level": sorted(levels.items()),
        "management": sum(1 for m in members if m.is_management),
    }


def members_with_users(assessment: Assessment) -> list[GroupMember]:
    return list(assessment.group_members.select_related("user").order_by("user__full_name"))


def assessments_with_phase_counts(organisation: Organisation) -> QuerySet[Assessment]:
    return assessments_of(organisation).annotate(
        item_count=Count("items", distinct=True), member_count=Count("group_members", distinct=True)
    )


"""Milestone templates per assessment method and spreading them over a project period.

Each template has a relative ``offset`` (0.0 = project start, 1.0 = last week) and an effort estimate in
working days *per participant of the assessment group*. :func:`plan_timeline` turns the templates into
dated milestones: the day is ``start + offset × (weeks × 7 − 1)`` (half-up), moved off weekends (to the
next Monday, or to the previous Friday at the end of the period) and never before the previous milestone.

The workshop method follows the Freiburg/Pforzheim project design in the results report: 8–12 weeks and
at most five working days per participant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from ._numbers import to_fraction
from .scoring import round_half_up


class TimelineError(ValueError):
    """Invalid planning input; the message is German and may be shown to users."""


@dataclass(frozen=True, slots=True)
class MilestoneTemplate:
    key: str
    title: str
    description: str
    offset: float  # 0.0 .. 1.0 of the project period
    effort_days: float  # working days per participant of the assessment group
    participants: str  # who takes part (German)


@dataclass(frozen=True, slots=True)
class MethodPlan:
    method: str
    label: str
    min_weeks: int
    max_weeks: int
    default_weeks: int
    milestones: tuple[MilestoneTemplate, ...]

    @property
    def total_effort_days(self) -> float:
        return sum(m.effort_days for m in self.milestones)


@dataclass(frozen=True, slots=True)
class DatedMilestone:
    key: str
    title: str
    description: str
    date: dt.date
    week: int  # 1-based project week
    effort_days: float
    participants: str


M = MilestoneTemplate
GROUP = "Bewertungsgruppe"

PLANS: dict[str, MethodPlan] = {
    "quick_check": MethodPlan(
        method="quick_check",
        label="Quick-Check",
        min_weeks=1,
        max_weeks=4,
        default_weeks=2,
        milestones=(
            M(
                key="preparation",
                title="Vorbereitung mit der Geschäftsführung",
                description="Ziel klären, Teilnehmende festlegen (Bewertungsgruppe oder Führungskreis), Termin ankündigen.",
                offset=0.0,
                effort_days=0.0,
                participants="Geschäftsführung, Qualitätsmanagement",
            ),
            M(
                key="introduction",
                title="Einführung in das EFQM-Modell",
                description="Kurze Einführung in die sieben Kriterien und die Reifegradskala 0–5.",
                offset=0.4,
                effort_days=0.25,
                participants=GROUP,
            ),
            M(
                key="quick_check_workshop",
                title="Quick-Check-Workshop",
                description="Die 14 Fragen (zwei je Kriterium) einzeln einschätzen, Abweichungen besprechen, erste Eindrücke festhalten.",
                offset=0.6,
                effort_days=0.5,
                participants=GROUP,
            ),
            M(
                key="results",
                title="Ergebnisse und nächste Schritte",
                description="Ergebnis mit Umrechnungshinweis vorstellen; entscheiden, ob eine ausführliche Selbstbewertung folgt.",
                offset=1.0,
                effort_days=0.25,
                participants="Geschäftsführung, Bewertungsgruppe",
            ),
        ),
    ),
    "questionnaire": MethodPlan(
        method="questionnaire",
        label="Fragebogenmethode",
        min_weeks=4,
        max_weeks=10,
        default_weeks=6,
        milestones=(
            M(
                key="preliminary_talk",
                title="Vorgespräch mit der Geschäftsführung",
                description="Ziele, Befragte (intern und extern), Zeitplan und Beteiligung des Personalrats klären.",
                offset=0.0,
                effort_days=0.25,
                participants="Geschäftsführung, Qualitätsmanagement",
            ),
            M(
                key="questionnaire_design",
                title="Fragebogen entwickeln und abstimmen",
                description="Höchstens 30 Fragen über alle Kriterien auswählen und an die Sprache des Hauses anpassen; Datenschutz und Personalrat beteiligen.",
                offset=0.1,
                effort_days=1.0,
                participants="Projektgruppe",
            ),
            M(
                key="announcement",
                title="Befragung ankündigen",
                description="Belegschaft und externe Befragte über Zweck, Anonymität und Zeitraum informieren.",
                offset=0.25,
                effort_days=0.0,
                participants="Geschäftsführung",
            ),
            M(
                key="field_phase",
                title="Befragung und Interviews durchführen",
                description="Schriftliche Befragung innerhalb und außerhalb des Hauses, ergänzend Interviews.",
                offset=0.4,
                effort_days=0.25,
                participants="Befragte, Projektgruppe",
            ),
            M(
                key="analysis",
                title="Auswertung",
                description="Ergebnisse je Kriterium auswerten, Mindestgruppengrößen beachten, Auffälligkeiten markieren.",
                offset=0.7,
                effort_days=0.5,
                participants="Projektgruppe",
            ),
            M(
                key="results_workshop",
                title="Ergebnisworkshop: Stärken und Verbesserungspotenziale",
                description="Ergebnisse deuten, Stärken und Verbesserungspotenziale bündeln, Handlungsfelder priorisieren.",
                offset=0.85,
                effort_days=0.5,
                participants="Projektgruppe, Führungskräfte",
            ),
            M(
                key="closing",
                title="Abschluss und Rückmeldung an die Befragten",
                description="Ergebnisse und nächste Schritte allen Befragten und der Belegschaft mitteilen.",
                offset=1.0,
                effort_days=0.0,
                participants="Geschäftsführung",
            ),
        ),
    ),
    "workshop": MethodPlan(
        method="workshop",
        label="Workshopmethode",
        min_weeks=8,
        max_weeks=12,
        default_weeks=10,
        milestones=(
            M(
                key="preliminary_talk",
                title="Vorgespräch mit der Geschäftsführung",
                description="Auftrag, Ziele, Rahmen und Begleitung klären; Vorhaben frühzeitig in die Belegschaft kommunizieren.",
                offset=0.0,
                effort_days=0.0,
                participants="Geschäftsführung, Qualitätsmanagement, Begleitung",
            ),
            M(
                key="kick_off",
                title="Kick-off mit Commitment, Ecosystem und Quick-Check",
                description="Mit allen Führungskräften: Commitment zur Selbstbewertung, Ecosystem erarbeiten, Quick-Check als Einstieg.",
                offset=0.08,
                effort_days=1.0,
                participants="Führungskräfte, Bewertungsgruppe",
            ),
            M(
                key="form_group",
                title="Bewertungsgruppe bilden",
                description="Neun bis zwölf Mitglieder, divers nach Geschlecht, Hierarchieebene und Fachlichkeit; alle Kriterien abgedeckt.",
                offset=0.15,
                effort_days=0.25,
                participants="Geschäftsführung, Qualitätsmanagement",
            ),
            M(
                key="radar_and_questions",
                title="RADAR-Befähigung und Fragenset",
                description="Befähigung zur RADAR-Logik, Maßstab kalibrieren, gemeinsam das Fragenset (rund 35 Fragen) festlegen.",
                offset=0.25,
                effort_days=1.0,
                participants=GROUP,
            ),
            M(
                key="evidence_research",
                title="Belegrecherche",
                description="Zu jeder Frage Belege suchen und dokumentieren; Bewertungen stützen sich auf Tatsachen, nicht auf Gefühle.",
                offset=0.5,
                effort_days=1.0,
                participants=GROUP,
            ),
            M(
                key="assessment_circles",
                title="Bewertung in Bewertungszirkeln",
                description="Erst einzeln bewerten, dann im Bewertungszirkel Konsens finden; Stärken und Verbesserungspotenziale festhalten.",
                offset=0.7,
                effort_days=1.0,
                participants=GROUP,
            ),
            M(
                key="recommendations",
                title="Handlungsempfehlungen und Prioritäten",
                description="Handlungsfelder bündeln und nach s.m.a.r.t. priorisieren; mit zwei bis drei Verbesserungsprojekten beginnen.",
                offset=0.88,
                effort_days=0.5,
                participants="Bewertungsgruppe, Geschäftsführung",
            ),
            M(
                key="closing",
                title="Abschluss",
                description="Ergebnisse an Geschäftsführung und Belegschaft übergeben, Retrospektive, nächsten Bewertungszyklus planen.",
                offset=1.0,
                effort_days=0.25,
                participants="Bewertungsgruppe, Geschäftsführung",
            ),
        ),
    ),
    "award_simulation": MethodPlan(
        method="award_simulation",
        label="Bewerbungssimulation",
        min_weeks=16,
        max_weeks=40,
        default_weeks=26,
        milestones=(
            M(
                key="preliminary_talk",
                title="Vorgespräch und Auftrag der Geschäftsführung",
                description="Ziel, Umfang, Budget und externe Assessor:innen klären.",
                offset=0.0,
                effort_days=0.0,
                participants="Geschäftsführung, Qualitätsmanagement",
            ),
            M(
                key="kick_off",
                title="Kick-off und Projektorganisation",
                description="Projektteam und Kriterienteams bilden, Zeitplan und Zuständigkeiten für die Bewerbungsbroschüre festlegen.",
                offset=0.05,
                effort_days=1.0,
                participants="Führungskräfte, Kriterienteams",
            ),
            M(
                key="training",
                title="Schulung zu Modell, RADAR und Bewerbungslogik",
                description="Kriterienteams lernen Modell, RADAR und den Aufbau einer Bewerbungsbroschüre kennen.",
                offset=0.1,
                effort_days=2.0,
                participants="Kriterienteams",
            ),
            M(
                key="key_information",
                title="Ecosystem und Schlüsselinformationen",
                description="Ecosystem, Auftrag, Strategie und wichtigste Kennzahlen für die Broschüre zusammenstellen.",
                offset=0.2,
                effort_days=1.5,
                participants="Kriterienteams",
            ),
            M(
                key="brochure_draft",
                title="Bewerbungsbroschüre erstellen",
                description="Kriterienteams beschreiben Vorgehen, Umsetzung und Ergebnisse mit Belegen je Kriterium.",
                offset=0.45,
                effort_days=5.0,
                participants="Kriterienteams",
            ),
            M(
                key="brochure_review",
                title="Prüfung und Überarbeitung der Broschüre",
                description="Internes Review auf Vollständigkeit, Belege und Stimmigkeit; Überarbeitung.",
                offset=0.6,
                effort_days=1.5,
                participants="Kriterienteams, Qualitätsmanagement",
            ),
            M(
                key="site_visit",
                title="Vor-Ort-Begutachtung (simuliert)",
                description="Ausgebildete Assessor:innen prüfen die Broschüre und führen Interviews vor Ort.",
                offset=0.75,
                effort_days=1.5,
                participants="Führungskräfte, Kriterienteams, Assessor:innen",
            ),
            M(
                key="feedback_report",
                title="Feedbackbericht und Bewertung",
                description="Stärken, Verbesserungspotenziale und Punktzahl aus Sicht der Assessor:innen.",
                offset=0.85,
                effort_days=0.5,
                participants="Geschäftsführung, Kriterienteams",
            ),
            M(
                key="improvement_planning",
                title="Handlungsfelder und Verbesserungsprojekte",
                description="Handlungsfelder priorisieren und Verbesserungsprojekte s.m.a.r.t. planen.",
                offset=0.93,
                effort_days=1.0,
                participants="Führungskräfte, Kriterienteams",
            ),
            M(
                key="closing",
                title="Abschluss und Retrospektive",
                description="Ergebnisse kommunizieren, Erfahrungen auswerten, nächsten Zyklus planen.",
                offset=1.0,
                effort_days=0.5,
                participants="Alle Beteiligten",
            ),
        ),
    ),
}


def method_plan(method: str) -> MethodPlan:
    try:
        return PLANS[method]
    except KeyError:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(PLANS)}") from None


def milestone_templates(method: str) -> tuple[MilestoneTemplate, ...]:
    return method_plan(method).milestones


def _working_day(day: dt.date, start: dt.date, end: dt.date) -> dt.date:
    if day.weekday() < 5:
        return day
    forward = day + dt.timedelta(days=7 - day.weekday())
    if forward <= end:
        return forward
    backward = day - dt.timedelta(days=day.weekday() - 4)
    return max(backward, start)


def plan_timeline(method: str, start: dt.date, weeks: int | None = None) -> list[DatedMilestone]:
    """Dated milestones for a project of ``weeks`` weeks starting on ``start`` (default: the method's default)."""
    plan = method_plan(method)
    weeks = plan.default_weeks if weeks is None else weeks
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        raise TimelineError("Die Projektdauer muss in ganzen Wochen angegeben werden.")
    if not plan.min_weeks <= weeks <= plan.max_weeks:
        raise TimelineError(
            f"Für die {plan.label} sind {plan.min_weeks} bis {plan.max_weeks} Wochen vorgesehen, "
            f"nicht {weeks}."
        )
    span = weeks * 7 - 1
    end = start + dt.timedelta(days=span)
    result: list[DatedMilestone] = []
    previous = start
    for template in plan.milestones:
        day_offset = int(round_half_up(to_fraction(template.offset) * Fraction(span)))
        day = _working_day(start + dt.timedelta(days=day_offset), start, end)
        day = max(day, previous)
        previous = day
        result.append(
            DatedMilestone(
                key=template.key,
                title=template.title,
                description=template.description,
                date=day,
                week=(day - start).days // 7 + 1,
                effort_days=template.effort_days,
                participants=template.participants,
            )
        )
    return result

"""Demo surveys, from the report's projects (synthetic answers, seeded, so every load is the same):

- Hanse-Jobcenter Rostock: the customer survey on digital offers, t0 (February/March 2022) and
  t1 a year later, about 2,400 responses, both published;
- Anhalt-Bitterfeld: the 20-statement rating sheet for all staff (November 2022), published;
- Freiburg (the demo users' Jobcenter): the t0 staff survey, t0 ended and published, t1 running.

Responses are written with plain bulk INSERTs in the layout of the submission service (through
its ``answer_rows``), so the demo takes a second or two. Loading twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable

from django.db import connection, transaction
from django.utils import timezone

from kosmos.core.models import Organisation, User
from kosmos.surveys import services
from kosmos.surveys.content import Answers, Item, Questionnaire, load_questionnaire
from kosmos.surveys.models import Choice, QuestionKind, Response, Survey, Wave, WaveMode, WaveStatus
from kosmos.surveys.services.submission import answer_rows

Chooser = Callable[[Item, random.Random, int], object]

ROSTOCK_COMMENTS = [
    "Die Online-Terminvereinbarung ist sehr praktisch, ich spare mir den Anruf.",
    "Ich hätte gern eine Anleitung auf Papier für jobcenter.digital.",
    "Beim Hochladen der Unterlagen weiß ich nie, ob alles angekommen ist.",
    "Videoberatung war gut, aber das Bild ist manchmal hängen geblieben.",
    "Bitte weiterhin auch persönliche Termine anbieten.",
    "Die Zugangsdaten für das Portal habe ich nie bekommen.",
    "Mein Enkel hat mir geholfen, jetzt klappt es.",
    "Ein Erklärvideo in einfacher Sprache wäre hilfreich.",
    "Im Jugendhaus wurde mir alles gut erklärt.",
    "Die verschlüsselte E-Mail ist mir zu kompliziert.",
]
STAFF_COMMENTS = [
    "Die Ziele unseres Bereichs sollten öfter im Team besprochen werden.",
    "Gute Zusammenarbeit im Team, aber wenig Austausch mit anderen Bereichen.",
    "Mehr Zeit für Fortbildungen wäre wichtig.",
    "Die Rückmeldungen der Kund:innen sollten uns regelmäßig erreichen.",
    "Veränderungen werden zu spät angekündigt.",
    "Ich schätze, dass Vorschläge ernst genommen werden.",
]


def _qm(slug: str) -> tuple[Organisation, User] | None:
    organisation = Organisation.objects.filter(slug=slug).first()
    user = User.objects.filter(email=f"qm@{slug}.example").first()
    return (organisation, user) if organisation and user else None


def _weighted(rng: random.Random, options: list[str], weights: list[float]) -> str:
    return rng.choices(options, weights=weights, k=1)[0]


def _scale(item: Item, rng: random.Random, shift: float) -> str:
    """A scale answer leaning to the positive side; ``shift`` > 0 moves it further up."""
    levels = item.levels
    na = [o.key for o in item.options if o.not_applicable]
    if na and rng.random() < 0.04:
        return na[0]
    position = min(len(levels) - 1, max(0, round(rng.gauss(len(levels) * 0.62 + shift, 1.0))))
    return levels[position].key


def _multiple(item: Item, rng: random.Random, probability: float) -> list[str]:
    exclusive = [o.key for o in item.options if o.exclusive]
    if exclusive and rng.random() < 0.08:
        return [exclusive[0]]
    chosen = [o.key for o in item.options if not o.exclusive and rng.random() < probability]
    chosen = chosen or [rng.choice([o.key for o in item.options if not o.exclusive])]
    return chosen[: item.max_choices] if item.max_choices else chosen


def _generate(questionnaire: Questionnaire, rng: random.Random, wave_index: int, choose: Chooser) -> Answers:
    answers: Answers = {}
    for unit in questionnaire.answer_units():
        value = choose(unit, rng, wave_index)
        if value is not None:
            answers[unit.key] = value  # type: ignore[assignment]
    return answers  # answer_rows drops what conditions hide


def _rostock_choice(item: Item, rng: random.Random, wave_index: int) -> object:
    key = item.key
    better = 0.12 * wave_index  # a year of ambassadors and trainings: more people know and use the offers
    known = {"termin": 0.62, "video": 0.38, "portal": 0.55, "email": 0.3}
    used = {"termin": 0.5, "video": 0.28, "portal": 0.45, "email": 0.2}
    topic = key.split("_", 1)[0]
    if key.endswith("_bekannt"):
        return "ja" if rng.random() < min(0.95, known[topic] + better) else "nein"
    if key.endswith("_genutzt"):
        return "ja" if rng.random() < min(0.9, used[topic] + better) else "nein"
    if key == "altersgruppe":
        return None if rng.random() < 0.05 else _weighted(rng, ["unter_25", "25_34", "35_49", "ab_50"], [2, 3, 4, 3])
    if key == "geschaeftsstelle":
        # The offices come from the organisation (filled in when the survey was created); "weiß nicht" last.
        keys = [o.key for o in item.options if not o.not_applicable]
        weights = [8] + [2] * (len(keys) - 2) + [1]
        return None if rng.random() < 0.05 else _weighted(rng, keys, weights)
    if item.kind in {QuestionKind.LIKERT, QuestionKind.STATEMENT}:
        return _scale(item, rng, 0.3 * wave_index)
    if item.kind == QuestionKind.MULTIPLE:
        return _multiple(item, rng, 0.3)
    if item.kind == QuestionKind.TEXT:
        return rng.choice(ROSTOCK_COMMENTS) if rng.random() < 0.12 else None
    if item.kind == QuestionKind.SINGLE:
        return rng.choice([o.key for o in item.options])
    return None


def _staff_choice(item: Item, rng: random.Random, wave_index: int) -> object:
    if item.key == "bereich":
        return None if rng.random() < 0.06 else _weighted(
            rng, ["markt_integration", "leistung", "steuerung_service", "fuehrung"], [45, 36, 14, 2])
    if item.key == "fuehrungsverantwortung":
        return None if rng.random() < 0.1 else _weighted(rng, ["ja", "nein"], [1, 9])
    if item.key == "zugehoerigkeit":
        return None if rng.random() < 0.1 else _weighted(rng, ["unter_2", "2_5", "6_10", "ueber_10"], [1, 3, 3, 4])
    if item.kind in {QuestionKind.LIKERT, QuestionKind.STATEMENT}:
        criterion_shift = {"1": 0.2, "2": -0.3, "3": -0.2, "4": 0.1, "5": 0.0, "6": 0.3, "7": -0.4}
        return _scale(item, rng, criterion_shift.get(item.criterion, 0.0))
    if item.kind == QuestionKind.TEXT:
        return rng.choice(STAFF_COMMENTS) if rng.random() < 0.15 else None
    if item.kind == QuestionKind.SINGLE:
        return rng.choice([o.key for o in item.options])
    return None


def _fill(wave: Wave, questionnaire: Questionnaire, count: int, seed: int, choose: Chooser, wave_index: int) -> None:
    """Write ``count`` responses with plain INSERTs (the ORM would spend seconds building objects)."""
    rng = random.Random(seed)
    days = (min(wave.ends_on, timezone.localdate()) - wave.starts_on).days + 1
    uuid_field = Response._meta.pk
    responses, answers, texts = [], [], []
    for _i in range(count):
        rows = answer_rows(questionnaire, _generate(questionnaire, rng, wave_index, choose))
        g1, g2, g3 = rows.g
        response_id = uuid_field.get_db_prep_value(uuid.UUID(int=rng.getrandbits(128), version=4), connection)
        day = wave.starts_on + dt.timedelta(days=rng.randrange(days))
        responses.append((response_id, wave.pk, day, "de", g1, g2, g3))
        answers += [(response_id, wave.pk, q, v, g1, g2, g3) for q, v in rows.answers]
        texts += [(response_id, wave.pk, q, t, g1, g2, g3) for q, t in rows.texts]
    rng.shuffle(responses)
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO surveys_response (id, wave_id, submitted_on, language, g1, g2, g3) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)", responses)
        cursor.executemany(
            "INSERT INTO surveys_answer (response_id, wave_id, question_id, value, g1, g2, g3) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)", answers)
        cursor.executemany(
            "INSERT INTO surveys_textanswer (response_id, wave_id, question_id, text, g1, g2, g3) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s)", texts)


def _closed_wave(survey: Survey, user: User, name: str, start: dt.date, end: dt.date, *,
                 invited: int | None = None) -> Wave:
    wave = services.do_create_wave(acting_user=user, survey=survey, name=name, starts_on=start, ends_on=end,
                                   mode=WaveMode.LINK, invited_count=invited)
    Wave.objects.filter(pk=wave.pk).update(status=WaveStatus.CLOSED, results_published=True)
    Survey.objects.filter(pk=survey.pk).update(structure_locked=True)
    wave.refresh_from_db()
    return wave


def _rostock() -> None:
    found = _qm("hanse-rostock")
    if found is None or Survey.objects.filter(organisation=found[0], template_key="digitale-angebote").exists():
        return
    organisation, qm = found
    survey = services.do_create_survey_from_template(acting_user=qm, organisation=organisation,
                                                     slug="digitale-angebote")
    # Without offices on record the template's examples stay; name them as the report does.
    for key, label in (("geschaeftsstelle_1", "Jobcenter (Hauptstelle)"), ("geschaeftsstelle_2", "Jugendhaus")):
        Choice.objects.filter(question__survey=survey, question__key="geschaeftsstelle", key=key).update(
            label=label, placeholder=False)
    questionnaire = load_questionnaire(survey)
    t0 = _closed_wave(survey, qm, "t0 (Frühjahr 2022)", dt.date(2022, 2, 14), dt.date(2022, 3, 18))
    t1 = _closed_wave(survey, qm, "t1 (Frühjahr 2023)", dt.date(2023, 2, 13), dt.date(2023, 3, 17))
    _fill(t0, questionnaire, 1100, 2022, _rostock_choice, 0)
    _fill(t1, questionnaire, 1300, 2023, _rostock_choice, 1)


def _anhalt_bitterfeld() -> None:
    found = _qm("anhalt-bitterfeld")
    if found is None or Survey.objects.filter(organisation=found[0], template_key="bewertungsbogen-20").exists():
        return
    organisation, qm = found
    survey = services.do_create_survey_from_template(acting_user=qm, organisation=organisation,
                                                     slug="bewertungsbogen-20")
    wave = _closed_wave(survey, qm, "Selbsteinschätzung 2022", dt.date(2022, 11, 7), dt.date(2022, 11, 30),
                        invited=280)
    _fill(wave, load_questionnaire(survey), 187, 280, _staff_choice, 0)


def _freiburg() -> None:
    """The t0 staff survey of the EFQM project: t0 ended and published, t1 running now."""
    found = _qm("freiburg")
    if found is None or Survey.objects.filter(organisation=found[0], template_key="t0-mitarbeitende").exists():
        return
    organisation, qm = found
    survey = services.do_create_survey_from_template(acting_user=qm, organisation=organisation,
                                                     slug="t0-mitarbeitende", min_group_size=5)
    t0 = _closed_wave(survey, qm, "t0 (Herbst 2021)", dt.date(2021, 10, 4), dt.date(2021, 10, 22), invited=217)
    _fill(t0, load_questionnaire(survey), 124, 2021, _staff_choice, 0)
    today = timezone.localdate()
    t1 = services.do_create_wave(acting_user=qm, survey=survey, name="t1 (nach den Verbesserungsprojekten)",
                                 starts_on=today - dt.timedelta(days=3), ends_on=today + dt.timedelta(days=18),
                                 invited_count=217)
    services.do_start_wave(acting_user=qm, wave=t1)
    t1.refresh_from_db()
    _fill(t1, load_questionnaire(survey), 41, 2026, _staff_choice, 1)


@transaction.atomic
def load_survey_demo() -> None:
    _rostock()
    _anhalt_bitterfeld()
    _freiburg()

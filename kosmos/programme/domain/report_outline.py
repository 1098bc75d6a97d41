"""The outline of a programme's results report: chapters, numbering, anchors, narrative slots.

Pure (no Django): the same outline drives the page, the PDF (headings h2/h3 become the PDF's
bookmarks) and the DOCX (Word headings 1/2 build its navigation pane). The structure follows the
seed report: introduction, course of the programme, one chapter per topic field with key
findings and recommendations and the examples, all project profiles, closing and outlook.

Narrative sections are written by the programme office and stored by ``slot`` key:
``introduction``, ``course``, ``findings:<topic>``, ``examples:<topic>``, ``conclusion``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kosmos.core.domain.i18n import Message, gettext_noop

INTRODUCTION = "introduction"
COURSE = "course"
CONCLUSION = "conclusion"
FINDINGS = "findings"
EXAMPLES = "examples"

_SLOT_KEY = re.compile(r"^(introduction|course|conclusion|(findings|examples):[a-z0-9_-]{1,60})$")


@dataclass(frozen=True)
class TopicField:
    """A topic field of the call (``key`` as stored, ``title`` as shown)."""

    key: str
    title: str


@dataclass(frozen=True)
class ProfileRef:
    """A project profile in the report: its id, its title and the topic field it belongs to."""

    id: str
    title: str
    topic_key: str


@dataclass(frozen=True)
class Entry:
    """One heading of the report.

    ``level`` 1 is a chapter (h2 in the document, below the report's title h1), 2 a section
    (h3). ``slot`` names the narrative section shown below the heading (None: generated only).
    ``kind`` tells the renderer what else to show: ``narrative``, ``course``, ``topic``,
    ``examples``, ``profiles`` or ``profile``; ``ref`` is the topic key or profile id.
    """

    level: int
    number: str
    anchor: str
    title: Message | str
    kind: str
    slot: str | None = None
    ref: str | None = None

    @property
    def heading_tag(self) -> str:
        return f"h{self.level + 1}"


def is_slot_key(key: str) -> bool:
    """True for a narrative slot key the report knows (see the module docstring)."""
    return bool(_SLOT_KEY.match(key or ""))


def topic_slot(kind: str, topic_key: str) -> str:
    return f"{kind}:{topic_key}"


def build_outline(topics: Sequence[TopicField], profiles: Iterable[ProfileRef]) -> list[Entry]:
    """The report's headings in order, numbered like the seed report (1, 2, 3, 3.1 …).

    Profiles of a topic field that the call does not name still appear among all profiles;
    topic chapters list only the profiles of their topic.
    """
    profiles = list(profiles)
    seen = set()
    for topic in topics:
        if topic.key in seen:
            raise ValueError(f"Topic field {topic.key!r} appears twice")
        seen.add(topic.key)
    entries: list[Entry] = []
    chapter = 0

    def add_chapter(title: Message | str, kind: str, anchor: str, slot: str | None = None,
                    ref: str | None = None) -> str:
        nonlocal chapter
        chapter += 1
        entries.append(Entry(1, str(chapter), anchor, title, kind, slot, ref))
        return str(chapter)

    add_chapter(gettext_noop("Introduction"), "narrative", "einleitung", INTRODUCTION)
    add_chapter(gettext_noop("Course of the programme"), "course", "verlauf", COURSE)
    for topic in topics:
        number = add_chapter(
            Message(gettext_noop("Topic field »%(topic)s«"), {"topic": topic.title}),
            "topic", f"thema-{topic.key}", ref=topic.key,
        )
        entries.append(Entry(2, f"{number}.1", f"thema-{topic.key}-erkenntnisse",
                             gettext_noop("Key findings and recommendations"), "narrative",
                             topic_slot(FINDINGS, topic.key), topic.key))
        entries.append(Entry(2, f"{number}.2", f"thema-{topic.key}-beispiele",
                             gettext_noop("Examples"), "examples", topic_slot(EXAMPLES, topic.key), topic.key))
    number = add_chapter(gettext_noop("Project profiles: goals and results"), "profiles", "steckbriefe")
    for index, profile in enumerate(profiles, start=1):
        entries.append(Entry(2, f"{number}.{index}", f"steckbrief-{profile.id}", profile.title, "profile",
                             ref=profile.id))
    add_chapter(gettext_noop("Closing and outlook"), "narrative", "schluss", CONCLUSION)
    return entries


def narrative_slots(outline: Iterable[Entry]) -> list[Entry]:
    """The entries the programme office writes text for, in report order."""
    return [entry for entry in outline if entry.slot is not None]


def profiles_by_topic(profiles: Iterable[ProfileRef]) -> dict[str, list[ProfileRef]]:
    grouped: dict[str, list[ProfileRef]] = {}
    for profile in profiles:
        grouped.setdefault(profile.topic_key, []).append(profile)
    return grouped

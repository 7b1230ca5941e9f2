"""Plain, frozen copies of stored events: what the in-memory search index and answers are built from.

Kept apart from the ORM so benches and tests can make records without a database.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from storage.models import Event


@dataclass(frozen=True, slots=True)
class PersonRecord:
    name: str
    role: str | None = None
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    text: str
    action: str | None = None


@dataclass(frozen=True, slots=True)
class FactRecord:
    """A field value with the sentence it came from and where that sentence was published."""

    field: str
    value: str
    sentence: str
    source_location: str = ""
    source_title: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRecord:
    location: str
    title: str | None
    text: str


@dataclass(frozen=True, slots=True)
class EventRecord:
    id: int
    date_start: dt.date
    date_end: dt.date
    title: str
    body: str | None = None
    body_short: str | None = None
    kind: str | None = None
    place: str | None = None
    venue: str | None = None
    format: str | None = None  # "очно" / "видеоконференция" / "смешанный"
    chair_person: str | None = None
    chair_role: str | None = None
    chair_state: str | None = None
    summary: str | None = None
    is_announcement: bool = False
    series: str | None = None  # named exercises and operations, space-separated keys ("nelegal-2031")
    participants: tuple[PersonRecord, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()
    topics: tuple[str, ...] = ()
    facts: tuple[FactRecord, ...] = ()
    sources: tuple[SourceRecord, ...] = ()

    def __post_init__(self) -> None:
        if self.date_end < self.date_start:
            raise ValueError(f"event {self.id} ends ({self.date_end}) before it starts ({self.date_start})")


def record_from_event(event: Event) -> EventRecord:
    """Copy an Event whose relations (participants, decisions, topics, facts→source→document, sources→document) are loaded."""
    fmt = event.format.value if event.format is not None and hasattr(event.format, "value") else event.format
    return EventRecord(
        id=event.id,
        date_start=event.date_start,
        date_end=event.date_end,
        title=event.title,
        body=event.body,
        body_short=event.body_short,
        kind=event.kind,
        place=event.place,
        venue=event.venue,
        format=fmt,
        chair_person=event.chair_person,
        chair_role=event.chair_role,
        chair_state=event.chair_state,
        summary=event.summary,
        is_announcement=bool(event.is_announcement),
        series=event.series,
        participants=tuple(PersonRecord(p.name, p.role, p.organisation) for p in event.participants),
        decisions=tuple(DecisionRecord(d.text, d.action) for d in event.decisions),
        topics=tuple(t.text for t in event.topics),
        facts=tuple(
            FactRecord(
                f.field,
                f.value,
                f.sentence,
                f.source.document.location if f.source is not None and f.source.document is not None else "",
                f.source.title if f.source is not None else None,
            )
            for f in event.facts
        ),
        sources=tuple(
            SourceRecord(s.document.location if s.document is not None else "", s.title, s.text) for s in event.sources
        ),
    )

"""Plain values passed between ingestion stages (read → clean → split → extract → merge → store)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes as received, before any decoding."""

    location: str  # file path or URL
    data: bytes
    outlet: str | None = None  # site or agency name when known (from the URL host, a feed, …)
    # when it was published, if the channel says so (a feed entry's `published`), else when it arrived
    published: dt.datetime | None = None
    received: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """A decoded and cleaned document: plain text with paragraphs separated by blank lines."""

    location: str
    text: str
    encoding: str
    outlet: str | None = None
    title: str | None = None  # <title>/<h1> of an HTML page, when there was one
    published: dt.datetime | None = None  # <meta>/<time> publication date, a feed entry's `published`
    received: dt.datetime | None = None  # when the document arrived: the last resort for a year


@dataclass(frozen=True, slots=True)
class Item:
    """One news item of a page (a page may hold several: sidebar items, then the main article)."""

    index: int
    title: str | None
    text: str  # paragraphs separated by "\n\n"; chrome removed
    published: dt.datetime | None = None  # the item's dateline / publication stamp, not the event date
    dateline_place: str | None = None  # city of a wire dateline ("МОСКВА, 20 ноя - РИА Новости." → "Москва")
    # how `published` (or, without it, the year of yearless dates) was known: "stamp", "dateline",
    # "meta", or a year guess's source ("text", "name", "weekday", "office", "chair", "received")
    reference_source: str | None = None
    year_hint: int | None = None  # the year yearless dates of an undated item take
    heading: str | None = None  # a digest entry's date line ("15–23 мая, Брест"): the entry's own date
    # other years a yearless dateline could equally be in (YearGuess.ties), latest first
    other_years: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Provenance:
    """A field value with the sentence it was taken from."""

    field: str
    value: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Person:
    name: str  # nominative: "Станислав Зась"
    role: str | None = None  # "Генеральный секретарь ОДКБ"
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class Chair:
    person: str | None = None
    role: str | None = None
    state: str | None = None  # "Республика Казахстан"


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """Everything extracted from one item, before it is merged with the stored events."""

    item: Item
    language: str  # "ru" / "en"
    date_start: dt.date
    date_end: dt.date
    title: str
    is_announcement: bool
    body: str | None = None
    body_short: str | None = None
    kind: str | None = None
    place: str | None = None
    venue: str | None = None
    format: str | None = None  # "очно" / "видеоконференция" / "смешанный"
    chair: Chair = field(default_factory=Chair)
    summary: str | None = None
    participants: tuple[Person, ...] = ()
    decisions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    series: tuple[str, ...] = ()  # "poisk-2016": a named exercise or operation (storage.lexicon.series)
    # the item tells of preparing a named exercise or operation and dates only itself («приступили к подготовке
    # учений «Поиск-2031»»): an announcement of that event, whose own days it does not give
    undated: bool = False
    facts: tuple[Provenance, ...] = ()

    def __post_init__(self) -> None:
        if self.date_end < self.date_start:
            raise ValueError(f"event ends ({self.date_end}) before it starts ({self.date_start})")

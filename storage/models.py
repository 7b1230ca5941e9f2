"""Tables of the record store.

documents ─< event_sources >─ events ─< participants / decisions / topics
                   └──────< facts (provenance: the sentence each value came from)
"""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy import text as sql  # not `text`: a column of EventSource is called that
from sqlalchemy.ext.asyncio import AsyncAttrs
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(AsyncAttrs, DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentStatus(str, enum.Enum):
    ok = "ok"
    failed = "failed"


class EventFormat(str, enum.Enum):
    in_person = "очно"
    video = "видеоконференция"
    hybrid = "смешанный"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Document(Base):
    """One source as received: a file or a URL, whether or not it could be ingested."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    location: Mapped[str] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    # sha256 of the raw bytes; NULL when the file could not even be read
    content_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    status: Mapped[DocumentStatus] = mapped_column(Enum(DocumentStatus, native_enum=False, length=10))
    reason: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int | None] = mapped_column(Integer)
    encoding: Mapped[str | None] = mapped_column(String(40))
    items_found: Mapped[int] = mapped_column(Integer, default=0)

    sources: Mapped[list[EventSource]] = relationship(back_populates="document")


class Event(Base):
    """A CSTO event, merged from every item that reported or announced it."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    date_start: Mapped[dt.date] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(Text)
    # canonical full Russian name of the CSTO body ("Совет министров иностранных дел ОДКБ")
    body: Mapped[str | None] = mapped_column(String(300))
    body_short: Mapped[str | None] = mapped_column(String(50), index=True)
    kind: Mapped[str | None] = mapped_column(String(50))
    place: Mapped[str | None] = mapped_column(String(100))
    venue: Mapped[str | None] = mapped_column(String(300))
    format: Mapped[EventFormat | None] = mapped_column(Enum(EventFormat, native_enum=False, length=30))
    chair_person: Mapped[str | None] = mapped_column(String(200))
    chair_role: Mapped[str | None] = mapped_column(String(300))
    chair_state: Mapped[str | None] = mapped_column(String(100))
    # True while only announced; a later report of it flips this to False
    is_announcement: Mapped[bool] = mapped_column(Boolean, default=False)
    summary: Mapped[str | None] = mapped_column(Text)
    # named exercise/operation series and year, as language-independent keys ("poisk-2016 eshelon-2016")
    series: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now)

    participants: Mapped[list[Participant]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Participant.id"
    )
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Decision.id"
    )
    topics: Mapped[list[Topic]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Topic.id"
    )
    sources: Mapped[list[EventSource]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventSource.id"
    )
    facts: Mapped[list[Fact]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Fact.id"
    )


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))  # nominative case: "Станислав Зась"
    role: Mapped[str | None] = mapped_column(String(300))
    organisation: Mapped[str | None] = mapped_column(String(200))

    event: Mapped[Event] = relationship(back_populates="participants")


class Decision(Base):
    """A document approved, signed or adopted at the event."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("event_id", "text"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    action: Mapped[str | None] = mapped_column(String(50))  # одобрен / утвержден / подписан / принят

    event: Mapped[Event] = relationship(back_populates="decisions")


class Topic(Base):
    __tablename__ = "topics"
    __table_args__ = (UniqueConstraint("event_id", "text"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="topics")


class EventSource(Base):
    """One item of one document that reported (or announced) the event."""

    __tablename__ = "event_sources"
    __table_args__ = (
        UniqueConstraint("document_id", "item_index"),
        # the few provisional sources a firm report looks for (migration 0004)
        Index("ix_event_sources_undated", "event_id", sqlite_where=sql("undated = 1"), postgresql_where=sql("undated")),
        Index("ix_event_sources_other_years", "other_years", sqlite_where=sql("other_years IS NOT NULL"),
              postgresql_where=sql("other_years IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    item_index: Mapped[int] = mapped_column(Integer)  # position of the item within its document
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.datetime | None] = mapped_column(DateTime)
    language: Mapped[str] = mapped_column(String(5), default="ru")
    is_announcement: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)  # the cleaned item text, kept for search and citation
    # the event is provisional through this source: it gave no days of the event (a preparation item), or its
    # year is one of several the text supports equally (space-separated): a firm report may take it over
    undated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    other_years: Mapped[str | None] = mapped_column(String(400))

    event: Mapped[Event] = relationship(back_populates="sources")
    document: Mapped[Document] = relationship(back_populates="sources")
    facts: Mapped[list[Fact]] = relationship(back_populates="source", cascade="all, delete-orphan")


class Fact(Base):
    """Provenance: which sentence of which source a field value was taken from."""

    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("event_sources.id", ondelete="CASCADE"), index=True)
    # date / place / venue / format / chair / participant / decision / topic / body / kind
    field: Mapped[str] = mapped_column(String(30))
    value: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="facts")
    source: Mapped[EventSource] = relationship(back_populates="facts")


class Setting(Base):
    """Small key/value state: last ingestion time, last feed poll, index version."""

    __tablename__ = "state"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now, onupdate=_now, server_default=func.current_timestamp())


# ── Subscriptions and the delivery outbox (issue #5) ────────────────────────────────────────────


class DeliveryStatus(str, enum.Enum):
    pending = "pending"
    # committed just before the Bot API call: on restart such a row is the only one whose fate is unknown
    sending = "sending"
    sent = "sent"
    failed = "failed"


class Subscriber(Base):
    """A chat (private, group or channel) that receives notifications; subscriptions belong to the chat."""

    __tablename__ = "subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(Integer, unique=True)
    chat_type: Mapped[str] = mapped_column(String(20), default="private")
    title: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(5), default="ru")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    deactivated_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    subscriptions: Mapped[list[Subscription]] = relationship(
        back_populates="subscriber", cascade="all, delete-orphan", order_by="Subscription.id"
    )


class Subscription(Base):
    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("subscriber_id", "topic_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str | None] = mapped_column(String(200))  # as typed; NULL = every event
    # normalised (lemmatised) topic; "" for everything, so the unique constraint also covers it
    topic_key: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    subscriber: Mapped[Subscriber] = relationship(back_populates="subscriptions")


class Delivery(Base):
    """Outbox row: one notification of one event change to one subscriber, written with the event."""

    __tablename__ = "deliveries"
    __table_args__ = (UniqueConstraint("subscriber_id", "event_id", "change"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    change: Mapped[str] = mapped_column(String(10))  # created / reported
    status: Mapped[DeliveryStatus] = mapped_column(
        Enum(DeliveryStatus, native_enum=False, length=10), default=DeliveryStatus.pending, index=True
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    message_id: Mapped[int | None] = mapped_column(Integer)


class FeedEntry(Base):
    """A feed entry already seen, so a restart does not ingest (and notify) it again."""

    __tablename__ = "feed_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_url: Mapped[str] = mapped_column(Text)
    entry_key: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of feed url + entry id/link
    link: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    status: Mapped[str] = mapped_column(String(20))  # ingested / failed
    reason: Mapped[str | None] = mapped_column(Text)

"""Subscriptions: who wants which events, and whether an event matches a topic.

A topic is a body ("СМИД"), a person ("Зась"), a place ("Минск") or a keyword ("учения"). It is
matched against the event's words with the same lemma keys the lexicons use (any case form of a word
matches any other) plus a fuzzy tolerance for typos and transliteration, so "/subscribe Минске" and
"/subscribe минск" are the same subscription and both match an event held in Минск.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from sqlalchemy import DateTime, Integer, String, delete, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.dialect import insert_for
from storage.lexicon.bodies import find_body_matches
from storage.lexicon.phrases import token_keys, tokens
from storage.models import Event, Subscriber, Subscription
from storage.nlp import morph

MAX_TOPIC_CHARS = 100
# a chat with more topics than this is better served by one "/subscribe" (everything)
MAX_SUBSCRIPTIONS_PER_CHAT = 20
# rapidfuzz ratio at which two word keys count as the same word (typos, "Зась"/"Засю" lemma guesses)
WORD_SIMILARITY = 85
_SHORT_WORD = 4  # words this short must match exactly: "СКБ" is not "СМО"


@lru_cache(maxsize=20_000)
def topic_key(topic: str | None) -> str:
    """Normal form of a topic: lemmas in order, space-separated; "" means every event."""
    if not topic:
        return ""
    return " ".join(_word_key(word) for word, _, _ in tokens(topic) if not _is_function_word(word))


_ENGLISH_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "in", "on", "at", "and", "for", "to", "by", "with"})
_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "INTJ"})


def _is_function_word(word: str) -> bool:
    """"в Минске" is about Минск: prepositions, conjunctions and particles are not topic words."""
    w = word.lower()
    if w in _ENGLISH_FUNCTION_WORDS:
        return True
    if word.isupper() or not any("а" <= ch <= "я" or ch == "ё" for ch in w):
        return False
    return morph.parses(w)[0].tag.POS in _FUNCTION_POS


def _word_key(word: str) -> str:
    keys = token_keys(word)
    # the lemma when there is one (the key that is not the word as typed), else the word itself
    return min(keys - {word.lower().replace("ё", "е")} or keys)


@lru_cache(maxsize=20_000)
def _topic_terms(key: str) -> tuple[frozenset[str], ...]:
    return tuple(token_keys(word) for word in key.split())


@lru_cache(maxsize=20_000)
def _topic_bodies(topic_text: str) -> frozenset[str]:
    """Short names of CSTO bodies the topic names ("Совета министров обороны" → {"СМО"})."""
    return frozenset(m.payload.short for m in find_body_matches(topic_text) if not m.payload.is_organisation)


@dataclass(frozen=True, slots=True)
class EventFacets:
    """The words of an event a topic can match, computed once per event."""

    event_id: int
    keys: frozenset[str]
    bodies: frozenset[str]

    @classmethod
    def from_texts(cls, event_id: int, texts: list[str | None], body_short: str | None) -> EventFacets:
        keys: set[str] = set()
        for text in texts:
            for word, _, _ in tokens(text or ""):
                keys |= token_keys(word)
        return cls(event_id, frozenset(keys), frozenset({body_short} if body_short else ()))


async def event_facets(event: Event) -> EventFacets:
    """Facets of a stored event; relations are awaited, never lazy-loaded (async session)."""
    participants = await event.awaitable_attrs.participants
    topics = await event.awaitable_attrs.topics
    texts = [event.title, event.body, event.body_short, event.kind, event.place, event.venue,
             event.chair_person, event.chair_state, event.summary]
    texts += [p.name for p in participants] + [p.organisation for p in participants]
    texts += [t.text for t in topics]
    return EventFacets.from_texts(event.id, texts, event.body_short)


def _word_matches(term: frozenset[str], keys: frozenset[str]) -> bool:
    if term & keys:
        return True
    for t in term:
        if len(t) <= _SHORT_WORD:
            continue
        for k in keys:
            if abs(len(k) - len(t)) <= 2 and fuzz.ratio(t, k) >= WORD_SIMILARITY:
                return True
    return False


def matches(key: str, facets: EventFacets) -> bool:
    """True when every word of the topic is found among the event's words (or it names its body)."""
    if key == "":
        return True
    if _topic_bodies(key) & facets.bodies:
        return True
    return all(_word_matches(term, facets.keys) for term in _topic_terms(key))


class SubscribeStatus(str, enum.Enum):
    added = "added"
    already = "already"
    too_long = "too_long"
    too_many = "too_many"
    empty = "empty"  # a topic with no word in it ("/subscribe ???")


@dataclass(frozen=True, slots=True)
class Chat:
    chat_id: int
    chat_type: str = "private"
    title: str | None = None
    language: str = "ru"


@dataclass(frozen=True, slots=True)
class SubscribeResult:
    status: SubscribeStatus
    topic: str | None = None
    subscription_id: int | None = None


@dataclass(frozen=True, slots=True)
class SubscriptionView:
    id: int
    topic: str | None  # None = everything


async def get_or_create_subscriber(session: AsyncSession, chat: Chat) -> Subscriber:
    """The chat's subscriber row, created if missing. INSERT … ON CONFLICT DO NOTHING, then a locking read:
    two updates of one chat at once never both insert (no UNIQUE error) and later steps see one row."""
    insert = insert_for(session)
    await session.execute(insert(Subscriber.__table__).values(
        chat_id=chat.chat_id, chat_type=chat.chat_type, title=chat.title, language=chat.language, is_active=True,
        created_at=utcnow()).on_conflict_do_nothing(index_elements=["chat_id"]))
    subscriber = await session.scalar(
        select(Subscriber).where(Subscriber.chat_id == chat.chat_id).with_for_update()
        .execution_options(populate_existing=True))
    if not subscriber.is_active:
        # the chat came back (unblocked the bot, re-added it to the group) and asks again
        subscriber.is_active = True
        subscriber.deactivated_reason = None
    return subscriber


async def subscribe(session: AsyncSession, chat: Chat, topic: str | None) -> SubscribeResult:
    topic = " ".join((topic or "").split()) or None
    if topic is not None and len(topic) > MAX_TOPIC_CHARS:
        return SubscribeResult(SubscribeStatus.too_long, topic)
    key = topic_key(topic)
    if topic is not None and not key:
        return SubscribeResult(SubscribeStatus.empty, topic)
    subscriber = await get_or_create_subscriber(session, chat)  # its row is locked until the transaction ends
    existing = await session.scalar(
        select(Subscription).where(Subscription.subscriber_id == subscriber.id, Subscription.topic_key == key)
    )
    if existing is not None:
        return SubscribeResult(SubscribeStatus.already, existing.topic, existing.id)
    # one statement checks the limit and inserts: no other writer can slip in between the count and the row
    count = (select(func.count()).select_from(Subscription)
             .where(Subscription.subscriber_id == subscriber.id).scalar_subquery())
    source = select(literal(subscriber.id, Integer), literal(topic, String), literal(key, String),
                    literal(utcnow(), DateTime)).where(
        count < MAX_SUBSCRIPTIONS_PER_CHAT)
    insert = insert_for(session)
    added = await session.execute(
        insert(Subscription.__table__)
        .from_select(["subscriber_id", "topic", "topic_key", "created_at"], source)
        .on_conflict_do_nothing(index_elements=["subscriber_id", "topic_key"])
        .returning(Subscription.__table__.c.id))
    new_id = added.scalar()
    if new_id is not None:
        return SubscribeResult(SubscribeStatus.added, topic, new_id)
    existing = await session.scalar(
        select(Subscription).where(Subscription.subscriber_id == subscriber.id, Subscription.topic_key == key))
    if existing is not None:  # the same topic, added by a concurrent update of this chat
        return SubscribeResult(SubscribeStatus.already, existing.topic, existing.id)
    return SubscribeResult(SubscribeStatus.too_many, topic)


async def list_subscriptions(session: AsyncSession, chat_id: int) -> list[SubscriptionView]:
    rows = await session.execute(
        select(Subscription.id, Subscription.topic)
        .join(Subscriber)
        .where(Subscriber.chat_id == chat_id)
        .order_by(Subscription.id)
    )
    return [SubscriptionView(id, topic) for id, topic in rows]


async def unsubscribe(session: AsyncSession, chat_id: int, topic: str | None) -> int:
    """Remove one topic (matched by its normal form) or, with no topic, every subscription; returns how many."""
    subscriber_id = select(Subscriber.id).where(Subscriber.chat_id == chat_id).scalar_subquery()
    stmt = delete(Subscription).where(Subscription.subscriber_id == subscriber_id)
    if topic and topic.strip():
        stmt = stmt.where(Subscription.topic_key == topic_key(" ".join(topic.split())))
    result = await session.execute(stmt)
    return result.rowcount or 0


async def remove_subscription(session: AsyncSession, chat_id: int, subscription_id: int) -> bool:
    """Remove by id, but only the chat's own subscription (ids come from callback data)."""
    subscriber_id = select(Subscriber.id).where(Subscriber.chat_id == chat_id).scalar_subquery()
    result = await session.execute(
        delete(Subscription).where(Subscription.id == subscription_id, Subscription.subscriber_id == subscriber_id)
    )
    return bool(result.rowcount)


async def deactivate(session: AsyncSession, subscriber_id: int, reason: str) -> None:
    subscriber = await session.get(Subscriber, subscriber_id)
    if subscriber is not None:
        subscriber.is_active = False
        subscriber.deactivated_reason = reason


async def matching_subscribers(session: AsyncSession, facets: EventFacets) -> list[int]:
    """Ids of active subscribers with at least one subscription that matches the event."""
    rows = await session.execute(
        select(Subscription.subscriber_id, Subscription.topic_key)
        .join(Subscriber)
        .where(Subscriber.is_active.is_(True))
    )
    verdicts: dict[str, bool] = {}  # thousands of subscribers share a handful of topics
    found: set[int] = set()
    for subscriber_id, key in rows:
        if subscriber_id in found:
            continue
        if key not in verdicts:
            verdicts[key] = matches(key, facets)
        if verdicts[key]:
            found.add(subscriber_id)
    return sorted(found)


async def example_event(session: AsyncSession, topic: str | None, scan: int = 500) -> Event | None:
    """The most recent stored event the topic would have matched (shown when subscribing)."""
    key = topic_key(topic)
    events = await session.scalars(select(Event).order_by(Event.date_start.desc(), Event.id.desc()).limit(scan))
    for event in events:
        if matches(key, await event_facets(event)):
            return event
    return None


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)

from __future__ import annotations

import pytest

from storage.subscriptions import (
    MAX_SUBSCRIPTIONS_PER_CHAT,
    MAX_TOPIC_CHARS,
    Chat,
    EventFacets,
    SubscribeStatus,
    example_event,
    list_subscriptions,
    matches,
    remove_subscription,
    subscribe,
    topic_key,
    unsubscribe,
)
from tests.subscriptions.helpers import add_event

FACETS = EventFacets.from_texts(
    7, ["Заседание Совета министров обороны ОДКБ в Бишкеке", "Андрей Белоусов", "тактические учения"], "СМО")


@pytest.mark.parametrize("topic, expected", [
    ("Бишкек", True), ("бишкеке", True), ("Бишкекe", True),  # latin e typo → fuzzy
    ("СМО", True), ("Совет министров обороны", True), ("совета министров обороны", True),
    ("Белоусов", True), ("Белоусова", True), ("учения", True), ("учений", True),
    ("Ереван", False), ("СМИД", False), ("Совет министров иностранных дел", False), ("Лавров", False),
    (None, True),
])
def test_topic_matching(topic, expected):
    assert matches(topic_key(topic), FACETS) is expected


def test_topic_key_is_the_same_for_any_case_form():
    assert topic_key("Минске") == topic_key("минск") == topic_key("  Минск ")
    assert topic_key(None) == "" and topic_key("???") == ""


async def test_subscribe_list_unsubscribe(sessions):
    chat = Chat(101)
    async with sessions.begin() as s:
        assert (await subscribe(s, chat, "Минске")).status is SubscribeStatus.added
        assert (await subscribe(s, chat, "минск")).status is SubscribeStatus.already
        assert (await subscribe(s, chat, None)).status is SubscribeStatus.added
        assert (await subscribe(s, chat, "учения")).status is SubscribeStatus.added
    async with sessions() as s:
        views = await list_subscriptions(s, 101)
    assert [v.topic for v in views] == ["Минске", None, "учения"]
    async with sessions.begin() as s:
        assert await unsubscribe(s, 101, "Минск") == 1
        assert await remove_subscription(s, 999, views[2].id) is False  # not this chat's row
        assert await remove_subscription(s, 101, views[2].id) is True
        assert [v.topic for v in await list_subscriptions(s, 101)] == [None]
        assert await unsubscribe(s, 101, None) == 1
        assert await list_subscriptions(s, 101) == []


async def test_bad_topics_and_cap(sessions):
    chat = Chat(202)
    async with sessions.begin() as s:
        assert (await subscribe(s, chat, "я" * (MAX_TOPIC_CHARS + 1))).status is SubscribeStatus.too_long
        assert (await subscribe(s, chat, "?!")).status is SubscribeStatus.empty
        for n in range(MAX_SUBSCRIPTIONS_PER_CHAT):
            assert (await subscribe(s, chat, f"тема{n}")).status is SubscribeStatus.added
        assert (await subscribe(s, chat, "ещё")).status is SubscribeStatus.too_many
        assert len(await list_subscriptions(s, 202)) == MAX_SUBSCRIPTIONS_PER_CHAT


async def test_example_event_is_the_latest_match(sessions):
    import datetime as dt
    await add_event(sessions, place="Минск", date_start=dt.date(2024, 5, 1), date_end=dt.date(2024, 5, 1))
    newer = await add_event(sessions, place="Минск", title="Консультации", body=None, body_short=None,
                            date_start=dt.date(2025, 6, 2), date_end=dt.date(2025, 6, 2))
    async with sessions() as s:
        assert (await example_event(s, "в Минске")).id == newer
        assert await example_event(s, "Душанбе") is None


async def test_concurrent_subscribes_from_one_chat_never_fail_or_pass_the_limit(sessions):
    import asyncio

    from sqlalchemy import func, select

    from storage.models import Subscriber, Subscription
    from storage.subscriptions import MAX_SUBSCRIPTIONS_PER_CHAT, Chat, SubscribeStatus, subscribe

    chat = Chat(4242, "group", "Чат", "ru")
    topics = [f"тема{n % 60}" for n in range(300)]  # 60 distinct topics, each asked five times at once

    async def one(topic: str):
        async with sessions() as session, session.begin():
            return (await subscribe(session, chat, topic)).status

    results = await asyncio.gather(*(one(t) for t in topics), return_exceptions=True)
    errors = [r for r in results if isinstance(r, BaseException)]
    assert not errors, errors[:3]
    assert results.count(SubscribeStatus.added) == MAX_SUBSCRIPTIONS_PER_CHAT
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(Subscriber)) == 1
        assert await session.scalar(select(func.count()).select_from(Subscription)) == MAX_SUBSCRIPTIONS_PER_CHAT

from __future__ import annotations

from sqlalchemy import select

from storage.models import Delivery, Event, Subscriber
from storage.outbox import enqueue_deliveries
from storage.subscriptions import Chat, subscribe
from tests.subscriptions.helpers import make_event


async def _subscribe(sessions, chat_id, topic):
    async with sessions.begin() as s:
        await subscribe(s, Chat(chat_id), topic)


async def _rows(sessions):
    async with sessions() as s:
        rows = await s.execute(select(Subscriber.chat_id, Delivery.change).join(Subscriber).order_by(Subscriber.chat_id, Delivery.id))
        return [tuple(r) for r in rows]


async def test_matching_subscribers_get_one_row_per_change(sessions):
    await _subscribe(sessions, 1, None)
    await _subscribe(sessions, 2, "Минск")
    await _subscribe(sessions, 2, "учения")  # two matching topics: still one row
    await _subscribe(sessions, 3, "Ереван")
    async with sessions.begin() as s:
        event = make_event()
        s.add(event)
        assert await enqueue_deliveries(s, event, "created") == 2
        assert await enqueue_deliveries(s, event, "created") == 0  # repeated call: no duplicate
        assert await enqueue_deliveries(s, event, "merged") == 0
        assert await enqueue_deliveries(s, event, "reported") == 2
    assert await _rows(sessions) == [(1, "created"), (1, "reported"), (2, "created"), (2, "reported")]


async def test_rolled_back_event_leaves_no_delivery(sessions):
    await _subscribe(sessions, 1, None)
    try:
        async with sessions.begin() as s:
            event = make_event()
            s.add(event)
            await enqueue_deliveries(s, event, "created")
            raise RuntimeError("ingestion failed after the listener ran")
    except RuntimeError:
        pass
    assert await _rows(sessions) == []
    async with sessions() as s:
        assert (await s.scalars(select(Event))).all() == []


async def test_inactive_subscriber_gets_nothing(sessions):
    await _subscribe(sessions, 1, None)
    async with sessions.begin() as s:
        (await s.scalar(select(Subscriber))).is_active = False
        event = make_event()
        s.add(event)
        assert await enqueue_deliveries(s, event, "created") == 0

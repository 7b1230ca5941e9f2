from __future__ import annotations

from collections import Counter

from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import SendMessage
from sqlalchemy import select

from bot.delivery.rate_limit import RateLimiter
from bot.delivery.worker import DeliveryWorker
from storage.models import Delivery, DeliveryStatus, Subscriber
from storage.outbox import enqueue_deliveries
from tests.subscriptions.helpers import add_subscribers, make_event

METHOD = SendMessage(chat_id=1, text="x")


class FakeSender:
    """Records accepted messages; `script[chat_id]` lists exceptions to raise on successive calls."""

    def __init__(self, script=None):
        self.script = {chat: list(errors) for chat, errors in (script or {}).items()}
        self.accepted: list[tuple[int, int]] = []
        self.calls = Counter()

    async def send(self, chat_id, text, event_id, language):
        self.calls[chat_id] += 1
        errors = self.script.get(chat_id)
        if errors:
            raise errors.pop(0)
        self.accepted.append((chat_id, event_id))
        return len(self.accepted)


async def _fan_out(sessions, chat_ids):
    await add_subscribers(sessions, chat_ids)
    async with sessions.begin() as s:
        event = make_event()
        s.add(event)
        await enqueue_deliveries(s, event, "created")
        return event.id


async def _statuses(sessions):
    async with sessions() as s:
        rows = await s.execute(select(Subscriber.chat_id, Delivery.status, Delivery.last_error).join(Subscriber))
        return {chat: (status, error) for chat, status, error in rows}


def _worker(sessions, sender, **kw):
    return DeliveryWorker(sessions, sender, RateLimiter(10_000, 0.0), backoff=lambda n: 0.0, **kw)


async def test_every_subscriber_gets_the_card_once(sessions):
    event_id = await _fan_out(sessions, range(1, 301))
    sender = FakeSender()
    assert await _worker(sessions, sender).drain() == 300
    assert sorted(sender.accepted) == [(c, event_id) for c in range(1, 301)]
    assert {s for s, _ in (await _statuses(sessions)).values()} == {DeliveryStatus.sent}
    assert await _worker(sessions, sender).drain() == 0  # a restart sends nothing again


async def test_error_outcomes(sessions):
    event_id = await _fan_out(sessions, [1, 2, 3, 4, 5])
    sender = FakeSender({
        2: [TelegramForbiddenError(METHOD, "Forbidden: bot was blocked by the user")],
        3: [TelegramBadRequest(METHOD, "Bad Request: chat not found")],
        4: [TelegramServerError(METHOD, "Internal Server Error")] * 2,  # then accepted
        5: [TelegramServerError(METHOD, "Bad Gateway")] * 10,  # never: gives up at the cap
    })
    await _worker(sessions, sender, max_attempts=3).drain()
    statuses = await _statuses(sessions)
    assert sorted(sender.accepted) == [(1, event_id), (4, event_id)]
    assert statuses[1][0] is statuses[4][0] is DeliveryStatus.sent
    assert statuses[2] == (DeliveryStatus.failed, "TelegramForbiddenError: Forbidden: bot was blocked by the user")
    assert statuses[3][0] is DeliveryStatus.failed
    assert statuses[5] == (DeliveryStatus.failed,
                           "gave up after 3 attempts: TelegramServerError: Bad Gateway")
    assert sender.calls[5] == 3
    async with sessions() as s:
        active = dict((await s.execute(select(Subscriber.chat_id, Subscriber.is_active))).all())
    assert active == {1: True, 2: False, 3: False, 4: True, 5: True}


async def test_retry_after_pauses_all_sending_and_resends(sessions):
    import time

    await _fan_out(sessions, [1, 2, 3])
    sender = FakeSender({1: [TelegramRetryAfter(METHOD, "Too Many Requests", retry_after=1)]})
    worker = DeliveryWorker(sessions, sender, RateLimiter(10_000, 0.0), max_in_flight=1)
    started = time.monotonic()
    assert await worker.drain() == 3
    assert time.monotonic() - started >= 0.95  # nobody was sent to during the pause
    assert sorted(c for c, _ in sender.accepted) == [1, 2, 3]
    assert sender.calls[1] == 2


async def test_rows_left_sending_by_a_crash_are_resent(sessions):
    await _fan_out(sessions, [1, 2])
    async with sessions.begin() as s:
        row = await s.scalar(select(Delivery).join(Subscriber).where(Subscriber.chat_id == 1))
        row.status = DeliveryStatus.sending
    worker = _worker(sessions, FakeSender())
    assert await worker.recover() == 1
    assert await worker.drain() == 2


async def test_a_send_without_reply_is_resent_and_says_it_may_be_twice(sessions):
    from bot.delivery.http_sender import SendUncertain

    await _fan_out(sessions, [1, 2])
    sender = FakeSender({1: [SendUncertain(METHOD, "no reply: SocketTimeoutError")]})
    assert await _worker(sessions, sender).drain() == 2
    assert sender.calls[1] == 2
    async with sessions() as s:
        error = await s.scalar(select(Delivery.last_error).join(Subscriber).where(Subscriber.chat_id == 1))
    assert error.startswith("may have arrived, sent again: SendUncertain")


async def test_the_production_backoff_grows_and_is_capped():
    from bot.delivery import outcomes

    # the policy itself, in seconds: 2, 4, 8, … doubling to a five-minute ceiling, within five attempts
    assert [outcomes.backoff(n) for n in range(1, 6)] == [2.0, 4.0, 8.0, 16.0, 32.0]
    assert outcomes.backoff(9) == outcomes.backoff(40) == 300.0 and outcomes.MAX_ATTEMPTS == 5


async def test_a_bad_request_other_than_chat_not_found_fails_the_row_and_keeps_the_subscriber(sessions):
    await _fan_out(sessions, [1])
    sender = FakeSender({1: [TelegramBadRequest(METHOD, "Bad Request: message is too long")]})
    await _worker(sessions, sender).drain()
    async with sessions() as s:
        row = (await s.execute(select(Delivery.status, Delivery.attempts, Delivery.last_error))).one()
        active = await s.scalar(select(Subscriber.is_active))
    assert row == (DeliveryStatus.failed, 1, "TelegramBadRequest: Bad Request: message is too long")
    assert active is True and sender.calls[1] == 1


async def test_an_idle_worker_waits_for_the_poll_interval_instead_of_spinning(sessions):
    import asyncio

    worker = _worker(sessions, FakeSender(), poll_interval=0.2)
    polls = 0
    real = worker._due_jobs

    async def counted():
        nonlocal polls
        polls += 1
        return await real()

    worker._due_jobs = counted
    task = asyncio.create_task(worker.run())
    await asyncio.sleep(0.7)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    assert 2 <= polls <= 6, polls


async def test_a_stopped_worker_leaves_no_task_and_closes_its_sender(sessions):
    import asyncio

    class ClosingSender(FakeSender):
        closed = False

        async def close(self):
            self.closed = True

    await _fan_out(sessions, [1])
    sender = ClosingSender()
    worker = _worker(sessions, sender)
    assert await worker.drain() == 1
    assert not [t for t in asyncio.all_tasks() if t.get_name() == "delivery-commits"]
    task = asyncio.create_task(worker.run())
    await asyncio.sleep(0.1)
    committer = worker._commits._task
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    assert sender.closed and committer is not None and committer.done()


async def test_the_default_worker_schedules_a_retry_by_the_production_backoff(sessions):
    import datetime as dt

    from storage.subscriptions import utcnow

    await _fan_out(sessions, [1])
    sender = FakeSender({1: [TelegramServerError(METHOD, "Bad Gateway")]})
    before = utcnow()
    await DeliveryWorker(sessions, sender, RateLimiter(10_000, 0.0)).drain()  # nothing injected
    async with sessions() as s:
        status, attempts, due = (await s.execute(
            select(Delivery.status, Delivery.attempts, Delivery.next_attempt_at))).one()
    assert (status, attempts) == (DeliveryStatus.pending, 1)
    assert dt.timedelta(seconds=1.5) <= due - before <= dt.timedelta(seconds=3)  # backoff(1) is 2 s


async def test_drain_does_not_stop_while_a_failing_send_is_still_putting_its_row_back(sessions):
    import asyncio

    class SlowFailure(FakeSender):
        async def send(self, chat_id, text, event_id, language):
            if chat_id == 2 and self.calls[2] == 0:
                self.calls[2] += 1
                await asyncio.sleep(0.1)
                raise TelegramServerError(METHOD, "Bad Gateway")
            return await super().send(chat_id, text, event_id, language)

    event_id = await _fan_out(sessions, [1, 2])
    worker = _worker(sessions, SlowFailure())
    real = worker._due_jobs

    async def slow_look():  # the query has looked; the failure lands before it returns
        jobs = await real()
        await asyncio.sleep(0.3)
        return jobs

    worker._due_jobs = slow_look
    await worker.drain()
    assert sorted(worker.sender.accepted) == [(1, event_id), (2, event_id)]

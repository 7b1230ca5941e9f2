"""The delivery worker: sends pending outbox rows within Telegram's limits and records each outcome.

Exactly once, and where it is only "as nearly as possible":
  1. A row is marked `sending` in a COMMITTED transaction immediately before its Bot API call.
  2. The call is made.
  3. The row is marked `sent` (with Telegram's message_id) in the next group commit, which follows the
     reply within about one SQLite commit (~1 ms): completed rows are queued to a single writer that
     commits everything queued so far in one transaction.
So after a crash (SIGKILL) every row is in one of three states: `pending` (certainly not sent: resent),
`sent` (certainly sent: never again), or `sending` — the call may or may not have reached Telegram.
Telegram's sendMessage has no idempotency key and a bot cannot read back what it sent, so no design can
settle those rows; there are at most `max_in_flight` of them. On restart they are sent again
(`recover`): a crash can at worst duplicate up to `max_in_flight` messages and can never lose one.
The same ambiguity without a crash: a request sent but never answered (`SendUncertain`: no reply within
SEND_TIMEOUT, or the connection broke after writing) is resent, and its row says it may be a duplicate.
For a subscriber, a second copy of a card is a nuisance, a missing one is a missed event. With the
rate-limited default (in flight ≤ 4 at 25 msg/s, each call ~ms on a 40 ms spacing) the window is a few
percent of the time, and zero while the worker is idle or waiting for a slot.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.delivery.card import render_card
from bot.delivery.outcomes import MAX_ATTEMPTS, Deactivate, Fail, PauseAll, Retry, backoff, classify
from bot.delivery.rate_limit import RateLimiter
from storage.models import Delivery, DeliveryStatus, Event, Subscriber
from storage.subscriptions import utcnow

log = logging.getLogger(__name__)


class Sender(Protocol):
    async def send(self, chat_id: int, text: str, event_id: int, language: str) -> int:
        """Send one card; return Telegram's message_id; raise aiogram's exceptions on failure."""


@dataclass(frozen=True, slots=True)
class Job:
    delivery_id: int
    subscriber_id: int
    chat_id: int
    language: str
    event_id: int
    change: str
    attempts: int


Render = Callable[[Event, str, str], str]


class _GroupCommitter:
    """One writer for row state changes: everything queued while a commit runs goes in the next one.

    Statements are Core (not ORM) and identical ones are run as one executemany: at a thousand
    messages a second the ORM's per-statement bookkeeping, not SQLite, would be the ceiling.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._queue: asyncio.Queue = asyncio.Queue()
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="delivery-commits")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def apply(self, *changes: tuple) -> None:
        """Each change is (statement, params or None); returns once they are committed."""
        future = asyncio.get_running_loop().create_future()
        await self._queue.put((changes, future))
        await future

    async def _run(self) -> None:
        while True:
            items = [await self._queue.get()]
            while not self._queue.empty():
                items.append(self._queue.get_nowait())
            grouped: dict[int, tuple] = {}
            for changes, _ in items:
                for stmt, params in changes:
                    grouped.setdefault(id(stmt), (stmt, []))[1].append(params)
            try:
                async with self._engine.begin() as conn:
                    for stmt, params in grouped.values():
                        if params[0] is None:
                            await conn.execute(stmt)
                        else:
                            await conn.execute(stmt, params)
            except Exception as exc:  # the database is the source of truth: callers must know
                for _, future in items:
                    if not future.done():
                        future.set_exception(exc)
            else:
                for _, future in items:
                    if not future.done():
                        future.set_result(None)


_DELIVERIES = Delivery.__table__
MARK_SENDING = (update(_DELIVERIES).where(_DELIVERIES.c.id == bindparam("row_id"))
                .values(status=DeliveryStatus.sending.value))
MARK_SENT = (update(_DELIVERIES).where(_DELIVERIES.c.id == bindparam("row_id"))
             .values(status=DeliveryStatus.sent.value, sent_at=bindparam("sent_at"),
                     message_id=bindparam("message_id"), attempts=bindparam("new_attempts")))


def _set(delivery_id: int, **values) -> tuple:
    values = {k: (v.value if isinstance(v, DeliveryStatus) else v) for k, v in values.items()}
    return (update(_DELIVERIES).where(_DELIVERIES.c.id == delivery_id).values(**values), None)


class DeliveryWorker:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        sender: Sender,
        limiter: RateLimiter,
        *,
        render: Render = render_card,
        max_in_flight: int = 4,
        batch_size: int = 200,
        poll_interval: float = 1.0,
        max_attempts: int = MAX_ATTEMPTS,
        backoff: Callable[[int], float] = backoff,
    ) -> None:
        self.sessions = sessions
        self.sender = sender
        self.limiter = limiter
        self.render = render
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self._slots = asyncio.Semaphore(max_in_flight)
        self._in_flight: set[int] = set()
        self._tasks: set[asyncio.Task] = set()
        self._wake = asyncio.Event()
        self._texts: dict[tuple[int, str, str], str] = {}
        self._commits = _GroupCommitter(sessions.kw["bind"])
        self.sent = 0

    def wake(self) -> None:
        """Called after an ingestion committed new rows, so they go out without waiting for the poll."""
        self._wake.set()

    async def recover(self) -> int:
        """Rows left `sending` by a crash go back to `pending` (at-least-once; see the module docstring)."""
        async with self.sessions.begin() as session:
            result = await session.execute(
                update(Delivery).where(Delivery.status == DeliveryStatus.sending)
                .values(status=DeliveryStatus.pending, last_error="interrupted while sending; resent")
            )
        if result.rowcount:
            log.warning("%d deliveries were in flight at the last stop; sending them again", result.rowcount)
        return result.rowcount or 0

    async def run(self) -> None:
        await self.recover()
        self._commits.start()
        try:
            while True:
                if not await self._dispatch_batch():
                    self._wake.clear()
                    try:
                        await asyncio.wait_for(self._wake.wait(), self.poll_interval)
                    except TimeoutError:
                        pass
        finally:
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await self._commits.stop()
            close = getattr(self.sender, "close", None)
            if close is not None:  # the sender's HTTP session lives as long as the worker
                await close()

    async def drain(self) -> int:
        """Send until no row is due (tests, bench, `csto-bot` one-shot use); returns messages sent."""
        await self.recover()
        self._commits.start()
        before = self.sent
        try:
            while True:
                # done only when a look that began with nothing in flight finds nothing due: a send
                # that fails while the query runs puts its row back after the query has looked
                idle = not self._tasks
                if not await self._dispatch_batch() and idle:
                    break
                if self._tasks:
                    await asyncio.wait(self._tasks, return_when=asyncio.FIRST_COMPLETED)
        finally:
            await self._commits.stop()
        return self.sent - before

    async def _dispatch_batch(self) -> int:
        jobs = await self._due_jobs()
        for job in jobs:
            await self._slots.acquire()
            self._in_flight.add(job.delivery_id)
            task = asyncio.create_task(self._deliver(job))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return len(jobs)

    async def _due_jobs(self) -> list[Job]:
        async with self.sessions() as session:
            rows = await session.execute(
                select(Delivery.id, Delivery.subscriber_id, Subscriber.chat_id, Subscriber.language,
                       Delivery.event_id, Delivery.change, Delivery.attempts)
                .join(Subscriber, Subscriber.id == Delivery.subscriber_id)
                .where(Delivery.status == DeliveryStatus.pending,
                       Delivery.next_attempt_at <= utcnow(),
                       Delivery.id.not_in(self._in_flight) if self._in_flight else True)
                .order_by(Delivery.id)
                .limit(self.batch_size)
            )
            jobs = [Job(*row) for row in rows]
            await self._load_texts(session, jobs)
        return jobs

    async def _load_texts(self, session: AsyncSession, jobs: list[Job]) -> None:
        missing = {job.event_id for job in jobs if (job.event_id, job.change, job.language) not in self._texts}
        if not missing:
            return
        events = {e.id: e for e in await session.scalars(select(Event).where(Event.id.in_(missing)))}
        for job in jobs:
            key = (job.event_id, job.change, job.language)
            if key not in self._texts and job.event_id in events:
                self._texts[key] = self.render(events[job.event_id], job.change, job.language)

    async def _deliver(self, job: Job) -> None:
        try:
            await self.limiter.acquire(job.chat_id)
            await self._commits.apply((MARK_SENDING, {"row_id": job.delivery_id}))
            text = self._texts[(job.event_id, job.change, job.language)]
            try:
                message_id = await self.sender.send(job.chat_id, text, job.event_id, job.language)
            except Exception as exc:
                await self._record_failure(job, exc)
            else:
                await self._commits.apply((MARK_SENT, {"row_id": job.delivery_id, "sent_at": utcnow(),
                                                        "message_id": message_id,
                                                        "new_attempts": job.attempts + 1}))
                self.sent += 1
        except asyncio.CancelledError:
            raise
        except Exception:  # a database error: the row stays as it is and is picked up again
            log.exception("delivery %d: could not record its state", job.delivery_id)
        finally:
            self._in_flight.discard(job.delivery_id)
            self._slots.release()

    async def _record_failure(self, job: Job, exc: Exception) -> None:
        outcome = classify(exc)
        now = utcnow()
        if isinstance(outcome, PauseAll):
            self.limiter.pause(outcome.seconds)
            log.warning("Telegram asks to wait %.0f s; all sending paused", outcome.seconds)
            await self._commits.apply(_set(job.delivery_id, status=DeliveryStatus.pending, last_error=outcome.reason))
        elif isinstance(outcome, Deactivate):
            log.info("chat %d is gone (%s); subscriber deactivated", job.chat_id, outcome.reason)
            subscribers = Subscriber.__table__
            await self._commits.apply(
                (update(subscribers).where(subscribers.c.id == job.subscriber_id)
                 .values(is_active=False, deactivated_reason=outcome.reason), None),
                (update(_DELIVERIES)
                 .where(_DELIVERIES.c.subscriber_id == job.subscriber_id,
                        _DELIVERIES.c.status.in_([DeliveryStatus.pending.value, DeliveryStatus.sending.value]))
                 .values(status=DeliveryStatus.failed.value, last_error=outcome.reason), None),
            )
        elif isinstance(outcome, Retry) and job.attempts + 1 < self.max_attempts:
            delay = self.backoff(job.attempts + 1)
            reason = outcome.reason
            if outcome.uncertain:
                reason = f"may have arrived, sent again: {reason}"[:300]
                log.warning("delivery %d: no reply from Telegram (%s); sending again in %.0f s, it may arrive "
                            "twice", job.delivery_id, outcome.reason, delay)
            else:
                log.info("delivery %d: %s; retry in %.0f s", job.delivery_id, reason, delay)
            await self._commits.apply(_set(
                job.delivery_id, status=DeliveryStatus.pending, attempts=job.attempts + 1,
                last_error=reason, next_attempt_at=now + dt.timedelta(seconds=delay)))
        else:
            reason = outcome.reason if isinstance(outcome, Fail) else f"gave up after {job.attempts + 1} attempts: {outcome.reason}"
            log.warning("delivery %d failed: %s", job.delivery_id, reason)
            await self._commits.apply(_set(job.delivery_id, status=DeliveryStatus.failed,
                                           attempts=job.attempts + 1, last_error=reason))

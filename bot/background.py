"""Background services of the running bot and the listeners ingestion calls (#5).

`ingest_listeners(runtime)` returns the Ingestor listeners (called inside each document's
transaction): the transactional outbox, which writes delivery rows with the event and wakes the
delivery worker once that transaction has committed. `start_background(runtime, bot)` starts the
delivery worker, the inbox watcher (INBOX_DIR) and the feed poller (FEED_URLS). The app cancels the
returned tasks on shutdown.
"""
from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from sqlalchemy import event as sa_event

from bot.delivery.rate_limit import RateLimiter
from bot.delivery.worker import DeliveryWorker
from storage.outbox import enqueue_deliveries

if TYPE_CHECKING:
    from aiogram import Bot
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.runtime import Runtime
    from storage.ingest.pipeline import Listener
    from storage.models import Event

log = logging.getLogger(__name__)

def delivery_worker(runtime: "Runtime", bot: "Bot | None" = None) -> DeliveryWorker | None:
    """The runtime's worker (the one the outbox listener wakes); created by start_background."""
    worker = getattr(runtime, "delivery_worker", None)
    if worker is None and bot is not None:
        from bot.delivery.http_sender import BotApiSender

        sender = BotApiSender.for_bot(bot, timeout=runtime.settings.send_timeout)
        worker = DeliveryWorker(runtime.sessions, sender, RateLimiter(runtime.settings.send_rate, 1.0))
        runtime.delivery_worker = worker
    return worker


def ingest_listeners(runtime: "Runtime") -> list["Listener"]:
    async def outbox(session: "AsyncSession", event: "Event", change) -> None:
        if await enqueue_deliveries(session, event, change):
            worker = delivery_worker(runtime)
            if worker is not None:
                # wake only after COMMIT: before it the worker could not see the rows
                sa_event.listen(session.sync_session, "after_commit", lambda _s: worker.wake(), once=True)

    return [outbox]


STORE_POLL_SECONDS = 2.0


async def watch_store(runtime: "Runtime", interval: float = STORE_POLL_SECONDS) -> None:
    """Events another process stored become answerable here within `interval` seconds."""
    while True:
        await asyncio.sleep(interval)
        try:
            if await runtime.refresh_if_changed():
                log.info("the store changed outside this process: answers re-read it")
        except Exception as error:  # a locked or briefly unreachable database: try again next round
            log.warning("store watch: %s", error)


def start_background(runtime: "Runtime", bot: "Bot") -> list[asyncio.Task]:
    from bot.feeds import FeedPoller
    from bot.inbox import InboxWatcher

    tasks = [asyncio.create_task(delivery_worker(runtime, bot).run(), name="delivery-worker"),
             asyncio.create_task(watch_store(runtime), name="store-watch")]
    settings = runtime.settings
    if settings.inbox_dir is not None:
        tasks.append(asyncio.create_task(InboxWatcher(settings.inbox_dir, runtime.ingest).run(), name="inbox"))
    if settings.feed_urls:
        poller = FeedPoller(settings.feed_urls, runtime.ingest, runtime.sessions, interval=settings.feed_interval)
        tasks.append(asyncio.create_task(poller.run(), name="feeds"))
    for task in tasks:
        task.add_done_callback(_log_crash)
    return tasks


def _log_crash(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("background task %s stopped: %r", task.get_name(), task.exception())

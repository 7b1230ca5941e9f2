"""Administrators (ADMIN_IDS): upload a document to ingest it, /stats. Everyone else is refused."""
from __future__ import annotations

import io
import logging
from pathlib import PurePath

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.inbox import SUFFIXES
from bot.texts_subscriptions import sub_texts
from storage.ingest.read import MAX_BYTES, megabytes
from storage.ingest.records import RawDocument
from storage.models import Delivery, DeliveryStatus, Document, DocumentStatus, Event, EventSource, Subscriber, Subscription
from storage.service_state import LAST_FEED_POLL, read_time

log = logging.getLogger(__name__)
# the ingestion's own size limit (the Bot API would allow 20 MB): say so before downloading
MAX_UPLOAD_MB = MAX_BYTES // (1024 * 1024)


def is_admin(message: Message, settings: Settings) -> bool:
    return message.from_user is not None and message.from_user.id in settings.admin_ids


async def on_document(message: Message, bot: Bot, lang: str, settings: Settings, runtime) -> None:
    t = sub_texts(lang)
    if not is_admin(message, settings):
        await message.answer(t.upload_refused)
        return
    document = message.document
    name = PurePath(document.file_name or "document").name
    if PurePath(name).suffix.lower() not in SUFFIXES:
        await message.answer(t.upload_suffix.format(suffixes=", ".join(sorted(SUFFIXES))))
        return
    if (document.file_size or 0) > MAX_UPLOAD_MB * 1024 * 1024:
        await message.answer(t.upload_too_large.format(
            size=megabytes(document.file_size, unit="MB" if lang == "en" else "МБ"), limit=MAX_UPLOAD_MB))
        return
    buffer = io.BytesIO()
    try:
        await bot.download(document, destination=buffer)
    except TelegramAPIError as error:
        log.warning("document download failed: %s", error)
        await message.answer(t.upload_download_failed)
        return
    report = await runtime.ingest(RawDocument(name, buffer.getvalue()))
    if report.status == "failed":
        text = t.upload_failed.format(name=name, reason=report.reason)
    elif report.status == "skipped":
        text = t.upload_skipped.format(name=name)
    else:
        text = t.upload_ok.format(name=name, items=report.items, created=report.created, merged=report.merged)
    await message.answer(text)


async def cmd_stats(message: Message, lang: str, settings: Settings,
                    sessions: async_sessionmaker[AsyncSession]) -> None:
    t = sub_texts(lang)
    if not is_admin(message, settings):
        await message.answer(t.stats_refused)
        return
    async with sessions() as s:
        count = lambda model, *where: s.scalar(select(func.count()).select_from(model).where(*where))  # noqa: E731
        deliveries = dict((await s.execute(select(Delivery.status, func.count()).group_by(Delivery.status))).all())
        last_ingest = await s.scalar(select(func.max(Document.received_at)))
        last_poll = await read_time(s, LAST_FEED_POLL)
        figures = dict(
            events=await count(Event), sources=await count(EventSource), documents=await count(Document),
            documents_failed=await count(Document, Document.status == DocumentStatus.failed),
            active=await count(Subscriber, Subscriber.is_active.is_(True)),
            inactive=await count(Subscriber, Subscriber.is_active.is_(False)),
            subscriptions=await count(Subscription),
            pending=deliveries.get(DeliveryStatus.pending, 0) + deliveries.get(DeliveryStatus.sending, 0),
            sent=deliveries.get(DeliveryStatus.sent, 0), failed=deliveries.get(DeliveryStatus.failed, 0),
            last_ingest=f"{last_ingest:%Y-%m-%d %H:%M} UTC" if last_ingest else t.never,
            last_feed_poll=f"{last_poll:%Y-%m-%d %H:%M} UTC" if last_poll else t.never,
        )
    await message.answer(t.stats.format(**figures))


def make_router() -> Router:
    router = Router(name="admin")
    router.message.register(on_document, F.document)
    router.message.register(cmd_stats, Command("stats"))
    return router

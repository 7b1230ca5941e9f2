"""The long-lived objects of a running bot, built once at start-up and shared by every entry path."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import Settings
from storage.ingest.analysis_pool import AnalysisPool
from storage.ingest.pipeline import DocumentReport, Ingestor
from storage.ingest.records import RawDocument
from storage.repositories import store_fingerprint
from storage.search.answer import QA


@dataclass
class Runtime:
    """Settings, store, answering index and ingestor of one bot process.

    Every ingestion path of the running bot (admin upload, inbox, feeds) goes through `ingest`, so
    answers see a new event as soon as its document is stored. Not frozen: `ingestor` is attached
    after construction because its listeners need the runtime itself.
    """

    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    qa: QA
    ingestor: Ingestor | None = None
    pool: AnalysisPool | None = None  # document analysis off the event loop, with a time limit
    # one ingestion at a time: the QA refresh rebuilds the index from the whole store
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)
    _seen: tuple | None = field(default=None, repr=False)  # the store's fingerprint the index was built from

    @classmethod
    async def build(cls, settings: Settings, engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession],
                    qa: QA | None = None) -> "Runtime":
        from bot.background import ingest_listeners

        seen = await store_fingerprint(sessions)
        runtime = cls(settings, engine, sessions, qa if qa is not None else await QA.load(sessions))
        runtime._seen = seen
        runtime.pool = AnalysisPool(settings.analysis_time_limit)
        runtime.ingestor = Ingestor(sessions, listeners=ingest_listeners(runtime), pool=runtime.pool)
        return runtime

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()

    async def ingest(self, raw: RawDocument) -> DocumentReport:
        assert self.ingestor is not None, "Runtime.build attaches the ingestor"
        async with self._lock:
            report = await self.ingestor.ingest(raw)
            if report.status == "ok" and (report.created or report.merged):
                await self._refresh()
            return report

    async def refresh_if_changed(self) -> bool:
        """Re-read the answering index when the store changed behind this process's back (`csto-bot ingest`
        run beside the bot, another process): a cheap fingerprint of the events table, compared each poll."""
        async with self._lock:
            if await store_fingerprint(self.sessions) == self._seen:
                return False
            await self._refresh()
            return True

    async def _refresh(self) -> None:
        self._seen = await store_fingerprint(self.sessions)
        await self.qa.refresh(self.sessions)

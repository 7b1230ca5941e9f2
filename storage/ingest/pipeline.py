"""read → clean → split → extract → merge → store, one transaction per document.

A document whose content hash is already stored with status ok is skipped. A failed document keeps
a `failed` row with its one-line reason; the same bytes are tried again on the next run (the reason
may have been fixed, e.g. an extractor improved), replacing the old failed row.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.ingest.analysis_pool import AnalysisPool
from storage.ingest.dates import find_dates
from storage.ingest.errors import IngestError, NoDateFound
from storage.ingest.extract.candidate import extract_candidates
from storage.ingest.read import iter_paths, load_path, read_document
from storage.ingest.records import EventCandidate, Item, RawDocument
from storage.ingest.split import split_items
from storage.ingest.store import EventChange, store_candidate
from storage.ingest.year import names_a_year
from storage.models import Document, DocumentStatus, Event

log = logging.getLogger(__name__)

Listener = Callable[[AsyncSession, Event, EventChange], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class DocumentReport:
    location: str
    status: str  # "ok" | "failed" | "skipped" (known content hash)
    items: int = 0
    created: int = 0
    merged: int = 0
    reason: str | None = None
    event_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """The pure stages' result for one document."""

    encoding: str
    items: int
    candidates: tuple[EventCandidate, ...]


def analyse(raw: RawDocument) -> Analysis:
    """CPU-only stages; raises IngestError with a one-line reason."""
    page = read_document(raw)
    items = split_items(page)
    candidates = _numbered([c for item in _dated(items) for c in extract_candidates(item, find_dates)], len(items))
    if not candidates and not any(item.published or find_dates(item.text, 2000) or names_a_year(item.text)
                                  for item in items):
        # a page with dates but no event (a biography, an interview, a plan) is fine: stored, no events
        raise NoDateFound(f"no date found in {len(items)} item(s)")
    return Analysis(page.encoding, len(items), candidates)


def _numbered(candidates: list[EventCandidate], n_items: int) -> tuple[EventCandidate, ...]:
    """A side event read from part of an item is a source of its own: it gets an item number after the page's."""
    used: set[int] = set()
    out = []
    for c in candidates:
        if c.item.index in used:
            c = replace(c, item=replace(c.item, index=n_items + len(used)))
        used.add(c.item.index)
        out.append(c)
    return tuple(out)


def _dated(items: list[Item]) -> list[Item]:
    """An undated item takes the stamp of the item before it: a page's stamp dates what follows it."""
    out, last = [], None
    for item in items:
        if item.published is None and last is not None:
            item = replace(item, published=last)
        last = item.published or last
        out.append(item)
    return out


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if isinstance(error, IngestError):
        return text or type(error).__name__
    return f"internal error: {type(error).__name__}: {text}"[:300]


class Ingestor:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], listeners: Sequence[Listener] = (),
                 pool: AnalysisPool | None = None) -> None:
        """pool: analyse in a worker process with a time limit (the running bot); without one, in a thread
        (a CLI batch, where nothing else waits on the event loop)."""
        self._sessions = sessions
        self._listeners = tuple(listeners)
        self._pool = pool

    async def ingest(self, raw: RawDocument) -> DocumentReport:
        digest = hashlib.sha256(raw.data).hexdigest()
        async with self._sessions() as session:
            known = await session.scalar(select(Document).where(Document.content_hash == digest))
            if known is not None and known.status is DocumentStatus.ok:
                return DocumentReport(raw.location, "skipped", items=known.items_found, reason="already ingested")
        try:
            analysis = await (self._pool.run(analyse, raw) if self._pool else asyncio.to_thread(analyse, raw))
        except Exception as error:  # every failure becomes a report line, never a traceback
            if not isinstance(error, IngestError):
                log.exception("extraction failed for %s", raw.location)
            return await self._failed(raw, digest, _one_line(error))
        try:
            return await self._store(raw, digest, analysis)
        except Exception as error:
            log.exception("storing failed for %s", raw.location)
            return await self._failed(raw, digest, _one_line(error))

    async def _store(self, raw: RawDocument, digest: str, analysis: Analysis) -> DocumentReport:
        created = merged = 0
        ids: list[int] = []
        async with self._sessions() as session, session.begin():
            await session.execute(delete(Document).where(Document.content_hash == digest))
            document = Document(location=raw.location, outlet=raw.outlet, content_hash=digest, size=len(raw.data),
                                status=DocumentStatus.ok, encoding=analysis.encoding, items_found=analysis.items)
            session.add(document)
            for candidate in analysis.candidates:
                event, change = await store_candidate(session, document, candidate)
                if change is EventChange.created and event.id in ids:
                    change = EventChange.merged
                if event.id not in ids:
                    ids.append(event.id)
                created += change is EventChange.created
                merged += change is not EventChange.created
                for listener in self._listeners:
                    await listener(session, event, change)
        return DocumentReport(raw.location, "ok", analysis.items, created, merged, None, tuple(ids))

    async def _failed(self, raw: RawDocument, digest: str | None, reason: str) -> DocumentReport:
        async with self._sessions() as session, session.begin():
            if digest is not None:
                await session.execute(delete(Document).where(Document.content_hash == digest))
            session.add(Document(location=raw.location, outlet=raw.outlet, content_hash=digest, status=DocumentStatus.failed,
                                 reason=reason, size=len(raw.data) if raw.data else None))
        return DocumentReport(raw.location, "failed", reason=reason)

    async def ingest_paths(self, paths: Iterable[str | Path],
                           on_report: Callable[[DocumentReport], None] | None = None) -> list[DocumentReport]:
        """Every file under the paths, in order; on_report hears of each document as soon as it is stored
        (a batch killed half-way has printed what it did)."""
        reports = []
        for path in iter_paths(paths):
            try:
                raw = load_path(Path(path))
            except Exception as error:
                report = await self._failed(RawDocument(str(path), b""), None, _one_line(error))
            else:
                report = await self.ingest(raw)
            reports.append(report)
            if on_report is not None:
                on_report(report)
        return reports

"""Feeds: FEED_URLS (RSS/Atom) polled every FEED_INTERVAL; each new entry's page is fetched and ingested.

An entry is remembered (table feed_entries) only once its page was fetched and ingested, or when the
ingestion itself rejected the page (that would fail again). Timeouts, bad status codes, a malformed
feed or an unreachable page are logged and the entry is tried again next round; nothing here can stop
the bot.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp
import feedparser
from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.ingest.pipeline import DocumentReport
from storage.ingest.records import RawDocument
from storage.models import FeedEntry
from storage.service_state import LAST_FEED_POLL, mark_time

log = logging.getLogger(__name__)

MAX_FEED_BYTES = 5 * 1024 * 1024
MAX_PAGE_BYTES = 10 * 1024 * 1024
Ingest = Callable[[RawDocument], Awaitable[DocumentReport]]


class FetchError(Exception):
    """One line: why a feed or page could not be fetched."""


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    link: str
    title: str
    published: dt.datetime | None = None  # the entry's own date: the page's reference date


@dataclass(frozen=True, slots=True)
class PollReport:
    feed_url: str
    ingested: int = 0
    failed: int = 0
    retry_later: int = 0
    error: str | None = None  # the feed itself could not be read


def entry_key(feed_url: str, entry_id: str) -> str:
    return hashlib.sha256(f"{feed_url}\n{entry_id}".encode()).hexdigest()


def parse_entries(feed_url: str, data: bytes) -> list[Entry]:
    """Entries with a link, in feed order; raises FetchError for something that is not a feed."""
    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    reason = parsed.get("bozo_exception")
    if not version:
        raise FetchError(f"not an RSS/Atom feed{f' ({reason})' if reason else ''}")
    if parsed.get("bozo") and not any(item.get("link") for item in parsed.entries):
        # feedparser reads broken XML leniently; broken and empty is a damaged feed, not an empty one
        raise FetchError(f"not a well-formed RSS/Atom feed{f' ({reason})' if reason else ''}"[:200])
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        stamp = item.get("published_parsed") or item.get("updated_parsed")
        published = dt.datetime(*stamp[:6]) if stamp else None
        entries.append(Entry(entry_key(feed_url, item.get("id") or link), link, item.get("title") or "", published))
    return entries


_CHUNK = 64 * 1024


async def fetch(client: aiohttp.ClientSession, url: str, limit: int) -> bytes:
    """The whole body, read to its end: `content.read(n)` returns only what is buffered, so one call cut a
    large feed after its first chunk. A body over `limit` (declared or received) and one that ends before
    its declared length are errors, never a document; the session's timeouts bound a slow server."""
    try:
        async with client.get(url) as response:
            if response.status != 200:
                raise FetchError(f"HTTP {response.status}")
            if response.content_length is not None and response.content_length > limit:
                raise FetchError(f"{_mb(response.content_length)} declared, the limit is {_mb(limit)}")
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.content.iter_chunked(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"more than the {_mb(limit)} limit")
                chunks.append(chunk)
            return b"".join(chunks)
    except asyncio.TimeoutError:
        raise FetchError("timeout: the server sent too little too slowly") from None
    except aiohttp.ClientPayloadError as error:
        raise FetchError(f"truncated body: {error}"[:200]) from None
    except aiohttp.ClientError as error:
        raise FetchError(f"{type(error).__name__}: {error}"[:200]) from None


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


class FeedPoller:
    def __init__(self, feed_urls: Sequence[str], ingest: Ingest, sessions: async_sessionmaker[AsyncSession], *,
                 interval: float = 600.0, timeout: float = 60.0, read_timeout: float = 15.0) -> None:
        """timeout: a whole request, body included; read_timeout: the longest silence between two reads."""
        self.feed_urls = list(feed_urls)
        self.ingest = ingest
        self.sessions = sessions
        self.interval = interval
        self.timeout = timeout
        self.read_timeout = read_timeout

    async def poll_once(self) -> list[PollReport]:
        timeout = aiohttp.ClientTimeout(total=self.timeout, sock_connect=min(10.0, self.timeout),
                                        sock_read=min(self.read_timeout, self.timeout))
        headers = {"User-Agent": "csto-bot feed reader"}
        async with aiohttp.ClientSession(timeout=timeout, headers=headers) as client:
            reports = [await self._poll_feed(client, url) for url in self.feed_urls]
        await mark_time(self.sessions, LAST_FEED_POLL)
        return reports

    async def _poll_feed(self, client: aiohttp.ClientSession, feed_url: str) -> PollReport:
        try:
            entries = parse_entries(feed_url, await fetch(client, feed_url, MAX_FEED_BYTES))
        except FetchError as error:
            log.warning("feed %s: %s; will retry next round", feed_url, error)
            return PollReport(feed_url, error=str(error))
        async with self.sessions() as session:
            keys = [e.key for e in entries]
            seen = set(await session.scalars(select(FeedEntry.entry_key).where(FeedEntry.entry_key.in_(keys))))
        ingested = failed = retry = 0
        for entry in entries:
            if entry.key in seen:
                continue
            try:
                data = await fetch(client, entry.link, MAX_PAGE_BYTES)
            except FetchError as error:
                log.warning("feed %s: page %s: %s; will retry next round", feed_url, entry.link, error)
                retry += 1
                continue
            outlet = urlsplit(entry.link).hostname
            report = await self.ingest(RawDocument(entry.link, data, outlet=outlet, published=entry.published,
                                                 received=dt.datetime.now()))
            if report.status == "failed":
                log.warning("feed %s: page %s not ingested: %s", feed_url, entry.link, report.reason)
                failed += 1
            else:
                ingested += 1
            await self._remember(feed_url, entry, report)
        return PollReport(feed_url, ingested, failed, retry)

    async def _remember(self, feed_url: str, entry: Entry, report: DocumentReport) -> None:
        async with self.sessions.begin() as session:
            await session.execute(insert(FeedEntry).values(
                feed_url=feed_url, entry_key=entry.key, link=entry.link,
                status="failed" if report.status == "failed" else "ingested", reason=report.reason,
            ).on_conflict_do_nothing())

    async def run(self) -> None:
        while True:
            try:
                await self.poll_once()
            except Exception:
                log.exception("feed poll failed; next poll in %.0f s", self.interval)
            await asyncio.sleep(self.interval)

"""The inbox folder: documents dropped (or renamed) into INBOX_DIR are ingested and filed away.

Polling (every ~1 s) rather than inotify: it works the same on every OS and on network shares.
A file is read only once its size and mtime have stayed the same for one poll, so a document still
being copied is not ingested half-written; partial files under other names (`*.part`, `.~lock`,
hidden files) are never touched. After ingestion the file moves to `processed/` or, with a
`<name>.reason.txt` next to it, to `failed/`.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from storage.ingest.pipeline import DocumentReport
from storage.ingest.read import MAX_BYTES, too_large
from storage.ingest.records import RawDocument

log = logging.getLogger(__name__)

SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})

Ingest = Callable[[RawDocument], Awaitable[DocumentReport]]


def _free_name(folder: Path, name: str) -> Path:
    """`name`, or `name (2)` etc. when a file of that name was already filed (same file dropped twice)."""
    target = folder / name
    n = 2
    while target.exists():
        stem, suffix = Path(name).stem, Path(name).suffix
        target = folder / f"{stem} ({n}){suffix}"
        n += 1
    return target


class InboxWatcher:
    def __init__(self, folder: Path, ingest: Ingest, *, interval: float = 1.0) -> None:
        self.folder = Path(folder)
        self.ingest = ingest
        self.interval = interval
        self._seen: dict[Path, tuple[int, float]] = {}  # size and mtime at the previous poll

    def candidates(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir()
                      if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))

    async def poll_once(self) -> list[tuple[Path, DocumentReport]]:
        """Ingest every file that has stopped changing; returns where each went and its report."""
        done = []
        current = {}
        for path in self.candidates():
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            current[path] = (stat.st_size, stat.st_mtime)
            if self._seen.get(path) != current[path]:
                continue  # new or still growing: look again next poll
            done.append(await self._take(path))
            current.pop(path)
        self._seen = current
        return done

    async def _take(self, path: Path) -> tuple[Path, DocumentReport]:
        try:
            size = path.stat().st_size
            data = path.read_bytes() if size <= MAX_BYTES else None
        except OSError as error:
            report = DocumentReport(str(path), "failed", reason=f"cannot read: {error.strerror or error}")
        else:
            if data is None:
                report = DocumentReport(str(path), "failed", reason=too_large(size))
            else:
                try:
                    report = await self.ingest(RawDocument(path.name, data, outlet=None))
                except Exception as error:  # the watcher must survive anything one file does
                    log.exception("inbox: ingesting %s failed", path.name)
                    report = DocumentReport(str(path), "failed", reason=f"internal error: {type(error).__name__}")
        return self._file_away(path, report), report

    def _file_away(self, path: Path, report: DocumentReport) -> Path:
        failed = report.status == "failed"
        folder = self.folder / ("failed" if failed else "processed")
        folder.mkdir(exist_ok=True)
        target = _free_name(folder, path.name)
        path.replace(target)
        if failed:
            target.with_name(target.name + ".reason.txt").write_text((report.reason or "unknown") + "\n", encoding="utf-8")
            log.warning("inbox: %s failed: %s", path.name, report.reason)
        else:
            log.info("inbox: %s ingested: %d created, %d merged", path.name, report.created, report.merged)
        return target

    async def run(self) -> None:
        log.info("watching inbox %s", self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        while True:
            try:
                await self.poll_once()
            except Exception:
                log.exception("inbox poll failed; next poll in %.0f s", self.interval)
            await asyncio.sleep(self.interval)

"""`csto-bot init | ingest | export | import`: the store's command line; every error is one line, exit code 1."""
from __future__ import annotations

import asyncio
import json
import re
import sys
from pathlib import Path

from sqlalchemy import func, select

from storage.db import open_store
from storage.export import export_events
from storage.ingest.pipeline import DocumentReport, Ingestor
from storage.models import Event
from storage.outbox import enqueue_deliveries
from storage.restore import ImportError_, import_events


def report_line(report: DocumentReport) -> str:
    """One line per document, whatever its name holds (a newline in a file name must not split the line)."""
    location = re.sub(r"[\x00-\x1f\x7f]", lambda m: repr(m.group())[1:-1], report.location)
    if report.status == "failed":
        return f"{location}: ошибка: {report.reason}"
    if report.status == "skipped":
        return f"{location}: пропущен (уже загружен)"
    return f"{location}: материалов {report.items}, событий создано {report.created}, объединено {report.merged}"


async def _init(settings) -> int:
    engine, sessions = await open_store(settings.database_url)
    try:
        async with sessions() as session:
            count = await session.scalar(select(func.count()).select_from(Event))
        if count:
            print(f"база готова: событий {count}")
            return 0
        seeds = Path(settings.seeds_dir)
        if not seeds.exists():
            print(f"база готова: событий 0 (нет папки {seeds})")
            return 0
        reports = await Ingestor(sessions).ingest_paths([seeds])
        async with sessions() as session:
            count = await session.scalar(select(func.count()).select_from(Event))
        failed = sum(r.status == "failed" for r in reports)
        print(f"база готова: загружено документов {len(reports) - failed}, ошибок {failed}, событий {count}")
        return 0
    finally:
        await engine.dispose()


async def _ingest(settings, paths: list[str]) -> int:
    engine, sessions = await open_store(settings.database_url)
    try:
        # the outbox listener: a running bot's delivery worker notifies subscribers of these events (#5)
        reports = await Ingestor(sessions, listeners=[enqueue_deliveries]).ingest_paths(
            paths, on_report=lambda report: print(report_line(report), flush=True))
    finally:
        await engine.dispose()
    if not reports:
        print("нет файлов .txt/.md/.html по указанным путям")
        return 1
    return 1 if any(r.status == "failed" for r in reports) else 0


async def _export(settings, with_text: bool) -> int:
    engine, sessions = await open_store(settings.database_url)
    try:
        async with sessions() as session:
            events = await export_events(session, with_text=with_text)
    finally:
        await engine.dispose()
    print(json.dumps(events, ensure_ascii=False, indent=2))
    return 0


async def _import(settings, path: str) -> int:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        print(f"{path}: файл не прочитать: {error.strerror or error}")
        return 1
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"{path}: не JSON в UTF-8: {str(error).splitlines()[0]}")
        return 1
    engine, sessions = await open_store(settings.database_url)
    try:
        async with sessions() as session, session.begin():
            report = await import_events(session, data)
    except ImportError_ as error:
        print(f"{path}: ничего не импортировано: {error}")
        return 1
    finally:
        await engine.dispose()
    print(f"{path}: импортировано событий {report.imported}, пропущено (уже есть) {report.skipped}, "
          f"документов добавлено {report.documents}")
    return 0


def main(args, settings) -> int:
    try:
        if args.command == "init":
            return asyncio.run(_init(settings))
        if args.command == "ingest":
            return asyncio.run(_ingest(settings, args.paths))
        if args.command == "export":
            return asyncio.run(_export(settings, args.with_text))
        if args.command == "import":
            return asyncio.run(_import(settings, args.file))
    except BrokenPipeError:
        raise  # the reader left (`| head`): bot.cli stops quietly
    except Exception as error:  # a broken DB path or URL: one line, not a traceback
        first = (str(error).strip().splitlines() or [""])[0]
        print(f"csto-bot {args.command}: ошибка: {type(error).__name__}: {first}"[:400], file=sys.stderr)
        return 1
    raise SystemExit(f"csto-bot {args.command}: unknown command")

"""`csto-bot init | ingest | export` (the ingestion helper completes ingest/export)."""
from __future__ import annotations

import asyncio

from storage.db import create_engine, migrate


async def _init(settings) -> int:
    engine = create_engine(settings.database_url)
    await migrate(engine)
    await engine.dispose()
    return 0


def main(args, settings) -> int:
    if args.command == "init":
        return asyncio.run(_init(settings))
    raise SystemExit(f"csto-bot {args.command}: not implemented yet")

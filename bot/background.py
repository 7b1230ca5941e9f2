"""Background services of the running bot and the listeners ingestion calls (filled in by #5).

`ingest_listeners(runtime)` returns the Ingestor listeners (called inside each document's
transaction); `start_background(runtime, bot)` starts long-running tasks (delivery worker, inbox
watcher, feed poller). The app cancels the returned tasks on shutdown.
"""
from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiogram import Bot

    from bot.runtime import Runtime
    from storage.ingest.pipeline import Listener


def ingest_listeners(runtime: "Runtime") -> list["Listener"]:
    return []


def start_background(runtime: "Runtime", bot: "Bot") -> list[asyncio.Task]:
    return []

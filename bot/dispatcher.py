"""The one Dispatcher: routers, the store middleware, start-up and shutdown hooks."""
from __future__ import annotations

import asyncio
import logging

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import BotCommand, BotCommandScopeDefault

from bot.background import start_background
from bot.follow_ups import FollowUps
from bot.handlers import get_routers
from bot.middlewares import StoreMiddleware
from bot.runtime import Runtime
from bot.texts import LANGUAGES

log = logging.getLogger(__name__)

COMMANDS: dict[str, list[tuple[str, str]]] = {
    "ru": [("latest", "Последние события"), ("event", "События на дату"), ("search", "Поиск по событиям"),
           ("reset", "Забыть, о каком событии шла речь"), ("help", "Что умеет бот")],
    "en": [("latest", "Latest events"), ("event", "Events on a date"), ("search", "Search the events"),
           ("reset", "Forget which event we were on"), ("help", "What the bot can do")],
}


def build_dispatcher(runtime: Runtime, *, dispose_engine: bool = True) -> Dispatcher:
    dp = Dispatcher(storage=MemoryStorage())
    dp.workflow_data.update(runtime=runtime, qa=runtime.qa, sessions=runtime.sessions, settings=runtime.settings,
                            follow_ups=FollowUps())
    dp.update.outer_middleware(StoreMiddleware())
    dp.include_routers(*get_routers())

    async def on_startup(bot: Bot) -> None:
        for lang in LANGUAGES:
            commands = [BotCommand(command=c, description=d) for c, d in COMMANDS[lang]]
            await bot.set_my_commands(commands, scope=BotCommandScopeDefault(),
                                      language_code=None if lang == "ru" else lang)
        dp["background_tasks"] = start_background(runtime, bot)

    async def on_shutdown(bot: Bot) -> None:
        tasks: list[asyncio.Task] = dp.workflow_data.pop("background_tasks", [])
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        runtime.close()
        if dispose_engine:
            await runtime.engine.dispose()

    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    return dp

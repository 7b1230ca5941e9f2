"""End-to-end harness: the real Bot and Dispatcher, long polling over HTTP against the emulator."""
from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import make_bot
from bot.botapi import BotAPIEmulator, ChatMessage, EmulatedUser
from bot.config import Settings
from bot.dispatcher import build_dispatcher
from bot.runtime import Runtime
from storage.db import create_engine, migrate, session_factory

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "4242:e2e-token"


@pytest.fixture(scope="session")
def seeded_db_file(tmp_path_factory) -> Path:
    """The seed documents ingested once through the real pipeline; tests get a copy each."""
    from storage.ingest.pipeline import Ingestor

    path = tmp_path_factory.mktemp("seeded") / "seeded.db"

    async def ingest() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        await migrate(engine)
        await Ingestor(session_factory(engine)).ingest_paths(sorted((ROOT / "seeds").glob("*")))
        await engine.dispose()

    asyncio.run(ingest())
    return path


@pytest.fixture
def seeded_url(seeded_db_file: Path, tmp_path: Path) -> str:
    copy = tmp_path / "seeded.db"
    shutil.copy(seeded_db_file, copy)
    return f"sqlite+aiosqlite:///{copy}"


@dataclass
class Harness:
    emulator: BotAPIEmulator
    runtime: Runtime
    user: EmulatedUser

    async def send(self, text: str, user: EmulatedUser | None = None, chat_id: int | None = None) -> list[ChatMessage]:
        """A user message; returns the bot's new messages in that chat once it has handled it."""
        who = user or self.user
        chat = chat_id if chat_id is not None else who.id
        before = len(self.emulator.sent_to(chat))
        update = self.emulator.send_user_message(chat, text, who)
        await self.emulator.wait_handled(update, timeout=15)
        return self.emulator.sent_to(chat)[before:]

    async def press(self, message: ChatMessage, label_or_index: str | int,
                    user: EmulatedUser | None = None) -> list[ChatMessage]:
        """Tap a button of a bot message by its index or the start of its label."""
        buttons = message.buttons()
        if isinstance(label_or_index, int):
            button = buttons[label_or_index]
        else:
            button = next(b for b in buttons if b["text"].startswith(label_or_index))
        who = user or self.user
        before = len(self.emulator.sent_to(message.chat_id))
        update = self.emulator.press_button(message.chat_id, message.message_id, button["callback_data"], who)
        await self.emulator.wait_handled(update, timeout=15)
        answered = update["callback_query"]["id"] in self.emulator.callback_answers
        assert answered, "every button press must be answered (or Telegram shows a spinner)"
        return self.emulator.sent_to(message.chat_id)[before:]

    async def inline(self, query: str, user: EmulatedUser | None = None) -> list[dict]:
        update = self.emulator.inline_query(query, user or self.user)
        await self.emulator.wait_handled(update, timeout=15)
        return self.emulator.inline_answers[update["inline_query"]["id"]]["results"]


async def start_harness(db_url: str, *, concurrent: bool = False, **settings) -> tuple[Harness, object]:
    """`concurrent=True` polls as `csto-bot run` does (each update a task); `Harness.send` then cannot
    know when an update is done, so such tests wait for the messages themselves."""
    engine = create_engine(db_url)
    await migrate(engine)
    sessions = session_factory(engine)
    runtime = await Runtime.build(Settings(database_url=db_url, **settings), engine, sessions)
    emulator = BotAPIEmulator()
    await emulator.start()
    bot = make_bot(TOKEN, emulator.base_url)
    dp = build_dispatcher(runtime)
    # handle_as_tasks=False: an update is answered before the next getUpdates (wait_handled relies on it)
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, handle_as_tasks=concurrent,
                                                   polling_timeout=1))
    await emulator.wait_for(lambda: emulator.requests("getUpdates"), timeout=10)

    async def stop() -> None:
        await dp.stop_polling()
        await asyncio.wait_for(polling, 10)
        await bot.session.close()
        await emulator.stop()
        await engine.dispose()

    return Harness(emulator, runtime, EmulatedUser(501, "Анна", "ru")), stop


@pytest.fixture
async def harness(seeded_url):
    h, stop = await start_harness(seeded_url)
    yield h
    await stop()


@pytest.fixture
async def empty_harness(db_url):
    h, stop = await start_harness(db_url)
    yield h
    await stop()

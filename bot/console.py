"""`csto-bot console`: chat with the real dispatcher offline, through the loopback Bot API emulator.

Typed lines become user messages; the bot's messages are printed as terminal text with their
buttons numbered ([1] Подробнее); typing a number presses that button. `:file PATH` sends a
document, `:lang en|ru` switches the user's language, `:help`, `:quit` (or end of input) leave.
"""
from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import TextIO

from bot.botapi import BotAPIEmulator, EmulatedUser
from bot.config import Settings
from bot.render import html_to_plain

CONSOLE_TOKEN = "1000000:offline-console"
HELP = {
    "ru": "Пишите вопрос или команду (/help, /latest, /event 2020-05-26, /search СМИД). "
          "Номер — нажать кнопку. :file ПУТЬ — отправить документ, :lang en — английский, :quit — выход.",
    "en": "Type a question or a command (/help, /latest, /event 2020-05-26, /search ...). "
          "A number presses a button. :file PATH sends a document, :lang ru — Russian, :quit — exit.",
}


class Console:
    def __init__(self, emulator: BotAPIEmulator, user: EmulatedUser, out: TextIO):
        self.emulator = emulator
        self.user = user
        self.out = out
        self.choices: dict[int, tuple[int, int, str]] = {}  # number -> (chat, message id, callback data)
        self.shown: dict[tuple[int, int], int] = {}  # (chat, message id) -> edits already printed

    @property
    def chat_id(self) -> int:
        return self.user.id

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def print_new(self) -> int:
        """Print bot messages not shown yet (or edited since), numbering their buttons afresh; returns how many."""
        printed = 0
        choices: dict[int, tuple[int, int, str]] = {}
        for msg in self.emulator.sent_to(self.chat_id):
            key = (msg.chat_id, msg.message_id)
            if self.shown.get(key) == msg.edits:
                continue
            edited = key in self.shown
            self.shown[key] = msg.edits
            if edited and msg.text == "" and not msg.buttons():
                continue
            body = html_to_plain(msg.text) if (msg.parse_mode or "").lower() == "html" else msg.text
            if edited and not body:
                continue
            printed += 1
            self.say("─" * 40 + (" (изменено)" if edited else ""))
            if msg.document:
                self.say(f"[документ: {msg.document.get('file_name')}]")
            if body and not (edited and self._only_markup_changed(msg)):
                self.say(body)
            for button in msg.buttons():
                if button.get("callback_data"):
                    n = len(choices) + 1
                    choices[n] = (msg.chat_id, msg.message_id, button["callback_data"])
                    self.say(f"  [{n}] {button['text']}")
                elif button.get("url"):
                    self.say(f"  {button['text']} ({button['url']})")
        if choices:
            self.choices = choices
        return printed

    def _only_markup_changed(self, msg) -> bool:
        return False

    async def handle(self, line: str) -> bool:
        """Act on one typed line; False when the user wants to leave."""
        line = line.strip()
        if not line:
            return True
        if line in (":quit", ":q", ":exit"):
            return False
        if line == ":help":
            self.say(HELP["en" if (self.user.language_code or "").startswith("en") else "ru"])
            return True
        if line.startswith(":lang"):
            lang = line.split(maxsplit=1)[1].strip() if " " in line else "ru"
            self.user = EmulatedUser(self.user.id, self.user.first_name, lang or "ru", self.user.username)
            self.say(f"language: {self.user.language_code}")
            return True
        if line.startswith(":file"):
            path = Path(line[5:].strip()).expanduser()
            try:
                content = path.read_bytes()
            except OSError as error:
                self.say(f"не могу прочитать {path}: {error.strerror or error}")
                return True
            update = self.emulator.send_user_document(self.chat_id, path.name, content, self.user)
        elif line.isdigit() and int(line) in self.choices:
            chat, message_id, data = self.choices[int(line)]
            update = self.emulator.press_button(chat, message_id, data, self.user)
        elif line.startswith(":"):
            self.say(HELP["ru"])
            return True
        else:
            update = self.emulator.send_user_message(self.chat_id, line, self.user)
        try:
            await self.emulator.wait_handled(update)
        except TimeoutError:
            self.say("(бот не ответил вовремя)")
            return True
        if not self.print_new():
            self.say("(бот ничего не ответил)")
        return True


async def run_console(settings: Settings, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    from bot.app import build, make_bot

    stdin = stdin or sys.stdin
    out = out or sys.stdout
    # the console prints the conversation; library chatter would drown it
    logging.getLogger().setLevel(logging.WARNING)
    runtime, dp = await build(settings)
    emulator = BotAPIEmulator()
    await emulator.start()
    bot = make_bot(CONSOLE_TOKEN, emulator.base_url)
    # handle_as_tasks=False: one update is fully answered before the next is fetched (see wait_handled)
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False, handle_as_tasks=False,
                                                   polling_timeout=1))
    user_id = settings.admin_ids[0] if settings.admin_ids else 1
    console = Console(emulator, EmulatedUser(user_id, "Вы", "ru"), out)
    interactive = stdin.isatty()
    try:
        console.say(HELP["ru"])
        loop = asyncio.get_running_loop()
        while True:
            if interactive:
                print("> ", end="", file=out, flush=True)
            line = await loop.run_in_executor(None, stdin.readline)
            if not line:
                break
            if not await console.handle(line):
                break
    except KeyboardInterrupt:
        pass
    finally:
        await dp.stop_polling()
        try:
            await asyncio.wait_for(polling, 5)
        except (asyncio.TimeoutError, RuntimeError):
            polling.cancel()
        await bot.session.close()
        await emulator.stop()
    return 0

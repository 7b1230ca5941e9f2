"""/latest [N]: the newest events, with «Ещё» paging further back."""
from __future__ import annotations

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.keyboards import LatestCb, latest_keyboard
from bot.render import render_list
from bot.replies import reply_html
from bot.texts import Texts
from storage.repositories import EventRepository
from storage.search.records import record_from_event

DEFAULT_SIZE = 5
MAX_SIZE = 20


def parse_size(arg: str | None) -> int | None:
    """N of /latest N: default 5, at most 20; None when it is not a positive number."""
    if not arg or not arg.strip():
        return DEFAULT_SIZE
    arg = arg.strip()
    if not arg.isdigit() or int(arg) < 1:
        return None
    return min(int(arg), MAX_SIZE)


async def send_page(message: Message, repo: EventRepository, texts: Texts, offset: int, size: int) -> None:
    # one extra row tells whether «Ещё» has anything to show
    events = await repo.latest(size + 1, offset)
    if not events:
        await message.answer(texts.latest_empty)
        return
    records = [record_from_event(e) for e in events[:size]]
    more = offset + size if len(events) > size else None
    text = render_list(texts.latest_title, records, texts, first_number=offset + 1)
    await reply_html(message, text, latest_keyboard([r.id for r in records], texts, more, size))


async def cmd_latest(message: Message, command: CommandObject, repo: EventRepository, texts: Texts) -> None:
    size = parse_size(command.args)
    if size is None:
        await message.answer(texts.latest_bad_arg)
        return
    await send_page(message, repo, texts, 0, size)


async def on_more(callback: CallbackQuery, callback_data: LatestCb, repo: EventRepository, texts: Texts) -> None:
    await callback.answer()
    if callback.message is None:
        return
    markup = callback.message.reply_markup
    if markup is not None:
        # the old page keeps its «Подробнее» buttons; only «Ещё» moves to the new page
        rows = [row for row in markup.inline_keyboard if not any(b.callback_data and b.callback_data.startswith("lt:")
                                                                  for b in row)]
        try:
            await callback.message.edit_reply_markup(reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))
        except TelegramBadRequest:
            pass  # already edited by an earlier tap
    size = min(max(callback_data.size, 1), MAX_SIZE)
    await send_page(callback.message, repo, texts, max(callback_data.offset, 0), size)


def make_router() -> Router:
    """A fresh router (a router can belong to one dispatcher only; tests build many)."""
    router = Router(name="latest")
    router.message.register(cmd_latest, Command("latest"))
    router.callback_query.register(on_more, LatestCb.filter())
    return router

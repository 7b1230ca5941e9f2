"""Sending rendered HTML: split to Telegram's limit, buttons on the last part, link previews off."""
from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup, LinkPreviewOptions, Message

from bot.render import split_message

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def reply_html(message: Message, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
    parts = split_message(text)
    sent = None
    for n, part in enumerate(parts):
        sent = await message.answer(part, parse_mode="HTML", link_preview_options=NO_PREVIEW,
                                    reply_markup=markup if n == len(parts) - 1 else None)
    return sent

"""The worker's Sender backed by aiogram: a card with one «Подробнее» button."""
from __future__ import annotations

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions

from bot.delivery.card import MORE
from bot.keyboards import EventCb


class TelegramSender:
    def __init__(self, bot: Bot, request_timeout: float = 30.0) -> None:
        self.bot = bot
        self.request_timeout = request_timeout
        self._markups: dict[tuple[int, str], InlineKeyboardMarkup] = {}

    def _markup(self, event_id: int, language: str) -> InlineKeyboardMarkup:
        key = (event_id, language)
        if key not in self._markups:
            button = InlineKeyboardButton(text=MORE.get(language, MORE["ru"]), callback_data=EventCb(id=event_id).pack())
            self._markups[key] = InlineKeyboardMarkup(inline_keyboard=[[button]])
        return self._markups[key]

    async def send(self, chat_id: int, text: str, event_id: int, language: str) -> int:
        message = await self.bot.send_message(
            chat_id, text, parse_mode="HTML", reply_markup=self._markup(event_id, language),
            link_preview_options=LinkPreviewOptions(is_disabled=True), request_timeout=int(self.request_timeout),
        )
        return message.message_id

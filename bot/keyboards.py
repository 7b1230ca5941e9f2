"""Callback data factories and inline keyboards. Callback data carries ids and pages, never titles
(Telegram allows 64 bytes)."""
from __future__ import annotations

from typing import Sequence

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.texts import Texts
from storage.search.records import EventRecord


class EventCb(CallbackData, prefix="ev"):
    """Show an event: `full` = the whole record (Подробнее), else its card (suggestions, nearest)."""

    id: int
    full: bool = True


class LatestCb(CallbackData, prefix="lt"):
    offset: int
    size: int


class ExampleCb(CallbackData, prefix="ex"):
    """An example question of /help, rebuilt from the event and the question kind on press."""

    id: int
    kind: str  # "chair" | "decisions" | "topics" | "place"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def details_keyboard(record_ids: Sequence[int], t: Texts, numbered: bool = False) -> InlineKeyboardMarkup | None:
    if not record_ids:
        return None
    rows = []
    for n, event_id in enumerate(record_ids, 1):
        label = f"{n}. {t.details_button}" if numbered else t.details_button
        rows.append([InlineKeyboardButton(text=label, callback_data=EventCb(id=event_id).pack())])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def latest_keyboard(record_ids: Sequence[int], t: Texts, next_offset: int | None, size: int) -> InlineKeyboardMarkup:
    markup = details_keyboard(record_ids, t, numbered=True) or InlineKeyboardMarkup(inline_keyboard=[])
    if next_offset is not None:
        markup.inline_keyboard.append(
            [InlineKeyboardButton(text=t.more_button, callback_data=LatestCb(offset=next_offset, size=size).pack())])
    return markup


def events_keyboard(records: Sequence[tuple[EventRecord, str]], t: Texts) -> InlineKeyboardMarkup | None:
    """One button per (event, label) pair: suggestions, nearest events."""
    if not records:
        return None
    rows = [[InlineKeyboardButton(text=_short(label), callback_data=EventCb(id=r.id, full=False).pack())]
            for r, label in records]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def examples_keyboard(examples: Sequence[tuple[str, int, str]]) -> InlineKeyboardMarkup | None:
    if not examples:
        return None
    rows = [[InlineKeyboardButton(text=_short(question), callback_data=ExampleCb(id=event_id, kind=kind).pack())]
            for question, event_id, kind in examples]
    return InlineKeyboardMarkup(inline_keyboard=rows)

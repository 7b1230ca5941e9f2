"""Callback data factories and inline keyboards. Callback data carries ids and pages, never titles
(Telegram allows 64 bytes)."""
from __future__ import annotations

from typing import Sequence

from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from pydantic import Field

from bot.texts import Texts
from storage.search.records import EventRecord


# callback data comes back from the client and may be forged: every number is bounded before it reaches
# the database (SQLite integers are 64-bit; "lt:99999999999999999999:5" would overflow), a failed parse
# matches no handler and falls to `unknown_button`, which answers it
RowId = Annotated[int, Field(ge=1, le=2**53)]


class EventCb(CallbackData, prefix="ev"):
    """Show an event: `full` = the whole record (Подробнее), else its card (suggestions, nearest)."""

    id: RowId
    full: bool = True


class LatestCb(CallbackData, prefix="lt"):
    offset: Annotated[int, Field(ge=0, le=1_000_000)]
    size: Annotated[int, Field(ge=1, le=20)]


class ExampleCb(CallbackData, prefix="ex"):
    """An example question of /help, rebuilt from the event and the question kind on press."""

    id: RowId
    kind: Annotated[str, Field(pattern="^(?:chair|decisions|topics|place)$")]


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

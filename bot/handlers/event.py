"""/event DATE and the event buttons («Подробнее», suggestions, nearest events)."""
from __future__ import annotations

from aiogram import F, Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.keyboards import EventCb, details_keyboard, events_keyboard
from bot.render import card_heading, esc, render_card, render_full, render_list
from bot.replies import reply_html
from bot.texts import Texts
from storage.repositories import EventRepository
from storage.search.answer import QA
from storage.search.date_query import DateQueryError, parse_date_query
from storage.search.records import record_from_event

MAX_EVENTS = 20


class EventStates(StatesGroup):
    waiting_date = State()


async def show_events(message: Message, arg: str, repo: EventRepository, texts: Texts) -> None:
    try:
        span = parse_date_query(arg)
    except DateQueryError as error:
        await message.answer(str(error))
        return
    events = await repo.overlapping(span.start, span.end)
    if not events:
        before = await repo.nearest_before(span.start)
        after = await repo.nearest_after(span.end)
        nearest = []
        if before is not None:
            r = record_from_event(before)
            nearest.append((r, texts.event_before.format(date=card_heading(r, texts))))
        if after is not None:
            r = record_from_event(after)
            nearest.append((r, texts.event_after.format(date=card_heading(r, texts))))
        text = esc(texts.event_none.format(query=arg.strip()))
        if nearest:
            text += "\n" + esc(texts.event_nearest)
        await reply_html(message, text, events_keyboard(nearest, texts))
        return
    records = [record_from_event(e) for e in events]
    shown = records[:MAX_EVENTS]
    note = None
    if len(records) > len(shown):
        note = (f"… и ещё {len(records) - len(shown)}: уточните дату." if texts.lang == "ru"
                else f"… and {len(records) - len(shown)} more: narrow the date.")
    text = render_list(texts.event_title.format(query=arg.strip()), shown, texts, note=note)
    await reply_html(message, text, details_keyboard([r.id for r in shown], texts, numbered=len(shown) > 1))


async def cmd_event(message: Message, command: CommandObject, state: FSMContext, repo: EventRepository,
                    texts: Texts) -> None:
    if not (command.args or "").strip():
        await state.set_state(EventStates.waiting_date)
        await message.answer(texts.event_ask_date)
        return
    await state.clear()
    await show_events(message, command.args, repo, texts)


async def command_instead_of_date(message: Message, state: FSMContext):
    await state.clear()
    return UNHANDLED  # let the command's own handler take it


async def date_reply(message: Message, state: FSMContext, repo: EventRepository, texts: Texts) -> None:
    await state.clear()
    await show_events(message, message.text, repo, texts)


async def on_event(callback: CallbackQuery, callback_data: EventCb, qa: QA, repo: EventRepository,
                   texts: Texts) -> None:
    await callback.answer()
    record = qa.record(callback_data.id)
    if record is None:
        event = await repo.get(callback_data.id)
        record = record_from_event(event) if event is not None else None
    if callback.message is None:
        return
    if record is None:
        await callback.message.answer(texts.event_not_found)
        return
    if callback_data.full:
        await reply_html(callback.message, render_full(record, texts))
    else:
        await reply_html(callback.message, render_card(record, texts), details_keyboard([record.id], texts))


def make_router() -> Router:
    """A fresh router (a router can belong to one dispatcher only; tests build many)."""
    router = Router(name="event")
    router.message.register(cmd_event, Command("event"))
    router.message.register(command_instead_of_date, EventStates.waiting_date, F.text.startswith("/"))
    router.message.register(date_reply, EventStates.waiting_date, F.text)
    router.callback_query.register(on_event, EventCb.filter())
    return router

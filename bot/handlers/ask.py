"""Free-text questions and /search: answer first, then the card and its sources; honest when unsure."""
from __future__ import annotations

import asyncio

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.follow_ups import FollowUps
from bot.keyboards import details_keyboard, events_keyboard
from bot.render import card_heading, render_answer
from bot.replies import reply_html
from bot.texts import Texts
from storage.search.answer import MAX_QUESTION_CHARS, QA



async def answer_question(message: Message, question: str, qa: QA, texts: Texts,
                          follow_ups: FollowUps | None = None) -> None:
    if len(question) > MAX_QUESTION_CHARS:
        await message.answer(texts.question_too_long.format(length=len(question), limit=MAX_QUESTION_CHARS))
        return
    # in a thread: one chat's question never holds up another's update while it is scored
    answer = await asyncio.to_thread(qa.answer, question, texts.lang)
    # «а где?», "and who chaired?" in a private chat: about the event just shown, if the question names none
    private = message.chat.type == "private" and follow_ups is not None
    if private and not answer.confident and (shown := follow_ups.recall(message.chat.id)) is not None:
        answer = qa.follow_up(question, shown, texts.lang) or answer
    records = [r for r in (qa.record(h.event_id) for h in answer.hits) if r is not None]
    if private and answer.confident and not answer.several and records:
        follow_ups.remember(message.chat.id, records[0].id)
    text = render_answer(answer, records, texts, qa.stats())
    if answer.confident and records:
        markup = details_keyboard([r.id for r in (records if answer.several else records[:1])], texts,
                                  numbered=answer.several)
    else:
        markup = events_keyboard([(r, card_heading(r, texts)) for r in records[:3]], texts)
    await reply_html(message, text, markup)


async def cmd_search(message: Message, command: CommandObject, qa: QA, texts: Texts,
                     follow_ups: FollowUps | None = None) -> None:
    if not (command.args or "").strip():
        await message.answer(texts.search_ask_text)
        return
    await answer_question(message, command.args.strip(), qa, texts, follow_ups)


async def on_question(message: Message, qa: QA, texts: Texts, follow_ups: FollowUps | None = None) -> None:
    await answer_question(message, message.text.strip(), qa, texts, follow_ups)


async def cmd_reset(message: Message, texts: Texts, follow_ups: FollowUps | None = None) -> None:
    if follow_ups is not None:
        follow_ups.forget(message.chat.id)
    await message.answer(texts.follow_up_reset)


async def on_unknown_command(message: Message, texts: Texts) -> None:
    await message.answer(texts.unknown_command)


async def on_unknown_button(callback: CallbackQuery, texts: Texts) -> None:
    """A press no handler took (an old keyboard, forged data): answered, so the button stops spinning."""
    await callback.answer(texts.page_gone)


def make_router() -> Router:
    """A fresh router (a router can belong to one dispatcher only; tests build many)."""
    router = Router(name="ask")
    router.message.register(cmd_search, Command("search"))
    router.message.register(cmd_reset, Command("reset"))
    router.message.register(on_question, F.text, ~F.text.startswith("/"))
    # last of all routers: every known command has had its chance
    # private chats only: in groups a command may be meant for another bot
    router.message.register(on_unknown_command, F.text.startswith("/"), F.chat.type == "private")
    router.callback_query.register(on_unknown_button)
    return router

"""Inline mode: `@bot query` in any chat answers with up to 10 events as articles."""
from __future__ import annotations

from aiogram import Router
from aiogram.types import InlineQuery, InlineQueryResultArticle, InputTextMessageContent

from bot.render import card_heading, render_card, split_message
from bot.replies import NO_PREVIEW
from bot.texts import Texts
from storage.repositories import EventRepository
from storage.search.answer import QA
from storage.search.records import record_from_event

MAX_RESULTS = 10


async def on_inline(query: InlineQuery, qa: QA, repo: EventRepository, texts: Texts) -> None:
    text = query.query.strip()
    if not text:
        records = [record_from_event(e) for e in await repo.latest(MAX_RESULTS)]
    else:
        records = [r for r in (qa.record(h.event_id) for h in qa.search(text, MAX_RESULTS)) if r is not None]
    results = [
        InlineQueryResultArticle(
            id=str(r.id),
            title=card_heading(r, texts)[:200],
            description=r.title[:200],
            input_message_content=InputTextMessageContent(
                message_text=split_message(render_card(r, texts))[0], parse_mode="HTML",
                link_preview_options=NO_PREVIEW),
        )
        for r in records[:MAX_RESULTS]
    ]
    await query.answer(results, cache_time=5, is_personal=True)


def make_router() -> Router:
    """A fresh router (a router can belong to one dispatcher only; tests build many)."""
    router = Router(name="inline")
    router.inline_query.register(on_inline)
    return router

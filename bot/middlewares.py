"""Per-update dependencies: a database session, the event repository and the user's texts."""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.texts import language_of, texts_for
from storage.repositories import EventRepository


class StoreMiddleware(BaseMiddleware):
    """Opens one AsyncSession per update (closed after the handler) and picks the language."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        code = user.language_code if user else None
        data["lang"] = language_of(code)
        data["texts"] = texts_for(code)
        async with data["sessions"]() as session:
            data["session"] = session
            data["repo"] = EventRepository(session)
            return await handler(event, data)

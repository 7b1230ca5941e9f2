"""The last resort: log the unexpected with its update, tell the user one line, keep polling."""
from __future__ import annotations

import logging

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent

from bot.texts import texts_for

log = logging.getLogger(__name__)


async def on_error(event: ErrorEvent) -> bool:
    update = event.update
    log.error("update %s failed: %r\n%s", update.update_id, event.exception,
              update.model_dump_json(exclude_none=True)[:2000], exc_info=event.exception)
    user = update.event.from_user if hasattr(update.event, "from_user") else None
    text = texts_for(user.language_code if user else None).error
    try:
        if update.message is not None:
            await update.message.answer(text)
        elif update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
    except TelegramAPIError as error:  # the answer itself failed: nothing more to tell the user
        log.warning("could not report the error to the user: %s", error)
    return True


def make_router() -> Router:
    """A fresh router (a router can belong to one dispatcher only; tests build many)."""
    router = Router(name="errors")
    router.errors.register(on_error)
    return router

"""All routers in the order they must see updates: commands and states before the free-text catch-all."""
from __future__ import annotations

from aiogram import Router


def get_routers() -> list[Router]:
    from bot.handlers import ask, errors, event, inline, latest, start

    # event first: while it waits for a date, any command must clear that state before its handler runs
    routers = [errors.make_router(), event.make_router(), start.make_router(), latest.make_router(),
               inline.make_router()]
    # subscription/admin routers (#5) go here, before `ask`, whose text handler takes everything left
    from bot.handlers import admin, subscriptions

    routers += [subscriptions.make_router(), admin.make_router()]
    routers.append(ask.make_router())
    return routers

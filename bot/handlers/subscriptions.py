"""/subscribe [TOPIC], /subscriptions (with remove buttons), /unsubscribe [TOPIC].

Subscriptions belong to the chat: in a private chat to the user, in a group to the group (and only
its administrators may change them: getChatMember), in a channel to the channel (only its admins can
post there, so a command in a channel post is already an admin's).
"""
from __future__ import annotations

import html
import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.keyboards import RowId
from bot.texts_subscriptions import SubTexts, sub_texts
from storage.subscriptions import (
    MAX_SUBSCRIPTIONS_PER_CHAT,
    MAX_TOPIC_CHARS,
    Chat,
    SubscribeStatus,
    example_event,
    list_subscriptions,
    remove_subscription,
    subscribe,
    unsubscribe,
)

log = logging.getLogger(__name__)
GROUP_TYPES = frozenset({"group", "supergroup"})
SHARED_TYPES = GROUP_TYPES | {"channel"}
ADMIN_STATUSES = frozenset({"creator", "administrator"})


class UnsubscribeCb(CallbackData, prefix="us"):
    id: RowId


async def may_manage(bot: Bot, message: Message) -> bool:
    """May the sender of this command change the chat's subscriptions? Private chats: yes; channels: a post
    is made by the channel's administrators; groups: only the chat's administrators."""
    if message.chat.type not in GROUP_TYPES:
        return True
    if message.sender_chat is not None and message.sender_chat.id == message.chat.id:
        return True  # an anonymous group administrator posts as the group itself
    if message.from_user is None:
        return False
    return await is_chat_admin(bot, message.chat.id, message.from_user.id)


async def is_chat_admin(bot: Bot, chat_id: int, user_id: int) -> bool:
    try:
        member = await bot.get_chat_member(chat_id, user_id)
    except TelegramAPIError as error:
        log.warning("getChatMember failed in chat %d: %s", chat_id, error)
        return False
    return member.status in ADMIN_STATUSES


def _chat(message: Message, lang: str) -> Chat:
    title = message.chat.title or message.chat.full_name or None
    return Chat(message.chat.id, message.chat.type, title[:200] if title else None, lang)


def _topic_label(topic: str | None, t: SubTexts) -> str:
    return topic if topic else t.everything


async def cmd_subscribe(message: Message, command: CommandObject, bot: Bot, lang: str,
                        sessions: async_sessionmaker[AsyncSession]) -> None:
    t = sub_texts(lang)
    if not await may_manage(bot, message):
        await message.answer(t.admins_only)
        return
    async with sessions.begin() as session:
        result = await subscribe(session, _chat(message, lang), command.args)
    if result.status is SubscribeStatus.too_long:
        await message.answer(t.too_long.format(limit=MAX_TOPIC_CHARS))
        return
    if result.status is SubscribeStatus.too_many:
        await message.answer(t.too_many.format(limit=MAX_SUBSCRIPTIONS_PER_CHAT))
        return
    if result.status is SubscribeStatus.empty:
        await message.answer(t.empty_topic)
        return
    if result.status is SubscribeStatus.already:
        await message.answer(t.already.format(topic=_topic_label(result.topic, t)))
        return
    head = t.subscribed_topic.format(topic=result.topic) if result.topic else t.subscribed_all
    lines = [html.escape(head)]
    async with sessions() as session:
        example = await example_event(session, result.topic)
        if example is not None:
            lines.append(html.escape(t.example.format(date=f"{example.date_start:%d.%m.%Y}", title=example.title)))
        elif result.topic:
            lines.append(html.escape(t.no_example))
    await message.answer("\n".join(lines), parse_mode="HTML")


def _list_markup(views, t: SubTexts) -> InlineKeyboardMarkup | None:
    if not views:
        return None
    rows = [[InlineKeyboardButton(text=t.remove_button.format(topic=_topic_label(v.topic, t))[:60],
                                  callback_data=UnsubscribeCb(id=v.id).pack())] for v in views]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _list_text(views, t: SubTexts) -> str:
    if not views:
        return t.list_empty
    return "\n".join([t.list_title] + [f"• {_topic_label(v.topic, t)}" for v in views])


async def cmd_subscriptions(message: Message, lang: str, sessions: async_sessionmaker[AsyncSession]) -> None:
    t = sub_texts(lang)
    async with sessions() as session:
        views = await list_subscriptions(session, message.chat.id)
    await message.answer(_list_text(views, t), reply_markup=_list_markup(views, t))


async def on_remove(callback: CallbackQuery, callback_data: UnsubscribeCb, bot: Bot, lang: str,
                    sessions: async_sessionmaker[AsyncSession]) -> None:
    t = sub_texts(lang)
    message = callback.message
    if not isinstance(message, Message):
        await callback.answer(t.removed_gone)
        return
    if message.chat.type in SHARED_TYPES and not await is_chat_admin(bot, message.chat.id, callback.from_user.id):
        # a button under a group's or channel's message can be pressed by anyone who sees it
        await callback.answer(t.admins_only, show_alert=True)
        return
    async with sessions.begin() as session:
        views = await list_subscriptions(session, message.chat.id)
        topic = next((v.topic for v in views if v.id == callback_data.id), None)
        removed = await remove_subscription(session, message.chat.id, callback_data.id)
        views = await list_subscriptions(session, message.chat.id)
    await callback.answer(t.removed.format(topic=_topic_label(topic, t)) if removed else t.removed_gone)
    try:
        await message.edit_text(_list_text(views, t), reply_markup=_list_markup(views, t))
    except TelegramAPIError:
        pass  # "message is not modified" or too old to edit: the answer above already told the user


async def cmd_unsubscribe(message: Message, command: CommandObject, bot: Bot, lang: str,
                          sessions: async_sessionmaker[AsyncSession]) -> None:
    t = sub_texts(lang)
    if not await may_manage(bot, message):
        await message.answer(t.admins_only)
        return
    topic = " ".join((command.args or "").split())[:MAX_TOPIC_CHARS] or None
    async with sessions.begin() as session:
        count = await unsubscribe(session, message.chat.id, topic)
    if topic is None:
        await message.answer(t.unsubscribed_all.format(count=count))
    elif count:
        await message.answer(t.unsubscribed_topic.format(topic=topic))
    else:
        await message.answer(t.not_subscribed.format(topic=topic))


def make_router() -> Router:
    router = Router(name="subscriptions")
    for observer in (router.message, router.channel_post):
        observer.register(cmd_subscribe, Command("subscribe"))
        observer.register(cmd_subscriptions, Command("subscriptions"))
        observer.register(cmd_unsubscribe, Command("unsubscribe"))
    router.callback_query.register(on_remove, UnsubscribeCb.filter())
    return router

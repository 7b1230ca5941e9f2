"""A lean Sender: sendMessage over one keep-alive aiohttp session, answers mapped to aiogram's errors.

Why not `bot.send_message`: aiogram validates the request and the whole returned Message with
pydantic, about half of the worker's CPU per notification; the worker only needs `message_id`.
The request body is the same JSON aiogram would send; errors are raised as aiogram's exception types
so `outcomes.classify` sorts them the same way.

Timeouts are split by what they say about the message. A failed or slow connect means the request
never left: certainly not sent. Once the request is written, a missing or broken reply is ambiguous:
Telegram may have delivered the message; that is `SendUncertain`. The reply wait (`SEND_TIMEOUT`,
120 s by default) is far above Telegram's normal latency so that a slow answer is waited for, not
resent; the README says what happens past it.
"""
from __future__ import annotations

import asyncio
import json

import aiohttp
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import SendMessage

from bot.delivery.card import MORE


CONNECT_TIMEOUT = 10.0  # seconds to open a connection; past it the request was certainly not sent


class SendUncertain(TelegramNetworkError):
    """The request was sent but no complete reply came: the message may or may not have arrived."""


class BotApiSender:
    def __init__(self, api_url: str, token: str, *, timeout: float = 120.0, connections: int = 100,
                 connect_timeout: float = CONNECT_TIMEOUT) -> None:
        self.url = f"{api_url.rstrip('/')}/bot{token}/sendMessage"
        # no total: it could fire mid-connect and make a certain "not sent" look ambiguous
        self._timeout = aiohttp.ClientTimeout(total=None, connect=connect_timeout, sock_read=timeout)
        self._connections = connections
        self._client: aiohttp.ClientSession | None = None
        self._markups: dict[tuple[int, str], dict] = {}

    @classmethod
    def for_bot(cls, bot, **kw) -> "BotApiSender":
        """Same server and token as the aiogram Bot (TELEGRAM_API_URL, emulator in tests)."""
        sender = cls("", bot.token, **kw)
        sender.url = bot.session.api.api_url(token=bot.token, method="sendMessage")
        return sender

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None

    def _markup(self, event_id: int, language: str) -> dict:
        key = (event_id, language)
        if key not in self._markups:
            from bot.keyboards import EventCb

            button = {"text": MORE.get(language, MORE["ru"]), "callback_data": EventCb(id=event_id).pack()}
            self._markups[key] = {"inline_keyboard": [[button]]}
        return self._markups[key]

    async def send(self, chat_id: int, text: str, event_id: int, language: str) -> int:
        if self._client is None:
            self._client = aiohttp.ClientSession(
                timeout=self._timeout, connector=aiohttp.TCPConnector(limit=self._connections))
        body = {"chat_id": chat_id, "text": text, "parse_mode": "HTML",
                "link_preview_options": {"is_disabled": True}, "reply_markup": self._markup(event_id, language)}
        try:
            async with self._client.post(self.url, data=json.dumps(body, ensure_ascii=False).encode(),
                                         headers={"Content-Type": "application/json"}) as response:
                status = response.status
                raw = await response.read()
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as error:
            raise TelegramNetworkError(SendMessage(chat_id=chat_id, text=text), f"not sent: {_describe(error)}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            raise SendUncertain(SendMessage(chat_id=chat_id, text=text), f"no reply: {_describe(error)}")
        try:
            answer = json.loads(raw)
        except ValueError:
            answer = {"ok": False, "description": raw[:200].decode("utf-8", "replace")}
        if answer.get("ok"):
            return int(answer["result"]["message_id"])
        raise _error(status, answer, chat_id, text)


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _error(status: int, answer: dict, chat_id: int, text: str) -> Exception:
    method = SendMessage(chat_id=chat_id, text=text)
    description = str(answer.get("description") or f"HTTP {status}")
    code = int(answer.get("error_code") or status)
    if code == 429:
        retry_after = int((answer.get("parameters") or {}).get("retry_after") or 1)
        return TelegramRetryAfter(method, description, retry_after)
    if code == 403:
        return TelegramForbiddenError(method, description)
    if code == 401:
        return TelegramUnauthorizedError(method, description)
    if code == 404:
        return TelegramNotFound(method, description)
    if code >= 500:
        return TelegramServerError(method, description)
    return TelegramBadRequest(method, description)

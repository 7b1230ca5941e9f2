"""What to do after a send: every Bot API error is sorted into one of a few decisions.

- RetryAfter (429): Telegram throttles the whole bot; pause ALL sending for retry_after and send the
  same row again (not counted as an attempt: nothing is wrong with the row).
- Forbidden (blocked, kicked, deactivated user) and "chat not found": the chat is gone; deactivate the
  subscriber so no further rows are created for it, mark the row failed.
- Network errors, timeouts and 5xx: transient; retry with exponential backoff, and after MAX_ATTEMPTS
  mark the row failed with the reason. A request that was sent but got no reply (`SendUncertain`) is
  retried too, flagged `uncertain`: the first copy may have arrived, and a duplicate is the lesser harm
  than a missed event.
- Any other 4xx (message too long, bad markup): retrying cannot help; failed at once.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

import aiohttp
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)

from bot.delivery.http_sender import SendUncertain

MAX_ATTEMPTS = 5
BACKOFF_BASE = 2.0  # seconds; attempt n waits base * 2**(n-1), capped
BACKOFF_CAP = 300.0


@dataclass(frozen=True, slots=True)
class PauseAll:
    seconds: float
    reason: str


@dataclass(frozen=True, slots=True)
class Deactivate:
    reason: str


@dataclass(frozen=True, slots=True)
class Retry:
    reason: str
    uncertain: bool = False  # the failed attempt may have been delivered


@dataclass(frozen=True, slots=True)
class Fail:
    reason: str


Outcome = PauseAll | Deactivate | Retry | Fail


def _one_line(exc: BaseException) -> str:
    # aiogram's str() prefixes "Telegram server says -"; its .message is what Telegram answered
    text = " ".join(str(getattr(exc, "message", None) or exc).split()) or type(exc).__name__
    return f"{type(exc).__name__}: {text}"[:300]


def classify(exc: BaseException) -> Outcome:
    if isinstance(exc, TelegramRetryAfter):
        return PauseAll(float(exc.retry_after), _one_line(exc))
    if isinstance(exc, TelegramForbiddenError):
        return Deactivate(_one_line(exc))
    if isinstance(exc, (TelegramBadRequest, TelegramNotFound)) and "chat not found" in str(exc).lower():
        return Deactivate(_one_line(exc))
    if isinstance(exc, TelegramMigrateToChat):
        # the group became a supergroup with a new id; the old id will never work again
        return Deactivate(_one_line(exc))
    if isinstance(exc, TelegramUnauthorizedError):
        # a wrong token fails every row alike; retrying keeps them until the operator fixes it
        return Retry(_one_line(exc))
    if isinstance(exc, SendUncertain):
        return Retry(_one_line(exc), uncertain=True)
    if isinstance(exc, (TelegramServerError, TelegramNetworkError, aiohttp.ClientError,
                        asyncio.TimeoutError, ConnectionError)):
        return Retry(_one_line(exc))
    return Fail(_one_line(exc))


def backoff(attempts: int) -> float:
    """Seconds to wait before attempt number `attempts + 1`."""
    return min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(0, attempts - 1))

"""Telegram's sending limits as a scheduler: a global rate and a minimum interval per chat.

Slots are reserved, not polled: each caller takes the next free global slot and sleeps until it, so
callers are served in arrival order and the spacing between two sends never drops below 1/rate (no
burst: Telegram counts per second and a burst at a second's edge is exactly what earns a 429).
A chat still in its cooldown waits BEFORE taking a global slot, so it never holds up other chats.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable


class RateLimiter:
    def __init__(
        self,
        rate: float,
        per_chat_interval: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.interval = 1.0 / rate
        self.per_chat_interval = per_chat_interval
        self._clock = clock
        self._sleep = sleep
        self._next_free = 0.0
        self._chat_ready: dict[int, float] = {}
        self._paused_until = 0.0

    def pause(self, seconds: float) -> None:
        """Stop every send for `seconds` (Telegram's retry_after applies to the whole bot)."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    @property
    def paused_until(self) -> float:
        return self._paused_until

    async def acquire(self, chat_id: int) -> None:
        while True:
            now = self._clock()
            chat_wait = self._chat_ready.get(chat_id, 0.0) - now
            if chat_wait > 0:
                await self._sleep(chat_wait)
                continue
            slot = max(now, self._next_free, self._paused_until)
            self._next_free = slot + self.interval
            self._chat_ready[chat_id] = slot + self.per_chat_interval
            if slot > now:
                await self._sleep(slot - now)
            if self._paused_until > self._clock():
                continue  # a pause arrived while we slept: take a new slot after it
            if len(self._chat_ready) > 50_000:
                self._forget_idle_chats()
            return

    def _forget_idle_chats(self) -> None:
        now = self._clock()
        self._chat_ready = {chat: t for chat, t in self._chat_ready.items() if t > now}

"""What a private chat was just told about: the event a follow-up («а где?», "and who chaired?") refers to.

Kept in memory per process, for a short while after each answer: a follow-up comes within minutes, and a
question asked tomorrow is a new question. `/reset` forgets it at once.
"""
from __future__ import annotations

import time
from collections import OrderedDict

TTL_SECONDS = 15 * 60
MAX_CHATS = 10_000  # the oldest contexts go first; a context is two integers


class FollowUps:
    def __init__(self, ttl: float = TTL_SECONDS, max_chats: int = MAX_CHATS, clock=time.monotonic) -> None:
        self._ttl, self._max, self._clock = ttl, max_chats, clock
        self._last: OrderedDict[int, tuple[int, float]] = OrderedDict()

    def remember(self, chat_id: int, event_id: int) -> None:
        self._last.pop(chat_id, None)
        self._last[chat_id] = (event_id, self._clock())
        while len(self._last) > self._max:
            self._last.popitem(last=False)

    def recall(self, chat_id: int) -> int | None:
        entry = self._last.get(chat_id)
        if entry is None:
            return None
        event_id, at = entry
        if self._clock() - at > self._ttl:
            del self._last[chat_id]
            return None
        return event_id

    def forget(self, chat_id: int) -> bool:
        return self._last.pop(chat_id, None) is not None

"""What the emulator remembers: chats, messages, updates, requests, limits and injected faults.

Plain in-memory state driven by `BotAPIEmulator` (server.py); kept apart so tests and the control
endpoint read the same record the HTTP handlers write.
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class EmulatedUser:
    id: int
    first_name: str = "Тест"
    language_code: str | None = "ru"
    username: str | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            data["language_code"] = self.language_code
        if self.username:
            data["username"] = self.username
        return data


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    method: str
    params: dict[str, Any]
    time: float  # time.monotonic() when it arrived
    status: int  # HTTP status answered


@dataclass(slots=True)
class ChatMessage:
    """A message the bot sent; mutable because editMessageText/ReplyMarkup change it in place."""

    chat_id: int
    message_id: int
    text: str  # as sent (HTML when parse_mode is HTML)
    plain: str  # after entity parsing: what the user sees
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    link_preview_options: dict[str, Any] | None
    date: int
    sent_at: float
    edits: int = 0
    deleted: bool = False
    document: dict[str, Any] | None = None

    def buttons(self) -> list[dict[str, Any]]:
        """Inline buttons in reading order (rows flattened)."""
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [button for row in rows for button in row]

    def as_dict(self) -> dict[str, Any]:
        return {
            "chat_id": self.chat_id, "message_id": self.message_id, "text": self.text, "plain": self.plain,
            "parse_mode": self.parse_mode, "reply_markup": self.reply_markup,
            "link_preview_options": self.link_preview_options, "date": self.date, "sent_at": self.sent_at,
            "edits": self.edits, "deleted": self.deleted, "document": self.document,
        }


@dataclass(slots=True)
class Fault:
    """An injected failure for the next `times` calls of a method (optionally for one chat)."""

    method: str
    kind: str  # "5xx" answers `status`; "timeout" waits `delay` seconds before answering
    times: int = 1
    status: int = 500
    delay: float = 5.0
    chat_id: int | None = None


@dataclass(slots=True)
class EmulatorConfig:
    """Knobs tests change at run time (also through POST /_emulator/config)."""

    global_rate: float | None = None  # messages per second, all chats together; None = unlimited
    per_chat_rate: float | None = None  # messages per second to one chat
    # arrival times jitter by the HTTP round trip; this much slack keeps a client that spaces its
    # sends exactly right from being punished for the network
    rate_tolerance: float = 0.05
    blocked_chats: set[int] = field(default_factory=set)
    any_chat: bool = False  # accept messages to chats never seen (benches with many subscribers)
    admins: dict[int, set[int]] = field(default_factory=dict)  # group chat id -> admin user ids
    max_inline_results: int = 50
    tokens: set[str] | None = None  # None = any syntactically valid token is accepted


@dataclass(slots=True)
class RateLimiter:
    """Sliding one-second window for the global rate, minimal spacing per chat."""

    config: EmulatorConfig
    recent: deque[float] = field(default_factory=deque)
    last_per_chat: dict[int, float] = field(default_factory=dict)

    def retry_after(self, chat_id: int, now: float) -> int | None:
        """None when a message may go now, else the seconds Telegram would ask to wait (≥ 1)."""
        cfg = self.config
        window = 1.0 - cfg.rate_tolerance
        if cfg.global_rate:
            while self.recent and now - self.recent[0] >= window:
                self.recent.popleft()
            if len(self.recent) >= cfg.global_rate:
                return 1
        if cfg.per_chat_rate:
            last = self.last_per_chat.get(chat_id)
            spacing = 1.0 / cfg.per_chat_rate - cfg.rate_tolerance
            if last is not None and now - last < spacing:
                return max(1, int(spacing - (now - last) + 0.999))
        return None

    def record(self, chat_id: int, now: float) -> None:
        if self.config.global_rate:
            self.recent.append(now)
        if self.config.per_chat_rate:
            self.last_per_chat[chat_id] = now


def now_unix() -> int:
    return int(time.time())

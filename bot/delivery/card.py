"""The notification card: date, body, place and a one-line summary of the event."""
from __future__ import annotations

import html

from storage.models import Event

_HEAD = {
    ("created", "ru"): "Новое событие ОДКБ",
    ("reported", "ru"): "Состоялось событие ОДКБ",
    ("created", "en"): "New CSTO event",
    ("reported", "en"): "CSTO event held",
}
MORE = {"ru": "Подробнее", "en": "Details"}
SUMMARY_CHARS = 300


def _dates(event: Event) -> str:
    start, end = event.date_start, event.date_end
    if end and end != start:
        return f"{start:%d.%m.%Y}–{end:%d.%m.%Y}"
    return f"{start:%d.%m.%Y}"


def render_card(event: Event, change: str, language: str = "ru") -> str:
    """HTML text (parse_mode=HTML); every value from a page is escaped."""
    language = language if language in MORE else "ru"
    lines = [f"<b>{_HEAD[(change if change in ('created', 'reported') else 'created', language)]}</b>",
             f"📅 {_dates(event)}"]
    if event.body:
        lines.append(f"🏛 {html.escape(event.body)}")
    if event.place:
        lines.append(f"📍 {html.escape(event.place)}")
    summary = " ".join((event.summary or event.title or "").split())
    if len(summary) > SUMMARY_CHARS:
        summary = summary[: SUMMARY_CHARS - 1].rstrip() + "…"
    if summary:
        lines.append(html.escape(summary))
    return "\n".join(lines)

"""Bot API emulator: a loopback Telegram for the console, end-to-end tests and benches."""
from bot.botapi.html_entities import EntityParseError, parse_html
from bot.botapi.server import BotAPIEmulator
from bot.botapi.state import ChatMessage, EmulatedUser, EmulatorConfig, RecordedRequest

__all__ = [
    "BotAPIEmulator", "ChatMessage", "EmulatedUser", "EmulatorConfig", "EntityParseError",
    "RecordedRequest", "parse_html",
]

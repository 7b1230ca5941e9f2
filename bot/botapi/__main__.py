"""`python -m bot.botapi --port 8081`: the emulator as a standalone server.

Point a real `csto-bot run` at it with TELEGRAM_API_URL=http://127.0.0.1:8081 and drive it through
`/_emulator/updates`, `/_emulator/sent`, `/_emulator/config`. The first stdout line is
`listening on http://HOST:PORT` (useful with --port 0).
"""
from __future__ import annotations

import argparse
import asyncio
import signal

from bot.botapi.server import BotAPIEmulator
from bot.botapi.state import EmulatorConfig


async def serve(args: argparse.Namespace) -> None:
    config = EmulatorConfig(global_rate=args.global_rate, per_chat_rate=args.per_chat_rate, any_chat=args.any_chat)
    emulator = BotAPIEmulator(config)
    url = await emulator.start(args.host, args.port)
    print(f"listening on {url}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await emulator.stop()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.botapi", description="Telegram Bot API emulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081, help="0 picks a free port")
    parser.add_argument("--global-rate", type=float, default=None, help="messages/s, all chats")
    parser.add_argument("--per-chat-rate", type=float, default=None, help="messages/s to one chat")
    parser.add_argument("--any-chat", action="store_true", help="accept messages to chats never seen")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()

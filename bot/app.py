"""`csto-bot run` (long polling, or webhook when WEBHOOK_URL is set) and `csto-bot console`."""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import secrets
import signal
import sys
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import LinkPreviewOptions, Update
from aiogram.utils.token import TokenValidationError, validate_token
from aiohttp import web
from pydantic import ValidationError

from bot.config import Settings

log = logging.getLogger(__name__)
DEFAULT_API = "https://api.telegram.org"


def make_bot(token: str, api_url: str) -> Bot:
    session = None
    if api_url and api_url.rstrip("/") != DEFAULT_API:
        session = AiohttpSession(api=TelegramAPIServer.from_base(api_url.rstrip("/")))
    return Bot(token, session=session,
               default=DefaultBotProperties(link_preview=LinkPreviewOptions(is_disabled=True)))


async def build(settings: Settings):
    from bot.dispatcher import build_dispatcher
    from bot.runtime import Runtime
    from storage.db import open_store

    engine, sessions = await open_store(settings.database_url)
    runtime = await Runtime.build(settings, engine, sessions)
    return runtime, build_dispatcher(runtime)


async def run_polling(settings: Settings, token: str) -> None:
    runtime, dp = await build(settings)
    bot = make_bot(token, settings.telegram_api_url)
    try:
        await bot.delete_webhook()
        await dp.start_polling(bot)
    finally:
        await bot.session.close()


def webhook_app(dp: Dispatcher, bot: Bot, path: str, secret: str) -> web.Application:
    """aiohttp app: updates on `path` (secret checked on every request), health on /healthz."""
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    @web.middleware
    async def malformed_is_400(request: web.Request, handler):
        """A body that is not an Update (bad JSON, wrong shape) is the sender's error: 400 and one log line,
        not a 500 with a traceback."""
        if request.method != "POST" or request.path != path \
                or request.headers.get("X-Telegram-Bot-Api-Secret-Token") != secret:
            return await handler(request)  # the handler refuses a wrong secret with 401 before reading anything
        try:
            body = json.loads(await request.read() or b"null")
        except ValueError as error:
            log.warning("webhook: malformed JSON from %s: %s", request.remote, str(error)[:100])
            return web.Response(status=400, text="malformed JSON")
        try:
            # aiogram answers 200 and validates in the background: a wrong shape would only show as a traceback
            Update.model_validate(body, context={"bot": bot})
        except ValidationError as error:
            log.warning("webhook: not a Telegram update from %s: %s", request.remote, str(error).splitlines()[0][:100])
            return web.Response(status=400, text="not an update")
        return await handler(request)

    app = web.Application(middlewares=[malformed_is_400])
    app.router.add_get("/healthz", healthz)
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret).register(app, path=path)
    setup_application(app, dp, bot=bot)
    return app


async def run_webhook(settings: Settings, token: str) -> None:
    runtime, dp = await build(settings)
    bot = make_bot(token, settings.telegram_api_url)
    # the secret is always checked: without WEBHOOK_SECRET a random one is set with the webhook
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else secrets.token_urlsafe(32)
    path = urlsplit(settings.webhook_url).path or "/webhook"
    app = webhook_app(dp, bot, path, secret)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    # registered only once the server listens, so Telegram's first delivery finds it up
    await bot.set_webhook(settings.webhook_url, secret_token=secret)
    log.info("webhook on %s:%s%s", settings.webhook_host, settings.webhook_port, path)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()  # runs the dispatcher's shutdown hooks (background tasks, engine)
        await bot.session.close()


def main(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "console" or (args.command == "run" and settings.bot_token is None):
        from bot.console import run_console

        return asyncio.run(run_console(settings))
    token = settings.bot_token.get_secret_value().strip()
    try:
        validate_token(token)
    except TokenValidationError:
        print("BOT_TOKEN is malformed: expected the form 123456789:ABC-token from @BotFather.", file=sys.stderr)
        return 2
    try:
        asyncio.run(run_webhook(settings, token) if settings.webhook_url else run_polling(settings, token))
    except KeyboardInterrupt:
        pass
    return 0

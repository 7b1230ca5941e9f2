"""The real processes: console with piped stdin, `run` (polling and webhook) against the emulator."""
import asyncio
import os
import socket
import subprocess
import sys

from aiohttp import ClientSession
from aiohttp.test_utils import TestClient, TestServer

from bot.app import make_bot, webhook_app
from bot.botapi import BotAPIEmulator, EmulatedUser
from bot.config import Settings
from bot.dispatcher import build_dispatcher
from bot.runtime import Runtime
from storage.db import open_store

CLI = [sys.executable, "-c", "from bot.cli import main; main()"]


def clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in (
        "BOT_TOKEN", "DATABASE_URL", "WEBHOOK_URL", "WEBHOOK_SECRET", "TELEGRAM_API_URL", "ADMIN_IDS")}
    env.update(extra)
    return env


def test_console_with_piped_stdin(seeded_url, tmp_path):
    script = "/latest 1\n1\n:lang en\n/help\nкакая погода в Париже\n:quit\n"
    done = subprocess.run([*CLI, "console", "--db", seeded_url], input=script, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path, env=clean_env())
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert "Последние события\n\n1. " in out
    assert "  [1] 1. Подробнее\n  [2] Ещё" in out
    assert "Источники" in out.split("[2] Ещё", 1)[1]  # pressing 1 opened the full record
    assert "What I can do" in out  # :lang en switched the user's language
    assert "The records hold no answer" in out or "I am not sure" in out
    assert "Traceback" not in out + done.stderr


def test_run_with_malformed_token_is_one_line(tmp_path):
    done = subprocess.run([*CLI, "run", "--db", str(tmp_path / "x.db")], capture_output=True, text=True,
                          timeout=60, cwd=tmp_path, env=clean_env(BOT_TOKEN="not-a-token"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "BOT_TOKEN is malformed: expected the form 123456789:ABC-token from @BotFather."]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def run_process(args, env, cwd):
    return await asyncio.create_subprocess_exec(*args, env=env, cwd=cwd, stdout=asyncio.subprocess.DEVNULL,
                                                stderr=asyncio.subprocess.PIPE)


async def stop_process(proc) -> str:
    proc.terminate()
    try:
        _, err = await asyncio.wait_for(proc.communicate(), 15)
    except asyncio.TimeoutError:
        proc.kill()
        _, err = await proc.communicate()
    return err.decode()


async def test_run_polling_process_against_emulator(seeded_url, tmp_path):
    async with BotAPIEmulator() as api:
        proc = await run_process([*CLI, "run", "--db", seeded_url], clean_env(
            BOT_TOKEN="123:real-process", TELEGRAM_API_URL=api.base_url), tmp_path)
        try:
            await api.wait_for(lambda: api.requests("getUpdates"), timeout=60)
            api.send_user_message(55, "/latest 1")
            [msg] = await api.wait_for_messages(55, 1, timeout=20)
            assert msg.plain.startswith("Последние события")
            assert api.commands[('{"type": "default"}', "en")]
        finally:
            err = await stop_process(proc)
        assert "Traceback" not in err


async def test_run_webhook_process_checks_secret(seeded_url, tmp_path):
    port = free_port()
    async with BotAPIEmulator() as api:
        proc = await run_process([*CLI, "run", "--db", seeded_url], clean_env(
            BOT_TOKEN="123:real-process", TELEGRAM_API_URL=api.base_url, WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
            WEBHOOK_SECRET="s3cret", WEBHOOK_PORT=str(port)), tmp_path)
        try:
            await api.wait_for(lambda: api.webhook, timeout=60)
            assert api.webhook == {"url": f"http://127.0.0.1:{port}/hook", "secret_token": "s3cret"}
            async with ClientSession() as http:
                update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"},
                                                       "text": "/help"}}
                async with http.post(f"http://127.0.0.1:{port}/hook", json=update) as resp:
                    assert resp.status == 401
                async with http.post(f"http://127.0.0.1:{port}/hook", json=update,
                                     headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as resp:
                    assert resp.status == 401
                async with http.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    assert (resp.status, await resp.json()) == (200, {"ok": True})
            # the emulator delivers to the webhook with the secret, as Telegram does
            api.send_user_message(56, "/latest 1", EmulatedUser(56))
            [msg] = await api.wait_for_messages(56, 1, timeout=20)
            assert msg.plain.startswith("Последние события")
            assert not api.sent_to(5)
        finally:
            err = await stop_process(proc)
        assert "Traceback" not in err


async def test_webhook_app_in_process(seeded_url):
    engine, sessions = await open_store(seeded_url)
    runtime = await Runtime.build(Settings(database_url=seeded_url), engine, sessions)
    async with BotAPIEmulator() as api:
        bot = make_bot("77:hook", api.base_url)
        client = TestClient(TestServer(webhook_app(build_dispatcher(runtime), bot, "/wh", "abc")))
        await client.start_server()
        try:
            api.add_chat(9)
            update = {"update_id": 3, "message": {"message_id": 1, "date": 0, "chat": {"id": 9, "type": "private"},
                                                   "from": {"id": 9, "is_bot": False, "first_name": "A"},
                                                   "text": "/start"}}
            resp = await client.post("/wh", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
            assert resp.status == 401
            resp = await client.post("/wh", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "abc"})
            assert resp.status == 200
            [msg] = await api.wait_for_messages(9, 1, timeout=10)
            assert msg.plain.startswith("Бот о событиях ОДКБ")
            # a malformed body is the sender's error: 400, never a 500 with a traceback
            secret = {"X-Telegram-Bot-Api-Secret-Token": "abc"}
            for body in (b"{not json", b"[1, 2", b'{"update_id": "x", "message": 5}'):
                resp = await client.post("/wh", data=body, headers={**secret, "Content-Type": "application/json"})
                assert resp.status == 400, body
            resp = await client.post("/wh", data=b"{not json", headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
            assert resp.status == 401  # the secret is checked before the body is read
        finally:
            await client.close()
            await bot.session.close()
            await engine.dispose()

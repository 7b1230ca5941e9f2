"""The real `csto-bot run` process, killed with SIGKILL in the middle of a fan-out, then restarted.

What it proves, against the emulator's own record of accepted messages:
- none missing: every subscriber receives the event after the restart finished the fan-out;
- no duplicate, except possibly for rows that were `sending` at the kill (the call was in flight:
  Telegram has no idempotency key, so no client can know whether it arrived). The worker keeps at
  most `max_in_flight` such rows; the test counts them in the database at the moment of the kill and
  checks that every duplicate, if any, is one of them (usually there is none: the window is a
  commit's length per message).
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

from tests.subscriptions.test_e2e_subscriptions import DOC

ROOT = Path(__file__).resolve().parents[2]
SUBSCRIBERS = 2000
SEND_RATE = 250
CLI = str(Path(sys.executable).with_name("csto-bot"))  # the installed console script  # fast enough for a short test, slow enough to kill the process mid-way


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _seed_subscribers(db: Path) -> None:
    subprocess.run([CLI, "init", "--db", str(db)], cwd=ROOT, check=True,
                   capture_output=True, env={**os.environ, "SEEDS_DIR": str(db.parent / "no-seeds")})
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO subscribers (chat_id, chat_type, language, is_active, created_at) "
            "VALUES (?, 'private', 'ru', 1, CURRENT_TIMESTAMP)", [(5_000_000 + n,) for n in range(SUBSCRIBERS)])
        conn.execute("INSERT INTO subscriptions (subscriber_id, topic, topic_key, created_at) "
                     "SELECT id, NULL, '', CURRENT_TIMESTAMP FROM subscribers")


def _bot(env: dict, log: Path) -> subprocess.Popen:
    with log.open("ab") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen([CLI, "run"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def test_sigkill_mid_fan_out_then_restart(tmp_path):
    db = tmp_path / "bot.db"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _seed_subscribers(db)
    emulator = subprocess.Popen([sys.executable, "-m", "bot.botapi", "--port", "0", "--any-chat"], cwd=ROOT,
                                stdout=subprocess.PIPE, text=True)
    bot = None
    try:
        api = emulator.stdout.readline().strip().removeprefix("listening on ")
        env = {**os.environ, "BOT_TOKEN": "123456:sigkill-test", "TELEGRAM_API_URL": api,
               "DATABASE_URL": f"sqlite+aiosqlite:///{db}", "INBOX_DIR": str(inbox), "SEND_RATE": str(SEND_RATE),
               "FEED_URLS": "", "ADMIN_IDS": "", "LOG_LEVEL": "WARNING"}
        bot = _bot(env, tmp_path / "bot.log")
        _wait(lambda: _get(f"{api}/_emulator/stats")["requests"] > 0, 60, "bot start")
        (inbox / "minsk.txt").write_text(DOC, encoding="utf-8")

        _wait(lambda: _get(f"{api}/_emulator/stats")["sent"] >= SUBSCRIBERS // 3, 60, "fan-out under way")
        bot.send_signal(signal.SIGKILL)
        bot.wait(10)
        sent_at_kill = _get(f"{api}/_emulator/stats")["sent"]
        with sqlite3.connect(db) as conn:
            in_flight = {chat for (chat,) in conn.execute(
                "SELECT s.chat_id FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id "
                "WHERE d.status = 'sending'")}
            counts = dict(conn.execute("SELECT status, count(*) FROM deliveries GROUP BY status").fetchall())
        assert SUBSCRIBERS // 3 <= sent_at_kill < SUBSCRIBERS, "the kill must land in the middle of the fan-out"
        assert counts.get("sent", 0) + len(in_flight) >= sent_at_kill - len(in_flight)
        assert len(in_flight) <= 4  # the worker's max_in_flight

        bot = _bot(env, tmp_path / "bot.log")
        _wait(lambda: len({m["chat_id"] for m in _get(f"{api}/_emulator/sent")}) >= SUBSCRIBERS, 90,
              "the rest of the fan-out after the restart")
        time.sleep(0.5)  # anything still to come (a duplicate) would arrive now
        record = Counter(m["chat_id"] for m in _get(f"{api}/_emulator/sent"))
        with sqlite3.connect(db) as conn:
            final = dict(conn.execute("SELECT status, count(*) FROM deliveries GROUP BY status").fetchall())
    finally:
        if bot is not None and bot.poll() is None:
            bot.terminate()
            bot.wait(20)
        emulator.terminate()
        emulator.wait(10)
        emulator.stdout.close()

    assert set(record) == {5_000_000 + n for n in range(SUBSCRIBERS)}  # none missing
    duplicated = {chat for chat, n in record.items() if n > 1}
    assert duplicated <= in_flight  # a duplicate only where the kill hit a call in flight
    assert all(n <= 2 for n in record.values())
    assert final == {"sent": SUBSCRIBERS}

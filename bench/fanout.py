"""Fan-out bench: the delivery worker sending one event to many subscribers through the Bot API emulator.

    .venv/bin/python -m bench.fanout                 # (a) 2,000 subscribers at 30/s (~70 s) + (b) 10,000 unlimited
    .venv/bin/python -m bench.fanout --limited 300 --unlimited 2000   # quick run

The emulator runs in its own process (`python -m bot.botapi`) so its CPU is not charged to the worker.
(a) The emulator enforces 30 messages/s global and 1/s per chat and answers 429 beyond that; the
    worker runs at SEND_RATE = 30. Reported: the share of the allowed rate actually used (messages
    over the emulator's first-to-last arrival time, divided by 30), 429s, duplicates and losses.
(b) No limits: messages/s end to end (wall clock, bounded by the emulator when it is the slower
    side), the worker's own ceiling on one core (messages per CPU-second of the worker process, which
    holds the worker, aiogram and SQLite; the emulator's CPU is not in it) and this process's peak RSS.
The last line printed is one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp
from sqlalchemy import func, literal, select
from sqlalchemy.dialects.sqlite import insert

from bot.delivery.rate_limit import RateLimiter
from bot.delivery.http_sender import BotApiSender
from bot.delivery.worker import DeliveryWorker
from storage.db import open_store
from storage.models import Delivery, DeliveryStatus, Event, Subscriber, Subscription
from storage.outbox import enqueue_deliveries

TOKEN = "123456:bench-token"
ALLOWED_RATE = 30.0


def start_emulator(*flags: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "bot.botapi", "--port", "0", "--any-chat", *flags],
                            stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    if not line.startswith("listening on "):
        proc.kill()
        raise SystemExit(f"emulator did not start: {line!r}")
    return proc, line.removeprefix("listening on ")


async def seed(sessions, count: int) -> int:
    """`count` subscribers to everything, one event, its delivery rows (as the outbox writes them)."""
    async with sessions.begin() as session:
        await session.execute(insert(Subscriber), [
            {"chat_id": 10_000_000 + n, "chat_type": "private", "language": "ru", "is_active": True}
            for n in range(count)])
        await session.execute(insert(Subscription).from_select(
            ["subscriber_id", "topic", "topic_key", "created_at"],
            select(Subscriber.id, literal(None), literal(""), Subscriber.created_at)))
        import datetime as dt

        event = Event(date_start=dt.date(2025, 5, 15), date_end=dt.date(2025, 5, 15),
                      title="Заседание Совета министров обороны ОДКБ", body="Совет министров обороны ОДКБ",
                      body_short="СМО", place="Минск", summary="Министры обороны обсудили подготовку учений.")
        session.add(event)
        await session.flush()
        await enqueue_deliveries(session, event, "created")
        return event.id


async def run_case(count: int, rate: float | None, in_flight: int, flags: list[str]) -> dict:
    proc, url = start_emulator(*flags)
    with tempfile.TemporaryDirectory() as tmp:
        engine, sessions = await open_store(str(Path(tmp) / "bench.db"))
        try:
            await seed(sessions, count)
            sender = BotApiSender(url, TOKEN)
            limiter = RateLimiter(rate, 1.0) if rate else RateLimiter(1e9, 0.0)
            worker = DeliveryWorker(sessions, sender, limiter, max_in_flight=in_flight,
                                    batch_size=1000)
            started, cpu_started = time.perf_counter(), time.process_time()
            sent = await worker.drain()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            await sender.close()
            async with aiohttp.ClientSession() as client:
                async with client.get(f"{url}/_emulator/stats") as r:
                    stats = await r.json()
                async with client.get(f"{url}/_emulator/sent") as r:
                    record = await r.json()
            async with sessions() as session:
                statuses = dict((await session.execute(
                    select(Delivery.status, func.count()).group_by(Delivery.status))).all())
        finally:
            await engine.dispose()
            proc.terminate()
            proc.wait(10)
    per_chat = Counter(m["chat_id"] for m in record)
    times = sorted(m["sent_at"] for m in record)
    span = (times[-1] - times[0]) if len(times) > 1 else 0.0
    return {
        "subscribers": count,
        "sent": sent,
        "received": len(record),
        "duplicates": sum(n - 1 for n in per_chat.values() if n > 1),
        "lost": count - len(per_chat),
        "too_many_requests": stats["too_many_requests"],
        "rows_sent": statuses.get(DeliveryStatus.sent, 0),
        "worker_seconds": round(elapsed, 2),
        "worker_msgs_per_s": round(sent / elapsed, 1) if elapsed else None,
        # the worker process's CPU per message (the emulator runs in another process): its one-core ceiling
        "worker_cpu_seconds": round(cpu, 2),
        "worker_ceiling_msgs_per_cpu_s": round(sent / cpu, 1) if cpu else None,
        "emulator_msgs_per_s": round((len(times) - 1) / span, 2) if span else None,
    }


async def main(args) -> dict:
    figures: dict = {}
    if args.limited:
        a = await run_case(args.limited, ALLOWED_RATE, 4,
                           ["--global-rate", str(ALLOWED_RATE), "--per-chat-rate", "1"])
        a["allowed_rate"] = ALLOWED_RATE
        a["rate_share"] = round(a["emulator_msgs_per_s"] / ALLOWED_RATE, 4) if a["emulator_msgs_per_s"] else None
        print(f"(a) limited: {json.dumps(a)}", flush=True)
        figures["limited"] = a
    if args.unlimited:
        b = await run_case(args.unlimited, None, args.in_flight, [])
        b["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        print(f"(b) unlimited: {json.dumps(b)}", flush=True)
        figures["unlimited"] = b
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limited", type=int, default=2000, help="subscribers for (a); 0 skips it")
    parser.add_argument("--unlimited", type=int, default=10_000, help="subscribers for (b); 0 skips it")
    parser.add_argument("--in-flight", type=int, default=64, help="concurrent sends in (b)")
    print(json.dumps(asyncio.run(main(parser.parse_args()))))

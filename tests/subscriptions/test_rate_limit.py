from __future__ import annotations

import asyncio

from bot.delivery.rate_limit import RateLimiter


class FakeClock:
    """Virtual time: sleeping advances the clock, so the schedule is exact and the test instant."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    async def sleep(self, seconds):
        self.now += seconds
        await asyncio.sleep(0)


async def _send_times(limiter, clock, chats):
    times = []
    for chat in chats:
        await limiter.acquire(chat)
        times.append(round(clock.now, 6))
    return times


async def test_global_rate_spacing_without_burst():
    clock = FakeClock()
    limiter = RateLimiter(10, 1.0, clock=clock, sleep=clock.sleep)
    assert await _send_times(limiter, clock, range(5)) == [0.0, 0.1, 0.2, 0.3, 0.4]


async def test_same_chat_waits_one_second():
    clock = FakeClock()
    limiter = RateLimiter(10, 1.0, clock=clock, sleep=clock.sleep)
    assert await _send_times(limiter, clock, [1, 1, 2]) == [0.0, 1.0, 1.1]


async def test_pause_stops_everything():
    clock = FakeClock()
    limiter = RateLimiter(10, 1.0, clock=clock, sleep=clock.sleep)
    await limiter.acquire(1)
    limiter.pause(5)
    assert await _send_times(limiter, clock, [2, 3]) == [5.0, 5.1]


async def test_concurrent_callers_share_the_rate():
    """Real clock: eight callers at once are spread 1/rate apart, in arrival order."""
    import time

    limiter = RateLimiter(40, 1.0)
    times = []

    async def one(chat):
        await limiter.acquire(chat)
        times.append((chat, time.monotonic()))

    await asyncio.gather(*(one(c) for c in range(8)))
    assert [chat for chat, _ in times] == list(range(8))
    gaps = [b - a for (_, a), (_, b) in zip(times, times[1:])]
    assert min(gaps) >= 0.02 and sum(gaps) < 2.0  # generous: CI machines are busy

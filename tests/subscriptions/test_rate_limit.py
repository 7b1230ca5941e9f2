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


def test_a_rate_of_zero_or_less_is_refused():
    import pytest

    for rate in (0, -1, 0.0):
        with pytest.raises(ValueError, match="positive"):
            RateLimiter(rate)


async def test_by_default_one_chat_gets_one_message_a_second():
    clock = FakeClock()
    limiter = RateLimiter(100, clock=clock, sleep=clock.sleep)
    assert await _send_times(limiter, clock, [5, 5, 5]) == [0.0, 1.0, 2.0]


def test_a_pause_is_visible_and_only_ever_extended():
    clock = FakeClock()
    limiter = RateLimiter(10, 1.0, clock=clock, sleep=clock.sleep)
    clock.now = 3.0
    limiter.pause(5)
    limiter.pause(1)  # a shorter second 429 does not cut the first pause short
    assert limiter.paused_until == 8.0


async def test_idle_chats_are_forgotten_once_many_are_tracked():
    clock = FakeClock()
    limiter = RateLimiter(1_000_000, 1.0, clock=clock, sleep=clock.sleep)
    for chat in range(50_001):
        await limiter.acquire(chat)
    clock.now += 2.0  # every chat's cooldown is over
    await limiter.acquire(-1)
    assert len(limiter._chat_ready) < 1_000

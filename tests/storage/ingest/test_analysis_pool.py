"""Analysis in a worker process: a time limit per document, a fresh worker after a stuck one, a free event loop."""
import asyncio
import time

import pytest

from storage.ingest.analysis_pool import AnalysisPool, AnalysisTimeout
from storage.ingest.pipeline import Ingestor
from storage.ingest.records import RawDocument
from tests.storage.ingest.test_pipeline import REPORT, export_without_ids


def stuck(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def burn(seconds: float) -> int:
    """Pure CPU, holding the GIL the whole time: what a pathological page does to a thread."""
    end, n = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        n += 1
    return n


@pytest.fixture
def pool():
    pool = AnalysisPool(time_limit=1.0)
    yield pool
    pool.close()


async def test_a_document_past_the_limit_fails_and_the_next_gets_a_fresh_worker(pool):
    assert await pool.run(stuck, 0) == "done"
    t = time.perf_counter()
    with pytest.raises(AnalysisTimeout, match="longer than 1 s"):
        await pool.run(stuck, 30)
    assert time.perf_counter() - t < 3
    assert await pool.run(stuck, 0) == "done"


async def test_the_event_loop_keeps_running_while_a_worker_burns_cpu(pool):
    await pool.run(stuck, 0)  # the worker is up
    gaps = []

    async def ticker():
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    task = asyncio.create_task(ticker())
    assert await pool.run(burn, 0.8) > 0
    task.cancel()
    assert gaps and max(gaps) < 0.2  # a thread holding the GIL would leave gaps of the whole 0.8 s


async def test_ingestor_with_a_pool_stores_and_a_timeout_fails_with_one_line(sessions):
    ok = AnalysisPool(time_limit=30)
    try:
        report = await Ingestor(sessions, pool=ok).ingest(RawDocument("a.txt", REPORT))
    finally:
        ok.close()
    assert (report.status, report.created) == ("ok", 1)
    before = await export_without_ids(sessions)
    hopeless = AnalysisPool(time_limit=0.0001)
    try:
        report = await Ingestor(sessions, pool=hopeless).ingest(RawDocument("b.txt", REPORT + b" 2"))
    finally:
        hopeless.close()
    assert report.status == "failed" and "longer than" in report.reason and "\n" not in report.reason
    assert await export_without_ids(sessions) == before


def my_pid(_: object = None) -> int:
    import os

    return os.getpid()


async def test_a_stuck_worker_is_killed_not_left_running(pool):
    import os

    first = await pool.run(my_pid)
    with pytest.raises(AnalysisTimeout):
        await pool.run(stuck, 30)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        try:
            os.kill(first, 0)
        except ProcessLookupError:
            break
        await asyncio.sleep(0.05)
    else:
        pytest.fail(f"worker {first} still runs after its document timed out")
    assert await pool.run(my_pid) != first


async def test_a_crashed_worker_fails_its_document_and_the_next_gets_a_new_one(pool):
    import os
    import signal

    from storage.ingest.errors import IngestError

    with pytest.raises(IngestError, match="stopped unexpectedly"):
        await pool.run(os.kill, await pool.run(my_pid), signal.SIGKILL)
    assert await pool.run(stuck, 0) == "done"

"""Document analysis in a separate process, with a time limit per document.

Analysis is pure CPU work under the GIL: run in a thread, a pathological page would still slow every other
coroutine of the bot (polling, delivery, answers). A process of its own leaves the event loop free, and a
document that takes longer than the limit fails with a one-line reason: the worker is killed and replaced,
the next document gets a fresh one. The worker is started by a fork server that has imported the NLP
stack once, so a replacement is ready in milliseconds rather than re-loading dictionaries.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from storage.ingest.errors import IngestError

log = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT = 60.0  # seconds per document; an ordinary page takes milliseconds


class AnalysisTimeout(IngestError):
    pass


class AnalysisPool:
    """`await pool.run(analyse, raw)`: the call in a worker process, killed if it runs past the limit."""

    def __init__(self, time_limit: float = DEFAULT_TIME_LIMIT, workers: int = 1) -> None:
        self.time_limit = time_limit
        self._workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["storage.ingest.pipeline"])
            self._executor = ProcessPoolExecutor(self._workers, mp_context=context)
        return self._executor

    async def run(self, function: Callable[..., Any], *args: Any) -> Any:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self._pool(), function, *args)
        try:
            return await asyncio.wait_for(future, self.time_limit)
        except asyncio.TimeoutError:
            self._kill()
            raise AnalysisTimeout(f"analysis took longer than {self.time_limit:g} s") from None
        except BrokenProcessPool:
            self._kill()
            raise IngestError("the analysis worker stopped unexpectedly") from None

    def _kill(self) -> None:
        """Stop the workers now (a stuck one never finishes by itself); the next call starts new ones."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        for process in list(getattr(executor, "_processes", {}).values()):
            process.kill()
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

"""The varied corpus in tests/fixtures/docs against expected.json (field-level score, shared with bench)."""
from pathlib import Path

from bench.score import FIXTURES, load_expected, score
from storage.export import export_events
from storage.ingest.pipeline import Ingestor

FLOOR = 0.9  # measured 0.99 when written; the floor catches regressions without pinning every field


async def test_corpus_fields(sessions):
    reports = await Ingestor(sessions).ingest_paths([FIXTURES])
    async with sessions() as session:
        events = await export_events(session)
    result = score(load_expected(), {Path(r.location).name: r for r in reports}, events)
    assert result.totals["status"] >= 25
    assert result.hits["merge"] == result.totals["merge"], result.misses
    assert result.accuracy >= FLOOR, result.misses

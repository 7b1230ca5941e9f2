from __future__ import annotations

from bot.inbox import InboxWatcher
from storage.ingest.pipeline import DocumentReport


class FakeIngest:
    def __init__(self):
        self.seen = []

    async def __call__(self, raw):
        self.seen.append((raw.location, raw.data))
        if b"broken" in raw.data:
            return DocumentReport(raw.location, "failed", reason="no date found in 1 item(s)")
        return DocumentReport(raw.location, "ok", items=1, created=1)


async def test_stable_files_are_ingested_and_filed(tmp_path):
    ingest = FakeIngest()
    watcher = InboxWatcher(tmp_path, ingest)
    (tmp_path / "a.txt").write_text("12 марта 2025 года заседание", encoding="utf-8")
    (tmp_path / "b.HTML").write_bytes(b"<p>broken</p>")
    (tmp_path / "c.txt.part").write_text("still copying")
    (tmp_path / ".hidden.md").write_text("editor swap")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")
    assert await watcher.poll_once() == []  # first sight: not yet known to be complete
    done = await watcher.poll_once()
    assert [(p.relative_to(tmp_path).as_posix(), r.status) for p, r in done] == [
        ("processed/a.txt", "ok"), ("failed/b.HTML", "failed")]
    assert (tmp_path / "failed" / "b.HTML.reason.txt").read_text(encoding="utf-8") == "no date found in 1 item(s)\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [".hidden.md", "c.txt.part", "d.pdf"]
    assert [loc for loc, _ in ingest.seen] == ["a.txt", "b.HTML"]


async def test_growing_file_waits_and_rename_into_inbox_counts(tmp_path):
    ingest = FakeIngest()
    watcher = InboxWatcher(tmp_path, ingest)
    part = tmp_path / "news.txt.part"
    part.write_text("начало")
    await watcher.poll_once()
    grow = tmp_path / "grow.md"
    grow.write_text("one")
    await watcher.poll_once()
    grow.write_text("one two three")  # changed size since last poll: not read yet
    assert await watcher.poll_once() == []
    part.rename(tmp_path / "news.txt")
    assert [p.name for p, _ in await watcher.poll_once()] == ["grow.md"]  # stable for one poll now
    assert [p.name for p, _ in await watcher.poll_once()] == ["news.txt"]
    assert sorted(ingest.seen) == [("grow.md", b"one two three"), ("news.txt", "начало".encode())]


async def test_same_name_twice_is_kept_apart(tmp_path):
    watcher = InboxWatcher(tmp_path, FakeIngest())
    for _ in range(2):
        (tmp_path / "x.txt").write_text("x")
        await watcher.poll_once()
        await watcher.poll_once()
    assert sorted(p.name for p in (tmp_path / "processed").iterdir()) == ["x (2).txt", "x.txt"]

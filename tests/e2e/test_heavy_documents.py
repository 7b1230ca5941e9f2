"""A 300 KB file of the patterns that once froze analysis, ingested through the running bot, while other
chats keep asking: analysis runs in the worker process, so every reply still comes within a second."""
from __future__ import annotations

import asyncio
import time

from bot.botapi import EmulatedUser
from tests.e2e.conftest import start_harness

QUESTION = "кто председательствовал на СМИД в мае 2020?"
SIZE = 300_000


# the classes that cost most per byte after the fix (bench/pathological.py): a 300 KB file of them keeps
# one core busy for over a second, so a bot analysing it on its event loop would miss the 1 s bar
HEAVY = ["[a](b", "1 ", "a:\n", "# a\n", "+7 (495) ", "12.05.2020."]


def _pathological() -> bytes:
    run = SIZE // len(HEAVY)
    return "".join((unit * (run // len(unit) + 1))[:run] for unit in HEAVY).encode()


async def _ask_while(h, user: EmulatedUser, busy) -> list[float]:
    """Ask until `busy()` turns false; the seconds each reply took."""
    waits = []
    while busy() or not waits:
        before = len(h.emulator.sent_to(user.id))
        start = time.perf_counter()
        h.emulator.send_user_message(user.id, QUESTION, user)
        await h.emulator.wait_for_messages(user.id, before + 1, timeout=10)
        waits.append(time.perf_counter() - start)
        await asyncio.sleep(0.05)
    return waits


async def test_other_chats_are_answered_within_a_second_while_the_inbox_takes_a_pathological_file(
        seeded_url, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    h, stop = await start_harness(seeded_url, inbox_dir=inbox, concurrent=True)
    try:
        other = EmulatedUser(777, "Борис", "ru")
        h.emulator.add_chat(other.id)
        await _ask_while(h, other, lambda: False)  # warm: dictionaries and the answer index are loaded
        (inbox / "heavy.txt").write_bytes(_pathological())
        started = time.perf_counter()
        waits = await _ask_while(h, other, lambda: (inbox / "heavy.txt").exists())
        took = time.perf_counter() - started
        filed = list((inbox / "processed").glob("heavy*")) + list((inbox / "failed").glob("heavy*"))
        assert filed, "the file was never taken"
        assert len(waits) >= 3, f"the file was done in {took:.1f} s, too fast to overlap the questions"
        assert max(waits) < 1.0, f"a reply took {max(waits):.2f} s while the file was analysed ({took:.1f} s)"
    finally:
        await stop()


async def test_other_chats_are_answered_within_a_second_while_an_admin_uploads_one(seeded_url):
    admin = EmulatedUser(9001, "Админ", "ru")
    h, stop = await start_harness(seeded_url, admin_ids=[admin.id], concurrent=True)
    try:
        other = EmulatedUser(778, "Вера", "ru")
        h.emulator.add_chat(other.id)
        await _ask_while(h, other, lambda: False)
        h.emulator.send_user_document(admin.id, "heavy.txt", _pathological(), admin)
        waits = await _ask_while(h, other, lambda: not h.emulator.sent_to(admin.id))
        [report, *_] = h.emulator.sent_to(admin.id)
        assert "heavy.txt" in report.plain
        assert len(waits) >= 3, "the upload was done too fast to overlap the questions"
        assert max(waits) < 1.0, f"a reply took {max(waits):.2f} s while the upload was analysed"
    finally:
        await stop()

"""`csto-bot ask` and `csto-bot event`: the bot's answers on the command line, one JSON object per line with --json."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable

from bot.render import render_answer_plain
from storage.db import open_store, run
from storage.repositories import EventRepository
from storage.search.answer import QA, Answer
from storage.search.compose import event_label
from storage.search.date_query import DateQueryError, parse_date_query
from storage.search.records import EventRecord, record_from_event
from storage.search.render_dates import format_date_range


def _event_json(r: EventRecord, score: float | None = None) -> dict:
    return {"id": r.id, "date_start": r.date_start.isoformat(), "date_end": r.date_end.isoformat(),
            "title": r.title, "body": r.body, "score": score}


def _card_line(r: EventRecord, language: str = "ru") -> str:
    where = f", {r.place}" if r.place else ""
    return f"{format_date_range(r.date_start, r.date_end, language)} — {event_label(r)}{where}"


def plain_answer(qa: QA, answer: Answer) -> str:
    """The plain text of the bot's reply: the same renderer as the bot, markup removed."""
    records = [qa.record(h.event_id) for h in answer.hits]
    return render_answer_plain(answer, [r for r in records if r is not None], qa.stats())


def answer_json(qa: QA, answer: Answer) -> dict:
    events = []
    for h in answer.hits:
        r = qa.record(h.event_id)
        if r is not None:
            events.append(_event_json(r, h.score))
    return {"question": answer.question, "confident": answer.confident, "intent": answer.intent.value,
            "answer": plain_answer(qa, answer), "events": events}


async def event_json(repo: EventRepository, arg: str) -> tuple[dict, str]:
    try:
        span = parse_date_query(arg)
    except DateQueryError as exc:
        return {"arg": arg, "error": str(exc), "events": []}, str(exc)
    events = [record_from_event(e) for e in await repo.overlapping(span.start, span.end)]
    if events:
        text = "\n".join(_card_line(r) for r in events)
    else:
        before, after = await repo.nearest_before(span.start), await repo.nearest_after(span.end)
        text = "В эти даты событий в записях нет."
        if before is not None:
            text += "\nБлижайшее раньше: " + _card_line(record_from_event(before))
        if after is not None:
            text += "\nБлижайшее позже: " + _card_line(record_from_event(after))
    return {"arg": arg, "error": None, "events": [_event_json(r) for r in events]}, text


def _inputs(arg: str | None) -> Iterable[str]:
    if arg is not None:
        yield arg
        return
    for line in sys.stdin:
        if line.strip():
            yield line.strip()


async def _ask(settings, arg: str | None, as_json: bool) -> int:
    engine, sessions = await open_store(settings.database_url)
    try:
        qa = await QA.load(sessions)
        for question in _inputs(arg):
            answer = qa.answer(question)
            if as_json:
                print(json.dumps(answer_json(qa, answer), ensure_ascii=False), flush=True)
            else:
                print(plain_answer(qa, answer) + ("\n" if arg is None else ""), flush=True)
    finally:
        await engine.dispose()
    return 0


async def _event(settings, arg: str | None, as_json: bool) -> int:
    engine, sessions = await open_store(settings.database_url)
    try:
        for item in _inputs(arg):
            async with sessions() as session:
                data, text = await event_json(EventRepository(session), item)
            print(json.dumps(data, ensure_ascii=False) if as_json else text, flush=True)
    finally:
        await engine.dispose()
    return 0


def main(args, settings) -> int:
    if args.command == "ask":
        return run(_ask(settings, args.arg, args.json))
    return run(_event(settings, args.arg, args.json))

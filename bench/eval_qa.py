"""Score the question answerer on a question file, next to a naive baseline; last line: one JSON object.

    python bench/eval_qa.py [--questions ../shared/eval/seeds-questions.json] [--docs seeds] [--verbose]

Ingests the docs into a temporary database, then for every question: top-1 accuracy (the expected event,
identified by its dates, comes first), answer accuracy (top-1 right and the answer text contains one of
expect_any, case-insensitive), no-answer precision (no_answer questions answered confident=False) and
answerable questions wrongly refused, and `/event` accuracy (exact set of expected events). The naive
baseline answers with the record whose full text has the best rapidfuzz WRatio; its answer is that text.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from bot.cli_ask import plain_answer  # noqa: E402
from storage.db import open_store  # noqa: E402
from storage.ingest.pipeline import Ingestor  # noqa: E402
from storage.repositories import load_records  # noqa: E402
from storage.search.answer import QA  # noqa: E402
from storage.search.date_query import DateQueryError, parse_date_query  # noqa: E402
from storage.search.records import EventRecord  # noqa: E402


def full_text(r: EventRecord) -> str:
    """Everything a record says, as one string: what the naive baseline matches against."""
    parts = [r.date_start.isoformat(), r.title, r.body or "", r.body_short or "", r.kind or "", r.place or "",
             r.venue or "", r.format or "", r.chair_person or "", r.chair_role or "", r.chair_state or "",
             r.summary or ""]
    parts += [" ".join(x for x in (p.name, p.role, p.organisation) if x) for p in r.participants]
    parts += [d.text for d in r.decisions] + list(r.topics)
    return " ".join(p for p in parts if p)


class Naive:
    def __init__(self, records: list[EventRecord]) -> None:
        self.records = records
        self.texts = [full_text(r) for r in records]

    def best(self, question: str) -> EventRecord | None:
        found = process.extractOne(question, self.texts, scorer=fuzz.WRatio)
        return self.records[found[2]] if found else None


def _key(r: EventRecord) -> tuple[str, str]:
    return r.date_start.isoformat(), r.date_end.isoformat()


def evaluate(records: list[EventRecord], spec: dict, verbose: bool = False) -> dict:
    qa, naive = QA.from_records(records), Naive(records)
    by_id = {r.id: r for r in records}
    events = {name: (e["date_start"], e["date_end"]) for name, e in spec.get("events", {}).items()}
    n = len(spec.get("questions", []))
    top1 = answers = refused = b_top1 = b_answers = 0
    for item in spec.get("questions", []):
        want = {events[e] for e in item["expect_events"]}
        expect = [x.casefold() for x in item.get("expect_any", [])]
        a = qa.answer(item["q"])
        first = by_id[a.hits[0].event_id] if a.hits else None
        ok_top = a.confident and first is not None and _key(first) in want
        text = plain_answer(qa, a).casefold()
        ok_answer = ok_top and (not expect or any(x in text for x in expect))
        top1 += ok_top
        answers += ok_answer
        refused += not a.confident
        b = naive.best(item["q"])
        b_ok = b is not None and _key(b) in want
        b_top1 += b_ok
        b_answers += b_ok and (not expect or any(x in full_text(b).casefold() for x in expect))
        if verbose and not ok_answer:
            print(f"MISS {item['q']!r}: confident={a.confident} top={_key(first) if first else None} "
                  f"text={text[:200]!r}", file=sys.stderr)
    no_answer = spec.get("no_answer", [])
    declined = 0
    for q in no_answer:
        a = qa.answer(q)
        declined += not a.confident
        if verbose and a.confident:
            print(f"FALSE ANSWER {q!r}: {a.text[:200]!r}", file=sys.stderr)
    event_ok = b_event_ok = 0
    event_args = spec.get("event_args", [])
    for item in event_args:
        want = {events[e] for e in item["expect_events"]}
        try:
            span = parse_date_query(item["arg"])
            got = {_key(r) for r in records if r.date_start <= span.end and r.date_end >= span.start}
        except DateQueryError:
            got = set()
        event_ok += got == want
        # the baseline has no date parser: it takes the best WRatio record for the argument
        b = naive.best(item["arg"])
        b_event_ok += b is not None and {_key(b)} == want
        if verbose and got != want:
            print(f"EVENT MISS {item['arg']!r}: got={sorted(got)} want={sorted(want)}", file=sys.stderr)

    def pct(x: int, d: int) -> float:
        return round(100.0 * x / d, 1) if d else 100.0

    return {
        "questions": n, "no_answer_questions": len(no_answer), "event_args": len(event_args), "events": len(records),
        "top1": pct(top1, n), "answer": pct(answers, n), "no_answer_precision": pct(declined, len(no_answer)),
        "wrongly_refused": refused, "event_accuracy": pct(event_ok, len(event_args)),
        "naive_top1": pct(b_top1, n), "naive_answer": pct(b_answers, n),
        # the baseline always answers, so it declines nothing
        "naive_no_answer_precision": 0.0 if no_answer else 100.0, "naive_event_accuracy": pct(b_event_ok, len(event_args)),
    }


async def ingest(docs: list[Path], db: Path) -> list[EventRecord]:
    engine, sessions = await open_store(f"sqlite+aiosqlite:///{db}")
    try:
        await Ingestor(sessions).ingest_paths(docs)
        return await load_records(sessions)
    finally:
        await engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", default=str(ROOT.parent / "shared" / "eval" / "seeds-questions.json"))
    parser.add_argument("--docs", nargs="+", default=[str(ROOT / "seeds")], help="files or folders to ingest")
    parser.add_argument("--verbose", action="store_true", help="print every miss to stderr")
    args = parser.parse_args(argv)
    spec = json.loads(Path(args.questions).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        records = asyncio.run(ingest([Path(d) for d in args.docs], Path(tmp) / "eval.db"))
    result = evaluate(records, spec, args.verbose)
    print(f"questions {result['questions']}, events {result['events']}")
    print(f"{'':22}{'csto-bot':>10}{'naive':>10}")
    for label, ours, theirs in (("top-1 accuracy", "top1", "naive_top1"), ("answer accuracy", "answer", "naive_answer"),
                                ("no-answer precision", "no_answer_precision", "naive_no_answer_precision"),
                                ("/event accuracy", "event_accuracy", "naive_event_accuracy")):
        print(f"{label:22}{result[ours]:>9}%{result[theirs]:>9}%")
    print(f"answerable questions refused: {result['wrongly_refused']}")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

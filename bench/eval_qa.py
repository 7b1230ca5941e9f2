"""Score the question answerer on a question set, over extracted and over gold records, next to two
baselines; last line: one JSON object.

    python bench/eval_qa.py [--set seeds|dev] [--eval-dir ../shared/eval] [--verbose]
    python bench/eval_qa.py --questions Q.json --docs DIR [--gold GOLD.json]

Over extracted records: the docs are ingested into a temporary database. Over gold records (when the set
has a gold file): bench/gold_to_records.py converts gold into the export format and `import` loads it, so
the answer layer is measured apart from extraction. For every question: top-1 accuracy (the expected
event, identified by its dates, comes first and the answer is confident; "ranked": first whether confident or
not, the like-for-like comparison with a retriever that never refuses), answer accuracy (top-1 right and the answer text contains
one of expect_any, case-insensitive), no-answer precision (no_answer questions answered confident=False)
and answerable questions wrongly refused, and `/event` accuracy (exact set of expected events).

Baselines, in the same run: "naive" answers with the record whose full text has the best rapidfuzz WRatio;
"bm25" ranks the raw pages (BM25, k1=1.2, b=0.75, Snowball stems of Russian and English words) and is right
when its first page is a source of an expected event — a plain page retriever our top-1 must not fall below.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import re
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
    top1 = answers = refused = b_top1 = b_answers = ranked_top = 0
    # English questions (no Cyrillic letter) against Russian ones: (asked, top-1 right, answered right)
    by_language = {"en": [0, 0, 0], "ru": [0, 0, 0]}
    for item in spec.get("questions", []):
        want = {events[e] for e in item["expect_events"]}
        expect = [x.casefold() for x in item.get("expect_any", [])]
        a = qa.answer(item["q"])
        first = by_id[a.hits[0].event_id] if a.hits else None
        ok_top = a.confident and first is not None and _key(first) in want
        ranked_top += first is not None and _key(first) in want  # first hit right, sure or not: like BM25
        text = plain_answer(qa, a).casefold()
        ok_answer = ok_top and (not expect or any(x in text for x in expect))
        top1 += ok_top
        answers += ok_answer
        tally = by_language["ru" if re.search(r"[а-яё]", item["q"], re.IGNORECASE) else "en"]
        tally[0] += 1
        tally[1] += ok_top
        tally[2] += ok_answer
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
        "top1": pct(top1, n), "top1_ranked": pct(ranked_top, n), "answer": pct(answers, n), "no_answer_precision": pct(declined, len(no_answer)),
        "wrongly_refused": refused, "event_accuracy": pct(event_ok, len(event_args)),
        "naive_top1": pct(b_top1, n), "naive_answer": pct(b_answers, n),
        # the baseline always answers, so it declines nothing
        "naive_no_answer_precision": 0.0 if no_answer else 100.0, "naive_event_accuracy": pct(b_event_ok, len(event_args)),
        **{f"{lang}_{name}": pct(t[k], t[0]) for lang, t in by_language.items() for name, k in (("top1", 1),
                                                                                              ("answer", 2))},
        "en_questions": by_language["en"][0], "ru_questions": by_language["ru"][0],
    }


async def ingest(docs: list[Path], db: Path) -> list[EventRecord]:
    engine, sessions = await open_store(f"sqlite+aiosqlite:///{db}")
    try:
        await Ingestor(sessions).ingest_paths(docs)
        return await load_records(sessions)
    finally:
        await engine.dispose()


async def import_gold(gold: dict, corpus: Path, db: Path) -> list[EventRecord]:
    """Gold records through the converter and the store's own import, as `csto-bot import` would load them."""
    from bench.gold_to_records import convert
    from storage.restore import import_events

    engine, sessions = await open_store(f"sqlite+aiosqlite:///{db}")
    try:
        async with sessions() as session, session.begin():
            await import_events(session, convert(gold, corpus))
        return await load_records(sessions)
    finally:
        await engine.dispose()


def _eval_dir() -> Path:
    """Where the evaluation sets live: $CSTO_EVAL_DIR, or ../shared/eval beside this checkout or its origin."""
    import os
    import subprocess

    candidates = [os.environ.get("CSTO_EVAL_DIR"), ROOT.parent / "shared" / "eval"]
    try:  # a fresh clone elsewhere (/tmp/x) finds the sets beside the repository it was cloned from
        origin = subprocess.run(["git", "-C", str(ROOT), "config", "--get", "remote.origin.url"],
                                capture_output=True, text=True, timeout=5).stdout.strip()
        if origin and not origin.startswith(("http", "git@", "ssh:")):
            candidates.append(Path(origin).resolve().parent / "shared" / "eval")
    except (OSError, subprocess.SubprocessError):
        pass
    for c in candidates:
        if c and (Path(c) / "seeds-questions.json").exists():
            return Path(c)
    raise SystemExit("eval_qa: no evaluation sets found; pass --eval-dir DIR (the folder with seeds-questions.json) "
                     "or set CSTO_EVAL_DIR")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("seeds", "dev"), default="dev")
    parser.add_argument("--eval-dir", help="folder holding seeds-questions.json and dev/ (default: found)")
    parser.add_argument("--questions", help="a question file (overrides --set)")
    parser.add_argument("--docs", nargs="+", help="files or folders to ingest (overrides --set)")
    parser.add_argument("--gold", help="gold records of the docs (overrides --set)")
    parser.add_argument("--verbose", action="store_true", help="print every miss to stderr")
    args = parser.parse_args(argv)
    if args.questions and args.docs:
        questions, docs, gold_path = Path(args.questions), [Path(d) for d in args.docs], args.gold
    else:
        base = Path(args.eval_dir) if args.eval_dir else _eval_dir()
        if args.set == "seeds":
            questions, docs, gold_path = base / "seeds-questions.json", [ROOT / "seeds"], None
        else:
            questions, docs, gold_path = base / "dev" / "questions.json", [base / "dev" / "corpus"], \
                base / "dev" / "gold.json"
    spec = json.loads(questions.read_text(encoding="utf-8"))
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8")) if gold_path else None
    with tempfile.TemporaryDirectory() as tmp:
        records = asyncio.run(ingest(docs, Path(tmp) / "eval.db"))
        gold_records = asyncio.run(import_gold(gold, docs[0], Path(tmp) / "gold.db")) if gold else None
    result = evaluate(records, spec, args.verbose)
    if gold_records is not None:
        on_gold = evaluate(gold_records, spec, args.verbose)
        result.update({f"gold_{k}": on_gold[k] for k in ("top1", "answer", "no_answer_precision", "event_accuracy",
                                                          "en_top1", "ru_top1", "en_answer", "ru_answer")})
        from bench.bm25_pages import PageRetriever

        result["bm25_top1"] = PageRetriever.from_paths(docs).top1(spec, gold)
    print(f"questions {result['questions']}, events {result['events']}")
    columns = [("csto-bot", ""), ("on gold", "gold_"), ("naive", "naive_")] if gold_records is not None else \
        [("csto-bot", ""), ("naive", "naive_")]
    print(f"{'':22}" + "".join(f"{name:>10}" for name, _ in columns) + (f"{'bm25':>10}" if gold else ""))
    result.setdefault("naive_top1_ranked", result["naive_top1"])
    if gold_records is not None:
        result["gold_top1_ranked"] = on_gold["top1_ranked"]
    for label, key in (("top-1 accuracy", "top1"), ("top-1 ranked first", "top1_ranked"),
                       ("answer accuracy", "answer"),
                       ("no-answer precision", "no_answer_precision"), ("/event accuracy", "event_accuracy")):
        row = "".join(f"{result[prefix + key]:>9}%" for _, prefix in columns)
        if gold:
            row += f"{result['bm25_top1']:>9}%" if key in ("top1", "top1_ranked") else f"{'':>10}"
        print(f"{label:22}{row}")
    print(f"answerable questions refused: {result['wrongly_refused']}")
    print(f"English questions ({result['en_questions']}) vs Russian ({result['ru_questions']}): top-1 "
          f"{result['en_top1']}% vs {result['ru_top1']}%, answer {result['en_answer']}% vs {result['ru_answer']}%"
          + (f"; on gold top-1 {result['gold_en_top1']}% vs {result['gold_ru_top1']}%, answer "
             f"{result['gold_en_answer']}% vs {result['gold_ru_answer']}%" if gold_records is not None else ""))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

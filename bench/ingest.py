"""Ingestion benchmark: a generated corpus of ≥1,000 varied pages through the whole pipeline on one core.

    .venv/bin/python bench/ingest.py [--pages 1000] [--seed N] [--no-natasha]

Prints documents/s, time per stage, peak memory, name-normalisation accuracy on the labelled set
(ours and natasha's), field accuracy on tests/fixtures/docs/expected.json (written beside the rules) and on
../shared/eval/dev/ (written apart from them, scored by its own field_score.py); the last line is one
JSON object of the figures.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402
from bench.score import FIXTURES, load_expected, score  # noqa: E402
from storage.db import open_store  # noqa: E402
from storage.export import export_events  # noqa: E402
from storage.ingest import pipeline as pipeline_module  # noqa: E402
from storage.ingest import store as store_module  # noqa: E402
from storage.ingest.extract.candidate import extract_candidate  # noqa: E402
from storage.ingest.dates import find_dates  # noqa: E402
from storage.ingest.read import decode, read_document  # noqa: E402
from storage.ingest.split import split_items  # noqa: E402
from storage.ingest.extract.people import find_people  # noqa: E402
from storage.ingest.pipeline import Ingestor  # noqa: E402
from storage.ingest.records import RawDocument  # noqa: E402
from tests.storage.ingest.name_cases import NAME_CASES, name_accuracy  # noqa: E402


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def stage_times(pages) -> dict[str, float]:
    """Seconds per pure stage over the corpus (read = decode, clean = the rest of read_document)."""
    times: dict[str, float] = defaultdict(float)
    for page in pages:
        raw = RawDocument(page.name, page.data)
        t0 = time.perf_counter()
        try:
            decode(raw.data)
        except Exception:  # noqa: BLE001 - a generated page may fail; the stage is still timed
            pass
        t1 = time.perf_counter()
        try:
            doc = read_document(raw)
        except Exception:  # noqa: BLE001
            continue
        t2 = time.perf_counter()
        items = split_items(doc)
        t3 = time.perf_counter()
        for item in items:
            extract_candidate(item, find_dates)
        t4 = time.perf_counter()
        times["read"] += t1 - t0
        times["clean"] += max(0.0, (t2 - t1) - (t1 - t0))
        times["split"] += t3 - t2
        times["extract"] += t4 - t3
    return times


async def full_run(pages, db: str) -> tuple[float, dict[str, float], dict[str, int]]:
    """The real Ingestor over every page; merge time measured by wrapping the sameness search."""
    merge_time = 0.0
    original = store_module.find_same_event

    def timed(views, candidate):
        nonlocal merge_time
        t = time.perf_counter()
        try:
            return original(views, candidate)
        finally:
            merge_time += time.perf_counter() - t

    analyse_time = 0.0
    original_analyse = pipeline_module.analyse

    def timed_analyse(raw):
        nonlocal analyse_time
        t = time.perf_counter()
        try:
            return original_analyse(raw)
        finally:
            analyse_time += time.perf_counter() - t

    store_module.find_same_event = timed
    pipeline_module.analyse = timed_analyse
    engine, sessions = await open_store(db)
    try:
        ingestor = Ingestor(sessions)
        statuses: dict[str, int] = defaultdict(int)
        t0 = time.perf_counter()
        for page in pages:
            report = await ingestor.ingest(RawDocument(page.name, page.data))
            statuses[report.status] += 1
        total = time.perf_counter() - t0
    finally:
        store_module.find_same_event = original
        pipeline_module.analyse = original_analyse
        await engine.dispose()
    return total, {"merge": merge_time, "analyse": analyse_time}, dict(statuses)


async def corpus_accuracy(db: str) -> tuple[float, dict[str, float], list[str]]:
    engine, sessions = await open_store(db)
    try:
        reports = await Ingestor(sessions).ingest_paths([FIXTURES])
        async with sessions() as session:
            events = await export_events(session)
    finally:
        await engine.dispose()
    result = score(load_expected(), {Path(r.location).name: r for r in reports}, events)
    return result.accuracy, result.by_field(), result.misses


DEV = ROOT.parent / "shared" / "eval"  # pages written independently of this code (see ../shared/eval/README.md)


async def dev_accuracy(db: str) -> tuple[dict | None, float]:
    """field_score.py's SUMMARY over ../shared/eval/dev/ ingested into a fresh store, and its pages/s."""
    corpus = DEV / "dev" / "corpus"
    if not corpus.is_dir():
        return None, 0.0
    engine, sessions = await open_store(db)
    try:
        t0 = time.perf_counter()
        reports = await Ingestor(sessions).ingest_paths([corpus])
        seconds = time.perf_counter() - t0
        async with sessions() as session:
            events = await export_events(session)
    finally:
        await engine.dispose()
    exported = Path(db).with_suffix(".json")
    exported.write_text(json.dumps(events, ensure_ascii=False, default=str), encoding="utf-8")
    run = subprocess.run([sys.executable, str(DEV / "field_score.py"), str(DEV / "dev" / "gold.json"), str(exported)],
                         capture_output=True, text=True, check=False)
    line = next((x for x in reversed(run.stdout.splitlines()) if x.startswith("SUMMARY ")), None)
    return (json.loads(line[len("SUMMARY "):]) if line else None), len(reports) / max(seconds, 1e-9)


def natasha_accuracy() -> float | None:
    try:
        from storage.nlp.ner import person_names  # noqa: PLC0415
    except ImportError:
        return None
    correct = total = 0
    for sentence, expected in NAME_CASES:
        got = person_names(sentence)
        for name in expected:
            total += 1
            correct += name in got
    return correct / total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20240424)
    parser.add_argument("--no-natasha", action="store_true")
    args = parser.parse_args()
    pin_one_core()
    import logging  # noqa: PLC0415
    logging.disable(logging.INFO)

    pages = generate(args.pages, args.seed)
    sizes = [len(p.data) for p in pages]
    print(f"corpus: {len(pages)} pages, {min(sizes)}–{max(sizes)} bytes, {sum(sizes) / len(sizes) / 1024:.1f} KB mean")
    with tempfile.TemporaryDirectory() as tmp:
        # warm-up outside the timing: dictionaries load once per process
        extract_candidate.__globals__["find_body_matches"]("Совет министров иностранных дел ОДКБ")
        total, merge, statuses = asyncio.run(full_run(pages, str(Path(tmp) / "bench.db")))
        warm = stage_times(pages)
        # the real run's pure-stage time, shared out in the proportions of a second (warm-cache) pass
        scale = merge["analyse"] / max(1e-9, sum(warm.values()))
        stages = {k: v * scale for k, v in warm.items()}
        store_time = max(0.0, total - merge["analyse"] - merge["merge"])
        correct, count, misses = name_accuracy(find_people)
        nat = None if args.no_natasha else natasha_accuracy()
        acc, by_field, corpus_misses = asyncio.run(corpus_accuracy(str(Path(tmp) / "corpus.db")))
        dev, dev_rate = asyncio.run(dev_accuracy(str(Path(tmp) / "dev.db")))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    docs_per_s = len(pages) / total
    print(f"full pipeline: {total:.1f} s, {docs_per_s:.1f} documents/s on one core ({statuses})")
    for name in ("read", "clean", "split", "extract"):
        print(f"  {name:8s} {stages[name]:7.2f} s  {1000 * stages[name] / len(pages):6.2f} ms/page")
    print(f"  {'merge':8s} {merge['merge']:7.2f} s  {1000 * merge['merge'] / len(pages):6.2f} ms/page")
    print(f"  {'store':8s} {store_time:7.2f} s  {1000 * store_time / len(pages):6.2f} ms/page (DB reads/writes, transactions, event-loop hops)")
    print(f"peak memory: {peak_mb:.0f} MB (max RSS)")
    print(f"name normalisation (labelled set, {count} mentions): ours {correct / count:.3f}"
          + (f", natasha NER+normalize {nat:.3f}" if nat is not None else ""))
    print(f"corpus accuracy vs expected.json: {acc:.3f} {by_field}")
    for miss in corpus_misses:
        print("  miss:", miss)
    if dev is None:
        print("dev set: ../shared/eval/dev not found, not measured")
    else:
        print(f"dev set (../shared/eval/dev, written apart from this code): {dev_rate:.1f} documents/s; "
              f"found {dev['found_strict']}/{dev['gold']}, start {dev['date_start']}, end {dev['date_end']}, "
              f"chair {dev['chair_exact']}, participants {dev['part_recall_exact']} (precision {dev['part_precision']}), "
              f"decisions {dev['decisions']}, sources {dev['sources']}, duplicates {dev['duplicates']}, "
              f"wrong merges {dev['wrong_merges']}")
    print(json.dumps({
        "pages": len(pages), "seconds": round(total, 2), "documents_per_s": round(docs_per_s, 1),
        "stage_ms_per_page": {**{k: round(1000 * v / len(pages), 3) for k, v in stages.items()},
                              "merge": round(1000 * merge["merge"] / len(pages), 3),
                              "store": round(1000 * store_time / len(pages), 3)},
        "peak_rss_mb": round(peak_mb), "statuses": statuses,
        "name_accuracy": round(correct / count, 3), "name_mentions": count,
        "natasha_name_accuracy": None if nat is None else round(nat, 3),
        "corpus_accuracy": round(acc, 3), "corpus_fields": by_field,
        "dev_documents_per_s": round(dev_rate, 1), "dev_summary": dev,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()

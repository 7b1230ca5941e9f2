"""Worst-case inputs: analysis time per 100 KB of each adversarial class beside an ordinary page, same run.

    .venv/bin/python bench/pathological.py [--kb 300]

Each class repeats one unit that once made a pattern quadratic (unclosed Markdown links, runs of dates
before no "@", unclosed HTML tags, …). The last line is one JSON object: seconds per 100 KB per class,
the ordinary baseline, and the worst class's ratio to it (issue #14 asks for ≤ 3×).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage.ingest.errors import IngestError  # noqa: E402
from storage.ingest.pipeline import analyse  # noqa: E402
from storage.ingest.records import RawDocument  # noqa: E402
from tests.storage.ingest.test_linear_time import UNITS  # noqa: E402


def seconds(data: bytes, name: str) -> float:
    t = time.perf_counter()
    try:
        analyse(RawDocument(name, data))
    except IngestError:
        pass
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kb", type=int, default=300)
    args = parser.parse_args()
    size = args.kb * 1000
    ordinary_text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").iterdir()) if p.is_file())
    ordinary = (ordinary_text * (size // len(ordinary_text) + 1))[:size].encode()
    seconds(ordinary_text[:5000].encode(), "warm.txt")  # dictionaries load outside the timing
    base = seconds(ordinary, "ordinary.txt") * 100 / args.kb
    print(f"ordinary page: {base:.3f} s per 100 KB ({args.kb} KB)")
    per_class = {}
    for unit in UNITS:
        data = (unit * (size // len(unit) + 1))[:size].encode()
        per_class[unit] = seconds(data, "x.html" if unit.startswith("<") else "x.txt") * 100 / args.kb
        print(f"  {unit!r:20s} {per_class[unit]:.3f} s per 100 KB  ({per_class[unit] / base:.2f}× ordinary)")
    worst = max(per_class, key=per_class.get)
    print(f"worst class {worst!r}: {per_class[worst]:.3f} s per 100 KB, {per_class[worst] / base:.2f}× ordinary")
    print(json.dumps({"kb": args.kb, "ordinary_s_per_100kb": round(base, 3),
                      "worst_class": worst, "worst_s_per_100kb": round(per_class[worst], 3),
                      "worst_ratio": round(per_class[worst] / base, 2),
                      "classes_s_per_100kb": {k: round(v, 3) for k, v in per_class.items()}}, ensure_ascii=False))


if __name__ == "__main__":
    main()

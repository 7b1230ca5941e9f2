"""`make mutation`: how many single-point mutants of the core the tests notice.

    .venv/bin/python -m tests.mutation.run [--sample 200] [--seed 1] [--jobs 2] [--package storage/search]

The core is `storage/ingest`, `storage/search` and `bot/delivery` (about 4,000 mutants in all). A full
run would take hours on two cores, so a seeded sample is drawn, stratified by package in proportion to
its mutants; the same seed gives the same sample. Each mutant is written into a private copy of the
repository and the tests of its package are run there (`-x`, a fixed Hypothesis seed, a time limit);
a failing, erroring or timed-out run kills it. Survivors listed in `equivalent.txt` (with the reason
they cannot change behaviour) are left out of the score. The last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.mutation.mutants import Mutant, mutants

ROOT = Path(__file__).resolve().parents[2]
EQUIVALENT = Path(__file__).with_name("equivalent.txt")
# the tests that speak for each package, quick ones first (`-x` stops at the first failure). Left out:
# the timing tests (they judge speed, not behaviour) and the 30 s multi-process SIGKILL test, whose
# recovery path the worker's own tests cover; the score is what the unit and pipeline tests notice.
PACKAGES = {
    "storage/ingest": ["tests/storage/ingest", "tests/fixtures", "tests/test_cli_ingest.py",
                       "--ignore=tests/storage/ingest/test_linear_time.py"],
    "storage/search": ["tests/storage/search", "tests/storage/test_lexicons.py"],
    "bot/delivery": ["tests/subscriptions/test_delivery_card.py", "tests/subscriptions/test_worker.py",
                     "tests/subscriptions/test_http_sender.py",
                     "tests/subscriptions/test_rate_limit.py", "tests/subscriptions/test_outbox.py"],
}
PYTEST = ["-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--hypothesis-seed=0"]


@dataclass
class Result:
    mutant: Mutant
    status: str  # killed | survived | timeout
    seconds: float


def package_of(path: str) -> str:
    return next(p for p in PACKAGES if path.startswith(p + "/"))


def all_mutants(packages: list[str]) -> list[Mutant]:
    found = []
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            found.extend(mutants(relative, path.read_text(encoding="utf-8")))
    return found


def sample(found: list[Mutant], size: int, seed: int) -> list[Mutant]:
    """Stratified by package, in proportion to each package's mutants; order-independent of the files'
    other mutants so a sample moves only where the code did."""
    rng = random.Random(seed)
    by_package: dict[str, list[Mutant]] = {}
    for mutant in sorted(found, key=lambda m: m.key):
        by_package.setdefault(package_of(mutant.path), []).append(mutant)
    chosen = []
    for package, items in by_package.items():
        share = min(len(items), max(1, round(size * len(items) / len(found))))
        chosen.extend(rng.sample(items, share))
    return chosen


def equivalents() -> dict[str, str]:
    known = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            key, _, reason = line.partition("#")
            if key.strip():
                known[key.strip()] = reason.strip()
    return known


def make_copy(base: Path, name: str) -> Path:
    target = base / name
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.splitlines()
    for relative in files:
        source = ROOT / relative
        if source.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / relative)
    return target


def run_tests(copy: Path, package: str, timeout: float) -> tuple[str, float]:
    env = {**os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, *PYTEST, *PACKAGES[package]], cwd=copy, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - started
    return ("survived" if done.returncode == 0 else "killed"), time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--package", action="append", choices=list(PACKAGES))
    parser.add_argument("--only", nargs="+", metavar="KEY", help="run just these mutants (keys as printed)")
    args = parser.parse_args()
    packages = args.package or list(PACKAGES)
    found = all_mutants(packages)
    chosen = [m for m in found if m.key in set(args.only)] if args.only else sample(found, args.sample, args.seed)
    print(f"{len(found)} mutants in {', '.join(packages)}; sample of {len(chosen)} (seed {args.seed})", flush=True)
    known = equivalents()

    base = Path(tempfile.mkdtemp(prefix="csto-mutation-"))
    try:
        copies = [make_copy(base, f"w{i}") for i in range(args.jobs)]
        limits = {}
        for package in sorted({package_of(m.path) for m in chosen}):
            status, seconds = run_tests(copies[0], package, timeout=900)
            if status != "survived":
                sys.exit(f"the unmutated tests of {package} do not pass ({status}); fix them first")
            limits[package] = max(60.0, 3 * seconds)
            print(f"baseline {package}: {seconds:.1f} s, limit {limits[package]:.0f} s", flush=True)

        free = list(copies)

        def one(mutant: Mutant) -> Result:
            copy = free.pop()
            target = copy / mutant.path
            original = target.read_text(encoding="utf-8")
            try:
                target.write_text(mutant.apply(original), encoding="utf-8")
                status, seconds = run_tests(copy, package_of(mutant.path), limits[package_of(mutant.path)])
            finally:
                target.write_text(original, encoding="utf-8")
                free.append(copy)
            print(f"  {status:8s} {seconds:5.1f}s  {mutant.describe()}", flush=True)
            return Result(mutant, status, seconds)

        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(one, chosen))
    finally:
        shutil.rmtree(base, ignore_errors=True)

    survivors = [r for r in results if r.status == "survived" and r.mutant.key not in known]
    equivalent = [r for r in results if r.status == "survived" and r.mutant.key in known]
    scored = len(results) - len(equivalent)
    killed = scored - len(survivors)
    print(f"\nequivalent (see {EQUIVALENT.name}): {len(equivalent)}")
    for r in equivalent:
        print(f"  {r.mutant.key}  {r.mutant.describe()}  # {known[r.mutant.key]}")
    print(f"survivors: {len(survivors)}")
    for r in survivors:
        print(f"  {r.mutant.key}  {r.mutant.describe()}")
    score = killed / scored if scored else 1.0
    by_package = {}
    for package in packages:
        mine = [r for r in results if package_of(r.mutant.path) == package and r not in equivalent]
        dead = sum(1 for r in mine if r.status != "survived")
        by_package[package] = f"{dead}/{len(mine)}"
    print(f"killed {killed} of {scored} non-equivalent mutants: {score:.1%}")
    print(json.dumps({"mutants": len(found), "sampled": len(results), "seed": args.seed, "killed": killed,
                      "survived": len(survivors), "equivalent": len(equivalent), "timeouts":
                      sum(r.status == "timeout" for r in results), "score": round(score, 3),
                      "by_package": by_package, "survivors": [r.mutant.describe() for r in survivors]},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()

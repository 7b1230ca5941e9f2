"""The mutant maker itself: every mutant is valid Python, changes exactly its node, and is found again."""
import ast
from pathlib import Path

import pytest

from tests.mutation.mutants import mutants
from tests.mutation.run import PACKAGES, all_mutants, sample

ROOT = Path(__file__).resolve().parents[2]

SOURCE = '''\
"""Doc."""
from dataclasses import dataclass

log = None


@dataclass(frozen=True)
class A:
    n: int = 2


def f(a, b):
    """Doc."""
    log.info("skipped")
    if a == b and not a:
        return a + 1
    total = 0
    total += b
    print(f"{a + 1}")
    return total
'''


def test_each_kind_of_change_and_nothing_else():
    found = {(m.line, m.kind, m.old, m.new) for m in mutants("x.py", SOURCE)}
    assert found == {
        (9, "number", "2", "3"),
        (15, "condition", "a == b and not a", "not (a == b and (not a))"),
        (15, "boolean", "a == b and not a", "(a == b or not a)"),
        (15, "compare", "a == b", "(a != b)"),
        (15, "negation", "not a", "(a)"),
        (16, "return", "return a + 1", "return None"),
        (16, "arithmetic", "a + 1", "(a - 1)"),
        (16, "number", "1", "2"),
        (17, "number", "0", "1"),
        (18, "statement", "total += b", "pass"),
        (19, "statement", 'print(f"{a + 1}")', "pass"),
        (20, "return", "return total", "return None"),
    }


@pytest.fixture(scope="module")
def every():
    return all_mutants(list(PACKAGES))


def test_mutants_of_the_core_are_valid_python_changing_only_their_span(every):
    assert len(every) > 3000 and len({m.key for m in every}) == len(every)
    sources = {}
    for m in sample(every, 300, 0):  # parsing all ~4,000 mutated files would take half a minute
        source = sources.setdefault(m.path, (ROOT / m.path).read_text(encoding="utf-8"))
        mutated = m.apply(source)
        assert source[m.start:m.end] == m.old and mutated != source
        ast.parse(mutated)


def test_the_sample_is_stratified_and_repeatable(every):
    first, again = sample(every, 100, 3), sample(every, 100, 3)
    assert [m.key for m in first] == [m.key for m in again]
    share = sum(m.path.startswith("storage/ingest/") for m in first) / len(first)
    assert abs(share - sum(m.path.startswith("storage/ingest/") for m in every) / len(every)) < 0.05

"""The plain page retriever our answers must beat: BM25 over the raw pages with Snowball stems.

No records, no dates, no concepts: every page read as ingestion reads it, words lower-cased and stemmed
(Russian or English Snowball by script), Okapi BM25 (k1=1.2, b=0.75). It is right on a question when its
first page is a source of one of the question's expected events.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer

from storage.ingest.read import iter_paths, load_path, read_document

_WORD = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile(r"[а-яё]")
_RU, _EN = snowballstemmer.stemmer("russian"), snowballstemmer.stemmer("english")
_K1, _B = 1.2, 0.75


def stems(text: str) -> list[str]:
    words = _WORD.findall(text.casefold())
    return [(_RU if _CYRILLIC.search(w) else _EN).stemWord(w) for w in words]


@dataclass
class PageRetriever:
    names: list[str]
    tf: list[Counter]
    lengths: list[int]

    @classmethod
    def from_paths(cls, paths: Iterable[Path]) -> PageRetriever:
        names, tf, lengths = [], [], []
        for path in iter_paths(paths):
            try:
                text = read_document(load_path(path)).text
            except Exception:  # a page ingestion rejects is still a page to a retriever: its raw bytes
                text = path.read_bytes().decode("utf-8", "replace")
            words = stems(text)
            names.append(path.name)
            tf.append(Counter(words))
            lengths.append(len(words))
        return cls(names, tf, lengths)

    def ranked(self, question: str) -> list[str]:
        n = len(self.names)
        df: dict[str, int] = defaultdict(int)
        terms = set(stems(question))
        for counts in self.tf:
            for t in terms & counts.keys():
                df[t] += 1
        avg = sum(self.lengths) / n if n else 1.0
        scores = []
        for i, counts in enumerate(self.tf):
            score = 0.0
            for t in terms:
                f = counts.get(t)
                if f:
                    idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                    score += idf * f * (_K1 + 1) / (f + _K1 * (1 - _B + _B * self.lengths[i] / avg))
            scores.append((score, -i))
        return [self.names[-i] for score, i in sorted(scores, reverse=True) if score > 0]

    def top1(self, spec: dict, gold: dict) -> float:
        """Per cent of the questions whose first page is a source of an expected gold event."""
        events = gold.get("events", gold)
        questions = spec.get("questions", [])
        right = 0
        for q in questions:
            pages = {name for key in q["expect_events"] for name in events[key].get("sources") or []}
            first = self.ranked(q["q"])[:1]
            right += bool(first and first[0] in pages)
        return round(100.0 * right / len(questions), 1) if questions else 100.0

"""Field-level accuracy of ingestion against tests/fixtures/docs/expected.json.

Ingest the whole corpus into one fresh store, then, per expected event, find the stored event with
the same dates (and body when given) among the events whose sources include that document, and
compare each expected field. Returns per-field hits/totals, so the test and the bench share one
definition of "correct".
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from storage.lexicon.translit import name_key

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "docs"


@dataclass
class Score:
    hits: Counter = field(default_factory=Counter)
    totals: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool, detail: str) -> None:
        self.totals[name] += 1
        if ok:
            self.hits[name] += 1
        else:
            self.misses.append(detail)

    @property
    def accuracy(self) -> float:
        total = sum(self.totals.values())
        return sum(self.hits.values()) / total if total else 0.0

    def by_field(self) -> dict[str, float]:
        return {k: round(self.hits[k] / self.totals[k], 3) for k in sorted(self.totals)}


def load_expected(folder: Path = FIXTURES) -> dict:
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def score(expected: dict, reports: dict[str, object], events: list[dict]) -> Score:
    """reports: file name → DocumentReport; events: export_events() output."""
    result = Score()
    by_doc: dict[str, list[dict]] = {}
    for event in events:
        for source in event["sources"]:
            by_doc.setdefault(Path(source["location"]).name, []).append(event)
    resolved: dict[str, int] = {}
    for name, spec in expected.items():
        if name.startswith("_"):
            continue
        report = reports.get(name)
        status = getattr(report, "status", None)
        if spec["status"] == "failed":
            reason = (getattr(report, "reason", "") or "").lower()
            ok = status == "failed" and any(w in reason for w in spec.get("reason_contains_any", [spec.get("reason_contains", "")]))
            result.check("status", ok, f"{name}: expected failure, got {status} {reason}")
            continue
        if spec["status"] == "no_events":
            result.check("status", status in ("ok", "skipped") and not by_doc.get(name),
                         f"{name}: expected no events, got {status} {len(by_doc.get(name, []))}")
            continue
        result.check("status", status in ("ok", "skipped"), f"{name}: expected ok, got {status} {getattr(report, 'reason', '')}")
        for n, want in enumerate(spec.get("events", [])):
            mine = [e for e in by_doc.get(name, []) if e["date_start"] == want["date_start"]
                    and (not want.get("body_short") or e["body_short"] == want["body_short"])]
            if not mine:
                mine = [e for e in by_doc.get(name, []) if e["date_start"] == want["date_start"]]
            result.check("found", bool(mine), f"{name}#{n}: no event on {want['date_start']}")
            if not mine:
                continue
            got = mine[0]
            resolved[f"{name}#{n}"] = got["id"]
            for key in ("date_end", "body_short", "kind", "place", "format", "is_announcement"):
                if key == "is_announcement" and want.get(key) and len(got["sources"]) > 1:
                    continue  # an announcement whose report arrived too: the event is rightly a report now
                if key in want:
                    result.check(key, got[key] == want[key], f"{name}#{n}: {key} {got[key]!r} != {want[key]!r}")
            if "kind_any" in want:
                result.check("kind", got["kind"] in want["kind_any"], f"{name}#{n}: kind {got['kind']!r} not in {want['kind_any']}")
            for key, value in (want.get("chair") or {}).items():
                mine_v = got["chair"].get(key)
                ok = (name_key(mine_v or "") == name_key(value)) if key == "person" else mine_v == value
                result.check(f"chair_{key}", ok, f"{name}#{n}: chair {key} {mine_v!r} != {value!r}")
            names = {name_key(p["name"]) for p in got["participants"]}
            for person in want.get("participants_include", []):
                result.check("participants", name_key(person) in names, f"{name}#{n}: missing participant {person}")
            if want.get("decisions_include_any"):
                text = " ".join(got["decisions"]).lower()
                result.check("decisions", any(w.lower() in text for w in want["decisions_include_any"]),
                             f"{name}#{n}: decisions lack {want['decisions_include_any']}")
    for name, spec in expected.items():
        for n, want in enumerate(spec.get("events", []) if isinstance(spec, dict) else []):
            other = want.get("same_event_as")
            if other and f"{name}#{n}" in resolved:
                result.check("merge", resolved.get(other) == resolved[f"{name}#{n}"],
                             f"{name}#{n}: not merged with {other}")
    return result

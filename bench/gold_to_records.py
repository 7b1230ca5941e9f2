"""Gold event records (../shared/eval/*/gold.json) → the `csto-bot export` format, for `csto-bot import`.

    .venv/bin/python bench/gold_to_records.py ../shared/eval/dev/gold.json ../shared/eval/dev/corpus > /tmp/rec.json
    python3 ../shared/eval/run_eval.py ../shared/eval/dev/questions.json --records /tmp/rec.json

Maps gold's fields one to one — dates, body, place, format, chair, participants, decisions, announcement,
sources — and attaches each source document's text as the project reads it (decoded, cleaned and split
into items, keeping the item that tells the event, as ingestion would keep it), so questions are answered over correct records: the answer layer measured
apart from extraction. Nothing is inferred beyond naming: the body's short form comes from the
parenthesis gold writes («Совет министров обороны (СМО)») or the body lexicon, the kind from the body
lexicon and the source titles, the title from the first source's headline.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage.export import FORMAT_VERSION  # noqa: E402
from storage.ingest.read import load_path, read_document  # noqa: E402
from storage.ingest.split import split_items  # noqa: E402
from storage.lexicon.bodies import find_bodies, joint_body  # noqa: E402
from storage.lexicon.kinds import KINDS, find_kinds  # noqa: E402
from storage.lexicon.series import series_keys  # noqa: E402

_SHORT = re.compile(r"\(([А-ЯЁA-Z][А-ЯЁA-Z ]{1,15})\)")


def page_of(path: Path, hints: list[str]) -> tuple[str, str]:
    """(headline, text) of the item of a corpus document that tells the gold event, read and split the way
    ingestion does: on a digest page, the item naming most of the event's title fragments."""
    page = read_document(load_path(path))
    items = [i for i in split_items(page) if i.text.strip()]
    if not items:
        return (page.title or path.stem)[:300], page.text

    def fit(item) -> tuple[int, int]:
        text = f"{item.title or ''} {item.text}".casefold()
        return sum(h.casefold() in text for h in hints), len(item.text)

    best = max(items, key=fit)
    lines = [line.strip(" #*") for line in best.text.splitlines() if line.strip(" #*")]
    title = best.title or page.title or (lines[0] if lines else path.stem)
    return title[:300], best.text


def body_names(gold_body: str | None) -> tuple[str | None, str | None]:
    """(full name, short form): gold's own parenthesised abbreviation first, then the lexicon's."""
    if not gold_body:
        return None, None
    m = _SHORT.search(gold_body)
    found = find_bodies(gold_body)
    joint = joint_body(b.short for b, _, _ in found)
    if joint is not None:  # «СМИД, СМО и КССБ (совместное заседание)»: one joint body, as ingestion keys it
        return joint.full[:300], joint.short[:50]
    if m:
        full = (gold_body[:m.start()] + gold_body[m.end():]).strip(" ,")
        return full[:300], m[1].strip()[:50]
    if found and not found[0][0].is_organisation:
        body = found[0][0]
        return gold_body[:300], body.short[:50]
    return gold_body[:300], None


def convert(gold: dict, corpus: Path) -> list[dict]:
    events = gold.get("events", gold)
    items = events.items() if isinstance(events, dict) else enumerate(events)
    out = []
    for key, g in items:
        sources, titles, fits = [], [], []
        hints = list(g.get("title_any") or [])
        for name in g.get("sources") or []:
            path = corpus / name
            title, text = page_of(path, hints)
            titles.append(title)
            fits.append(sum(h.casefold() in f"{title} {text}".casefold() for h in hints))
            sources.append({"location": str(path), "outlet": None, "published": None, "title": title,
                            "item_index": 0, "language": "en" if not re.search(r"[а-яё]", text[:2000], re.I) else "ru",
                            "is_announcement": bool(g.get("announcement_only")), "text": text})
        full, short = body_names(g.get("body"))
        # the kind the gold's own words give («учени», «штабные переговоры»), else the headlines'
        # (title_any holds word stems: «учени» is the start of «учения»)
        stems = [h.casefold() for h in hints if len(h) >= 4]
        by_stem = [(k, 0, 0) for k in KINDS if any(t.casefold().startswith(h) for h in stems for t in k.triggers)]
        kinds = (find_kinds(" ".join(filter(None, [g.get("body"), *hints]))) or by_stem
                 or find_kinds(" ".join(titles)))
        chair = g.get("chair")
        out.append({
            "version": FORMAT_VERSION, "id": key,
            "date_start": g["date_start"], "date_end": g.get("date_end") or g["date_start"],
            "is_announcement": bool(g.get("announcement_only")),
            # the headline of the page that tells most of the event (not a page that only mentions it)
            "title": titles[fits.index(max(fits))] if titles else (g.get("title_any") or [str(key)])[0],
            "body": full, "body_short": short, "kind": kinds[0][0].name if kinds else None,
            "place": g.get("place"), "venue": None, "format": g.get("format"),
            "chair": {"person": chair, "role": None, "state": None} if isinstance(chair, str) else
                     {"person": None, "role": None, "state": None},
            # the named exercise or operation, as the project keys it, from the gold body and the page's title
            "summary": None, "series": " ".join(sorted(series_keys(" ".join(filter(None, [
                g.get("body"), *titles[:1], *(h[:1].upper() + h[1:] for h in hints)])))))
            or None,
            "participants": [{"name": n, "role": None, "organisation": None} for n in g.get("participants") or []],
            "decisions": list(g.get("decisions") or []), "decision_actions": [],
            "topics": [], "sources": sources, "facts": [],
        })
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    print(json.dumps(convert(gold, Path(argv[1])), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

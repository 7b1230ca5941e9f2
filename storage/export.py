"""All events as plain JSON-ready dicts: the `csto-bot export` format, which `csto-bot import` reads back.

Format version 1 (README, "Export and import"): a JSON array of events; each event carries `"version": 1`,
its fields, participants, decisions, topics and sources. `with_text` adds each source's text and the
evidence (facts: a field value, the sentence it came from and the index of its source in `sources`), so
export → import → export is lossless: the backup and store-to-store migration path.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.lexicon.places import common_name
from storage.models import Event, EventSource

FORMAT_VERSION = 1


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _source_order(s: EventSource) -> tuple:
    return s.document.location, s.item_index, s.id


def _chair(event: Event) -> dict:
    # "who chaired" is a person or, when the page names only the presiding state («Кыргызстан
    # председательствует…»), that state under its common name; `state` always holds the canonical state
    who = event.chair_person or (common_name(event.chair_state) if event.chair_state else None)
    return {"person": who, "role": event.chair_role, "state": event.chair_state}


def event_dict(event: Event, with_text: bool = False) -> dict:
    chair_key = event.chair_person or ""
    participants = sorted(event.participants, key=lambda p: (p.name != chair_key, p.name, p.role or ""))
    decisions = sorted(event.decisions, key=lambda d: (d.text, d.action or ""))
    sources = sorted(event.sources, key=_source_order)
    out = {
        "version": FORMAT_VERSION,
        "id": event.id,
        "date_start": _iso(event.date_start),
        "date_end": _iso(event.date_end),
        "is_announcement": event.is_announcement,
        "title": event.title,
        "body": event.body,
        "body_short": event.body_short,
        "kind": event.kind,
        "place": event.place,
        "venue": event.venue,
        "format": event.format.value if event.format else None,
        "chair": _chair(event),
        "summary": event.summary,
        "series": event.series,
        "participants": [{"name": p.name, "role": p.role, "organisation": p.organisation} for p in participants],
        "decisions": [d.text for d in decisions],
        # the verb of each decision ("утверждён", "signed"), by the decision's position in "decisions"
        "decision_actions": [d.action for d in decisions],
        "topics": sorted(t.text for t in event.topics),
        "sources": [
            {"location": s.document.location, "outlet": s.document.outlet, "published": _iso(s.published),
             "title": s.title, "item_index": s.item_index, "language": s.language,
             "is_announcement": s.is_announcement, "undated": s.undated, "other_years": s.other_years,
             **({"text": s.text} if with_text else {})}
            for s in sources
        ],
    }
    if with_text:
        position = {s.id: i for i, s in enumerate(sources)}
        out["facts"] = sorted(
            ({"field": f.field, "value": f.value, "sentence": f.sentence, "source": position.get(f.source_id)}
             for f in event.facts),
            key=lambda f: (f["field"], f["value"], f["sentence"], f["source"] if f["source"] is not None else -1))
    return out


async def export_events(session: AsyncSession, with_text: bool = False) -> list[dict]:
    options = [selectinload(Event.participants), selectinload(Event.decisions), selectinload(Event.topics),
               selectinload(Event.sources).selectinload(EventSource.document)]
    if with_text:
        options.append(selectinload(Event.facts))
    rows = await session.scalars(select(Event).options(*options).order_by(Event.date_start, Event.date_end, Event.id))
    events = [event_dict(e, with_text) for e in rows]
    # ids depend on arrival order; the listing must not
    return sorted(events, key=lambda e: (e["date_start"], e["date_end"], e["body_short"] or "", e["title"]))

"""All events as plain JSON-ready dicts, per the `csto-bot export` contract."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models import Event, EventSource


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def event_dict(event: Event) -> dict:
    chair_key = event.chair_person or ""
    participants = sorted(event.participants, key=lambda p: (p.name != chair_key, p.name))
    return {
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
        "chair": {"person": event.chair_person, "role": event.chair_role, "state": event.chair_state},
        "participants": [{"name": p.name, "role": p.role} for p in participants],
        "decisions": sorted(d.text for d in event.decisions),
        "topics": sorted(t.text for t in event.topics),
        "sources": [
            {"location": s.document.location, "outlet": s.document.outlet, "published": _iso(s.published), "title": s.title}
            for s in sorted(event.sources, key=lambda s: (s.document.location, s.item_index))
        ],
    }


async def export_events(session: AsyncSession) -> list[dict]:
    rows = await session.scalars(
        select(Event).options(
            selectinload(Event.participants), selectinload(Event.decisions), selectinload(Event.topics),
            selectinload(Event.sources).selectinload(EventSource.document),
        ).order_by(Event.date_start, Event.date_end, Event.id))
    events = [event_dict(e) for e in rows]
    # ids depend on arrival order; the listing must not
    return sorted(events, key=lambda e: (e["date_start"], e["date_end"], e["body_short"] or "", e["title"]))

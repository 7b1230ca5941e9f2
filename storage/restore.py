"""`csto-bot import`: events in the export format (storage/export.py) into an empty or existing store.

All or nothing: the whole file is checked first, and a file with one bad event imports nothing and says
which event and why, in one line. An event the store already holds (same dates, title and body) is
skipped, so importing the same backup twice adds nothing. Imported events notify no subscriber: a restore
is not news.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.export import FORMAT_VERSION
from storage.lexicon.places import common_name
from storage.models import (Decision, Document, DocumentStatus, Event, EventFormat, EventSource, Fact, Participant,
                            Topic)


class ImportError_(ValueError):
    """A file that is not an export of this format; str(e) is one line saying where and why."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: int
    skipped: int  # already in the store
    documents: int  # documents created for the sources


_TEXT_FIELDS = ("title", "body", "body_short", "kind", "place", "venue", "summary", "series")
_FORMATS = {f.value for f in EventFormat}


def _date(value, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ImportError_(f"{where}: дата {value!r} не в формате ГГГГ-ММ-ДД") from None


def _datetime(value, where: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ImportError_(f"{where}: время {value!r} не в формате ISO 8601") from None


def _limit(column) -> int | None:
    return getattr(column.type, "length", None)


def _text(value, where: str, column=None, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise ImportError_(f"{where}: нет значения")
        return None
    if not isinstance(value, str):
        raise ImportError_(f"{where}: ожидалась строка, а не {type(value).__name__}")
    if required and not value.strip():
        raise ImportError_(f"{where}: пустое значение")
    limit = _limit(column) if column is not None else None
    if limit and len(value) > limit:
        raise ImportError_(f"{where}: длиннее {limit} символов")
    return value


def _list(value, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportError_(f"{where}: ожидался список")
    return value


@dataclass(slots=True)
class _Parsed:
    event: Event
    key: tuple
    sources: list[tuple[dict, str]]  # (source dict, location)
    facts: list[dict]


def _parse(i: int, raw) -> _Parsed:
    where = f"событие {i + 1}"
    if not isinstance(raw, dict):
        raise ImportError_(f"{where}: ожидался объект JSON")
    version = raw.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise ImportError_(f"{where}: версия формата {version!r}, поддерживается {FORMAT_VERSION}")
    c = Event.__table__.c
    start = _date(raw.get("date_start"), f"{where}, date_start")
    end = _date(raw.get("date_end") or raw.get("date_start"), f"{where}, date_end")
    if end < start:
        raise ImportError_(f"{where}: date_end {end} раньше date_start {start}")
    fields = {name: _text(raw.get(name), f"{where}, {name}", c[name], required=name == "title")
              for name in _TEXT_FIELDS}
    fmt = raw.get("format")
    if fmt is not None and fmt not in _FORMATS:
        raise ImportError_(f"{where}: формат {fmt!r}, возможны: {', '.join(sorted(_FORMATS))}")
    chair = raw.get("chair") or {}
    if not isinstance(chair, dict):
        raise ImportError_(f"{where}, chair: ожидался объект")
    chair_person = _text(chair.get("person"), f"{where}, chair.person", c.chair_person)
    if chair_person and chair.get("state") and chair_person == common_name(chair["state"]):
        chair_person = None  # the export names a state that chaired in the person's slot (export._chair)
    event = Event(date_start=start, date_end=end, is_announcement=bool(raw.get("is_announcement")),
                  format=EventFormat(fmt) if fmt else None,
                  chair_person=chair_person,
                  chair_role=_text(chair.get("role"), f"{where}, chair.role", c.chair_role),
                  chair_state=_text(chair.get("state"), f"{where}, chair.state", c.chair_state), **fields)
    pc = Participant.__table__.c
    for j, p in enumerate(_list(raw.get("participants"), f"{where}, participants")):
        pw = f"{where}, участник {j + 1}"
        if not isinstance(p, dict):
            raise ImportError_(f"{pw}: ожидался объект")
        event.participants.append(Participant(name=_text(p.get("name"), pw, pc.name, required=True),
                                              role=_text(p.get("role"), pw, pc.role),
                                              organisation=_text(p.get("organisation"), pw, pc.organisation)))
    decisions = _list(raw.get("decisions"), f"{where}, decisions")
    actions = _list(raw.get("decision_actions"), f"{where}, decision_actions")
    for j, text in enumerate(decisions):
        action = actions[j] if j < len(actions) else None
        event.decisions.append(Decision(text=_text(text, f"{where}, решение {j + 1}", required=True),
                                        action=_text(action, f"{where}, решение {j + 1}",
                                                     Decision.__table__.c.action)))
    for j, text in enumerate(_list(raw.get("topics"), f"{where}, topics")):
        event.topics.append(Topic(text=_text(text, f"{where}, тема {j + 1}", required=True)))
    # the store holds each person, decision and topic once per event
    for label, values in (("участник", [p.name for p in event.participants]),
                          ("решение", [d.text for d in event.decisions]), ("тема", [t.text for t in event.topics])):
        seen: set[str] = set()
        for value in values:
            if value in seen:
                raise ImportError_(f"{where}: {label} «{value[:60]}» указан(а) дважды")
            seen.add(value)
    sources = []
    for j, s in enumerate(_list(raw.get("sources"), f"{where}, sources")):
        sw = f"{where}, источник {j + 1}"
        if not isinstance(s, dict):
            raise ImportError_(f"{sw}: ожидался объект")
        location = _text(s.get("location"), f"{sw}, location", required=True)
        _text(s.get("outlet"), f"{sw}, outlet", Document.__table__.c.outlet)
        _text(s.get("title"), f"{sw}, title")
        _text(s.get("text"), f"{sw}, text")
        _text(s.get("other_years"), f"{sw}, other_years", EventSource.__table__.c.other_years)
        _datetime(s.get("published"), f"{sw}, published")
        sources.append((s, location))
    facts = _list(raw.get("facts"), f"{where}, facts")
    for j, f in enumerate(facts):
        fw = f"{where}, факт {j + 1}"
        if not isinstance(f, dict):
            raise ImportError_(f"{fw}: ожидался объект")
        for name in ("field", "value", "sentence"):
            _text(f.get(name), f"{fw}, {name}", Fact.__table__.c[name], required=name != "sentence")
        at = f.get("source")
        if not isinstance(at, int) or not 0 <= at < len(sources):
            raise ImportError_(f"{fw}: source {at!r} не номер источника этого события (0…{len(sources) - 1})")
    key = (start, end, fields["title"], fields["body_short"])
    return _Parsed(event, key, sources, facts)


def parse_export(data) -> list[_Parsed]:
    """Every event of an export, checked; the first problem raises ImportError_."""
    if isinstance(data, dict) and "events" in data:
        data = data["events"]
    if not isinstance(data, list):
        raise ImportError_("ожидался массив событий JSON (то, что печатает csto-bot export)")
    return [_parse(i, raw) for i, raw in enumerate(data)]


async def import_events(session: AsyncSession, data) -> ImportReport:
    """Import an export into the session's store in the session's transaction (the caller commits)."""
    parsed = parse_export(data)
    existing = {(e.date_start, e.date_end, e.title, e.body_short) for e in
                (await session.execute(select(Event.date_start, Event.date_end, Event.title, Event.body_short))).all()}
    documents: dict[str, Document] = {}
    created_documents = imported = skipped = 0
    next_index: dict[int, set[int]] = {}
    for p in parsed:
        if p.key in existing:
            skipped += 1
            continue
        existing.add(p.key)
        session.add(p.event)
        rows: list[EventSource] = []
        for s, location in p.sources:
            document = documents.get(location)
            if document is None:
                document = await session.scalar(select(Document).where(Document.location == location)
                                                .order_by(Document.id).limit(1))
                if document is None:
                    document = Document(location=location, outlet=s.get("outlet"), status=DocumentStatus.ok,
                                        items_found=0)
                    session.add(document)
                    await session.flush()
                    created_documents += 1
                documents[location] = document
            index = await _free_index(session, document, s.get("item_index"), next_index)
            row = EventSource(event=p.event, document=document, item_index=index, title=s.get("title"),
                              published=_datetime(s.get("published"), location), language=s.get("language") or "ru",
                              is_announcement=bool(s.get("is_announcement")), text=s.get("text") or "",
                              undated=bool(s.get("undated")), other_years=s.get("other_years"))
            session.add(row)
            rows.append(row)
        for f in p.facts:
            session.add(Fact(event=p.event, source=rows[f["source"]], field=f["field"], value=f["value"],
                             sentence=f.get("sentence") or ""))
        await session.flush()
        imported += 1
    return ImportReport(imported, skipped, created_documents)


async def _free_index(session: AsyncSession, document: Document, wanted, taken: dict[int, set[int]]) -> int:
    """The item index the export gave, unless this document already has that item (then the next free one)."""
    used = taken.get(document.id)
    if used is None:
        used = taken[document.id] = set(await session.scalars(
            select(EventSource.item_index).where(EventSource.document_id == document.id)))
    index = wanted if isinstance(wanted, int) and wanted >= 0 and wanted not in used else max(used, default=-1) + 1
    used.add(index)
    return index

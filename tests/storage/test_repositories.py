import datetime as dt

import pytest

from storage.models import Decision, Document, DocumentStatus, Event, EventSource, Fact, Participant, Topic
from storage.repositories import EventRepository, load_records
from storage.search.records import FactRecord, PersonRecord

D = dt.date


@pytest.fixture
async def stored(sessions):
    """Five events: a multi-day one, two on the same day, one with relations and provenance."""
    async with sessions() as session, session.begin():
        doc = Document(location="docs/a.txt", content_hash="a" * 64, status=DocumentStatus.ok)
        session.add(doc)
        events = [
            Event(date_start=D(2021, 3, 1), date_end=D(2021, 3, 5), title="Учения"),
            Event(date_start=D(2021, 3, 10), date_end=D(2021, 3, 10), title="Заседание А"),
            Event(date_start=D(2021, 3, 10), date_end=D(2021, 3, 10), title="Заседание Б"),
            Event(date_start=D(2021, 6, 1), date_end=D(2021, 6, 1), title="Консультации"),
            Event(date_start=D(2020, 1, 15), date_end=D(2020, 1, 15), title="Курсы"),
        ]
        session.add_all(events)
        await session.flush()
        rich = events[1]
        source = EventSource(event_id=rich.id, document_id=doc.id, item_index=0, title="Новость",
                             text="Заседание прошло под председательством Иванова.")
        session.add(source)
        await session.flush()
        session.add_all([
            Participant(event_id=rich.id, name="Иван Иванов", role="Министр"),
            Decision(event_id=rich.id, text="план на 2022 год", action="утвержден"),
            Topic(event_id=rich.id, text="безопасность"),
            Fact(event_id=rich.id, source_id=source.id, field="chair", value="Иван Иванов",
                 sentence="Заседание прошло под председательством Иванова."),
        ])
    return [e.id for e in events]


async def test_latest_is_newest_first_with_paging(sessions, stored):
    async with sessions() as session:
        repo = EventRepository(session)
        assert [e.title for e in await repo.latest(3)] == ["Консультации", "Заседание Б", "Заседание А"]
        assert [e.title for e in await repo.latest(3, offset=3)] == ["Учения", "Курсы"]
        assert await repo.count() == 5


async def test_overlapping_finds_a_day_inside_a_multi_day_event(sessions, stored):
    async with sessions() as session:
        repo = EventRepository(session)
        assert [e.title for e in await repo.overlapping(D(2021, 3, 3), D(2021, 3, 3))] == ["Учения"]
        assert [e.title for e in await repo.overlapping(D(2021, 3, 1), D(2021, 3, 31))] == [
            "Учения", "Заседание А", "Заседание Б"]
        assert await repo.overlapping(D(2021, 3, 6), D(2021, 3, 9)) == []


async def test_nearest_before_and_after(sessions, stored):
    async with sessions() as session:
        repo = EventRepository(session)
        assert (await repo.nearest_before(D(2021, 3, 8))).title == "Учения"
        assert (await repo.nearest_after(D(2021, 3, 11))).title == "Консультации"
        assert await repo.nearest_before(D(2020, 1, 1)) is None
        assert await repo.nearest_after(D(2021, 6, 1)) is None


async def test_get_many_keeps_the_given_order(sessions, stored):
    async with sessions() as session:
        repo = EventRepository(session)
        ids = [stored[3], stored[0], 9999, stored[1]]
        assert [e.id for e in await repo.get_many(ids)] == [stored[3], stored[0], stored[1]]
        assert await repo.get(9999) is None
        assert (await repo.get(stored[1])).participants[0].name == "Иван Иванов"


async def test_records_carry_relations_and_provenance(sessions, stored):
    records = {r.title: r for r in await load_records(sessions)}
    rich = records["Заседание А"]
    assert rich.participants == (PersonRecord("Иван Иванов", "Министр"),)
    assert [(d.action, d.text) for d in rich.decisions] == [("утвержден", "план на 2022 год")]
    assert rich.topics == ("безопасность",)
    assert rich.facts == (FactRecord("chair", "Иван Иванов", "Заседание прошло под председательством Иванова.",
                                     "docs/a.txt", "Новость"),)
    assert [s.location for s in rich.sources] == ["docs/a.txt"]

"""A yearless wire item whose text supports many years equally (an office held for decades) joins the event
the store already holds on that day in one of those years, instead of a guessed year of its own."""
import datetime as dt

from sqlalchemy import select

from storage.ingest.pipeline import Ingestor
from storage.ingest.records import RawDocument
from storage.ingest.year import infer_year
from storage.models import Event

DATED = ("Сессия Совета коллективной безопасности ОДКБ прошла в Москве\n\n"
         "10 декабря 2010 года в Москве состоялась сессия Совета коллективной безопасности ОДКБ. Главы государств "
         "утвердили план коллективных действий по противодействию наркоугрозе.").encode()
YEARLESS = ("Лидеры ОДКБ договорились о противодействии наркоугрозе\n\n"
            "МОСКВА. 10 декабря. АГЕНТСТВО - На сессии Совета коллективной безопасности ОДКБ в Москве главы "
            "государств приняли план действий против наркоугрозы, заявил Президент Казахстана Нурсултан Назарбаев "
            "журналистам по итогам встречи.").encode()


def test_an_office_held_for_decades_leaves_the_years_tied():
    guess = infer_year("заявил Президент Казахстана Нурсултан Назарбаев журналистам", (10, 12), dt.date(2030, 1, 1))
    assert guess.source == "office" and 2010 in guess.ties and guess.year not in guess.ties
    assert infer_year("в 2031 году", (10, 12), dt.date(2040, 1, 1)).ties == ()


async def events(sessions) -> list[Event]:
    async with sessions() as session:
        return list(await session.scalars(select(Event).order_by(Event.date_start)))


async def test_the_yearless_report_joins_the_stored_event_of_that_day(sessions):
    ingestor = Ingestor(sessions)
    await ingestor.ingest(RawDocument("dated.txt", DATED, received=dt.datetime(2030, 1, 1)))
    report = await ingestor.ingest(RawDocument("wire.txt", YEARLESS, received=dt.datetime(2030, 1, 1)))
    assert (report.created, report.merged) == (0, 1)
    [event] = await events(sessions)
    assert event.date_start == dt.date(2010, 12, 10)


async def test_without_a_stored_match_the_guess_stands(sessions):
    await Ingestor(sessions).ingest(RawDocument("wire.txt", YEARLESS, received=dt.datetime(2030, 1, 1)))
    [event] = await events(sessions)
    assert event.date_start.month == 12 and event.date_start.day == 10 and event.date_start.year <= 2019


async def test_two_stored_matches_in_different_years_settle_nothing(sessions):
    ingestor = Ingestor(sessions)
    for year in (2008, 2010):
        text = DATED.decode().replace("2010", str(year)).encode()
        await ingestor.ingest(RawDocument(f"dated{year}.txt", text, received=dt.datetime(2030, 1, 1)))
    await ingestor.ingest(RawDocument("wire.txt", YEARLESS, received=dt.datetime(2030, 1, 1)))
    assert len(await events(sessions)) == 3


async def test_a_dated_report_arriving_later_takes_the_yearless_one_over(sessions):
    ingestor = Ingestor(sessions)
    await ingestor.ingest(RawDocument("wire.txt", YEARLESS, received=dt.datetime(2030, 1, 1)))
    [guessed] = await events(sessions)
    assert guessed.date_start.year != 2010  # the latest year its evidence allows, for now
    await ingestor.ingest(RawDocument("dated.txt", DATED, received=dt.datetime(2030, 1, 1)))
    async with sessions() as session:
        from sqlalchemy.orm import selectinload

        [event] = (await session.scalars(select(Event).options(selectinload(Event.sources),
                                                                selectinload(Event.participants)))).all()
    assert event.date_start == dt.date(2010, 12, 10) and len(event.sources) == 2
    # the people only the yearless report named come along with it
    assert "Нурсултан Назарбаев" in {p.name for p in event.participants}
    assert all(s.published is None or s.published.year == 2010 for s in event.sources)
    assert all(s.other_years is None for s in event.sources)


async def test_a_report_of_another_body_that_day_takes_nothing_over(sessions):
    ingestor = Ingestor(sessions)
    await ingestor.ingest(RawDocument("wire.txt", YEARLESS, received=dt.datetime(2030, 1, 1)))
    other = DATED.decode().replace("Совета коллективной безопасности", "Совета министров обороны").encode()
    await ingestor.ingest(RawDocument("other.txt", other, received=dt.datetime(2030, 1, 1)))
    assert len(await events(sessions)) == 2

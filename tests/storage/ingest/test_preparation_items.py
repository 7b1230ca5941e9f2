"""An item about preparing a named exercise («приступили к подготовке учений «Поиск-2033»») is an
announcement of that exercise: it joins the exercise the store holds, without stretching its days."""
import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from storage.ingest.pipeline import Ingestor, analyse
from storage.ingest.records import RawDocument
from storage.models import Event

RECEIVED = dt.datetime(2034, 1, 1)
EXERCISE = ("На полигоне Тамга завершилось учение ОДКБ «Поиск-2033»\n\n"
            "С 4 по 9 октября 2033 года на полигоне Тамга прошло специальное учение Коллективных сил оперативного "
            "реагирования ОДКБ «Поиск-2033». В нём участвовали подразделения разведки шести государств.").encode()

PREPARING = [
    "Силы ОДКБ приступили к подготовке учения «Поиск-2033»\n\nБИШКЕК, 14 мая — Агентство. Объединённый штаб ОДКБ "
    "приступил к подготовке специального учения «Поиск-2033», которое пройдёт в Кыргызстане в этом году.",
    "Штаб ОДКБ начал подготовку к учению «Поиск-2033»\n\nБИШКЕК, 14 мая /Агентство/. Объединённый штаб ОДКБ начал "
    "подготовку учения разведывательных подразделений «Поиск-2033». Учение пройдёт осенью.",
    "CSTO begins preparations for Search-2033 drills\n\nBISHKEK, May 14 (Agency) - The CSTO Joint Staff began "
    "preparations for the Search-2033 reconnaissance exercise, to be held in Kyrgyzstan later this year.",
]


@pytest.mark.parametrize("text", PREPARING)
def test_a_preparation_item_is_an_undated_announcement(text):
    [c] = analyse(RawDocument("prep.txt", text.encode(), received=RECEIVED)).candidates
    assert c.undated and c.is_announcement and c.series == ("poisk-2033",)


def test_a_report_of_the_exercise_is_not_undated():
    [c] = analyse(RawDocument("ex.txt", EXERCISE, received=RECEIVED)).candidates
    assert not c.undated and (c.date_start, c.date_end) == (dt.date(2033, 10, 4), dt.date(2033, 10, 9))


@pytest.mark.parametrize("text", PREPARING)
async def test_it_joins_the_stored_exercise_without_stretching_its_days(sessions, text):
    ingestor = Ingestor(sessions)
    await ingestor.ingest(RawDocument("ex.txt", EXERCISE, received=RECEIVED))
    report = await ingestor.ingest(RawDocument("prep.txt", text.encode(), received=RECEIVED))
    assert report.merged == 1 and report.created == 0
    async with sessions() as session:
        [event] = (await session.scalars(select(Event).options(selectinload(Event.sources)))).all()
    assert (event.date_start, event.date_end) == (dt.date(2033, 10, 4), dt.date(2033, 10, 9))
    assert len(event.sources) == 2 and not event.is_announcement


async def test_a_staff_meeting_about_the_exercise_stays_its_own_event(sessions):
    ingestor = Ingestor(sessions)
    await ingestor.ingest(RawDocument("ex.txt", EXERCISE, received=RECEIVED))
    meeting = ("В Бишкеке прошли штабные переговоры по учению ОДКБ «Поиск-2033»\n\n14 мая 2033 года в Бишкеке "
               "состоялись штабные переговоры Объединённого штаба ОДКБ по подготовке учения «Поиск-2033».")
    report = await ingestor.ingest(RawDocument("talks.txt", meeting.encode(), received=RECEIVED))
    assert report.created == 1


@pytest.mark.parametrize("text", PREPARING)
async def test_the_exercise_reported_later_takes_the_preparation_item_over(sessions, text):
    ingestor = Ingestor(sessions)
    first = await ingestor.ingest(RawDocument("prep.txt", text.encode(), received=RECEIVED))
    assert first.created == 1
    await ingestor.ingest(RawDocument("ex.txt", EXERCISE, received=RECEIVED))
    async with sessions() as session:
        [event] = (await session.scalars(select(Event).options(selectinload(Event.sources),
                                                               selectinload(Event.facts)))).all()
    assert (event.date_start, event.date_end) == (dt.date(2033, 10, 4), dt.date(2033, 10, 9))
    assert len(event.sources) == 2 and not event.is_announcement
    assert not any(s.undated for s in event.sources)
    assert all(f.value.startswith("2033-10") for f in event.facts if f.field == "date")


async def test_a_different_series_is_not_taken_over(sessions):
    ingestor = Ingestor(sessions)
    await ingestor.ingest(RawDocument("prep.txt", PREPARING[0].replace("Поиск", "Рубеж").encode(), received=RECEIVED))
    await ingestor.ingest(RawDocument("ex.txt", EXERCISE, received=RECEIVED))
    async with sessions() as session:
        assert len((await session.scalars(select(Event))).all()) == 2


async def test_a_series_whose_name_has_a_hyphen_is_joined_too(sessions):
    # «Иссык-Куль-2033» keys as "issyk-kul-2033": the year is what follows the last hyphen
    exercise = ("На полигоне Эдельвейс завершилось учение ОДКБ «Иссык-Куль-2033»\n\n"
                "С 4 по 9 октября 2033 года на полигоне Эдельвейс прошло учение Коллективных сил оперативного "
                "реагирования ОДКБ «Иссык-Куль-2033».").encode()
    preparing = ("Штаб ОДКБ начал подготовку к учению «Иссык-Куль-2033»\n\nБИШКЕК, 14 мая /Агентство/. Объединённый "
                 "штаб ОДКБ начал подготовку учения «Иссык-Куль-2033». Учение пройдёт осенью.").encode()
    ingestor = Ingestor(sessions)
    await ingestor.ingest(RawDocument("ex.txt", exercise, received=RECEIVED))
    report = await ingestor.ingest(RawDocument("prep.txt", preparing, received=RECEIVED))
    assert report.merged == 1 and report.created == 0

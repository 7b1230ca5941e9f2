"""Named exercises and operations: one series in both languages, stages merged into one range, two series apart."""
import pytest

from storage.export import export_events
from storage.ingest.pipeline import Ingestor
from storage.ingest.records import RawDocument
from storage.lexicon.series import series_keys
from storage.lexicon.translit import name_key


@pytest.mark.parametrize("text, keys", [
    ("Учение «Взаимодействие-2031» началось.", {"vzaimodeistvie-2031"}),
    ('The joint exercise "Interaction-2031" opened.', {"vzaimodeistvie-2031"}),
    ("Операция «Канал-2031» завершена; учения Поиск-2031 и Эшелон 2031 впереди.",
     {"kanal-2031", "poisk-2031", "eshelon-2031"}),
    ("Results of Operation Illegal-2031 were summed up.", {"nelegal-2031"}),
    ("Стартовало учение «Щит-2031».", {name_key("щит") + "-2031"}),  # any quoted series, by transliteration
    ("Стороны укрепляют взаимодействие 2031 года.", set()),  # a common word, not a series
    ("The search 2031 of documents.", set()),
])
def test_series_keys(text, keys):
    assert series_keys(text) == keys


START = ("18 апреля 2031 года в Таджикистане стартовало совместное учение сил разведки ОДКБ «Поиск-2031». "
         "К учению привлечены подразделения Казахстана, Кыргызстана и России.").encode()
MAIN_STAGE = ("Основной этап учения ОДКБ «Поиск-2031» пройдет 22 апреля 2031 года на полигоне «Ляур» в Таджикистане. "
              "Руководит учением Объединённый штаб ОДКБ.").encode()
ENGLISH = ('On 20 April 2031 the CSTO reconnaissance exercise "Search-2031" continued in Tajikistan. '
           "Units of Armenia and Belarus are taking part.").encode()
OTHER_SERIES = ("20 апреля 2031 года в Таджикистане началось учение ОДКБ «Эшелон-2031» по тыловому обеспечению.").encode()


async def _export(sessions, *docs):
    ingestor = Ingestor(sessions)
    for name, data in docs:
        await ingestor.ingest(RawDocument(name, data))
    async with sessions() as session:
        return await export_events(session)


async def test_stages_of_one_named_exercise_are_one_event_with_the_whole_range(sessions):
    events = await _export(sessions, ("start.txt", START), ("main.txt", MAIN_STAGE), ("en.txt", ENGLISH))
    assert len(events) == 1
    [event] = events
    assert (event["date_start"], event["date_end"]) == ("2031-04-18", "2031-04-22")
    assert len(event["sources"]) == 3
    names = {p["name"] for p in event["participants"]}
    assert {"Казахстан", "Кыргызстан", "Россия", "Армения", "Беларусь"} <= names


async def test_the_order_of_the_stages_does_not_matter(sessions):
    events = await _export(sessions, ("main.txt", MAIN_STAGE), ("en.txt", ENGLISH), ("start.txt", START))
    assert [(e["date_start"], e["date_end"], len(e["sources"])) for e in events] == [("2031-04-18", "2031-04-22", 3)]


async def test_two_series_in_the_same_days_are_two_events(sessions):
    events = await _export(sessions, ("start.txt", START), ("other.txt", OTHER_SERIES))
    assert len(events) == 2


async def test_a_series_of_several_words_is_kept_whole_in_the_store(sessions):
    announced = ("Учение миротворческих сил ОДКБ «Нерушимое братство-2031» пройдет 27 августа 2031 года под Брестом.").encode()
    report = ("С 23 по 27 августа 2031 года в Брестской области прошло учение миротворческих сил ОДКБ "
              "«Нерушимое братство-2031».").encode()
    events = await _export(sessions, ("ann.txt", announced), ("rep.txt", report))
    assert [(e["date_start"], e["date_end"], len(e["sources"])) for e in events] == [("2031-08-23", "2031-08-27", 2)]

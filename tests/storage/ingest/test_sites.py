"""Where a field event happened: region, range, state; merging tolerates two levels of detail of one place."""
import datetime as dt

import pytest

from storage.ingest.extract.candidate import extract_candidate
from storage.ingest.extract.sites import find_ground, find_region, find_state_place
from storage.ingest.merge import places_clash
from tests.storage.ingest.test_extract_fields import FIND_DATES, item


@pytest.mark.parametrize("sentence, region", [
    ("Учения идут в Витебской области.", "Витебская область"),
    ("Маневры пройдут на территории Ставропольского края.", "Ставропольский край"),
    ("Тренировка состоялась в Иссык-Кульской области Кыргызстана.", "Иссык-Кульская область"),
    ("Спецназ отработал задачи в Барановичском районе.", "Барановичский район"),
    ("The drills are under way in the Pskov Region of Russia.", "Pskov Region"),
    ("Troops gathered in the Almaty region.", "Almaty Region"),
])
def test_region(sentence, region):
    assert find_region(sentence) == region


@pytest.mark.parametrize("sentence, ground", [
    ("Учение проходит на полигоне «Лосвидо».", "полигон «Лосвидо»"),
    ("Активная фаза прошла на полигоне Гаральский.", "полигон «Гаральский»"),
    ("Занятия идут на полигоне **«Орловка»** учебного центра.", "полигон «Орловка»"),
    ("The main phase was held at the Chabrikovo training ground.", "Chabrikovo training ground"),
])
def test_training_ground(sentence, ground):
    assert find_ground(sentence) == ground


@pytest.mark.parametrize("sentence, state", [
    ("Учения прошли в Таджикистане.", "Таджикистан"),
    ("На территории Киргизии стартовала тренировка.", "Киргизия"),
    ("The exercise opened in Armenia.", "Армения"),
    ("Операция проводится на территории государств – членов ОДКБ.", "государства – члены ОДКБ"),
    ("Подразделения России прибыли на учения.", None),
])
def test_state_as_the_place(sentence, state):
    assert find_state_place(sentence) == state


@pytest.mark.parametrize("text, place", [
    ("МИНСК, 4 мая. Учения сил ОДКБ идут в Витебской области с 2 по 6 мая 2031 года.", "Витебская область"),
    ("Учение КСОР ОДКБ прошло 4 мая 2031 года на полигоне «Лосвидо» в Витебской области Беларуси.",
     "Витебская область, Беларусь"),
    ("Учение КСОР ОДКБ прошло 4 мая 2031 года на полигоне «Лосвидо».", "полигон «Лосвидо»"),
    ("4 мая 2031 года в Душанбе прошло заседание Совета министров обороны ОДКБ в Таджикистане.", "Душанбе"),
])
def test_the_place_of_an_event(text, place):
    c = extract_candidate(item(text, published=dt.datetime(2031, 5, 4)), FIND_DATES)
    assert c.place == place


@pytest.mark.parametrize("a, b, clash", [
    ("Минск", "Москва", True),
    ("Минск", "Минск", False),
    ("Псковская область, Россия", "Москва", False),  # a region and the capital the report came from
    ("Псковская область", "Pskov Region", False),
    ("Псковская область", "Витебская область", True),
    ("Таджикистан", "Душанбе", False),
    ("Таджикистан", "Казахстан", True),
    ("полигон «Лосвидо»", "Витебская область", False),
    ("Бишкек", "Таджикистан", True),
])
def test_places_clash(a, b, clash):
    assert places_clash(a, b) is clash

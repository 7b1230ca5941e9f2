"""Dates written in words become digits (number words that are not part of a date stay words), seasons of a
year are its months, and questions dated either way find their event."""
import datetime as dt

import pytest

from storage.lexicon.numerals import spell_out_dates
from storage.search.answer import QA
from storage.search.date_query import DateRange, find_date_spans, parse_date_query
from storage.search.records import EventRecord


@pytest.mark.parametrize("text, expected", [
    ("шестого октября 2031 года", "6 октября 2031 года"),
    ("шестое октября 2031", "6 октября 2031"),
    ("в шестой день октября", "в шестой день октября"),  # no month right after the day: not a date here
    ("двадцать третьего августа две тысячи тридцать первого года", "23 августа 2031 года"),
    ("двадцать третье августа", "23 августа"),
    ("тридцать первого декабря двухтысячного года", "31 декабря 2000 года"),
    ("первого мая", "1 мая"),
    ("одиннадцатого сентября", "11 сентября"),
    ("в две тысячи десятом году", "в 2010 году"),
    ("в две тысячи тридцатом году", "в 2030 году"),
    ("тысяча девятьсот девяносто второго года", "1992 года"),
    ("к маю две тысячи тридцать второго", "к маю 2032"),
    ("восьмого мая 2031 г.", "8 мая 2031 г."),
    ("четвёртого ноября", "4 ноября"),
    ("on the fifth of May 2031", "on 5 May 2031"),
    ("the first of June", "1 June"),
    ("May twenty-first, twenty thirty-one", "May 21, 2031"),
    ("on the twenty-third of August, two thousand and thirty", "on 23 August, 2030"),
    ("in nineteen ninety-two", "in 1992"),
    ("in the year two thousand and thirty", "in the year 2030"),
    ("twenty five May", "25 May"),
    ("September third, 2031", "September 3, 2031"),
])
def test_dates_in_words_become_digits(text, expected):
    assert spell_out_dates(text).text == expected


@pytest.mark.parametrize("text", [
    "первый этап учения", "второе заседание совета", "двадцать пять человек в мае", "пять двадцать мая",
    "second meeting of twenty five experts", "the first summit", "три дня учений", "one of the ministers",
    "в пятом зале", "сто человек", "two days later",
])
def test_number_words_outside_dates_stay_words(text):
    assert spell_out_dates(text).text == text


def test_the_rewritten_words_are_reported():
    spelled = spell_out_dates("что было двадцать третьего августа две тысячи тридцатого года")
    assert {"двадцать", "третьего", "две", "тысячи", "тридцатого"} <= spelled.words
    assert "августа" not in spelled.words and "было" not in spelled.words


@pytest.mark.parametrize("question, expected", [
    ("учения осенью 2031 года", [DateRange(dt.date(2031, 9, 1), dt.date(2031, 11, 30))]),
    ("весной 2031", [DateRange(dt.date(2031, 3, 1), dt.date(2031, 5, 31))]),
    ("летом 2031 г.", [DateRange(dt.date(2031, 6, 1), dt.date(2031, 8, 31))]),
    ("лето 2031 года", [DateRange(dt.date(2031, 6, 1), dt.date(2031, 8, 31))]),
    ("in the autumn of 2031", [DateRange(dt.date(2031, 9, 1), dt.date(2031, 11, 30))]),
    ("fall 2031 drills", [DateRange(dt.date(2031, 9, 1), dt.date(2031, 11, 30))]),
    ("spring 2032", [DateRange(dt.date(2032, 3, 1), dt.date(2032, 5, 31))]),
    ("summer of 2031", [DateRange(dt.date(2031, 6, 1), dt.date(2031, 8, 31))]),
    ("зимой 2032", [DateRange(dt.date(2032, 1, 1), dt.date(2032, 2, 29)), DateRange(dt.date(2032, 12, 1),
                                                                                    dt.date(2032, 12, 31))]),
    ("winter 2031", [DateRange(dt.date(2031, 1, 1), dt.date(2031, 2, 28)), DateRange(dt.date(2031, 12, 1),
                                                                                     dt.date(2031, 12, 31))]),
    ("20 лет 2031", [DateRange(dt.date(2031, 1, 1), dt.date(2031, 12, 31))]),  # «лет» is years, not summer
])
def test_a_season_of_a_year_is_its_months(question, expected):
    assert find_date_spans(question) == expected


@pytest.mark.parametrize("arg, start, end", [
    ("шестое октября 2031", dt.date(2031, 10, 6), dt.date(2031, 10, 6)),
    ("двадцать третье августа 2031", dt.date(2031, 8, 23), dt.date(2031, 8, 23)),
    ("the fifth of May 2031", dt.date(2031, 5, 5), dt.date(2031, 5, 5)),
    ("май две тысячи тридцать первого года", dt.date(2031, 5, 1), dt.date(2031, 5, 31)),
])
def test_event_accepts_dates_in_words(arg, start, end):
    span = parse_date_query(arg)
    assert (span.start, span.end) == (start, end)


def _rec(i, start, end, title):
    return EventRecord(id=i, date_start=start, date_end=end, title=title, kind="учения")


@pytest.fixture(scope="module")
def qa():
    return QA.from_records([
        _rec(1, dt.date(2031, 10, 6), dt.date(2031, 10, 6), "Сессия Совета коллективной безопасности в Минске"),
        _rec(2, dt.date(2031, 6, 18), dt.date(2031, 6, 20), "Штабная тренировка в Казахстане"),
        _rec(3, dt.date(2031, 9, 26), dt.date(2031, 10, 13), "Учения «Поиск-2031» в Казахстане"),
        *(_rec(10 + i, dt.date(2025, 1 + i % 12, 1 + i), dt.date(2025, 1 + i % 12, 1 + i), f"Встреча № {i}")
          for i in range(20)),
    ])


@pytest.mark.parametrize("question, event", [
    ("Что произошло шестого октября две тысячи тридцать первого года?", 1),
    ("что было шестого октября 2031", 1),
    ("What happened on the sixth of October 2031?", 1),
    ("Где проходили учения осенью 2031 года в Казахстане?", 3),
    ("учения в Казахстане летом 2031", 2),
    ("Kazakhstan drills in the autumn of 2031", 3),
])
def test_questions_dated_in_words_or_by_season_find_their_event(qa, question, event):
    a = qa.answer(question)
    assert a.confident and a.hits[0].event_id == event, a


@pytest.mark.parametrize("text, quantity", [
    ("к манёврам привлечено более двух тысяч военнослужащих", True),
    ("In total, more than 2,000 servicemen", True),
    ("около 300 единиц техники", True),
    ("до 1 800 человек", True),
    ("three hundred vehicles", True),
    ("Учение прошло 15 мая 2031 года.", False),
    ("The drills ran on May 15, 2031.", False),
    ("Учение «Рубеж-2031» завершилось.", False),
    ("in 2031 the drills opened", False),
    ("the first stage opened", False),
    ("one of the stages", False),
])
def test_a_quantity_is_a_number_of_things_not_a_date_or_a_year(text, quantity):
    from storage.lexicon.numerals import has_quantity

    assert has_quantity(text) is quantity

"""Relative dates against an item's reference date, and the durations that make a range."""
import datetime as dt

import pytest

from storage.ingest.extract.predicates import Tense
from storage.ingest.extract.relative import duration_days, ends_here, relative_dates

WED = dt.date(2031, 5, 7)  # a Wednesday
PAST, FUTURE, NOW = Tense(past=True), Tense(future=True), Tense(present=True)


@pytest.mark.parametrize("sentence, tense, expected", [
    ("Совещание прошло накануне в Оше.", PAST, dt.date(2031, 5, 6)),
    ("Вчера министры встретились в Минске.", PAST, dt.date(2031, 5, 6)),
    ("Сегодня в Ереване проходит форум.", NOW, WED),
    ("Завтра откроются курсы.", FUTURE, dt.date(2031, 5, 8)),
    ("Послезавтра делегации разъедутся.", FUTURE, dt.date(2031, 5, 9)),
    ("Встреча прошла в понедельник.", PAST, dt.date(2031, 5, 5)),
    ("Встреча пройдёт в пятницу.", FUTURE, dt.date(2031, 5, 9)),
    ("Встреча прошла в минувший четверг.", PAST, dt.date(2031, 5, 1)),
    ("Встреча пройдёт в следующую среду.", FUTURE, dt.date(2031, 5, 14)),
    ("Заседание прошло в среду.", PAST, WED),
    ("Учения стартовали в воскресенье.", PAST, dt.date(2031, 5, 4)),
    ("The ministers met on Monday.", PAST, dt.date(2031, 5, 5)),
    ("The ministers will meet on Friday.", FUTURE, dt.date(2031, 5, 9)),
    ("The council met yesterday.", PAST, dt.date(2031, 5, 6)),
    ("The council meets today.", NOW, WED),
    ("The talks open tomorrow.", FUTURE, dt.date(2031, 5, 8)),
    ("The summit took place last Thursday.", PAST, dt.date(2031, 5, 1)),
    ("The summit will open next Wednesday.", FUTURE, dt.date(2031, 5, 14)),
    ("Учения пройдут на следующей неделе, со вторника по четверг.", FUTURE, dt.date(2031, 5, 13)),
    ("На будущей неделе, в пятницу, откроются курсы.", FUTURE, dt.date(2031, 5, 16)),
    ("The drills will be held next week, from Monday to Friday.", FUTURE, dt.date(2031, 5, 12)),
    ("На прошлой неделе, в четверг, прошло совещание.", PAST, dt.date(2031, 5, 1)),
    # an unmarked weekday in the past is the latest such day up to the reference: up to six days back
    ("Совещание прошло в четверг.", PAST, dt.date(2031, 5, 1)),
    ("Делегации прибыли во вторник.", PAST, dt.date(2031, 5, 6)),
    ("The delegations arrived on Thursday.", PAST, dt.date(2031, 5, 1)),
    # and in the future the next one, up to six days on
    ("Курсы откроются во вторник.", FUTURE, dt.date(2031, 5, 13)),
    ("The courses will open on Tuesday.", FUTURE, dt.date(2031, 5, 13)),
    ("Позавчера в Бишкеке завершились консультации.", PAST, dt.date(2031, 5, 5)),
    ("The day before yesterday the talks ended.", PAST, dt.date(2031, 5, 5)),
    ("The previous day the ministers met.", PAST, dt.date(2031, 5, 6)),
])
def test_relative_dates(sentence, tense, expected):
    found = relative_dates(sentence, WED, tense)
    assert found and found[0].date == expected


@pytest.mark.parametrize("sentence", [
    "Совещание пройдёт в пятницу, 16 мая.",
    "The talks are due on Friday, May 16.",
    "Министры обсудили вопросы безопасности.",
    # "накануне" and "the day before" as prepositions: before an event, not the day before the dateline
    "Встреча пройдёт накануне празднования Дня Победы.",
    "Накануне саммита министры проведут консультации.",
    "The ministers will meet the day before the summit.",
])
def test_no_relative_date(sentence):
    assert relative_dates(sentence, WED, FUTURE) == []


@pytest.mark.parametrize("sentence, days", [
    ("Учение продолжалось три дня.", 3),
    ("Курсы продлятся десять дней.", 10),
    ("Сборы рассчитаны на 12 дней.", 12),
    ("Тренировка длилась в течение пяти суток.", 5),
    ("The exercise lasted four days.", 4),
    ("The drills will run for 6 days.", 6),
    ("A five-day exercise opened near Osh.", 5),
    ("Семидневные учения завершились.", 7),
    ("The 10-day course ended.", 10),
    ("Учение, начавшееся в понедельник, шло три дня.", 3),
    ("Маневры проходили пять дней на двух полигонах.", 5),
    ("The drills went on for three days.", 3),
    ("The exercise took four days.", 4),
    ("Заседание продлилось два часа.", None),
    ("Переговоры шли два часа.", None),
])
def test_duration(sentence, days):
    assert duration_days(sentence) == days


@pytest.mark.parametrize("before, yes", [
    ("Учения продлятся до ", True),
    ("Учения продлятся по ", True),
    ("Курсы будут продолжаться до ", True),
    ("Сборы завершатся ", True),
    ("The exercise will last until ", True),
    ("The course will end on ", True),
    ("Решение действует до ", False),
    ("Заявки принимаются до ", False),
])
def test_until(before, yes):
    assert ends_here(before) is yes


# every number word a length in days is written with, and what it means (written out here, not read
# from the code's own table, so a wrong entry there fails)
_SPELLED = [("два", 2), ("двух", 2), ("три", 3), ("трех", 3), ("трёх", 3), ("четыре", 4), ("четырех", 4),
            ("четырёх", 4), ("пять", 5), ("пяти", 5), ("шесть", 6), ("шести", 6), ("семь", 7), ("семи", 7),
            ("восемь", 8), ("восьми", 8), ("девять", 9), ("девяти", 9), ("десять", 10), ("десяти", 10),
            ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
            ("nine", 9), ("ten", 10)]


@pytest.mark.parametrize("word, days", _SPELLED)
def test_every_spelled_length(word, days):
    sentence = (f"The drills lasted {word} days." if word.isascii()
                else f"Учения продолжались в течение {word} {'дня' if days < 5 else 'дней'}.")
    assert duration_days(sentence) == days


@pytest.mark.parametrize("sentence", ["Учение продолжалось один день.", "The drill lasted one day.",
                                      "Визит продлился в течение одного дня."])
def test_one_day_is_no_range(sentence):
    assert duration_days(sentence) is None


@pytest.mark.parametrize("tense", [NOW, Tense(past=True, future=True), Tense()])
def test_a_bare_weekday_looks_back_unless_the_sentence_is_only_future(tense):
    # news in the present tense ("в понедельник проходит") or with mixed tenses reports this week's past
    assert relative_dates("Заседание в понедельник в Минске.", WED, tense)[0].date == dt.date(2031, 5, 5)

"""Dates and ranges in Russian and English text; publication stamps."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from storage.ingest.dates import DateMention, find_dates, month_number, parse_stamp

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "explicit", "has_time", "precision"),
    [
        ("26.05.2020", D(2020, 5, 26), D(2020, 5, 26), True, False, "day"),
        ("26.05.20", D(2020, 5, 26), D(2020, 5, 26), True, False, "day"),
        ("26-05-2020, 19:38", D(2020, 5, 26), D(2020, 5, 26), True, True, "day"),
        ("2020-05-26", D(2020, 5, 26), D(2020, 5, 26), True, False, "day"),
        ("26 мая 2020 года", D(2020, 5, 26), D(2020, 5, 26), True, False, "day"),
        ("26 мая 2020 г.", D(2020, 5, 26), D(2020, 5, 26), True, False, "day"),
        ("24 апреля 2024 года", D(2024, 4, 24), D(2024, 4, 24), True, False, "day"),
        ("26 мая", D(2019, 5, 26), D(2019, 5, 26), False, False, "day"),
        ("с 1 по 23 апреля 2024 года", D(2024, 4, 1), D(2024, 4, 23), True, False, "day"),
        ("1–23 апреля 2024", D(2024, 4, 1), D(2024, 4, 23), True, False, "day"),
        ("19-20 июня", D(2019, 6, 19), D(2019, 6, 20), False, False, "day"),
        ("с 30 сентября по 2 октября 2024 года", D(2024, 9, 30), D(2024, 10, 2), True, False, "day"),
        ("с 28 декабря 2023 года по 3 января 2024 года", D(2023, 12, 28), D(2024, 1, 3), True, False, "day"),
        ("с 28 декабря по 3 января 2024 года", D(2023, 12, 28), D(2024, 1, 3), True, False, "day"),
        ("МОСКВА, 20 ноя - РИА Новости.", D(2019, 11, 20), D(2019, 11, 20), False, False, "day"),
        ("БИШКЕК, 15 фев – Sputnik.", D(2019, 2, 15), D(2019, 2, 15), False, False, "day"),
        ("в мае 2020 года", D(2020, 5, 1), D(2020, 5, 31), True, False, "month"),
        ("в феврале 2024 года", D(2024, 2, 1), D(2024, 2, 29), True, False, "month"),
        ("May 26, 2020", D(2020, 5, 26), D(2020, 5, 26), True, False, "day"),
        ("26 May 2020", D(2020, 5, 26), D(2020, 5, 26), True, False, "day"),
        ("On 23 November 2023 the Council met", D(2023, 11, 23), D(2023, 11, 23), True, False, "day"),
        ("November 22-23, 2023", D(2023, 11, 22), D(2023, 11, 23), True, False, "day"),
        ("22–23 November 2023", D(2023, 11, 22), D(2023, 11, 23), True, False, "day"),
        ("November 30 – December 2, 2023", D(2023, 11, 30), D(2023, 12, 2), True, False, "day"),
        ("с 01.04.2024 по 23.04.2024", D(2024, 4, 1), D(2024, 4, 23), True, False, "day"),
        ("2023-11-23 14:05", D(2023, 11, 23), D(2023, 11, 23), True, True, "day"),
        ("15.09.2023 | 12:04", D(2023, 9, 15), D(2023, 9, 15), True, True, "day"),
    ],
)
def test_single_mention(text, start, end, explicit, has_time, precision):
    [mention] = find_dates(text, year_hint=2019)
    assert (mention.start, mention.end, mention.explicit_year, mention.has_time, mention.precision) == (
        start, end, explicit, has_time, precision)
    assert text[mention.start_char:mention.end_char] == mention.text


@pytest.mark.parametrize(
    "text",
    [
        "31.02.2020",  # impossible day
        "30 февраля 2021 года",
        "12.05.1850",  # year out of range
        "на второе полугодие 2020 года - первое полугодие 2021 года",  # no month word: no day date
        "план на 2020-2021 годы",
        "they may 26 go",  # the verb, not the month
        "версия 1.2.23 программы",
        "счёт 2:1 в 15-м туре",
    ],
)
def test_no_date(text):
    assert find_dates(text, year_hint=2020) == []


def test_mentions_without_year_are_dropped_without_hint():
    assert find_dates("Заседание пройдет 19-20 июня в Минске") == []
    assert [m.start for m in find_dates("пройдет 19-20 июня в Минске", 2023)] == [D(2023, 6, 19)]


def test_several_mentions_in_text_order_with_spans():
    text = "Сессия прошла 23 ноября 2023 года в Минске; следующая — с 1 по 3 июня 2024 года, а отчёт — 15.12.2023."
    mentions = find_dates(text)
    assert [(m.start, m.end) for m in mentions] == [
        (D(2023, 11, 23), D(2023, 11, 23)), (D(2024, 6, 1), D(2024, 6, 3)), (D(2023, 12, 15), D(2023, 12, 15))]
    assert [m.text for m in mentions] == ["23 ноября 2023 года", "1 по 3 июня 2024 года", "15.12.2023"]


def test_mention_rejects_inverted_range():
    with pytest.raises(ValueError, match="before it starts"):
        DateMention(D(2020, 1, 2), D(2020, 1, 1), 0, 1, "x", True, False, "day")


def test_month_number_accepts_case_forms_and_abbreviations():
    assert [month_number(w) for w in ("мая", "май", "марта", "мар.", "фев", "ноя", "June", "SEPT")] == [
        5, 5, 3, 3, 2, 11, 6, 9]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24.04.2024", dt.datetime(2024, 4, 24)),
        ("26-05-2020, 19:38.", dt.datetime(2020, 5, 26, 19, 38)),
        ("26 мая 2020 г.", dt.datetime(2020, 5, 26)),
        ("2023-11-23 14:05", dt.datetime(2023, 11, 23, 14, 5)),
        ("  15.09.2023 | 12:04  ", dt.datetime(2023, 9, 15, 12, 4)),
        ("22.11.2023 15:27 (обновлено: 22.11.2023 16:02)", dt.datetime(2023, 11, 22, 15, 27)),
        ("РИА Новости, 10.06.2024 10:12", dt.datetime(2024, 6, 10, 10, 12)),
        ("Опубликовано: 3 марта 2024 года", dt.datetime(2024, 3, 3)),
        ("November 23, 2023", dt.datetime(2023, 11, 23)),
    ],
)
def test_parse_stamp(line, expected):
    assert parse_stamp(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "26 мая",  # no year: not a stamp
        "Совет министров 26.05.2020",  # a headline with a date glued on is not only a stamp
        "26 мая 2020 года в режиме видеоконференции проведено заседание.",
        "с 1 по 23 апреля 2024 года",  # a range is not a stamp
        "в мае 2020 года",
        "",
    ],
)
def test_not_a_stamp(line):
    assert parse_stamp(line) is None


_RU_GEN = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря")
_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
       "November", "December")
_STYLES = (
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{d.day} {_RU_GEN[d.month - 1]} {d.year} года",
    lambda d: f"{d.day} {_RU_GEN[d.month - 1]} {d.year} г.",
    lambda d: f"{_EN[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {_EN[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {_RU_GEN[d.month - 1].upper()} {d.year}",
)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31)), st.sampled_from(range(len(_STYLES))))
def test_any_date_in_any_style_parses_back(day, style):
    written = _STYLES[style](day)
    text = f"Заседание состоялось {written} в столице."
    [mention] = find_dates(text)
    assert (mention.start, mention.end, mention.explicit_year) == (day, day, True)
    assert mention.text.startswith(written.split(" г.")[0])


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 11, 30)), st.integers(1, 40))
def test_any_russian_range_parses_back(first, length):
    last = first + dt.timedelta(days=length)
    text = f"с {first.day} {_RU_GEN[first.month - 1]} {first.year} года по {last.day} {_RU_GEN[last.month - 1]} {last.year} года"
    [mention] = find_dates(text)
    assert (mention.start, mention.end) == (first, last)


@pytest.mark.parametrize("text, spans", [
    ("2 и 3 мая 2031 года прошло заседание", [(D(2031, 5, 2), D(2031, 5, 3))]),
    ("Совет заседал 14 и 15 ноября.", [(D(2031, 11, 14), D(2031, 11, 15))]),
    ("1 и 2 июня в Минске", [(D(2031, 6, 1), D(2031, 6, 2))]),
    ("on May 2 and 3, 2031", [(D(2031, 5, 2), D(2031, 5, 3))]),
    ("The council met on November 14 and 15.", [(D(2031, 11, 14), D(2031, 11, 15))]),
    # days that are not consecutive are not one span
    ("5 и 12 мая 2031 года", [(D(2031, 5, 12), D(2031, 5, 12))]),
    ("May 2 and 9, 2031", [(D(2031, 5, 2), D(2031, 5, 2))]),
    ("30 и 31 декабря", [(D(2031, 12, 30), D(2031, 12, 31))]),
    ("31 и 1 января", [(D(2031, 1, 1), D(2031, 1, 1))]),
])
def test_two_consecutive_days_joined_by_and_are_one_span(text, spans):
    assert [(m.start, m.end) for m in find_dates(text, 2031)] == spans

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.lexicon.months import ENGLISH, GENITIVE_RU, NOMINATIVE_RU, PREPOSITIONAL_RU
from storage.search.date_query import (
    DateQueryError,
    DateRange,
    DaySpan,
    MonthSpan,
    find_date_spans,
    parse_date_query,
)

D = dt.date


@pytest.mark.parametrize(
    ("arg", "start", "end"),
    [
        ("2021-03-09", D(2021, 3, 9), D(2021, 3, 9)),
        ("09.03.2021", D(2021, 3, 9), D(2021, 3, 9)),
        ("9-3-2021", D(2021, 3, 9), D(2021, 3, 9)),
        ("09/03/2021", D(2021, 3, 9), D(2021, 3, 9)),
        ("9 марта 2021", D(2021, 3, 9), D(2021, 3, 9)),
        ("9 марта 2021 года", D(2021, 3, 9), D(2021, 3, 9)),
        ("9 марта 2021 г.", D(2021, 3, 9), D(2021, 3, 9)),
        ("март 2021", D(2021, 3, 1), D(2021, 3, 31)),
        ("марте 2021", D(2021, 3, 1), D(2021, 3, 31)),
        ("февраль 2024", D(2024, 2, 1), D(2024, 2, 29)),
        ("2021-03", D(2021, 3, 1), D(2021, 3, 31)),
        ("03.2021", D(2021, 3, 1), D(2021, 3, 31)),
        ("2019", D(2019, 1, 1), D(2019, 12, 31)),
        ("2019 год", D(2019, 1, 1), D(2019, 12, 31)),
        ("2021-03-01..2021-04-15", D(2021, 3, 1), D(2021, 4, 15)),
        ("март 2021..май 2021", D(2021, 3, 1), D(2021, 5, 31)),
        ("9 March 2021", D(2021, 3, 9), D(2021, 3, 9)),
        ("March 9, 2021", D(2021, 3, 9), D(2021, 3, 9)),
        ("March 2021", D(2021, 3, 1), D(2021, 3, 31)),
        ("  ДЕКАБРЬ   2022 ", D(2022, 12, 1), D(2022, 12, 31)),
        ("1 сентября 2022 года", D(2022, 9, 1), D(2022, 9, 1)),
    ],
)
def test_parses_supported_formats(arg, start, end):
    assert parse_date_query(arg) == DateRange(start, end)


@pytest.mark.parametrize("arg", ["вчера", "31.02.2021", "2021-13", "32 мая 2020", "марс 2020", "1800", "abc",
                                 "2021-05-01..2021-04-01", "мая"])
def test_rejects_with_one_line_of_formats(arg):
    with pytest.raises(DateQueryError) as info:
        parse_date_query(arg)
    message = str(info.value)
    assert "\n" not in message
    assert "2020-05-26" in message


def test_empty_argument_asks_for_a_date():
    with pytest.raises(DateQueryError, match="Укажите дату"):
        parse_date_query("  ")


_STYLES = [
    lambda d: d.isoformat(),
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{d.day}-{d.month}-{d.year}",
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day} {GENITIVE_RU[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {GENITIVE_RU[d.month - 1]} {d.year} года",
    lambda d: f"{d.day} {ENGLISH[d.month - 1]} {d.year}",
    lambda d: f"{ENGLISH[d.month - 1]} {d.day}, {d.year}",
]


@given(st.dates(min_value=D(1991, 1, 1), max_value=D(2099, 12, 31)), st.sampled_from(_STYLES))
def test_any_day_in_any_style_parses_back_to_itself(day, style):
    assert parse_date_query(style(day)) == DateRange(day, day)


@given(st.dates(min_value=D(1991, 1, 1), max_value=D(2099, 12, 31)),
       st.sampled_from([NOMINATIVE_RU, PREPOSITIONAL_RU, ENGLISH]))
def test_any_month_parses_to_its_whole_range(day, names):
    got = parse_date_query(f"{names[day.month - 1]} {day.year}")
    assert got.start == day.replace(day=1)
    assert got.start <= day <= got.end
    assert (got.end + dt.timedelta(days=1)).day == 1


@pytest.mark.parametrize(
    ("question", "spans"),
    [
        ("Кто председательствовал в мае 2020?", [DateRange(D(2020, 5, 1), D(2020, 5, 31))]),
        ("что было 26 мая 2020 года", [DateRange(D(2020, 5, 26), D(2020, 5, 26))]),
        ("заседание 26 мая", [DaySpan(5, 26)]),
        ("учения в сентябре", [MonthSpan(9)]),
        ("в 2024 году", [DateRange(D(2024, 1, 1), D(2024, 12, 31))]),
        ("с 1 по 23 апреля 2024", [DateRange(D(2024, 4, 1), D(2024, 4, 23))]),
        ("meeting in May 2020", [DateRange(D(2020, 5, 1), D(2020, 5, 31))]),
        ("What may happen?", []),
        ("спутник на Марс", []),
        ("СМИД 2022", [DateRange(D(2022, 1, 1), D(2022, 12, 31))]),
        ("на 2.5 процента", []),
    ],
)
def test_finds_date_spans_in_questions(question, spans):
    assert find_date_spans(question) == spans


def test_spans_overlap_events():
    assert DaySpan(5, 26).overlaps(D(2019, 5, 20), D(2019, 5, 30)) is True
    assert DaySpan(5, 26).overlaps(D(2019, 5, 27), D(2019, 5, 30)) is False
    assert MonthSpan(9).overlaps(D(2023, 8, 30), D(2023, 9, 2)) is True
    assert MonthSpan(9).overlaps(D(2023, 10, 1), D(2023, 10, 2)) is False
    assert DateRange(D(2020, 5, 1), D(2020, 5, 31)).overlaps(D(2020, 4, 28), D(2020, 5, 1)) is True


@pytest.mark.parametrize("arg", ["01.02.2024-31.03.2024", "01.02.2024–31.03.2024", "1 февраля 2024-31 марта 2024"])
def test_range_with_an_unspaced_dash(arg):
    assert parse_date_query(arg) == DateRange(dt.date(2024, 2, 1), dt.date(2024, 3, 31))


@pytest.mark.parametrize("text, years", [
    # a year something is for is no time to look in
    ("кому перешло председательство в ОДКБ на 2032 год", []),
    ("план консультаций на 2032–2033 годы", []),
    ("What is the CSTO plan for 2032?", []),
    ("Кто председательствует на 2032 год и где прошла сессия в 2031 году?", [2031]),
    ("план на 2032–2033 годы утвердили в 2031 году", [2031]),
    # a year beside a full day it does not contain is what was asked about
    ("кто председательствует в ОДКБ в 2033 году по итогам сессии 19.12.2032", [2032]),
    ("Who chairs the CSTO in 2033 after the session of 19 December 2032?", [2032]),
    # …and one that contains the day is the same time said twice
    ("заседание 4 мая 2031 года, то есть в 2031 году", [2031, 2031]),
    ("сессия в Минске в 2031 году", [2031]),
])
def test_purpose_years_and_topic_years_are_not_spans(text, years):
    from storage.search.date_query import find_date_spans

    assert [sp.start.year for sp in find_date_spans(text)] == years


TODAY = dt.date(2031, 6, 18)  # a Wednesday


@pytest.mark.parametrize("text, start, end", [
    ("заседание СМИД в прошлом году", dt.date(2030, 1, 1), dt.date(2030, 12, 31)),
    ("What did the CSTO decide last year?", dt.date(2030, 1, 1), dt.date(2030, 12, 31)),
    ("учения в этом году", dt.date(2031, 1, 1), dt.date(2031, 12, 31)),
    ("this year's summit", dt.date(2031, 1, 1), dt.date(2031, 12, 31)),
    ("в прошлом месяце", dt.date(2031, 5, 1), dt.date(2031, 5, 31)),
    ("last month", dt.date(2031, 5, 1), dt.date(2031, 5, 31)),
    ("на прошлой неделе", dt.date(2031, 6, 9), dt.date(2031, 6, 15)),
    ("last week", dt.date(2031, 6, 9), dt.date(2031, 6, 15)),
    ("this week", dt.date(2031, 6, 16), dt.date(2031, 6, 22)),
    ("что было вчера", dt.date(2031, 6, 17), dt.date(2031, 6, 17)),
    ("позавчера", dt.date(2031, 6, 16), dt.date(2031, 6, 16)),
    ("what happened today", dt.date(2031, 6, 18), dt.date(2031, 6, 18)),
    # parts of a year are its thirds
    ("в начале 2032 года", dt.date(2032, 1, 1), dt.date(2032, 4, 30)),
    ("в середине 2032", dt.date(2032, 5, 1), dt.date(2032, 8, 31)),
    ("в конце 2032 года", dt.date(2032, 9, 1), dt.date(2032, 12, 31)),
    ("early 2032", dt.date(2032, 1, 1), dt.date(2032, 4, 30)),
    ("mid-2032", dt.date(2032, 5, 1), dt.date(2032, 8, 31)),
    ("by the end of 2032", dt.date(2032, 9, 1), dt.date(2032, 12, 31)),
    # a month or a day beside one year is in that year: the two narrow each other
    ("2032 май", dt.date(2032, 5, 1), dt.date(2032, 5, 31)),
    ("сентябрь, 2032 год", dt.date(2032, 9, 1), dt.date(2032, 9, 30)),
    ("26 мая, 2032", dt.date(2032, 5, 26), dt.date(2032, 5, 26)),
])
def test_relative_times_parts_of_years_and_combined_dates(text, start, end):
    from storage.search.date_query import find_date_spans

    spans = find_date_spans(text, TODAY)
    assert [(sp.start, sp.end) for sp in spans] == [(start, end)]

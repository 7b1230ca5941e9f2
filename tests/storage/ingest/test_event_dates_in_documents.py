"""Whole wire items, invented: the event's date from datelines without a year, weekdays, relative words,
ranges and lengths, and a lead event beating a stated side date. Run through the pure stages."""
import datetime as dt

import pytest

from storage.ingest.pipeline import analyse
from storage.ingest.records import RawDocument

RECEIVED = dt.datetime(2039, 6, 1)


def event(text: str, received: dt.datetime = RECEIVED):
    analysis = analyse(RawDocument("item.txt", text.encode(), received=received))
    assert analysis.candidates, "no event"
    c = analysis.candidates[0]
    return c.date_start, c.date_end, c.is_announcement


@pytest.mark.parametrize("text, start, end", [
    # dateline day-month, year from a name; the lead has no date of its own
    ("Учения ОДКБ «Щит-2031» завершились\n\nОШ, 14 мая /Агентство/. На полигоне под Ошем завершились учения "
     "Коллективных сил оперативного реагирования ОДКБ «Щит-2031».", dt.date(2031, 5, 14), dt.date(2031, 5, 14)),
    # "накануне" against the dateline; a stated side date further down loses
    ("Секретари совбезов ОДКБ провели заседание\n\nГОМЕЛЬ, 5 марта — Агентство. Заседание Комитета секретарей "
     "советов безопасности ОДКБ прошло накануне в Гомеле. В 2031 году председательствует Беларусь.\n\n"
     "Следующее заседание Комитета пройдёт 20 октября в Минске.", dt.date(2031, 3, 4), dt.date(2031, 3, 4)),
    # a weekday in the lead, the year from the chairmanship named in the text
    # a weekday in the lead and the Secretary General named (2020–2022): 13 April is a Tuesday only in 2021
    ("Министры обороны ОДКБ встретились в Бишкеке\n\nБИШКЕК, 13 апреля /Агентство/. Заседание Совета министров "
     "обороны ОДКБ состоялось во вторник в Бишкеке. В нём участвовал генеральный секретарь ОДКБ Станислав Зась.",
     dt.date(2021, 4, 13), dt.date(2021, 4, 13)),
    # an English wire item
    ("CSTO foreign ministers meet in Yerevan\n\nYEREVAN, June 3 (Agency) - The CSTO Council of Foreign Ministers met "
     "in Yerevan on Monday, the CSTO press office said. Armenia chairs the organisation in 2036.",
     dt.date(2036, 6, 2), dt.date(2036, 6, 2)),
    # a range stated as "с … по …"
    ("Курсы ОДКБ для миротворцев\n\nМИНСК, 2 июня /Агентство/. С 2 по 13 июня 2032 года в Минске проходят "
     "курсы подготовки миротворческих сил ОДКБ.", dt.date(2032, 6, 2), dt.date(2032, 6, 13)),
    # a start and an end date told apart ("стартовали… продлятся до")
    ("Учения ОДКБ «Барьер-2033» начались\n\nДУШАНБЕ, 9 сентября /Агентство/. Учения ОДКБ «Барьер-2033» стартовали "
     "в Хатлонской области и продлятся до 15 сентября.", dt.date(2033, 9, 9), dt.date(2033, 9, 15)),
    # a start and a length
    ("Начались учения ОДКБ\n\nАСТАНА, 21 августа /Агентство/. Командно-штабное учение ОДКБ «Заслон-2030» "
     "началось сегодня на полигоне и продлится пять дней.", dt.date(2030, 8, 21), dt.date(2030, 8, 25)),
    # a present-tense report: the event is on the day of the dateline
    ("В Ереване проходит сессия\n\nЕРЕВАН, 11 ноября /Агентство/. В Ереване проходит сессия Совета коллективной "
     "безопасности ОДКБ. В 2033 году в Организации председательствует Армения.",
     dt.date(2033, 11, 11), dt.date(2033, 11, 11)),
])
def test_event_date(text, start, end):
    got_start, got_end, _ = event(text)
    assert (got_start, got_end) == (start, end)


def test_a_weekday_stated_with_the_date_fixes_the_year():
    text = ("Главы МИД стран ОДКБ соберутся в Оше\n\nОШ, 12 октября — Агентство. Заседание Совета министров "
            "иностранных дел ОДКБ пройдёт в пятницу, 14 октября, сообщили в Секретариате ОДКБ.")
    start, end, announcement = event(text)
    assert start == end == dt.date(2033, 10, 14)  # the latest year before 2039 in which 14 October is a Friday
    assert announcement


def test_yearless_item_without_any_evidence_takes_the_received_year():
    text = ("Министры ОДКБ встретились\n\nМИНСК, 20 ноября /Агентство/. Министры иностранных дел ОДКБ "
            "встретились в Минске.")
    start, _, _ = event(text, received=dt.datetime(2031, 5, 1))
    assert start == dt.date(2030, 11, 20)


def test_a_december_date_in_a_january_item_is_the_year_before():
    text = ("Итоги сессии ОДКБ\n\n03.01.2032\n\nСессия Совета коллективной безопасности ОДКБ, прошедшая 28 декабря "
            "в Москве, утвердила план на год.")
    start, _, _ = event(text)
    assert start == dt.date(2031, 12, 28)


def test_a_page_with_dates_but_no_event_is_not_failed():
    text = ("Биография\n\nГенеральный секретарь ОДКБ родился 20 октября 1960 года. С 1 января 2031 года — "
            "генеральный секретарь Организации.")
    analysis = analyse(RawDocument("bio.txt", text.encode(), received=RECEIVED))
    assert analysis.candidates == ()


@pytest.mark.parametrize("text", [
    "Иванов Пётр Сергеевич\n\nРодился 3 марта 1961 года в Гродно.\n\nВ 1983 году окончил академию.\n\n"
    "В 1990–1996 годах – командир полка.\n\nВ 1996–2004 годах – начальник штаба.\n\n"
    "С 2031 года – заместитель генерального секретаря ОДКБ. Полномочия истекли 31 декабря 2034 года.",
    "Biography\n\nHe was born on 3 March 1961 in Osh.\n\n1983 – graduated from the academy.\n\n"
    "1990–1996 – regiment commander.\n\n1996–2004 – chief of staff of the CSTO Joint Staff, which held exercises "
    "on 4 May 2001.",
])
def test_a_biography_reports_no_event(text):
    analysis = analyse(RawDocument("bio.txt", text.encode(), received=RECEIVED))
    assert analysis.candidates == ()


def test_a_news_item_that_mentions_a_birth_is_still_news():
    text = ("ОШ, 14 мая /Агентство/. Заседание Совета министров обороны ОДКБ прошло в Оше в 2031 году. "
            "Министр, родившийся в Оше, поблагодарил коллег.")
    assert analyse(RawDocument("n.txt", text.encode(), received=RECEIVED)).candidates


def test_a_recalled_historic_date_is_not_the_event():
    text = ("Сессия ОДКБ в Ереване\n\n12.11.2031\n\nСессия Совета коллективной безопасности ОДКБ прошла в Ереване. "
            "Лидеры вспомнили Договор, подписанный 15 мая 1992 года в Ташкенте.")
    start, _, _ = event(text)
    assert start == dt.date(2031, 11, 12)


def events(text: str):
    analysis = analyse(RawDocument("item.txt", text.encode(), received=RECEIVED))
    return [(c.date_start, c.body_short, c.is_announcement) for c in analysis.candidates]


@pytest.mark.parametrize("text, expected", [
    # a ministers' report that announces the summit of the next day
    ("Министры ОДКБ подготовили документы\n\nОШ, 3 октября /Агентство/. Заседание Совета министров иностранных дел "
     "ОДКБ прошло в Оше. Министры одобрили проекты документов. Сессия Совета коллективной безопасности ОДКБ "
     "пройдёт в Оше в пятницу, 5 октября 2035 года. В ней примут участие главы государств.",
     [(dt.date(2035, 10, 3), "СМИД", False), (dt.date(2035, 10, 5), "СКБ", True)]),
    # an English item: the session, then the defence ministers' meeting two days before
    ("CSTO summit held in Osh\n\n12.11.2035\n\nThe CSTO Collective Security Council held its session in Osh. "
     "The Council of Defence Ministers had met in Osh on 10 November 2035 to prepare the documents.",
     [(dt.date(2035, 11, 12), "СКБ", False), (dt.date(2035, 11, 10), "СМО", False)]),
])
def test_side_events_with_their_own_organ_and_day(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text", [
    # the same organ again: not a side event
    "12.11.2035\n\nЗаседание СМИД ОДКБ прошло в Оше. Прошлое заседание СМИД состоялось 3 мая 2035 года в Минске.",
    # an organ's document dated in passing
    "12.11.2035\n\nЗаседание СМИД ОДКБ прошло в Оше. Министры учли решение СКБ от 4 октября 2035 года.",
    # history recalled
    "12.11.2035\n\nЗаседание СМИД ОДКБ прошло в Оше. Первая сессия СКБ прошла 15 мая 2002 года.",
    # no day of its own
    "12.11.2035\n\nЗаседание СМИД ОДКБ прошло в Оше. Сессия СКБ пройдёт в декабре.",
])
def test_no_side_event(text):
    assert len(events(text)) == 1


@pytest.mark.parametrize("text, start, end", [
    ("Итоги операции «Заслон-2033»\n\nВ 2033 году компетентные органы государств – членов ОДКБ провели операцию "
     "«Заслон-2033». Операция прошла в два этапа: с 12 по 20 апреля и с 3 по 14 октября 2033 года.",
     dt.date(2033, 4, 12), dt.date(2033, 10, 14)),
    ("Results of Operation Barrier-2033\n\nIn 2033 the CSTO member states conducted Operation Barrier-2033. "
     "It was held in two stages: from April 12 to April 20 and from October 3 to October 14, 2033.",
     dt.date(2033, 4, 12), dt.date(2033, 10, 14)),
    ("Учение ОДКБ «Рубеж-2034» завершено\n\nС 1 по 5 июня 2034 года прошла первая фаза учения ОДКБ «Рубеж-2034», "
     "вторая фаза — с 20 по 25 июня 2034 года на полигоне Эдельвейс.",
     dt.date(2034, 6, 1), dt.date(2034, 6, 25)),
    ("Операция «Канал-2035» проведена в три этапа\n\nОперация ОДКБ «Канал-2035» проведена в три этапа: "
     "с 10 по 15 марта, с 5 по 10 июня и с 1 по 6 сентября 2035 года.",
     dt.date(2035, 3, 10), dt.date(2035, 9, 6)),
])
def test_an_event_told_in_stages_spans_them_all(text, start, end):
    assert event(text)[:2] == (start, end)


@pytest.mark.parametrize("text, start, end", [
    # the stages told sentence by sentence, a later one planned
    ("Первый этап операции «Заслон-2036»\n\nС 4 по 12 апреля 2036 года компетентные органы государств – членов "
     "ОДКБ провели первый этап операции «Заслон-2036». Второй этап запланирован на период с 7 по 15 октября.",
     dt.date(2036, 4, 4), dt.date(2036, 10, 15)),
    ("Итоги первого этапа «Канала-2036»\n\nПервый этап операции ОДКБ «Канал-2036» прошёл с 3 по 9 марта 2036 года. "
     "Было изъято 2 тонны наркотиков. Заключительный этап пройдёт с 1 по 8 сентября.",
     dt.date(2036, 3, 3), dt.date(2036, 9, 8)),
    ("Barrier-2036: first stage completed\n\nThe first stage of the CSTO operation Barrier-2036 ran from May 5 to "
     "May 11, 2036. The second stage is scheduled for September 14-20.",
     dt.date(2036, 5, 5), dt.date(2036, 9, 20)),
    ("Учение «Щит-2036»: первая фаза\n\nПервая фаза учения КСОР ОДКБ «Щит-2036» прошла 10–12 июня 2036 года. "
     "Вторая фаза учения состоится 20 июня.",
     dt.date(2036, 6, 10), dt.date(2036, 6, 20)),
])
def test_stages_told_sentence_by_sentence_span_them_all(text, start, end):
    assert event(text)[:2] == (start, end)


@pytest.mark.parametrize("text, day", [
    # an English dateline with the month cut short; the weekday of the lead gives the year
    ("CSTO ministers meet in Minsk\n\nMINSK, Sept. 23 - The CSTO Council of Foreign Ministers met in Minsk on "
     "Monday and adopted a statement.", dt.date(2030, 9, 23)),
    ("CSTO summit in Astana\n\nASTANA, Nov. 28 (Agency) - Leaders of the Collective Security Treaty Organization "
     "gathered in Astana on Thursday for the Collective Security Council session.", dt.date(2030, 11, 28)),
])
def test_an_abbreviated_month_in_an_english_dateline(text, day):
    assert event(text, dt.datetime(2031, 6, 1))[0] == day


@pytest.mark.parametrize("text, start, end", [
    # a stage of another year's operation, and a sentence naming no numbered stage, stay apart
    ("Первый этап операции «Заслон-2036»\n\nС 4 по 12 апреля 2036 года прошёл первый этап операции ОДКБ "
     "«Заслон-2036». Первый этап операции «Заслон-2035» проходил с 14 по 21 мая 2035 года.",
     dt.date(2036, 4, 4), dt.date(2036, 4, 12)),
    ("Первый этап операции «Канал-2036»\n\nС 3 по 9 марта 2036 года прошёл первый этап операции ОДКБ «Канал-2036». "
     "Следующее заседание Совета министров обороны пройдёт 20 мая.",
     dt.date(2036, 3, 3), dt.date(2036, 3, 9)),
])
def test_numbered_stages_of_other_events_do_not_join(text, start, end):
    assert event(text)[:2] == (start, end)


@pytest.mark.parametrize("text, start, end", [
    # two ranges without stages are not one span: the course and a later one announced
    ("Курсы ОДКБ для миротворцев\n\nС 2 по 13 июня 2032 года в Минске прошли курсы подготовки миротворческих сил "
     "ОДКБ. Следующие курсы пройдут с 5 по 16 сентября 2032 года.", dt.date(2032, 6, 2), dt.date(2032, 6, 13)),
])
def test_ranges_that_are_not_stages_of_one_event_stay_apart(text, start, end):
    assert event(text)[:2] == (start, end)


def test_stages_more_than_a_year_apart_are_not_one_span():
    start, end, _ = event("Итоги операции\n\nОперация ОДКБ прошла в два этапа: с 12 по 20 апреля 2033 года и "
                          "с 3 по 14 октября 2034 года.")
    assert (end - start).days < 30


@pytest.mark.parametrize("text, start, end", [
    ("Активная фаза учения ОДКБ «Щит-2033»\n\n14 июня на полигоне Тамга прошла активная фаза учения КСОР ОДКБ "
     "«Щит-2033». Учение открылось 12 июня. Тема трёхдневного учения — уничтожение бандформирований.",
     dt.date(2033, 6, 12), dt.date(2033, 6, 14)),
    ("CSTO Shield-2033 drills: the active phase\n\nThe active phase of the CSTO Shield-2033 drills took place on "
     "June 14, 2033. The exercise opened on June 12 and ran for three days.",
     dt.date(2033, 6, 12), dt.date(2033, 6, 14)),
    # no opening day said: the length counts from the day chosen
    ("Учение ОДКБ «Щит-2033»\n\n12 июня 2033 года на полигоне Тамга началось учение КСОР ОДКБ «Щит-2033». "
     "Учение продлится четыре дня.", dt.date(2033, 6, 12), dt.date(2033, 6, 15)),
    # an opening day the length from it does not reach is another event's
    ("Учение ОДКБ «Щит-2033»\n\n20 июня 2033 года на полигоне Тамга прошла активная фаза трёхдневного учения "
     "КСОР ОДКБ «Щит-2033». Сезон подготовки открылся 1 июня.", dt.date(2033, 6, 20), dt.date(2033, 6, 22)),
])
def test_a_length_counts_from_the_day_the_event_opened(text, start, end):
    assert event(text)[:2] == (start, end)

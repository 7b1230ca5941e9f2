"""Digest pages: entries between horizontal rules, each with a date line over its headline."""
import datetime as dt

import pytest

from storage.ingest.extract.candidate import extract_candidates
from storage.ingest.dates import find_dates
from storage.ingest.records import Page
from storage.ingest.split import split_items

DIGEST = """ОДКБ: НЕДЕЛЯ В ОБЗОРЕ
3–9 июня 2031 года

Обзор событий Организации Договора о коллективной безопасности за неделю.

{rule}

4 июня, Витебская область (Беларусь)
«Щит-2031»: миротворцы отработали разведение сторон

На полигоне «Лосвидо» завершилось учение миротворческих сил ОДКБ «Щит-2031». Учение, начавшееся в понедельник, 2 июня, шло три дня. В нём участвовали военнослужащие Армении, Беларуси и Казахстана.

{rule}

1–8 июня, государства – члены ОДКБ
Первый этап операции «Заслон-2031»

Завершился первый этап совместной операции против незаконной миграции. Второй этап намечен на 10–18 октября.

{rule}

Анонс
В следующем выпуске — о заседании Совета министров обороны.
"""


def page(rule: str) -> Page:
    return Page("d.txt", DIGEST.format(rule=rule), "utf-8", received=dt.datetime(2040, 1, 1))


@pytest.mark.parametrize("rule", ["——————————", "* * *", "__________", "=========="])
def test_rules_split_a_digest_into_entries_with_their_own_headlines(rule):
    items = split_items(page(rule))
    titles = [i.title for i in items]
    assert "«Щит-2031»: миротворцы отработали разведение сторон" in titles
    assert "Первый этап операции «Заслон-2031»" in titles
    entry = next(i for i in items if i.title == "Первый этап операции «Заслон-2031»")
    assert entry.heading == "1–8 июня, государства – члены ОДКБ"
    assert "Щит" not in entry.text  # the entry above stays in its own item


def test_each_entry_is_dated_by_its_own_line_or_lead_not_by_a_later_stage():
    items = split_items(page("——————————"))
    found = {c.title: c for item in items for c in extract_candidates(item, find_dates)}
    shield = found["«Щит-2031»: миротворцы отработали разведение сторон"]
    barrier = found["Первый этап операции «Заслон-2031»"]
    assert (str(shield.date_start), str(shield.date_end)) == ("2031-06-02", "2031-06-04")
    assert (str(barrier.date_start), str(barrier.date_end)) == ("2031-06-01", "2031-06-08")
    assert barrier.place == "государства – члены ОДКБ"
    assert [s[-5:] for s in shield.series] == ["-2031"]


CHRONICLE = """Хроника: ОДКБ в 2030–2031 годах

Главные заседания уставных органов – коротко.

14.10.2030, Ереван
Сессия Совета коллективной безопасности ОДКБ. Главы государств утвердили План работы на 2031 год.

05.05.2031, Москва
Министры иностранных дел стран ОДКБ собрались на заседание СМИД. Встреча прошла накануне празднования Дня Победы.

3 июня 2031 г. – Бишкек
Заседание Комитета секретарей советов безопасности ОДКБ.
"""


def test_a_chronicle_entry_is_dated_and_placed_by_its_own_line():
    items = split_items(Page("c.txt", CHRONICLE, "utf-8", received=dt.datetime(2040, 1, 1)))
    found = [(str(c.date_start), c.place, c.body_short) for item in items for c in extract_candidates(item, find_dates)]
    assert found == [("2030-10-14", "Ереван", "СКБ"), ("2031-05-05", "Москва", "СМИД"), ("2031-06-03", "Бишкек", "КССБ")]

"""Splitting cleaned pages into news items: stamps, headlines, datelines, chrome."""
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from storage.ingest.clean import clean_text
from storage.ingest.read import load_path, read_document
from storage.ingest.records import Page
from storage.ingest.split import is_chrome, parse_dateline, split_items

ROOT = Path(__file__).parents[3]
DOCS = ROOT / "tests" / "fixtures" / "docs"


def page(text: str, title: str | None = None) -> Page:
    return Page(location="t.txt", text=clean_text(text), encoding="utf-8", title=title)


def items_of(path: Path):
    return split_items(read_document(load_path(path)))


# --- the seeds -----------------------------------------------------------------------------------

def test_seed_000_holds_two_sidebar_items_and_the_article():
    items = items_of(next((ROOT / "seeds").glob("000_*")))
    assert [(i.index, i.title, i.published) for i in items] == [
        (0, None, dt.datetime(2024, 4, 24)),
        (1, None, dt.datetime(2024, 4, 24)),
        (2, "Совет министров иностранных дел ОДКБ в режиме видеоконференции 26 мая обсудил перспективы "
            "развития международной и региональной безопасности", dt.datetime(2020, 5, 26)),
    ]
    assert items[0].text.startswith("24 апреля 2024 года в Москве") and items[0].text.endswith("(КВРН).")
    assert items[1].text.startswith("В период с 1 по 23 апреля 2024 года") and "\n\n" not in items[1].text
    article = items[2].text
    assert article.startswith("Одобрены заявления по случаю 75-й годовщины Победы в Великой Отечественной "
                              "войне о подтверждении приверженности целям и принципам Устава ООН о солидарности")
    assert article.endswith("их готовность наращивать взаимные усилия для достижения этих целей.")
    for chrome in ("Видеогалерея", "Пресс-секретарь", "+7495", "odkb-pressa", "Фотоальбом", "Вернуться",
                   "Все новости", "___", "26.05.2020"):
        assert chrome not in article


def test_seed_003_is_one_item_without_photo_credit_or_rule():
    [item] = items_of(next((ROOT / "seeds").glob("003_*")))
    assert item.title == "В формате видеоконференции состоялось заседание Совета министров иностранных дел ОДКБ"
    assert item.published == dt.datetime(2020, 5, 26, 19, 38)
    assert item.text.startswith("Главы внешнеполитических ведомств обсудили угрозы пандемии")
    assert item.text.endswith("Подписание документов планируется провести в индивидуальном порядке.")
    assert "источник фото" not in item.text and "---" not in item.text and "**" not in item.text
    assert "генеральный секретарь Организации Станислав Зась." in item.text


# --- varied documents written for these tests ----------------------------------------------------

def test_wire_item_with_dateline_and_outlet_stamp():
    text = """РИА Новости, 10.06.2024 10:12

Генсеки обсудили планы

МОСКВА, 10 июн - РИА Новости. Заседание пройдет 13 июня в режиме видеоконференции, сообщил источник.

По его словам, министры обсудят ситуацию в регионе.

Подписывайтесь на РИА Новости в Telegram"""
    [item] = split_items(page(text))
    assert (item.title, item.published, item.dateline_place) == (
        "Генсеки обсудили планы", dt.datetime(2024, 6, 10, 10, 12), "Москва")
    assert item.text == ("Заседание пройдет 13 июня в режиме видеоконференции, сообщил источник.\n\n"
                         "По его словам, министры обсудят ситуацию в регионе.")


def test_tass_dateline_year_from_page_stamp():
    text = """15 июня 2023, 16:40

Эксперты обсудили противодействие терроризму

МИНСК, 15 июня. /ТАСС/. Консультации представителей государств прошли в четверг в Минске."""
    [item] = split_items(page(text))
    assert (item.published, item.dateline_place, item.text) == (
        dt.datetime(2023, 6, 15, 16, 40), "Минск", "Консультации представителей государств прошли в четверг в Минске.")


def test_english_dateline_without_stamp_takes_year_from_text():
    text = """CSTO summit ends without joint declaration

YEREVAN, November 23 (Sputnik) - The session of the Collective Security Council was held on 23 November 2022 in Yerevan."""
    [item] = split_items(page(text))
    assert (item.title, item.published, item.dateline_place) == (
        "CSTO summit ends without joint declaration", dt.datetime(2022, 11, 23), "Ереван")  # canonical Russian name
    assert item.text.startswith("The session of the Collective Security Council")


def test_headline_repeated_with_glued_date_and_no_space():
    text = """Главная > Пресс-центр > Новости

Консультации по информационной безопасности прошли в режиме видеоконференции

Консультации по информационной безопасности прошли в режиме видеоконференции14.03.2024

14 марта 2024 года состоялись консультации.

Вернуться назад"""
    [item] = split_items(page(text))
    assert (item.title, item.published, item.text) == (
        "Консультации по информационной безопасности прошли в режиме видеоконференции",
        dt.datetime(2024, 3, 14), "14 марта 2024 года состоялись консультации.")


def test_several_sidebar_items_then_article_with_stamp_under_headline():
    text = """05.10.2023

5 октября 2023 года состоялись консультации по миграции.

04.10.2023

4 октября 2023 года Генеральный секретарь встретился с послом.

03.10.2023

Короткая заметка без точки в конце но с текстом который длиннее восьмидесяти символов для проверки правила

На полигоне прошли совместные учения

06.10.2023

Со 2 по 6 октября 2023 года на полигоне прошли учения.

Фотогалерея | Все новости"""
    items = split_items(page(text))
    assert [(i.title, i.published.date(), i.text[:20]) for i in items] == [
        (None, dt.date(2023, 10, 5), "5 октября 2023 года "),
        (None, dt.date(2023, 10, 4), "4 октября 2023 года "),
        (None, dt.date(2023, 10, 3), "Короткая заметка без"),
        ("На полигоне прошли совместные учения", dt.date(2023, 10, 6), "Со 2 по 6 октября 20"),
    ]


def test_markdown_title_lead_and_photo_credit():
    text = """## **Министры обороны утвердили план подготовки**

22.11.2023 | 17:55

*Минск. Министры обсудили подготовку коллективных сил.*

![фото](https://example.org/a.jpg)
Фото: пресс-служба министерства

Основной текст новости о заседании.

Теги: ОДКБ, оборона, Минск
Просмотров: 1234
© 2023 Информационное агентство. Все права защищены."""
    [item] = split_items(page(text))
    assert (item.title, item.published) == ("Министры обороны утвердили план подготовки", dt.datetime(2023, 11, 22, 17, 55))
    assert item.text == "Минск. Министры обсудили подготовку коллективных сил.\n\nОсновной текст новости о заседании."


def test_press_contact_block_in_one_paragraph_is_chrome():
    text = """12.04.2024

12 апреля 2024 года в Москве прошла конференция.

Пресс-секретарь ОДКБ Иван Петров
тел.: +7 (495) 606-97-71
факс: 8 495 606-97-72
e-mail: press@example.org
https://example.org/news/12"""
    [item] = split_items(page(text))
    assert item.text == "12 апреля 2024 года в Москве прошла конференция."


def test_page_without_stamps_takes_first_headline_and_skips_site_label():
    text = """Университет прокуратуры — новости

Курсы повышения квалификации для специалистов государств

В период с 16 по 27 октября 2023 года в Москве проведены курсы.

Обучение прошли 24 слушателя."""
    [item] = split_items(page(text))
    assert (item.title, item.published) == ("Курсы повышения квалификации для специалистов государств", None)
    assert item.text == "В период с 16 по 27 октября 2023 года в Москве проведены курсы.\n\nОбучение прошли 24 слушателя."


def test_html_page_title_used_for_a_single_untitled_item():
    html = ("<html><head><title>Сессия ПА ОДКБ | Официальный сайт</title></head><body><p>28 ноября 2023 года состоялось "
            "заседание.</p><p>Поделиться</p></body></html>").encode()
    from storage.ingest.records import RawDocument
    [item] = split_items(read_document(RawDocument("x.html", html)))
    assert (item.title, item.text) == ("Сессия ПА ОДКБ", "28 ноября 2023 года состоялось заседание.")


def test_items_left_empty_by_chrome_are_dropped():
    text = """24.04.2024

Видеогалерея

25.04.2024

25 апреля 2024 года прошла встреча."""
    items = split_items(page(text))
    assert [(i.index, i.published.date(), i.text) for i in items] == [
        (0, dt.date(2024, 4, 25), "25 апреля 2024 года прошла встреча.")]


def test_subheadings_inside_an_article_do_not_split_it():
    text = """Итоги сессии Совета коллективной безопасности

23.11.2023

Сессия прошла в Минске.

Главные решения саммита

Лидеры подписали декларацию.

Что дальше

Следующая сессия пройдет в Казахстане."""
    [item] = split_items(page(text))
    assert item.text.split("\n\n") == ["Сессия прошла в Минске.", "Главные решения саммита", "Лидеры подписали декларацию.",
                                       "Что дальше", "Следующая сессия пройдет в Казахстане."]


# --- pieces ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line",
    ["Видеогалерея", "Вернуться назад", "Возврат к разделу", "Все новости", "___________", "Фотоальбом",
     "+7495-795-27-10,", "+7495-621-33-23-тел/факс", "odkb-pressa@gov.ru", "источник фото: пресс-служба ОДКБ.",
     "Версия для печати", "Поделиться: ВКонтакте Telegram", "Back to news list", "Print version",
     "Читайте Sputnik в Telegram", "Теги: ОДКБ, саммит", "1520 просмотров", "© 2024 ОДКБ",
     "Главная > Пресс-центр > Новости", "Все новости » архив", "www.odkb-csto.org", "—————"],
)
def test_chrome_lines(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    ["24 апреля 2024 года в Москве прошли консультации.", "Фотовыставка открылась в Минске",
     "Новости безопасности обсудили министры", "Телефонный разговор министров состоялся 5 мая.",
     "Печать на документах поставили главы делегаций.", "Back to back meetings were held in Minsk."],
)
def test_content_lines_are_not_chrome(line):
    assert not is_chrome(line)


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("МОСКВА, 20 ноя - РИА Новости. Текст.", "Москва", "РИА Новости", "Текст."),
        ("МИНСК, 15 июня. /ТАСС/. Текст.", "Минск", "ТАСС", "Текст."),
        # the dateline's city is given by its canonical name, so an English item and a renamed city merge
        ("YEREVAN, November 23 (Sputnik) - Text.", "Ереван", "Sputnik", "Text."),
        ("НУР-СУЛТАН, 5 дек — Sputnik. Текст.", "Астана", "Sputnik", "Текст."),
        # mixed-case datelines of known cities, agency after the date, the date first, no agency at all
        ("Алма-Ата. 11 июня. ИНТЕРФАКС - Текст.", "Алматы", "ИНТЕРФАКС", "Текст."),
        ("Бишкек, 9 сентября /Агентство/. Текст.", "Бишкек", "Агентство", "Текст."),
        ("МОСКВА. 20 декабря. KAZINFORM - Текст.", "Москва", "KAZINFORM", "Текст."),
        ("19 декабря, Минск /Корр. Агентства/. Текст.", "Минск", "Корр. Агентства", "Текст."),
        ("MOSCOW, December 10 - The council met.", "Москва", None, "The council met."),
        ("ОШ, 14 мая /Агентство/. Текст.", "Ош", "Агентство", "Текст."),
        ("САНКТ-ПЕТЕРБУРГ, 28 ноября. /ТАСС/. Текст.", "Санкт-Петербург", "ТАСС", "Текст."),
        # a month cut short with a period
        ("SOCHI, Sept. 23 - Leaders of the CSTO met.", "Сочи", None, "Leaders of the CSTO met."),
        ("MINSK, Nov. 30 (Reuters) - The council met.", "Минск", "Reuters", "The council met."),
        ("ASTANA, Dec. 5, 2031 - Ministers met.", "Астана", None, "Ministers met."),
        ("МОСКВА, 20 нояб. - РИА Новости. Текст.", "Москва", "РИА Новости", "Текст."),
        ("ЕРЕВАН, 3 февр. /Агентство/. Текст.", "Ереван", "Агентство", "Текст."),
    ],
)
def test_parse_dateline(paragraph, place, agency, rest):
    dateline = parse_dateline(paragraph)
    assert (dateline.place, dateline.agency, dateline.rest) == (place, agency, rest)


# a mixed-case place is a dateline only when it is a known city ("Москва, 20 ноября." is one)
@pytest.mark.parametrize("paragraph", ["ОДКБ, ШОС и СНГ провели встречу.", "Организация, 20 ноября. Текст без агентства",
                                       "ОД, 20 ноября /Агентство/. Две буквы не город.",
                                       "МИНСК, БРЕСТ и ГРОДНО приняли учения."])
def test_not_a_dateline(paragraph):
    assert parse_dateline(paragraph) is None


# --- the corpus -----------------------------------------------------------------------------------

CORPUS_ITEMS = {
    "01_site_smid_minsk_2023.txt": 3, "03_wire_ria_smo_minsk.txt": 1, "04_html_csc_minsk_2023.html": 1,
    "06_html_broken_kobalt.html": 1, "07_html_cp1251_pa_stpetersburg.html": 1, "12_wire_sputnik_csc_yerevan.txt": 1,
    "14_site_exercises_brest.txt": 3, "08_announce_kssb_minsk.txt": 1, "16_md_kanal_dushanbe.md": 1, "17_site_consultations_infosec_video.txt": 1,
    "18_cp1251_courses_moscow.txt": 1, "19_wire_sputnik_visit_bishkek.txt": 1, "31_wire_ria_announce_smid_video.txt": 1,
}


UNDATED = {"18_cp1251_courses_moscow.txt"}  # the page carries no stamp or dateline at all


@pytest.mark.parametrize(("name", "count"), sorted(CORPUS_ITEMS.items()))
def test_corpus_item_counts_and_no_chrome(name, count):
    if not (DOCS / name).exists():
        pytest.skip("corpus not present")
    items = items_of(DOCS / name)
    assert len(items) == count
    for item in items:
        assert all(not is_chrome(line) for p in item.text.split("\n\n") for line in p.split("\n"))
        assert (item.published is not None) == (name not in UNDATED)


# --- properties -----------------------------------------------------------------------------------

_WORDS = st.sampled_from("министры обсудили заседание совета в минске сегодня вопросы безопасности и сотрудничества".split())
_SENTENCE = st.lists(_WORDS, min_size=4, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
_CHROME = st.sampled_from(["Видеогалерея", "Вернуться назад", "________", "+7 495 606-97-71", "press@example.org"])
_STAMP = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)).map(lambda d: d.strftime("%d.%m.%Y"))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_SENTENCE, _SENTENCE, _CHROME, _STAMP), min_size=1, max_size=12))
def test_splitting_loses_no_content_paragraph(blocks):
    items = split_items(page("\n\n".join(blocks)))
    kept = [p for item in items for p in item.text.split("\n\n")]
    assert kept == [b for b in blocks if b.endswith(".") and b[0].isalpha()]
    assert [i.index for i in items] == list(range(len(items)))


def test_dump_without_blank_lines_keeps_one_paragraph_per_line():
    text = ("24.04.2024\n24 апреля 2024 года прошли консультации.\n25.04.2024\nЗаседание совета министров прошло в Минске\n"
            "МИНСК, 25 апр - РИА Новости. Министры встретились в Минске.\nОни одобрили план.")
    items = split_items(page(text))
    assert [(i.title, i.published.date(), i.dateline_place, i.text) for i in items] == [
        (None, dt.date(2024, 4, 24), None, "24 апреля 2024 года прошли консультации."),
        ("Заседание совета министров прошло в Минске", dt.date(2024, 4, 25), "Минск",
         "Министры встретились в Минске.\n\nОни одобрили план."),
    ]


def test_stamp_then_headline_then_text():
    text = "22.11.2023\n\nМинистры обсудили подготовку к саммиту\n\nЗаседание прошло в Минске.\n\nВторой абзац."
    [item] = split_items(page(text))
    assert (item.title, item.text) == ("Министры обсудили подготовку к саммиту", "Заседание прошло в Минске.\n\nВторой абзац.")


def test_sidebar_item_ends_at_the_next_headline():
    text = ("24.04.2024\n\n24 апреля 2024 года прошли консультации.\n\nГлавная статья о заседании совета\n\n"
            "26 мая 2020 года прошло заседание.\n\nЕщё абзац статьи.")
    items = split_items(page(text))
    assert [(i.title, i.published, i.text) for i in items] == [
        (None, dt.datetime(2024, 4, 24), "24 апреля 2024 года прошли консультации."),
        ("Главная статья о заседании совета", None, "26 мая 2020 года прошло заседание.\n\nЕщё абзац статьи."),
    ]


def test_rubric_between_stamp_and_headline_stays_in_the_item():
    text = ("14.06.2023\n\nАнонс\n\nЗаседание комитета пройдет 19-20 июня в Минске\n\n"
            "Заседание комитета пройдет 19-20 июня в Минске под председательством Беларуси.")
    [item] = split_items(page(text))
    assert (item.title, item.published, item.text) == (
        "Заседание комитета пройдет 19-20 июня в Минске", dt.datetime(2023, 6, 14),
        "Анонс\n\nЗаседание комитета пройдет 19-20 июня в Минске под председательством Беларуси.")


def test_labels_above_the_pages_own_headline_are_navigation():
    from storage.ingest.records import Page as _Page
    text = ("Агентство Новостей\n\nРегион\n\nОборона\n\nМинистры обороны ОДКБ собрались в Оше\n\n"
            "4 мая 2031 года в Оше прошло заседание Совета министров обороны ОДКБ.")
    [item] = split_items(_Page("t.html", text, "utf-8", title="Министры обороны ОДКБ собрались в Оше"))
    assert item.title == "Министры обороны ОДКБ собрались в Оше"
    assert "Регион" not in item.text and "Агентство" not in item.text


@pytest.mark.parametrize("repeat", ["Министры обороны провели заседание в Бишкеке",
                                    "Министры обороны провели заседание в Бишкеке."])
def test_a_headline_repeated_as_the_first_paragraph_is_kept_once(repeat):
    text = f"""Министры обороны провели заседание в Бишкеке

{repeat}

14 мая 2031 года в Бишкеке прошло заседание Совета министров обороны ОДКБ."""
    [item] = split_items(page(text))
    assert item.title == "Министры обороны провели заседание в Бишкеке"
    assert item.text == "14 мая 2031 года в Бишкеке прошло заседание Совета министров обороны ОДКБ."


# Markdown rules ("---", "* * *") are dropped by cleaning: inside an article they part a lead from its body
@pytest.mark.parametrize("rule", ["———————", "—————", "–––––", "~~~~~"])
def test_a_horizontal_rule_ends_one_digest_entry(rule):
    text = (f"12 мая 2031 года в Минске прошло заседание Совета министров иностранных дел ОДКБ.\n\n{rule}\n\n"
            f"14 мая 2031 года в Ереване начались учения миротворческих сил ОДКБ.\n\n{rule}")
    items = split_items(page(text))
    assert [i.text for i in items] == [
        "12 мая 2031 года в Минске прошло заседание Совета министров иностранных дел ОДКБ.",
        "14 мая 2031 года в Ереване начались учения миротворческих сил ОДКБ."]


def test_a_short_line_beside_a_contact_block_is_text_unless_it_names_a_contact():
    # only a line naming a press contact («Пресс-секретарь…») joins the contact lines around it
    text = """12.04.2024

12 апреля 2024 года в Москве прошла конференция

Участники приняли итоговое заявление
тел.: +7 (495) 606-97-71
e-mail: press@example.org"""
    [item] = split_items(page(text))
    assert "Участники приняли итоговое заявление" in item.text


def test_a_sidebar_item_ends_at_the_next_headline_which_opens_its_own_item():
    text = """12.05.2031

Завершились учения «Щит-2031» на полигоне Эдельвейс.

Министры обороны встретились в Минске

Министры обороны ОДКБ провели заседание в Минске 14 мая 2031 года."""
    items = split_items(page(text))
    assert [i.title for i in items][-1] == "Министры обороны встретились в Минске"
    assert items[-1].text == "Министры обороны ОДКБ провели заседание в Минске 14 мая 2031 года."
    assert all("Министры обороны встретились" not in i.text for i in items)

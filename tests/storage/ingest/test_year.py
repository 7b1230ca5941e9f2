"""The year of yearless wire items: stated years, names, weekdays, office holders, chairmanship, received."""
import datetime as dt

import pytest

from storage.ingest.year import infer_year

LATER = dt.date(2040, 1, 1)


@pytest.mark.parametrize("text, day_month, year, source", [
    # a full date elsewhere in the text
    ("Решение о созыве совещания приняли 3 марта 2027 года.", (14, 5), 2027, "text"),
    ("The ministers recalled the decision of 3 March 2033.", (14, 5), 2033, "text"),
    # a bare year
    ("В 2029 году председательствует Армения.", (4, 5), 2029, "text"),
    ("Председательство в 2031 г. перешло к Беларуси.", (4, 5), 2031, "text"),
    ("Kazakhstan holds the rotating chairmanship in 2034.", (4, 5), 2034, "text"),
    # a year in a name
    ("Учения «Щит-2032» начались на полигоне.", (4, 5), 2032, "name"),
    ('Учение "Барьер-2028" завершилось.', (4, 5), 2028, "name"),
    ("The Bastion-2035 drills ended.", (4, 5), 2035, "name"),
    ("Операция «Заслон 2030» продолжается.", (4, 5), 2030, "name"),
])
def test_stated_years(text, day_month, year, source):
    guess = infer_year(text, day_month, LATER)
    assert (guess.year, guess.source) == (year, source)


@pytest.mark.parametrize("text, year", [
    # only years in which 14 October is a Friday (2033, 2039): the latest before the document arrived
    ("Совещание пройдёт в пятницу, 14 октября, в Минске.", 2033),
    ("Встреча намечена на 14 октября (пятница).", 2033),
    ("The talks are due on Friday, 14 October.", 2033),
    ("The talks are due on Friday, October 14.", 2033),
    # 3 March is a Tuesday in 2026 and 2037
    ("Консультации начнутся во вторник, 3 марта.", 2037),
])
def test_weekday_with_date_picks_the_year(text, year):
    guess = infer_year(text, None, dt.date(2038, 12, 31))
    assert guess.year == year and guess.source == "weekday"


def test_a_weekday_that_disagrees_rules_a_stated_year_out():
    # 14 October 2034 is a Saturday: the stated year and the weekday disagree, and a Friday year wins
    guess = infer_year("Совещание пройдёт в пятницу, 14 октября. Итоги 2033 года подведут позже.", None, LATER)
    assert guess.year == 2033


def test_weekday_agrees_with_a_stated_year_range():
    # "в 2020-е": a weekday picks one of the years the text allows
    guess = infer_year("Заседание 2022 года и совещание в пятницу, 14 октября.", None, LATER)
    assert guess.year == 2022  # 14 October 2022 was a Friday and the year is stated


@pytest.mark.parametrize("text, day_month, lead, allowed", [
    ("Генеральный секретарь ОДКБ Юрий Хачатуров открыл совещание.", (11, 6), "", {2017, 2018}),
    ("CSTO Secretary General Nikolai Bordyuzha said the forces were ready.", (3, 4), "", set(range(2003, 2017))),
    ("С докладом выступил генсек Станислав Зась.", (9, 9), "", {2020, 2021, 2022}),
    ("Президент России Дмитрий Медведев провёл встречу.", (5, 9), "", set(range(2008, 2013))),
    # the office holder and the weekday in the lead together give one year
    ("Генеральный секретарь ОДКБ Юрий Хачатуров открыл совещание в понедельник.", (11, 6),
     "Совещание открылось в понедельник.", {2018}),
    ("Министр иностранных дел Армении Эдвард Налбандян прибыл в Москву.", (1, 1), "", set(range(2008, 2019))),
])
def test_office_holders_narrow_the_year(text, day_month, lead, allowed):
    guess = infer_year(text, day_month, LATER, lead or None)
    assert guess.year in allowed and guess.source in ("office", "weekday")


def test_a_surname_without_its_office_says_nothing():
    # "Медведев" without "президент" may be anyone of that name at any time
    assert infer_year("Полковник Медведев доложил о ходе учений.", None, LATER) is None


@pytest.mark.parametrize("text, allowed", [
    ("В этом году в Организации председательствует Республика Беларусь.", {2017, 2023}),
    ("Kyrgyzstan holds the CSTO chairmanship this year.", {2019, 2025}),
])
def test_chairmanship_names_the_years_of_that_state(text, allowed):
    guess = infer_year(text, (4, 5), dt.date(2030, 1, 1))
    assert guess.year in allowed and guess.source == "chair"


def test_dateline_weekday_in_the_lead():
    # "открылось в понедельник" under a dateline of 11 June: years in which 11 June is a Monday
    for lead in ("Заседание открылось в понедельник в Минске.", "Совещание прошло накануне, в воскресенье."):
        # (one year a sentence: «в 2018 году и в 2024 году оно проходило» is a past chronology, which would say
        # the item is later than both)
        guess = infer_year("Заседание прошло в Минске. Похожее совещание было в 2018 году. Ещё одно — в 2024 году.",
                           (11, 6), LATER, lead)
        assert guess.year == 2018


def test_no_evidence_takes_the_received_year_and_says_so():
    guess = infer_year("Министры обсудили вопросы безопасности.", (20, 11), dt.date(2031, 5, 1))
    assert (guess.year, guess.source) == (2030, "received")  # 20 November 2031 had not come yet
    guess = infer_year("Министры обсудили вопросы безопасности.", (20, 3), dt.date(2031, 5, 1))
    assert (guess.year, guess.source) == (2031, "received")


def test_no_dateline_no_evidence_is_none():
    assert infer_year("Министры обсудили вопросы безопасности.", None, LATER) is None


def test_years_after_the_document_arrived_are_impossible():
    guess = infer_year("Учения «Щит-2033» пройдут в мае.", (4, 5), dt.date(2031, 1, 1))
    assert guess.year <= 2031


def test_a_year_said_many_times_counts_once():
    # 27 June is a Thursday in 2030 (and 2024): the stated weekday beats a year repeated in passing
    text = ("Совещание прошло в четверг, 27 июня. План на 2031 год обсудили. Итоги 2031 года, задачи 2031 года "
            "и бюджет на 2031 год утвердят позже. В 2030 году председательствует Армения.")
    assert infer_year(text, None, LATER).year == 2030


@pytest.mark.parametrize("text", [
    "Сообщается, что в 2032 году председательство в Организации переходит к Таджикистану.",
    "In 2032 the chairmanship passes to Kazakhstan.",
])
def test_the_year_a_chairmanship_passes_to_is_the_next_one(text):
    assert infer_year(text, (23, 12), LATER).year == 2031


@pytest.mark.parametrize("text, year", [
    # a year said of what is still to come: written that year or the one before, and the chairmanship handed
    # over for that year says the year before
    ("Председательство в 2031 году переходит к Армении. До конца 2031 года эту роль будет исполнять армянская сторона.",
     2030),
    ("В 2031 году председательство примет Киргизия, и весь 2031 год она будет вести заседания.", 2030),
])
def test_years_of_what_is_to_come(text, year):
    assert infer_year(text, (23, 12), LATER).year == year


@pytest.mark.parametrize("text, day_month, allowed", [
    # a past chronology («в 2024 году … а в 2027 году …») is background: the item is written after it, and the
    # office holder's whole term stays open for the store to settle
    ("Главы государств приняли решение. Страна уже выходила из договора: в 2024 году она отказалась его "
     "продлевать, а в 2027 году вернулась. Генеральный секретарь Таисия Гром отметила итоги.", (19, 12),
     range(2027, 2041)),
    ("The leaders took the decision. The country had left the treaty before: in 2024 it refused to extend it, and "
     "in 2027 it returned.", (19, 12), range(2027, 2041)),
])
def test_a_past_chronology_is_background_not_the_items_year(text, day_month, allowed):
    guess = infer_year(text, day_month, LATER)
    assert guess is not None and guess.year in allowed and guess.year != 2024


@pytest.mark.parametrize("text, day_month, years", [
    # a plan's period is no chronology: its years still speak of the item
    ("Подписан план консультаций на 2033–2034 годы.", (8, 6), {2033, 2034}),
    ("Министры утвердили план на 2033 и 2034 годы.", (8, 6), {2033, 2034}),
    ("В 2031 году председательствует Армения.", (4, 5), {2031}),
])
def test_periods_and_single_years_still_count(text, day_month, years):
    assert infer_year(text, day_month, LATER).year in years

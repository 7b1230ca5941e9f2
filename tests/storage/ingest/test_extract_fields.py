"""Event date choice, announcement, body/kind/place/venue/format/chair, decisions, topics — on items
written for these tests (not the seeds)."""
import datetime as dt

import pytest

from storage.ingest.dates import find_dates
from storage.ingest.extract.candidate import extract_candidate
from storage.ingest.extract.decisions import find_decisions, find_topics
from storage.ingest.extract.fields import find_chair, find_format, find_venue
from storage.ingest.records import Chair, Item

FIND_DATES = find_dates


def item(text: str, title: str | None = None, published: dt.datetime | None = None) -> Item:
    return Item(0, title, text, published)


def test_report_with_date_place_body_kind_chair():
    c = extract_candidate(item(
        "15 июня 2023 года в Минске состоялось заседание Совета министров обороны ОДКБ под председательством "
        "министра обороны Республики Беларусь Виктора Хренина. Министры утвердили План подготовки на 2024 год.",
        published=dt.datetime(2023, 6, 15)), FIND_DATES)
    assert (c.date_start, c.date_end, c.is_announcement) == (dt.date(2023, 6, 15), dt.date(2023, 6, 15), False)
    assert (c.body_short, c.body, c.kind, c.place, c.format) == (
        "СМО", "Совет министров обороны ОДКБ", "заседание", "Минск", "очно")
    assert c.chair == Chair("Виктор Хренин", "Министр обороны Республики Беларусь", "Республика Беларусь")
    assert c.decisions == ("План подготовки на 2024 год",)
    assert {f.field for f in c.facts} >= {"date", "body", "kind", "place", "chair", "decision", "participant"}


def test_announcement_by_future_predicate():
    c = extract_candidate(item("Сессия Парламентской ассамблеи ОДКБ пройдет 19-20 июня в Санкт-Петербурге.",
                               published=dt.datetime(2024, 6, 1)), FIND_DATES)
    assert (c.date_start, c.date_end, c.is_announcement, c.body_short, c.kind, c.place) == (
        dt.date(2024, 6, 19), dt.date(2024, 6, 20), True, "ПА ОДКБ", "сессия", "Санкт-Петербург")


def test_biography_dates_make_no_event():
    text = ("Родился 9 декабря 1956 года. Назначен Генеральным секретарем ОДКБ решением Совета коллективной "
            "безопасности и приступил к обязанностям с 1 января 2023 года.")
    assert extract_candidate(item(text), FIND_DATES) is None


def test_not_about_csto_makes_no_event():
    assert extract_candidate(item("1 мая 2023 года в Москве состоялся матч чемпионата."), FIND_DATES) is None


def test_period_without_day_makes_no_event():
    text = "Следующее заседание Совета министров иностранных дел ОДКБ пройдет в четвертом квартале 2024 года."
    assert extract_candidate(item(text, published=dt.datetime(2024, 6, 1)), FIND_DATES) is None


def test_wire_weekday_resolves_against_published():
    c = extract_candidate(item("Сессия Совета коллективной безопасности ОДКБ прошла в среду в Ереване.",
                               published=dt.datetime(2022, 11, 24, 10, 0)), FIND_DATES)
    assert c.date_start == dt.date(2022, 11, 23)


def test_english_item():
    c = extract_candidate(item("On 23 November 2023 the CSTO Collective Security Council session was held in Minsk, "
                               "chaired by President of the Republic of Belarus Alexander Lukashenko."), FIND_DATES)
    assert (c.language, c.date_start, c.body_short, c.kind, c.place) == ("en", dt.date(2023, 11, 23), "СКБ", "сессия", "Минск")
    assert c.chair.person == "Alexander Lukashenko"


def test_venue_and_body_at_venue_is_not_the_body():
    c = extract_candidate(item("10 марта 2024 года в Секретариате ОДКБ состоялись консультации экспертов "
                               "государств – членов ОДКБ по вопросам информационной безопасности."), FIND_DATES)
    assert (c.body_short, c.venue, c.place, c.kind) == (None, "Секретариат ОДКБ", "Москва", "консультации")


@pytest.mark.parametrize(("sentence", "fmt"), [
    ("заседание прошло в режиме видеоконференции", "видеоконференция"),
    ("встреча в онлайн-формате", "видеоконференция"),
    ("the meeting was held via videoconference", "видеоконференция"),
    ("в смешанном формате", "смешанный"),
    ("в Минске", None),
])
def test_format(sentence, fmt):
    assert find_format(sentence) == fmt


def test_chair_state_and_english_chair():
    assert find_chair("прошли под председательством Кыргызской Республики.") == Chair(None, None, "Кыргызская Республика")
    assert find_chair("The session was chaired by Kazakh President Kassym-Jomart Tokayev.") == Chair(
        "Kassym-Jomart Tokayev", "Kazakh President", "Республика Казахстан")


def test_venue_phrase_in_nominative():
    assert find_venue("на базе Военной академии Генерального штаба ВС РФ проведены курсы") == \
        "Военная академия Генерального штаба ВС РФ"


def test_decisions_split_enumeration_keep_head():
    got = find_decisions("Одобрены заявления о ситуации в Афганистане, о борьбе с терроризмом, а также о миротворчестве.")
    assert got == ["заявления о ситуации в Афганистане", "заявления о борьбе с терроризмом", "заявления о миротворчестве"]


def test_decisions_quoted_titles_and_second_predicate():
    got = find_decisions("Министры подписали Протокол «О порядке обмена информацией» и утвердили План консультаций на 2025 год.")
    assert got == ["Протокол «О порядке обмена информацией»", "План консультаций на 2025 год"]


def test_participation_is_not_a_decision():
    assert find_decisions("В заседании приняли участие министры.") == []


def test_topics():
    assert find_topics("Стороны обсудили ситуацию на таджикско-афганской границе.") == ["ситуацию на таджикско-афганской границе"]
    assert find_topics("консультации на тему: «Об информационной безопасности».") == ["Об информационной безопасности"]


@pytest.mark.parametrize("text, short", [
    ("4 мая 2031 года в Оше прошло совместное заседание Совета министров иностранных дел, Совета министров обороны "
     "и Комитета секретарей советов безопасности ОДКБ.", "СМИД СМО КССБ"),
    ("Члены СМИД и СМО ОДКБ провели 4 мая 2031 года совместное заседание в Оше.", "СМИД СМО"),
    ("On 4 May 2031 the CSTO Council of Foreign Ministers and the Council of Defence Ministers held a joint meeting "
     "in Osh.", "СМИД СМО"),
])
def test_joint_meeting_is_its_own_body(text, short):
    c = extract_candidate(item(text, published=dt.datetime(2031, 5, 4)), FIND_DATES)
    assert c.body_short == short


def test_a_session_preceded_by_a_joint_meeting_is_the_session():
    text = ("Сессия Совета коллективной безопасности ОДКБ прошла 5 мая 2031 года в Оше. Накануне министры иностранных "
            "дел и министры обороны провели совместное заседание СМИД и СМО.")
    c = extract_candidate(item(text, published=dt.datetime(2031, 5, 5)), FIND_DATES)
    assert c.body_short == "СКБ"


@pytest.mark.parametrize("text, short", [
    ("4 мая 2031 года в Оше министры иностранных дел и министры обороны государств ОДКБ рассмотрели проекты "
     "документов к сессии Совета коллективной безопасности.", "СМИД СМО"),
    ("Главы МИД, министры обороны и секретари совбезов стран ОДКБ собрались 4 мая 2031 года в Оше.", "СМИД СМО КССБ"),
    ("On 4 May 2031 CSTO foreign ministers and defence ministers met in Osh.", "СМИД СМО"),
])
def test_members_of_several_councils_meeting_together(text, short):
    c = extract_candidate(item(text, published=dt.datetime(2031, 5, 4)), FIND_DATES)
    assert c.body_short == short


def test_one_council_members_are_not_a_joint_meeting():
    text = "4 мая 2031 года министры иностранных дел ОДКБ провели заседание Совета министров иностранных дел в Оше."
    c = extract_candidate(item(text, published=dt.datetime(2031, 5, 4)), FIND_DATES)
    assert c.body_short == "СМИД"


@pytest.mark.parametrize("text, short", [
    # a body something was sent or turned to is not the one that met
    ("12 апреля 2033 года в Минске прошла сессия Совета коллективной безопасности ОДКБ. Ранее Баку направил в "
     "Секретариат ОДКБ ноту.", "СКБ"),
    ("12 апреля 2033 года главы государств встретились в Минске. В марте Ереван направил в Секретариат ОДКБ "
     "ноту, а сессия Совета коллективной безопасности ОДКБ прошла в узком составе.", "СКБ"),
    ("12 апреля 2033 года в Минске прошло заседание Совета министров обороны ОДКБ. Депутаты обратились в "
     "Парламентскую ассамблею ОДКБ с запросом.", "СМО"),
    ("On 12 April 2033 the heads of state met in Minsk. Earlier Baku sent a note to the CSTO Secretariat; the "
     "CSTO Collective Security Council session was held behind closed doors.", "СКБ"),
])
def test_a_body_written_to_is_not_the_body_that_met(text, short):
    assert extract_candidate(item(text), FIND_DATES).body_short == short

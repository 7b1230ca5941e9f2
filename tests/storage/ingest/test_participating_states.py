"""States that take part in an exercise, lists after a colon, names in contact blocks and lists."""
import pytest

from storage.ingest.extract.people import find_people
from storage.ingest.extract.sentences import join_lists, split_sentences
from storage.ingest.extract.states import participating_states
from storage.ingest.records import Page
from storage.ingest.split import split_items


@pytest.mark.parametrize("sentence, states", [
    ("В учении участвуют военнослужащие Армении, Казахстана и Таджикистана.", ["Армения", "Казахстан", "Таджикистан"]),
    ("К маневрам привлечены подразделения вооружённых сил Республики Беларусь и Российской Федерации.",
     ["Беларусь", "Россия"]),
    ("На полигон прибыли национальные контингенты Кыргызстана, Узбекистана и России.",
     ["Кыргызстан", "Узбекистан", "Россия"]),
    ("Всего задействовано около 900 человек из Киргизии, Белоруссии и Армении.", ["Киргизия", "Белоруссия", "Армения"]),
    ("Участие в тренировке приняли делегации Таджикистана и Кыргызской Республики.", ["Таджикистан", "Кыргызстан"]),
    ("Российские, казахстанские и белорусские спецподразделения отработали освобождение заложников.",
     ["Россия", "Казахстан", "Беларусь"]),
    ("Servicemen from Kazakhstan, Kyrgyzstan and Tajikistan are taking part in the drills.",
     ["Казахстан", "Кыргызстан", "Таджикистан"]),
    ("Units of Armenia and Belarus took part.", ["Армения", "Беларусь"]),
    ("The exercise involves troops from Russia and Kazakhstan.", ["Россия", "Казахстан"]),
])
def test_states_that_take_part(sentence, states):
    assert participating_states(sentence) == states


@pytest.mark.parametrize("sentence, states", [
    # the host is where it happens, not who takes part
    ("Учения с участием подразделений Армении и России пройдут в Казахстане.", ["Армения", "Россия"]),
    ("Military units of Belarus and Russia are taking part in exercises in Tajikistan.", ["Беларусь", "Россия"]),
    ("На территории Таджикистана к учению привлечены военнослужащие Кыргызстана.", ["Кыргызстан"]),
])
def test_the_host_state_is_not_a_participant(sentence, states):
    assert participating_states(sentence) == states


@pytest.mark.parametrize("sentence", [
    "В ОДКБ входят Армения, Беларусь, Казахстан, Кыргызстан, Россия и Таджикистан.",
    "The CSTO comprises Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.",
    "Учения прошли в Казахстане.",
    "Министр обороны России прокомментировал итоги года.",
])
def test_no_participation_cue_names_no_participants(sentence):
    assert participating_states(sentence) == []


def test_a_list_after_a_colon_is_read_with_its_intro():
    text = "В тренировке участвуют представители трёх государств:\n- Армении;\n- Казахстана;\n- России.\nДалее текст."
    joined = join_lists(split_sentences(text))
    assert joined[0] == "В тренировке участвуют представители трёх государств: Армении; Казахстана; России."
    assert participating_states(joined[0]) == ["Армения", "Казахстан", "Россия"]
    assert joined[1] == "Далее текст."


def test_numbered_list_items_join_and_a_colon_without_items_stays():
    joined = join_lists(["Одобрены документы:", "1. План консультаций;", "2. Заявление министров.", "Итог:"])
    assert joined == ["Одобрены документы: План консультаций; Заявление министров.", "Итог:"]


@pytest.mark.parametrize("line, name", [
    ("Усмонов Бахтиёр Рахимович", "Бахтиёр Рахимович Усмонов"),
    ("Список награждённых: Ермекбаеву Нурлану Бакытовичу вручён орден.", "Нурлан Бакытович Ермекбаев"),
    ("Петрова Анна Сергеевна, начальник отдела", "Анна Сергеевна Петрова"),
])
def test_surname_first_with_a_patronymic(line, name):
    assert [p.person.name for p in find_people(line)] == [name]


@pytest.mark.parametrize("line, name", [
    ("Министр Сергей Викторович Лавров прибыл в Минск.", "Сергей Викторович Лавров"),
    ("Генерал Андрей Николаевич Сердюков осмотрел полигон.", "Андрей Николаевич Сердюков"),
])
def test_a_title_before_the_name_is_not_a_surname(line, name):
    assert [p.person.name for p in find_people(line)] == [name]


def test_enumerated_heads_of_state_each_get_their_own_title():
    people = find_people("Встретились Президенты Армении Иван Петров, Казахстана Сергей Иванов и Таджикистана Олег Сидоров.")
    assert [(p.person.name, p.person.role) for p in people] == [
        ("Иван Петров", "Президент Армении"), ("Сергей Иванов", "Президент Казахстана"),
        ("Олег Сидоров", "Президент Таджикистана")]


@pytest.mark.parametrize("block", [
    "Пресс-секретарь ОДКБ\nИванов Пётр Сергеевич\nтел.: +7 (495) 111-22-33\ne-mail: press@example.org",
    "Пресс-служба\nАнна Петрова\n+7 (495) 606-14-27",
    "Контакты для СМИ\nП.Иванов\nmedia@example.org",
])
def test_the_name_in_a_press_contact_block_is_chrome(block):
    page = "27 мая 2031 года в Минске состоялось заседание Совета министров обороны ОДКБ.\n\n" + block
    text = "\n".join(item.text for item in split_items(Page(location="t.txt", text=page, encoding="utf-8")))
    assert "заседание" in text
    assert "Иванов" not in text and "Петрова" not in text


@pytest.mark.parametrize("sentence, speaks", [
    ("По словам эксперта Ивана Петрова, учения прошли успешно.", True),
    ("Как пояснил начальник штаба Олег Сидоров, министры приняли решения.", True),
    ("«Работа идёт по плану», – сказал министр Пётр Иванов.", True),
    ("Официальный представитель МИД Анна Петрова прокомментировала итоги.", True),
    ("According to CSTO Secretary General John Smith, the drills were a success.", True),
    ("В заседании участвовал министр обороны Олег Сидоров.", False),
    ("Заседание провёл председатель Совета Иван Петров.", False),
])
def test_who_only_speaks_about_the_event(sentence, speaks):
    from storage.ingest.extract.people import only_speaks
    [mention] = find_people(sentence)
    assert only_speaks(sentence, mention) is speaks


@pytest.mark.parametrize("role, member", [
    ("Президент Киргизии", True), ("Министр иностранных дел Армении", True), ("Генеральный секретарь ОДКБ", True),
    ("Заведующий отделом внешней политики аппарата президента Киргизии", False),
    ("Официальный представитель МИД России", False), ("Начальник Генерального штаба", False), (None, False),
])
def test_a_quoted_member_of_the_meeting_is_a_participant_a_commentator_is_not(role, member):
    from storage.ingest.extract.people import member_office
    assert member_office(role) is member


def test_people_of_an_announced_side_event_are_not_the_lead_events():
    import datetime as dt
    from storage.ingest.extract.candidate import extract_candidates
    from tests.storage.ingest.test_extract_fields import FIND_DATES, item
    text = ("Министры иностранных дел ОДКБ провели 4 мая 2031 года в Оше заседание Совета министров иностранных дел. "
            "Россию на заседании представлял министр иностранных дел Иван Петров. "
            "Сессия Совета коллективной безопасности пройдёт в Оше в четверг, 6 мая. "
            "В ней, как ожидается, примут участие президенты Армении Сергей Иванов и Казахстана Олег Сидоров.")
    lead, side = extract_candidates(item(text, published=dt.datetime(2031, 5, 4)), FIND_DATES)
    assert (lead.body_short, [p.name for p in lead.participants]) == ("СМИД", ["Иван Петров"])
    assert (side.body_short, str(side.date_start)) == ("СКБ", "2031-05-06")
    assert [p.name for p in side.participants] == ["Сергей Иванов", "Олег Сидоров"]
    # the lead keeps every fact of its own; only the side event's people leave its record
    fields = {f.field for f in lead.facts}
    assert {"date", "body", "place", "title"} <= fields
    assert [f.value.split(" (")[0] for f in lead.facts if f.field == "participant"] == ["Иван Петров"]


def test_a_meetings_states_are_not_listed_as_participants_an_exercises_are():
    import datetime as dt
    from storage.ingest.extract.candidate import extract_candidate
    from tests.storage.ingest.test_extract_fields import FIND_DATES, item
    meeting = ("4 мая 2031 года в Оше прошло заседание Совета министров обороны ОДКБ. "
               "В заседании приняли участие делегации Армении, Казахстана и России.")
    drill = ("4 мая 2031 года в Оше прошло учение КСОР ОДКБ. В учении приняли участие подразделения Армении и России.")
    assert extract_candidate(item(meeting, published=dt.datetime(2031, 5, 4)), FIND_DATES).participants == ()
    assert [p.name for p in extract_candidate(item(drill, published=dt.datetime(2031, 5, 4)), FIND_DATES).participants] \
        == ["Армения", "Россия"]

"""People: nominative names, roles, organisations; the labelled set must stay above its floor."""
import pytest

from storage.ingest.extract.people import find_people, organisation_of, surname_nominative
from tests.storage.ingest.name_cases import name_accuracy


def test_labelled_set_accuracy():
    correct, total, misses = name_accuracy(find_people)
    assert total >= 60
    assert correct / total >= 0.95, misses


@pytest.mark.parametrize(("sentence", "name", "role", "org"), [
    ("В заседании принял участие Генеральный секретарь ОДКБ Станислав Зась.", "Станислав Зась", "Генеральный секретарь ОДКБ", "ОДКБ"),
    ("под председательством Министра иностранных дел Российской Федерации Сергея Лаврова",
     "Сергей Лавров", "Министр иностранных дел Российской Федерации", None),
    ("приняли участие Председатель Исполнительного комитета - Исполнительный секретарь СНГ Сергей Лебедев.",
     "Сергей Лебедев", "Председатель Исполнительного комитета - Исполнительный секретарь СНГ", "СНГ"),
    ("встреча с генеральным секретарем ШОС Владимиром Норовым", "Владимир Норов", "Генеральный секретарь ШОС", "ШОС"),
    ("CSTO Secretary General Stanislav Zas met them.", "Stanislav Zas", "CSTO Secretary General", "ОДКБ"),
])
def test_name_role_and_organisation(sentence, name, role, org):
    [mention] = find_people(sentence)
    assert (mention.person.name, mention.person.role, mention.person.organisation) == (name, role, org)


def test_press_secretary_is_not_a_participant():
    assert find_people("Пресс-секретарь ОДКБ Владимир Зайнетдинов") == []


def test_place_words_are_not_english_names():
    assert [p.person.name for p in find_people("Minister of Foreign Affairs of the Kyrgyz Republic met.")] == []


@pytest.mark.parametrize(("word", "gender", "case", "nominative"), [
    ("Засем", "masc", "ablt", "Зась"), ("Зася", "masc", "gent", "Зась"), ("Тасмагамбетовым", "masc", "ablt", "Тасмагамбетов"),
    ("Вольфовичем", "masc", "ablt", "Вольфович"), ("Захаровой", "femn", "gent", "Захарова"), ("Шойгу", "masc", "datv", "Шойгу"),
    ("Матвиенко", "femn", "ablt", "Матвиенко"),
])
def test_surname_nominative(word, gender, case, nominative):
    assert surname_nominative(word, gender, case) == nominative


def test_organisation_of_role():
    assert organisation_of("Генеральный секретарь Организации Договора о коллективной безопасности") == "ОДКБ"
    assert organisation_of("Министр обороны") is None


def test_first_name_agrees_with_a_genitive_surname():
    # the dictionary reads "Никола" alone as a feminine nominative; the surname says genitive masculine
    [mention] = find_people("под председательством Премьер-министра Армении Никола Пашиняна прошла сессия")
    assert mention.person.name == "Никол Пашинян"
    [mention] = find_people("Никола Тесла родился в Смилянах")
    assert mention.person.name == "Никола Тесла"

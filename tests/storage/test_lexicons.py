"""Lexicons: bodies, places, kinds in any case form and across languages; name keys."""
import pytest

from storage.lexicon.bodies import body_by_short, find_bodies
from storage.lexicon.kinds import find_kinds
from storage.lexicon.places import canonical_place, find_places
from storage.lexicon.translit import name_key, transliterate


@pytest.mark.parametrize(("text", "short"), [
    ("заседание Совета министров иностранных дел Организации Договора о коллективной безопасности", "СМИД"),
    ("Советом министров обороны ОДКБ", "СМО"),
    ("на сессии Парламентской ассамблеи ОДКБ", "ПА ОДКБ"),
    ("the CSTO Collective Security Council met", "СКБ"),
    ("Committee of Secretaries of Security Councils", "КССБ"),
    ("в Объединенном штабе ОДКБ", "Объединённый штаб"),
    ("Комитетом секретарей советов безопасности", "КССБ"),
])
def test_find_bodies_any_case_and_language(text, short):
    assert [b.short for b, _, _ in find_bodies(text) if b.short != "ОДКБ"] == [short]


def test_body_span_and_lookup():
    text = "в Секретариате ОДКБ прошли"
    [(body, start, end)] = find_bodies(text)
    assert (body.short, text[start:end]) == ("Секретариат", "Секретариате ОДКБ")
    assert body_by_short("смид").full == "Совет министров иностранных дел ОДКБ"
    assert body_by_short("Council of Foreign Ministers").short == "СМИД"
    assert body_by_short("нечто") is None


@pytest.mark.parametrize(("text", "names"), [
    ("24 апреля в Москве в Секретариате", ["Москва"]),
    ("под председательством Республики Казахстан", ["Республика Казахстан"]),
    ("YEREVAN, November 23", ["Ереван"]),
    ("в Санкт-Петербурге и Нур-Султане", ["Санкт-Петербург", "Астана"]),
    ("казахстанской стороны", ["Республика Казахстан"]),
    ("в Чолпон-Ате", ["Чолпон-Ата"]),
    ("в Кыргызской Республике", ["Кыргызская Республика"]),
    ("ош и вена", []),
])
def test_find_places(text, names):
    assert [p.name for p, _, _ in find_places(text)] == names


def test_canonical_place():
    assert canonical_place("Yerevan") == "Ереван"
    assert canonical_place("Минске") == "Минск"
    assert canonical_place("Атлантида") == "Атлантида"
    assert canonical_place(None) is None


@pytest.mark.parametrize(("text", "kind"), [
    ("состоялись консультации государств", "консультации"),
    ("проведены IX Курсы обучения", "курсы"),
    ("в ходе учений «Взаимодействие»", "учения"),
    ("CSTO exercise began", "учения"),
    ("на сессии ПА ОДКБ", "сессия"),
])
def test_find_kinds(text, kind):
    assert [k.name for k, _, _ in find_kinds(text)] == [kind]


def test_policy_course_is_not_courses():
    assert find_kinds("взят курс на сотрудничество") == []


def test_transliterate():
    assert [transliterate(w) for w in ("Зась", "Лавров", "ОДКБ", "СМИД")] == ["zas", "lavrov", "odkb", "smid"]


@pytest.mark.parametrize(("ru", "en"), [
    ("Станислав Зась", "Stanislav Zas"), ("Сергей Лавров", "Sergei Lavrov"), ("Сергей Лавров", "Sergey Lavrov"),
    ("Юрий Хачатуров", "Yuri Khachaturov"), ("Александр Лукашенко", "Alexander Lukashenko"),
    ("Анатолий Сердюков", "Anatoly Serdyukov"), ("Имангали Тасмагамбетов", "Imangali Tasmagambetov"),
])
def test_name_key_same_across_scripts(ru, en):
    assert name_key(ru) == name_key(en)


def test_name_key_tells_people_apart():
    assert name_key("Сергей Лавров") != name_key("Сергей Лебедев")

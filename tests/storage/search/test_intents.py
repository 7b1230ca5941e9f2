import pytest

from storage.search.intents import Intent, detect_intent


CASES = [
        ("Кто председательствовал на заседании СМО?", Intent.chair),
        ("под чьим председательством прошли консультации", Intent.chair),
        ("Who chaired the summit?", Intent.chair),
        ("кто вёл заседание совета", Intent.chair),  # "вести" means chairing only with "who"
        ("Who led the CSTO summit?", Intent.chair),
        ("какие переговоры вели в Минске", Intent.summary),
        ("с кем встречался генсек в Бишкеке", Intent.participants),
        ("Кто участвовал в учениях?", Intent.participants),
        ("кто принял участие в заседании", Intent.participants),
        ("Who took part in the meeting?", Intent.participants),
        ("Зась участвовал в заседании?", Intent.participation),
        ("Принимал ли участие Лавров в СМИД?", Intent.participation),
        ("Did Putin attend the summit?", Intent.participation),
        ("Где прошли учения?", Intent.place),
        ("в каком городе была сессия", Intent.place),
        ("Where was the summit held?", Intent.place),
        ("Когда состоялось заседание КССБ?", Intent.date),
        ("When did the council meet?", Intent.date),
        ("В каком формате прошло заседание?", Intent.format),
        ("очно или онлайн прошли консультации", Intent.format),
        ("Что решили министры обороны?", Intent.decisions),
        ("какой план утвердили", Intent.decisions),
        ("Какие документы подписали?", Intent.decisions),
        ("What was approved?", Intent.decisions),
        ("Что обсуждали на конференции?", Intent.topics),
        ("о чём говорили министры", Intent.topics),
        ("заседание СМИД в Ереване", Intent.summary),
        ("Что было 14 июня 2022?", Intent.summary),
]


@pytest.mark.parametrize(("question", "intent"), CASES)
def test_detects_intent(question, intent):
    assert detect_intent(question) is intent


def test_every_intent_is_reached_by_some_question():
    assert {intent for _, intent in CASES} == set(Intent)

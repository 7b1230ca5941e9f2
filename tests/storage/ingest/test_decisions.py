"""Decisions by the lemma of their predicate, in many phrasings of both languages, and what is not one."""
import pytest

from storage.ingest.extract.decisions import find_decisions, find_topics


@pytest.mark.parametrize("sentence, decision", [
    ("Утверждён План работы Совета на 2032 год.", "План работы Совета на 2032 год"),
    ("Министры подписали Соглашение о порядке транзита.", "Соглашение о порядке транзита"),
    ("По итогам встречи был принят Меморандум о сотрудничестве.", "Меморандум о сотрудничестве"),
    ("Стороны согласовали проект повестки дня осенней сессии.", "проект повестки дня осенней сессии"),
    ("Ратифицирован Протокол о внесении изменений в Устав.", "Протокол о внесении изменений в Устав"),
    ("Одобрена Концепция подготовки кадров.", "Концепция подготовки кадров"),
    ("The ministers approved the Plan of consultations for 2032.", "the Plan of consultations for 2032"),
    ("The council adopted a statement on regional security.", "a statement on regional security"),
    ("The heads of state endorsed the draft Strategy.", "the draft Strategy"),
    ("Министры рассмотрели ход подготовки к сессии, а также одобрили проект Плана учений.", "проект Плана учений"),
])
def test_documents_by_any_form_of_the_verb(sentence, decision):
    assert find_decisions(sentence) == [decision]


@pytest.mark.parametrize("sentence, decision", [
    ("Среди одобренных документов — Положение о рабочей группе.", "Положение о рабочей группе"),
    ("В числе подписанных соглашений: Протокол об обмене данными.", "Протокол об обмене данными"),
    ("Одобрены следующие документы: План консультаций; Заявление о терроризме.", "План консультаций"),
])
def test_documents_listed_after_a_dash_or_colon(sentence, decision):
    assert decision in find_decisions(sentence)


@pytest.mark.parametrize("sentence, words", [
    ("Руководство тренировкой поручено заместителю начальника штаба.", ["поручено", "заместителю"]),
    ("В ходе совещания согласованы составы оперативных групп.", ["согласованы составы"]),
    ("На встрече подведены итоги первого этапа операции.", ["подведены итоги"]),
    ("Участники рассмотрели проекты документов к сессии Совета.", ["проекты документов"]),
    ("Главы государств решили приостановить участие страны в работе органов.", ["решили"]),
    ("Стороны договорились продолжить консультации.", ["договорились"]),
])
def test_instructions_and_results(sentence, words):
    found = " ".join(find_decisions(sentence))
    assert all(w in found for w in words), found


@pytest.mark.parametrize("sentence, words", [
    ("Генеральным секретарём Организации назначен Пётр Иванов.", ["назначен", "Пётр Иванов"]),
    ("Сергей Петров назначен на должность заместителя Генерального секретаря.", ["Сергей Петров назначен"]),
    ("Полномочия начальника Объединённого штаба продлены на два года.", ["продлены на два года"]),
    ("Главы государств продлили полномочия Генерального секретаря ещё на три года.", ["продлили полномочия"]),
    ("Ivan Petrov was appointed Secretary General of the CSTO.", ["appointed Secretary General"]),
])
def test_appointments_and_terms(sentence, words):
    found = " ".join(find_decisions(sentence))
    assert all(w in found for w in words), found


@pytest.mark.parametrize("sentence, words", [
    ("Председательство в Организации в 2032 году переходит к Республике Армения.", ["переходит к Республике Армения"]),
    ("С 1 января председательство в ОДКБ перешло от Беларуси к Казахстану.", ["перешло от Беларуси к Казахстану"]),
    ("Таджикистан принимает председательство в Организации.", ["принимает председательство"]),
    ("The chairmanship passed from Kyrgyzstan to Russia.", ["chairmanship passed"]),
])
def test_the_chairmanship_passing(sentence, words):
    found = " ".join(find_decisions(sentence))
    assert all(w in found for w in words), found


@pytest.mark.parametrize("sentence, words", [
    ("Следующее заседание Совета решено провести в мае 2032 года в Минске.", ["Следующее заседание", "в Минске"]),
    ("Очередная встреча секретарей состоится осенью в Ереване.", ["Очередная встреча", "в Ереване"]),
    ("Участники договорились провести следующую сессию в Душанбе.", ["следующую сессию", "в Душанбе"]),
    ("The next meeting will be held in Bishkek in October.", ["next meeting", "Bishkek"]),
])
def test_the_next_meeting(sentence, words):
    found = " ".join(find_decisions(sentence))
    assert all(w in found for w in words), found


@pytest.mark.parametrize("sentence", [
    "В заседании приняли участие министры обороны.",
    "Республика Узбекистан соглашение не подписала.",
    "Документы будут подписаны позже.",
    "Обсуждались угрозы, которые главы государств ранее поручили проработать.",
    "«Мы приняли это решение единогласно», – сказал председатель.",
    "Что решили министры",
    "Как ОДКБ решила обзавестись силами быстрого реагирования",
    "Министры утвердили ряд документов.",
    "Внеочередная сессия пройдёт 15 мая в Москве.",
    "The agreement was not signed.",
])
def test_what_is_not_a_decision(sentence):
    assert find_decisions(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("«Утверждён план мероприятий на год», – отметил генсек.", "план мероприятий на год"),
    ("Одобрено Заявление о ситуации в регионе, сообщил пресс-секретарь.", "Заявление о ситуации в регионе"),
])
def test_a_decision_stops_before_its_attribution(sentence, expected):
    assert find_decisions(sentence.replace("«", "").replace("»", "")) == [expected]


@pytest.mark.parametrize("sentence, topic", [
    ("Стороны обсудили ситуацию на таджикско-афганской границе.", "ситуацию на таджикско-афганской границе"),
    ("Речь шла о противодействии наркотрафику.", "противодействии наркотрафику"),
    ("В центре внимания была миграционная обстановка в регионе.", "миграционная обстановка в регионе"),
    ("The ministers discussed cooperation in cyber security.", "cooperation in cyber security"),
])
def test_topics_in_several_phrasings(sentence, topic):
    assert find_topics(sentence) == [topic]


@pytest.mark.parametrize("sentence, topics", [
    ("Министры обсудили миграцию.", ["миграцию"]),  # eight letters: a topic
    ("Министры обсудили бюджет.", []),  # too short to say what was discussed
    ("Стороны обсудили вопросы безопасности в регионе.", ["вопросы безопасности в регионе"]),
])
def test_topic_length_floor(sentence, topics):
    from storage.ingest.extract.decisions import find_topics

    assert find_topics(sentence) == topics


@pytest.mark.parametrize("sentence, decision", [
    # the outcome named by a copula, not by a verb of deciding
    ("Главным документом встречи стала Декларация Минской сессии СКБ.", "Декларация Минской сессии СКБ"),
    ("Итогом сессии стало подписание соглашения о миротворческой деятельности.",
     "Подписание соглашения о миротворческой деятельности"),
    ("Основным итогом заседания стало утверждение плана консультаций на 2032 год.",
     "Утверждение плана консультаций на 2032 год"),
    ("The main document of the summit was the Astana Declaration.", "The Astana Declaration"),
    ("The key outcome of the meeting was a joint statement on Afghanistan.", "A joint statement on Afghanistan"),
])
def test_an_outcome_named_by_a_copula_is_a_decision(sentence, decision):
    assert decision in find_decisions(sentence)


@pytest.mark.parametrize("sentence", [
    "Итогом встречи стало взаимопонимание сторон.", "The main result was mutual understanding.",
])
def test_an_outcome_that_names_no_document_is_no_decision(sentence):
    assert find_decisions(sentence) == []

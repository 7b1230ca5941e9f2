"""Predicate tense from morphology (any Russian verb form) and a small English tense model."""
import pytest

from storage.ingest.extract.predicates import sentence_tense


@pytest.mark.parametrize("sentence", [
    "Совещание руководителей штабов было проведено в Гродно.",
    "По итогам прошедшей в Казани встречи подписан протокол.",
    "Участники состоявшегося накануне форума обменялись мнениями.",
    "Курсы подготовки миротворцев завершились вручением сертификатов.",
    "Работу начала группа экспертов по информационной безопасности.",
    "Министры утвердили план консультаций.",
    "Пресс-служба сообщила о заседании рабочей группы.",
    "Учение, открывшееся в воскресенье, шло на трёх полигонах.",
    "The working group convened in Yerevan.",
    "Defence chiefs met behind closed doors.",
    "The drills began at dawn and ended by noon.",
    "Experts concluded the consultations.",
])
def test_past(sentence):
    tense = sentence_tense(sentence)
    assert tense.past and not tense.future


@pytest.mark.parametrize("sentence", [
    "Совещание пройдёт в Оше.",
    "Консультации состоятся во второй половине дня.",
    "Министры соберутся в столице Таджикистана.",
    "Форум будет проходить два дня.",
    "Заседание запланировано на осень.",
    "Встреча намечена на конец месяца.",
    "Председательствовать на совещании будет генерал армии.",
    "The ministers will meet in Astana.",
    "The forum is scheduled for next week.",
    "The exercise is to be held near Osh.",
    "Delegations are expected to sign a protocol.",
])
def test_future(sentence):
    assert sentence_tense(sentence).future


@pytest.mark.parametrize("sentence", [
    "В Бишкеке проходит совещание секретарей.",
    "На полигоне идут командно-штабные учения.",
    "Участники обсуждают проект стратегии.",
    "The council is holding its session in Minsk.",
    "A meeting of the council is taking place today.",
])
def test_present(sentence):
    tense = sentence_tense(sentence)
    assert tense.present and not tense.future


@pytest.mark.parametrize("sentence", [
    "Министр обороны Республики Армения.",
    "Совет министров иностранных дел ОДКБ",
    "CSTO drills in the mountains",
    "Joint staff of the United Nations",
])
def test_no_predicate(sentence):
    assert not sentence_tense(sentence).any


@pytest.mark.parametrize("sentence", [
    "Итоги прошедшей сессии подведены в докладе.",  # "прошедший" is listed as an adjective
    "Участники состоявшегося форума.",
    "Делегация, прибывшая в Минск.",
    "Итоги завершившегося учения.",
])
def test_participles_qualify_a_noun_they_are_no_predicate(sentence):
    tense = sentence_tense(sentence)
    assert tense.attributive


@pytest.mark.parametrize("sentence", ["Новая программа сотрудничества.", "Коллективные силы быстрого развёртывания."])
def test_plain_adjectives_are_no_participles(sentence):
    assert not sentence_tense(sentence).attributive and not sentence_tense(sentence).any

"""Follow-up questions: «а где?», "and who chaired?" right after an answer are asked of the event just shown;
a question that names an event of its own is not a follow-up."""
import datetime as dt

import pytest

from storage.search.answer import QA
from storage.search.records import DecisionRecord, EventRecord, PersonRecord, SourceRecord

SHOWN = EventRecord(id=7, date_start=dt.date(2031, 5, 4), date_end=dt.date(2031, 5, 4),
                    title="Заседание Совета министров иностранных дел ОДКБ", body="Совет министров иностранных дел ОДКБ",
                    body_short="СМИД", kind="заседание", place="Минск", format="очно",
                    chair_person="Максим Рыженков", chair_role="Министр иностранных дел Беларуси",
                    participants=(PersonRecord("Максим Рыженков", "Министр иностранных дел Беларуси"),),
                    decisions=(DecisionRecord("заявление о ситуации в Афганистане", "принято"),),
                    sources=(SourceRecord("feed://a/1", "СМИД в Минске", "Министры приняли заявление."),))
OTHER = EventRecord(id=8, date_start=dt.date(2031, 9, 1), date_end=dt.date(2031, 9, 1), title="Учение в Ереване",
                    kind="учения", place="Ереван")


@pytest.fixture(scope="module")
def qa() -> QA:
    return QA.from_records([SHOWN, OTHER])


@pytest.mark.parametrize("question, said", [
    ("а где?", "Минск"), ("Где это было?", "Минск"), ("and where?", "Минск"),
    ("кто председательствовал?", "Рыженков"), ("а кто вёл?", "Рыженков"), ("and who chaired?", "Рыженков"),
    ("что решили?", "Афганистан"), ("what was decided?", "Афганистан"),
    ("когда?", "4 мая 2031"), ("when was it?", "May 4, 2031"), ("в каком формате?", "очно"),
])
def test_a_follow_up_is_asked_of_the_event_just_shown(qa, question, said):
    a = qa.follow_up(question, SHOWN.id)
    assert a is not None and a.confident and a.hits[0].event_id == SHOWN.id and said in a.text, a
    # the reply names the event it took
    assert "Совета министров иностранных дел" in a.text or "СМИД" in a.text or "May 4, 2031" in a.text


@pytest.mark.parametrize("question", [
    "а в Ереване?", "а в сентябре 2031?", "а на СМО?", "а учение «Взаимодействие-2031»?",
    "а что сказал Сергей Лавров?", "what about Yerevan?", "кто председательствовал на саммите НАТО в Вильнюсе?",
])
def test_a_question_that_names_its_own_event_is_not_a_follow_up(qa, question):
    assert qa.follow_up(question, SHOWN.id) is None


def test_a_gone_event_takes_no_follow_up(qa):
    assert qa.follow_up("а где?", 12345) is None

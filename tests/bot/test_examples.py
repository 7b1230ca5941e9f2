import datetime as dt

from bot.handlers.start import example_question, example_questions
from storage.search.records import DecisionRecord, EventRecord


def rec(id, day, **kw):
    return EventRecord(id=id, date_start=day, date_end=kw.pop("end", day), title=f"t{id}", **kw)


def test_questions_come_from_the_records_and_differ_in_kind():
    records = [
        rec(1, dt.date(2021, 3, 2), body_short="СМИД", chair_person="А. Б.", place="Душанбе"),
        rec(2, dt.date(2022, 7, 5), kind="консультации", decisions=(DecisionRecord("утверждён план"),)),
        rec(3, dt.date(2023, 9, 1), end=dt.date(2023, 9, 20), kind="учения", place="Минск"),
        rec(4, dt.date(2024, 1, 1)),  # nothing to ask about
    ]
    assert example_questions(records, "ru") == [
        ("Кто председательствовал на СМИД в марте 2021 года?", 1, "chair"),
        ("Что решили на консультациях 5 июля 2022 года?", 2, "decisions"),
        ("Где проходили учения с 1 по 20 сентября 2023 года?", 3, "place"),
    ]
    assert example_questions(records, "en") == [("Who chaired the СМИД meeting in March 2021?", 1, "chair")]


def test_no_question_without_a_name_or_kind():
    assert example_question(rec(9, dt.date(2020, 1, 1)), "chair", "ru") is None
    assert example_questions([], "ru") == []


def test_a_body_that_is_not_an_acronym_is_asked_about_by_kind():
    record = rec(5, dt.date(2024, 3, 14), body_short="Секретариат", kind="консультации",
                 decisions=(DecisionRecord("одобрен план"),))
    assert example_question(record, "decisions", "ru") == "Что решили на консультациях 14 марта 2024 года?"

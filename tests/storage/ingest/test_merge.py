"""Sameness of a candidate and a stored event (pure)."""
import datetime as dt

import pytest

from storage.ingest.merge import EventView, candidate_keys, find_same_event, is_duplicate_text, sameness
from storage.ingest.records import EventCandidate, Item, Person

D = dt.date(2023, 11, 22)


def cand(**kw) -> EventCandidate:
    base = dict(item=Item(0, None, "text"), language="ru", date_start=D, date_end=D, title="Заседание",
                is_announcement=False)
    base.update(kw)
    return EventCandidate(**base)


def view(c: EventCandidate, id_: int = 1, announcement: bool = False) -> EventView:
    return EventView(id_, c.date_start, c.date_end, announcement, c.body_short, c.kind, c.place, candidate_keys(c))


def test_same_body_same_day_merges_across_languages():
    ru = cand(body_short="СКБ", kind="сессия", place="Минск", title="Сессия Совета коллективной безопасности в Минске",
              participants=(Person("Александр Лукашенко"),))
    en = cand(language="en", body_short="СКБ", kind="саммит", place="Минск", title="CSTO summit in Minsk",
              participants=(Person("Alexander Lukashenko"),))
    assert sameness(view(ru), en) >= 70
    assert find_same_event([view(ru)], en).id == 1


def test_different_bodies_same_day_never_merge():
    smid = cand(body_short="СМИД", kind="заседание")
    smo = cand(body_short="СМО", kind="заседание")
    assert sameness(view(smid), smo) == 0.0


def test_different_places_never_merge():
    assert sameness(view(cand(place="Минск", body_short="СМИД")), cand(place="Москва", body_short="СМИД")) == 0.0


def test_announcement_one_day_off_still_meets_report():
    ann = cand(body_short="КССБ", date_start=D, date_end=D, is_announcement=True)
    report = cand(body_short="КССБ", date_start=D + dt.timedelta(days=1), date_end=D + dt.timedelta(days=1))
    assert sameness(view(ann, announcement=True), report) >= 70
    assert sameness(view(cand(body_short="КССБ")), report) == 0.0


def test_unknown_body_needs_similar_content():
    courses = cand(kind="курсы", title="Курсы повышения квалификации специалистов по чрезвычайным ситуациям")
    consult = cand(kind="консультации", title="Консультации по вопросам биологической безопасности")
    rewrite = cand(kind="курсы", title="Курсы повышения квалификации для специалистов чрезвычайных ситуаций прошли")
    assert sameness(view(courses), consult) == 0.0  # two specific kinds clash
    assert sameness(view(courses), rewrite) >= 60


def test_duplicate_texts():
    assert is_duplicate_text("План консультаций на 2024 год", "план консультаций на 2024 год.")
    assert not is_duplicate_text("План консультаций на 2024 год", "Заявление о солидарности")


def test_a_session_and_an_exercise_of_one_body_on_one_day_are_two_events():
    # the CSTO's council meets while its forces train: same body, same day, same city, different things
    session = cand(body_short="СМО", kind="заседание", place="Минск", title="Заседание Совета министров обороны")
    drills = cand(body_short="СМО", kind="учения", place="Минск", title="Учения под руководством Совета министров обороны")
    assert sameness(view(session), drills) == 0.0
    assert sameness(view(drills), session) == 0.0


def test_meetings_named_differently_are_one_kind_but_specific_kinds_are_not():
    from storage.ingest.merge import _kinds_clash

    for a, b in [("заседание", "сессия"), ("саммит", "заседание"), ("встреча", "переговоры"), ("учения", None),
                 ("консультации", "совещание"), ("визит", "встреча")]:
        assert not _kinds_clash(a, b), (a, b)
    for a, b in [("учения", "заседание"), ("курсы", "консультации"), ("учения", "курсы"), ("операция", "сессия")]:
        assert _kinds_clash(a, b), (a, b)


def test_sameness_stays_on_its_0_to_100_scale_and_empty_keys_are_unlike():
    from storage.ingest.merge import similarity

    full = cand(body_short="СМИД", kind="заседание", place="Минск", title="Заседание СМИД в Минске")
    assert 70 <= sameness(view(full), full) <= 100
    assert similarity(frozenset(), frozenset({"минск"})) == similarity(frozenset({"минск"}), frozenset()) == 0.0


@pytest.mark.parametrize("a, b, clash", [
    # two cities of one state are two places; a city and its state, or the city named twice, are one
    ("Минск", "Брест", True), ("Москва", "Сочи", True), ("Алматы", "Астана", True),
    ("Минск", "Республика Беларусь", False), ("Минск", "Минск, Республика Беларусь", False),
    ("Сочи", "Сочи", False),
])
def test_cities_of_one_state_clash(a, b, clash):
    from storage.ingest.merge import places_clash

    assert places_clash(a, b) is clash

import dataclasses

import pytest

from bot.keyboards import EventCb, ExampleCb, LatestCb, details_keyboard, latest_keyboard
from bot.texts import EN, RU, Texts, language_of, plural_ru


def test_callback_data_fits_64_bytes_at_the_extremes():
    # the extremes are the bounds the factories accept (#14: forged data must not reach the database)
    big = 2**53
    for data in (EventCb(id=big, full=False), LatestCb(offset=1_000_000, size=20), ExampleCb(id=big, kind="decisions")):
        packed = data.pack()
        assert len(packed.encode()) <= 64, packed
        assert type(data).unpack(packed) == data


@pytest.mark.parametrize("packed, factory", [
    ("ev:9007199254740993:1", EventCb), ("ev:0:1", EventCb), ("lt:1000001:5", LatestCb), ("lt:0:21", LatestCb),
    ("lt:-1:5", LatestCb), ("ex:5:drop", ExampleCb),
])
def test_out_of_range_callback_data_does_not_unpack(packed, factory):
    with pytest.raises(ValueError):
        factory.unpack(packed)


def test_keyboards():
    markup = latest_keyboard([3, 9], RU, next_offset=5, size=5)
    assert [[b.text for b in row] for row in markup.inline_keyboard] == [["1. Подробнее"], ["2. Подробнее"], ["Ещё"]]
    assert markup.inline_keyboard[2][0].callback_data == "lt:5:5"
    assert details_keyboard([], RU) is None
    assert details_keyboard([4], EN).inline_keyboard[0][0].text == "Details"


def test_both_languages_fill_the_same_texts():
    for field in dataclasses.fields(Texts):
        ru, en = getattr(RU, field.name), getattr(EN, field.name)
        assert type(ru) is type(en), field.name
        if isinstance(ru, str):
            assert ru and en, field.name
            assert sorted(_fields(ru)) == sorted(_fields(en)), field.name
        if isinstance(ru, dict):
            assert ru.keys() == en.keys()


def _fields(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def test_language_choice_and_plurals():
    assert (language_of("en-GB"), language_of("ru"), language_of(None), language_of("de")) == ("en", "ru", "ru", "en")  # #10: codes outside the CSTO states get English
    assert [plural_ru(n, "событие", "события", "событий") for n in (1, 2, 5, 11, 21, 22, 112)] == [
        "событие", "события", "событий", "событий", "событие", "события", "событий"]


import pytest  # noqa: E402


@pytest.mark.parametrize("code, language", [
    ("ru", "ru"), ("be", "ru"), ("kk", "ru"), ("ky", "ru"), ("hy", "ru"), ("tg", "ru"), ("uz", "ru"), ("uk", "ru"),
    ("ru-RU", "ru"), (None, "ru"), ("", "ru"),
    ("en", "en"), ("en-GB", "en"), ("de", "en"), ("fr", "en"), ("zh-hans", "en"), ("tr", "en"),
])
def test_csto_states_languages_read_russian_and_every_other_english(code, language):
    from bot.texts import language_of

    assert language_of(code) == language

"""Every command through the real dispatcher, long polling and the emulator, over seeded records."""
import datetime as dt

import pytest

from bot.botapi import EmulatedUser
from bot.keyboards import EventCb
from storage.search.records import record_from_event
from storage.repositories import EventRepository

EN = EmulatedUser(777, "John", "en")


async def stored(h):
    async with h.runtime.sessions() as session:
        return [record_from_event(e) for e in await EventRepository(session).all()]


async def test_start_says_what_the_bot_knows(harness):
    records = await stored(harness)
    [msg] = await harness.send("/start")
    count = len(records)
    assert f"В записях {count} " in msg.plain
    assert "/latest" in msg.plain and "/event" in msg.plain
    # example questions are buttons built from the records, each one answerable
    assert 1 <= len(msg.buttons()) <= 3
    replies = await harness.press(msg, 0)
    assert replies[0].plain.startswith("❓ ")
    assert harness.emulator.sent_to(501)[-1].plain != ""


async def test_start_in_english_and_commands_menu(harness):
    [msg] = await harness.send("/help", EN)
    assert "What I can do" in msg.plain
    commands = harness.emulator.commands
    assert {c["command"] for c in commands[('{"type": "default"}', None)]} >= {"latest", "event", "search", "help"}
    assert commands[('{"type": "default"}', "en")][0]["description"] == "Latest events"


async def test_latest_pages_back_with_more(harness):
    records = sorted(await stored(harness), key=lambda r: (r.date_start, r.id), reverse=True)
    [page1] = await harness.send("/latest 1")
    assert page1.plain.startswith("Последние события\n\n1. ")
    assert [b["text"] for b in page1.buttons()] == ["1. Подробнее", "Ещё"]
    assert page1.buttons()[0]["callback_data"] == EventCb(id=records[0].id).pack()
    [page2] = await harness.press(page1, "Ещё")
    assert "\n\n2. " in page2.plain
    assert page2.buttons()[0]["callback_data"] == EventCb(id=records[1].id).pack()
    # the old page lost its «Ещё» but kept «Подробнее»
    assert [b["text"] for b in harness.emulator.sent_to(501)[0].buttons()] == ["1. Подробнее"]


async def test_latest_arguments(harness):
    [bad] = await harness.send("/latest много")
    assert bad.plain == "Укажите число от 1 до 20, например: /latest 10"
    [msg] = await harness.send("/latest 500")
    assert len([b for b in msg.buttons() if b["text"].endswith("Подробнее")]) == len(await stored(harness))


async def test_details_show_the_full_record(harness):
    records = await stored(harness)
    chaired = next(r for r in records if r.chair_person)
    [msg] = await harness.send(f"/event {chaired.date_start.isoformat()}")
    details = await harness.press(msg, 0)
    full = "\n".join(m.plain for m in details)
    assert chaired.chair_person in full
    assert "Источники" in full


async def test_event_formats_and_ranges(harness):
    records = await stored(harness)
    multi = next((r for r in records if r.date_end > r.date_start), records[0])
    inside = multi.date_start + (multi.date_end - multi.date_start) // 2
    for arg in (inside.isoformat(), inside.strftime("%d.%m.%Y"), inside.strftime("%d/%m/%Y"),
                f"{inside.year}-{inside.month:02d}", str(inside.year),
                f"{multi.date_start.isoformat()}..{multi.date_end.isoformat()}"):
        [msg] = await harness.send(f"/event {arg}")
        assert msg.plain.startswith(f"События: {arg}"), (arg, msg.plain)
        assert any(b["callback_data"] == EventCb(id=multi.id).pack() for b in msg.buttons()), arg


async def test_event_empty_date_offers_nearest(harness):
    records = sorted(await stored(harness), key=lambda r: r.date_start)
    gap = records[0].date_start - dt.timedelta(days=400)
    [msg] = await harness.send(f"/event {gap.isoformat()}")
    assert msg.plain.startswith(f"На {gap.isoformat()} событий в записях нет.")
    [after] = msg.buttons()
    assert after["text"].endswith("→")
    [card] = await harness.press(msg, 0)
    assert card.buttons()[0]["text"] == "Подробнее"


async def test_event_bad_and_missing_argument(harness):
    [bad] = await harness.send("/event вчера-позавчера")
    assert "2020-05-26" in bad.plain  # the formats that work
    [ask] = await harness.send("/event")
    assert ask.plain.startswith("Укажите дату")
    records = await stored(harness)
    [answer] = await harness.send(records[0].date_start.strftime("%d.%m.%Y"))
    assert answer.plain.startswith("События: ")
    # a command while waiting for a date is a command, and the wait is over
    await harness.send("/event")
    [latest] = await harness.send("/latest 1")
    assert latest.plain.startswith("Последние события")
    [question] = await harness.send("какая погода завтра")
    assert not question.plain.startswith("События")


async def test_search_command(harness):
    [empty] = await harness.send("/search")
    assert empty.plain.startswith("Напишите, что найти")
    [answer] = await harness.send("/search какая погода в Париже")
    assert answer.plain.startswith("В записях нет ответа на этот вопрос.")


async def test_inline_mode(harness):
    latest = await harness.inline("")
    records = await stored(harness)
    assert len(latest) == min(10, len(records))
    chaired = next(r for r in records if r.body_short)
    found = await harness.inline(chaired.body_short)
    assert str(chaired.id) in [r["id"] for r in found]
    assert all(r["input_message_content"]["parse_mode"] == "HTML" for r in found)


async def test_messages_are_valid_html_with_previews_off(harness):
    await harness.send("/latest 20")
    for msg in harness.emulator.sent_to(501):
        assert msg.parse_mode == "HTML"
        assert msg.link_preview_options == {"is_disabled": True}
    assert not [r for r in harness.emulator.requests() if r.status != 200]


async def test_unknown_command_is_not_a_crash(harness):
    [msg] = await harness.send("/nosuchcommand")
    assert msg.plain == "Такой команды нет. Список команд: /help"


async def test_unexpected_error_is_one_line_and_polling_goes_on(harness, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(harness.runtime.qa, "answer", broken)
    [msg] = await harness.send("кто председательствовал")
    assert msg.plain == "Что-то пошло не так. Попробуйте ещё раз чуть позже."
    assert "index exploded" in caplog.text
    [latest] = await harness.send("/latest 1")
    assert latest.plain.startswith("Последние события")


@pytest.mark.parametrize("data", [
    "lt:99999999999999999999:5", "lt:0:99999", "lt:-1:5", "ev:99999999999999999999999:1", "ev:abc:1", "ev:0:1",
    "us:18446744073709551617", "ex:1:drop table", "zz:1", "", "ev", "lt:1",
])
async def test_every_forged_or_stale_button_press_is_answered_without_an_error(harness, data):
    [card] = await harness.send("/latest 1")
    update = harness.emulator.press_button(card.chat_id, card.message_id, data, harness.user)
    await harness.emulator.wait_handled(update, timeout=15)
    answer = harness.emulator.callback_answers.get(update["callback_query"]["id"])
    assert answer is not None, "the button would spin forever"
    assert "ошибка" not in (answer.get("text") or "").lower()

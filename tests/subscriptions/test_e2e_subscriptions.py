"""Subscriptions, document upload, notifications and /stats through the real dispatcher and the emulator."""
from __future__ import annotations

import pytest

from bot.botapi import EmulatedUser
from tests.e2e.conftest import start_harness

DOC = """Заседание СМИД ОДКБ в Минске

15 мая 2025 года в Минске состоялось заседание Совета министров иностранных дел Организации Договора \
о коллективной безопасности. Председательствовал Министр иностранных дел Республики Беларусь \
Максим Рыженков. Министры обсудили подготовку к сессии Совета коллективной безопасности.
"""
ADMIN = EmulatedUser(501, "Анна", "ru")
OTHER = EmulatedUser(502, "Олег", "ru")
ENGLISH = EmulatedUser(503, "John", "en")
GROUP = -1001


@pytest.fixture
async def h(db_url, tmp_path):
    harness, stop = await start_harness(db_url, admin_ids=[ADMIN.id])
    yield harness
    await stop()


async def _upload(h, user, name, content: bytes):
    before = len(h.emulator.sent_to(user.id))
    update = h.emulator.send_user_document(user.id, name, content, user)
    await h.emulator.wait_handled(update, timeout=30)
    # the admin may also be a subscriber: the notification can arrive before the report
    return [m.plain for m in h.emulator.sent_to(user.id)[before:] if not m.plain.startswith("Новое событие")]


async def test_subscribe_upload_notify_stats(h):
    [reply] = await h.send("/subscribe Минске", ADMIN)
    assert reply.plain.startswith("Готово: буду присылать новые события, в которых встречается «Минске»")
    assert reply.plain.endswith("Из уже известных событий ни одно не подходит; пришлю, когда появится.")
    [reply] = await h.send("/subscribe минск", ADMIN)
    assert reply.plain == "Такая подписка уже есть: «Минске»."
    await h.send("/subscribe Ереван", OTHER)
    [reply] = await h.send("/subscribe", ENGLISH)
    assert reply.plain == "Done: I will send every new CSTO event."

    # a group: only its administrators may subscribe it
    h.emulator.config.admins = {GROUP: {ADMIN.id}}
    [reply] = await h.send("/subscribe СМИД", OTHER, chat_id=GROUP)
    assert reply.plain == "Подписками этого чата управляют только его администраторы."
    [reply] = await h.send("/subscribe СМИД", ADMIN, chat_id=GROUP)
    assert reply.plain.startswith("Готово")

    assert await _upload(h, OTHER, "minsk.txt", DOC.encode()) == [
        "Загружать документы могут только администраторы бота."]
    assert await _upload(h, ADMIN, "minsk.pdf", b"%PDF-1.4") == [
        "Принимаю только файлы .htm, .html, .md, .txt."]
    assert await _upload(h, ADMIN, "minsk.txt", b"\x00\x01\x02binary\x00") == [
        "minsk.txt: не загружен — двоичный файл (нулевые байты), а не текст."]
    assert await _upload(h, ADMIN, "minsk.txt", DOC.encode()) == [
        "minsk.txt: материалов 1, событий новых 1, объединено 0."]

    for chat in (ADMIN.id, ENGLISH.id, GROUP):
        await h.emulator.wait_for(lambda c=chat: [m for m in h.emulator.sent_to(c) if "15.05.2025" in m.plain],
                                  timeout=10)
    card = next(m for m in h.emulator.sent_to(ADMIN.id) if "15.05.2025" in m.plain)
    assert card.plain.splitlines()[:4] == ["Новое событие ОДКБ", "📅 15.05.2025",
                                           "🏛 Совет министров иностранных дел ОДКБ", "📍 Минск"]
    assert [b["text"] for b in card.buttons()] == ["Подробнее"]
    english = next(m for m in h.emulator.sent_to(ENGLISH.id) if "15.05.2025" in m.plain)
    assert english.plain.startswith("New CSTO event") and english.buttons()[0]["text"] == "Details"
    assert not [m for m in h.emulator.sent_to(OTHER.id) if "15.05.2025" in m.plain]

    # the same document again: known, no second notification
    assert await _upload(h, ADMIN, "minsk.txt", DOC.encode()) == [
        "minsk.txt: уже загружен раньше, ничего не изменилось."]

    [stats] = await h.send("/stats", ADMIN)
    lines = stats.plain.splitlines()
    assert lines[2] == "Подписчики: активных 4, отключено 0; подписок 4"
    assert lines[3] == "Уведомления: в очереди 0, отправлено 3, не доставлено 0"
    [refused] = await h.send("/stats", OTHER)
    assert refused.plain == "Статистика доступна только администраторам бота."

    # the example of a past event now appears when subscribing
    [reply] = await h.send("/subscribe Рыженков", OTHER)
    assert reply.plain.endswith("Например, под неё подошло бы: 15.05.2025 — Заседание СМИД ОДКБ в Минске")


async def test_list_remove_and_unsubscribe(h):
    for topic in ("СМИД", "учения", ""):
        await h.send(f"/subscribe {topic}".strip(), ADMIN)
    [listing] = await h.send("/subscriptions", ADMIN)
    assert listing.plain == "Подписки этого чата:\n• СМИД\n• учения\n• все события"
    assert [b["text"] for b in listing.buttons()] == ["✖ СМИД", "✖ учения", "✖ все события"]
    await h.press(listing, "✖ учения", ADMIN)
    assert listing.plain == "Подписки этого чата:\n• СМИД\n• все события"
    [reply] = await h.send("/unsubscribe смид", ADMIN)
    assert reply.plain == "Подписка «смид» удалена."
    [reply] = await h.send("/unsubscribe Ереван", ADMIN)
    assert reply.plain == "Подписки «Ереван» нет. Список: /subscriptions"
    [reply] = await h.send("/unsubscribe", ADMIN)
    assert reply.plain == "Все подписки удалены (1)."
    [reply] = await h.send("/subscribe " + "очень длинная тема " * 30, ADMIN)
    assert reply.plain == "Слишком длинная тема: не больше 100 символов. Например: /subscribe СМИД"


CHANNEL = -1002


async def _press(h, message, label, user):
    button = next(b for b in message.buttons() if b["text"].startswith(label))
    update = h.emulator.press_button(message.chat_id, message.message_id, button["callback_data"], user)
    await h.emulator.wait_handled(update, timeout=15)
    return h.emulator.callback_answers[update["callback_query"]["id"]]


@pytest.mark.parametrize("chat_id, chat_type", [(CHANNEL, "channel"), (GROUP, "supergroup")])
async def test_only_administrators_remove_a_shared_chats_subscriptions(h, chat_id, chat_type):
    h.emulator.config.admins = {chat_id: {ADMIN.id}}
    if chat_type == "channel":
        update = h.emulator.send_channel_post(chat_id, "/subscribe СМИД")
        await h.emulator.wait_handled(update, timeout=15)
        update = h.emulator.send_channel_post(chat_id, "/subscriptions")
        await h.emulator.wait_handled(update, timeout=15)
    else:
        await h.send("/subscribe СМИД", ADMIN, chat_id=chat_id)
        await h.send("/subscriptions", ADMIN, chat_id=chat_id)
    listing = next(m for m in reversed(h.emulator.sent_to(chat_id)) if m.buttons())
    refused = await _press(h, listing, "✖ СМИД", OTHER)
    assert refused.get("show_alert") and "администратор" in refused.get("text", "").lower()
    async with h.runtime.sessions() as session:
        from storage.subscriptions import list_subscriptions
        assert [v.topic for v in await list_subscriptions(session, chat_id)] == ["СМИД"]
    await _press(h, listing, "✖ СМИД", ADMIN)
    async with h.runtime.sessions() as session:
        assert await list_subscriptions(session, chat_id) == []


@pytest.mark.parametrize("declare", [True, False])
async def test_an_upload_over_the_limit_is_refused_with_its_real_size_declared_or_not(h, declare):
    content = DOC.encode() + b" " * (9 * 2**20)
    before = len(h.emulator.sent_to(ADMIN.id))
    update = h.emulator.send_user_document(ADMIN.id, "big.txt", content, ADMIN, declare_size=declare)
    await h.emulator.wait_handled(update, timeout=30)
    [reply] = [m.plain for m in h.emulator.sent_to(ADMIN.id)[before:]]
    assert "9.0 МБ" in reply and "5 МБ" in reply
    async with h.runtime.sessions() as session:
        from sqlalchemy import func, select

        from storage.models import Event
        assert await session.scalar(select(func.count()).select_from(Event).where(Event.title.like("%СМИД%"))) == 0

"""The lean sender against the emulator: accepted messages, 403 and 429 as aiogram's exceptions."""
from __future__ import annotations

import pytest
from aiogram.exceptions import TelegramForbiddenError, TelegramNetworkError, TelegramRetryAfter

from bot.botapi import BotAPIEmulator
from bot.botapi.state import EmulatorConfig
from bot.delivery.http_sender import BotApiSender, SendUncertain
from bot.delivery.outcomes import Deactivate, PauseAll, Retry, classify


@pytest.fixture
async def api():
    emulator = BotAPIEmulator(EmulatorConfig(any_chat=True, blocked_chats={666}, per_chat_rate=1))
    await emulator.start()
    yield emulator
    await emulator.stop()


async def test_send_and_errors(api):
    sender = BotApiSender(api.base_url, "1:abc")
    try:
        message_id = await sender.send(42, "<b>Новое</b> событие", 7, "ru")
        [sent] = api.sent_to(42)
        assert (sent.message_id, sent.plain, [b["text"] for b in sent.buttons()]) == (message_id, "Новое событие", ["Подробнее"])
        with pytest.raises(TelegramForbiddenError) as blocked:
            await sender.send(666, "x", 7, "ru")
        assert isinstance(classify(blocked.value), Deactivate)
        with pytest.raises(TelegramRetryAfter) as throttled:
            await sender.send(42, "again at once", 7, "ru")  # 1 message/s per chat
        outcome = classify(throttled.value)
        assert isinstance(outcome, PauseAll) and outcome.seconds >= 1
    finally:
        await sender.close()


async def test_unreachable_server_is_a_network_error():
    sender = BotApiSender("http://127.0.0.1:9", "1:abc", timeout=2)
    try:
        with pytest.raises(TelegramNetworkError) as error:
            await sender.send(1, "x", 1, "ru")
        assert isinstance(classify(error.value), Retry)
    finally:
        await sender.close()


async def test_a_slow_reply_within_the_timeout_is_waited_for_not_resent(api):
    api.inject_fault("sendMessage", "timeout", delay=1.0)
    sender = BotApiSender(api.base_url, "1:abc", timeout=3)
    try:
        message_id = await sender.send(42, "медленно", 7, "ru")
    finally:
        await sender.close()
    assert [m.message_id for m in api.sent_to(42)] == [message_id]


async def test_no_reply_after_sending_is_uncertain_not_a_plain_network_error(api):
    api.inject_fault("sendMessage", "timeout", delay=1.0)
    sender = BotApiSender(api.base_url, "1:abc", timeout=0.3)
    try:
        with pytest.raises(SendUncertain) as error:
            await sender.send(42, "без ответа", 7, "ru")
    finally:
        await sender.close()
    outcome = classify(error.value)
    assert isinstance(outcome, Retry) and outcome.uncertain
    # the server did take it: exactly the case a resend can duplicate
    await api.wait_for(lambda: api.sent_to(42), timeout=3)


async def test_a_refused_connection_is_certainly_not_sent():
    sender = BotApiSender("http://127.0.0.1:9", "1:abc")
    try:
        with pytest.raises(TelegramNetworkError) as error:
            await sender.send(1, "x", 1, "ru")
    finally:
        await sender.close()
    assert not isinstance(error.value, SendUncertain)
    assert classify(error.value) == Retry(classify(error.value).reason, uncertain=False)


async def test_the_card_goes_out_as_html_without_link_previews_and_with_a_details_button(api):
    sender = BotApiSender(api.base_url, "1:abc")
    try:
        await sender.send(43, "<i>x</i>", 9, "en")
    finally:
        await sender.close()
    [request] = [r for r in api.requests("sendMessage") if r.params.get("chat_id") == 43]
    assert request.params["parse_mode"] == "HTML"
    assert request.params["link_preview_options"] == {"is_disabled": True}
    from bot.keyboards import EventCb

    [button] = api.sent_to(43)[0].buttons()
    assert (button["text"], EventCb.unpack(button["callback_data"]).id) == ("Details", 9)


@pytest.mark.parametrize("status, answer, kind", [
    (401, {"description": "Unauthorized"}, "TelegramUnauthorizedError"),
    (403, {"description": "Forbidden: bot was blocked by the user"}, "TelegramForbiddenError"),
    (404, {"description": "Not Found"}, "TelegramNotFound"),
    (400, {"description": "Bad Request: message is too long"}, "TelegramBadRequest"),
    (500, {"description": "Internal Server Error"}, "TelegramServerError"),
    (502, {}, "TelegramServerError"),
    (200, {"ok": False, "error_code": 429, "parameters": {"retry_after": 7}}, "TelegramRetryAfter"),
])
def test_each_answer_maps_to_aiogram_s_error(status, answer, kind):
    from bot.delivery.http_sender import _error

    error = _error(status, answer, 1, "x")
    assert type(error).__name__ == kind
    if kind == "TelegramRetryAfter":
        assert error.retry_after == 7
    assert (answer.get("description") or f"HTTP {status}") in str(error)


def test_a_429_without_retry_after_waits_one_second():
    from bot.delivery.http_sender import _error

    assert _error(429, {"description": "Too Many Requests"}, 1, "x").retry_after == 1

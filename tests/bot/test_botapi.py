"""The emulator through a real aiogram Bot: what Telegram accepts and refuses, limits, the record."""
import asyncio

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import TelegramMethod
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle, InputTextMessageContent
from aiohttp import ClientSession

from bot.botapi import BotAPIEmulator, EmulatedUser, EmulatorConfig

TOKEN = "123456:TEST-token"


@pytest.fixture
async def api():
    async with BotAPIEmulator() as emulator:
        yield emulator


@pytest.fixture
async def bot(api):
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)))
    yield bot
    await bot.session.close()


async def test_get_me_and_send(api, bot):
    me = await bot.get_me()
    assert (me.id, me.username) == (123456, "csto_test_bot")
    api.add_chat(42)
    msg = await bot.send_message(42, "<b>Привет</b> &amp; всё", parse_mode="HTML")
    assert (msg.message_id, msg.text) == (1, "Привет & всё")
    [sent] = api.sent_to(42)
    assert (sent.text, sent.plain) == ("<b>Привет</b> &amp; всё", "Привет & всё")
    assert [r.method for r in api.requests()] == ["getMe", "sendMessage"]


async def test_refusals(api, bot):
    api.add_chat(42)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(7, "x")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(42, "я" * 4097)
    await bot.send_message(42, "<b>" + "я" * 4096 + "</b>", parse_mode="HTML")  # tags do not count
    with pytest.raises(TelegramBadRequest, match="can't parse entities: Unsupported start tag \"div\""):
        await bot.send_message(42, "<div>x</div>", parse_mode="HTML")
    markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="x", callback_data="d" * 65)]])
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(42, "x", reply_markup=markup)
    assert len(api.sent_to(42)) == 1


async def test_unknown_method_is_404(api, bot):
    class Nope(TelegramMethod[bool]):
        __returning__ = bool
        __api_method__ = "doesNotExist"

    with pytest.raises(TelegramNotFound, match="method not found"):
        await bot(Nope())
    async with ClientSession() as http:
        async with http.post(f"{api.base_url}/bot{TOKEN}/doesNotExist") as resp:
            assert resp.status == 404
            assert await resp.json() == {"ok": False, "error_code": 404,
                                         "description": "Not Found: method not found"}


async def test_json_and_urlencoded_bodies(api):
    api.add_chat(5)
    async with ClientSession() as http:
        async with http.post(f"{api.base_url}/bot{TOKEN}/sendMessage", json={"chat_id": 5, "text": "a"}) as resp:
            assert (await resp.json())["result"]["text"] == "a"
        async with http.post(f"{api.base_url}/bot{TOKEN}/sendMessage", data={"chat_id": "5", "text": "b"}) as resp:
            assert (await resp.json())["result"]["message_id"] == 2
    assert [m.plain for m in api.sent_to(5)] == ["a", "b"]


async def test_rate_limits_and_blocked_chats(api, bot):
    api.config.per_chat_rate = 1
    api.config.blocked_chats = {9}
    api.add_chat(1)
    api.add_chat(9)
    await bot.send_message(1, "one")
    with pytest.raises(TelegramRetryAfter) as error:
        await bot.send_message(1, "two")
    assert error.value.retry_after == 1
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(9, "x")
    assert (api.too_many_requests, api.forbidden, len(api.sent_to(1))) == (1, 1, 1)


async def test_global_rate(api, bot):
    api.config.global_rate = 3
    api.config.any_chat = True
    for chat in (1, 2, 3):
        await bot.send_message(chat, "x")
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(4, "x")
    assert api.too_many_requests == 1


async def test_injected_server_error(api, bot):
    api.add_chat(1)
    api.inject_fault("sendMessage", status=502, times=1)
    with pytest.raises(TelegramServerError):
        await bot.send_message(1, "x")
    await bot.send_message(1, "y")
    assert [m.plain for m in api.sent_to(1)] == ["y"]


async def test_updates_long_polling(api, bot):
    user = EmulatedUser(77, language_code="en")
    waiter = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    api.send_user_message(77, "/start", user)
    updates = await asyncio.wait_for(waiter, 2)
    assert [(u.update_id, u.message.text, u.message.from_user.language_code) for u in updates] == [(1, "/start", "en")]
    assert await bot.get_updates(offset=2, timeout=0) == []


async def test_buttons_edits_callbacks(api, bot):
    api.add_chat(3)
    markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Ещё", callback_data="more:1")]])
    msg = await bot.send_message(3, "page 1", reply_markup=markup)
    update = api.press_button(3, msg.message_id, "more:1")
    query_id = update["callback_query"]["id"]
    assert await bot.answer_callback_query(query_id) is True
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)
    await bot.edit_message_text("page 2", chat_id=3, message_id=msg.message_id)
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("page 2", chat_id=3, message_id=msg.message_id)
    [sent] = api.sent_to(3)
    assert (sent.plain, sent.edits, sent.reply_markup) == ("page 2", 1, None)


async def test_inline_answers(api, bot):
    update = api.inline_query("смид")
    query_id = update["inline_query"]["id"]
    results = [InlineQueryResultArticle(id=str(i), title=f"t{i}",
                                        input_message_content=InputTextMessageContent(message_text="x"))
               for i in range(51)]
    with pytest.raises(TelegramBadRequest, match="RESULTS_TOO_MUCH"):
        await bot.answer_inline_query(query_id, results)
    assert await bot.answer_inline_query(query_id, results[:10]) is True
    assert len(api.inline_answers[query_id]["results"]) == 10


async def test_files_and_members(api, bot):
    api.config.admins = {-100: {5}}
    update = api.send_user_document(5, "news.txt", "Текст".encode())
    file_id = update["message"]["document"]["file_id"]
    file = await bot.get_file(file_id)
    data = await bot.download_file(file.file_path)
    assert data.read() == "Текст".encode()
    api.send_user_message(-100, "hi", EmulatedUser(6))
    assert (await bot.get_chat_member(-100, 5)).status == "administrator"
    assert (await bot.get_chat_member(-100, 6)).status == "member"
    assert [m.user.id for m in await bot.get_chat_administrators(-100)] == [5]
    assert (await bot.get_chat(-100)).type == "group"


async def test_commands_are_kept_per_language(api, bot):
    from aiogram.types import BotCommand

    await bot.set_my_commands([BotCommand(command="latest", description="Последние")])
    await bot.set_my_commands([BotCommand(command="latest", description="Latest")], language_code="en")
    assert [c.description for c in await bot.get_my_commands()] == ["Последние"]
    assert [c.description for c in await bot.get_my_commands(language_code="en")] == ["Latest"]


async def test_control_endpoint(api):
    async with ClientSession() as http:
        async with http.post(f"{api.base_url}/_emulator/config", json={"any_chat": True, "per_chat_rate": 2}) as r:
            assert r.status == 200
        async with http.post(f"{api.base_url}/_emulator/updates",
                             json={"type": "message", "chat_id": 8, "text": "привет"}) as r:
            assert (await r.json())["message"]["text"] == "привет"
        async with http.post(f"{api.base_url}/bot{TOKEN}/sendMessage", json={"chat_id": 11, "text": "a"}):
            pass
        async with http.get(f"{api.base_url}/_emulator/sent", params={"chat_id": "11"}) as r:
            assert [m["plain"] for m in await r.json()] == ["a"]
        async with http.get(f"{api.base_url}/_emulator/stats") as r:
            assert (await r.json())["sent"] == 1
    assert api.config.per_chat_rate == 2


async def test_standalone_server_process():
    import sys

    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot.botapi", "--port", "0", "--any-chat",
                                                stdout=asyncio.subprocess.PIPE)
    try:
        line = (await asyncio.wait_for(proc.stdout.readline(), 60)).decode()
        assert line.startswith("listening on http://127.0.0.1:")
        url = line.split()[-1]
        async with ClientSession() as http:
            async with http.post(f"{url}/bot{TOKEN}/sendMessage", json={"chat_id": 3, "text": "x"}) as resp:
                assert (await resp.json())["result"]["chat"]["id"] == 3
            async with http.get(f"{url}/_emulator/stats") as resp:
                assert (await resp.json())["sent"] == 1
    finally:
        proc.terminate()
        assert await asyncio.wait_for(proc.wait(), 10) == 0

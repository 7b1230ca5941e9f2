"""A Bot API server on 127.0.0.1 that behaves like Telegram where it matters to the bot.

`BotAPIEmulator` serves `POST|GET /bot{token}/{method}` (JSON, urlencoded, multipart) and
`GET /file/bot{token}/{path}`, injects user updates from Python (`send_user_message`,
`press_button`, `inline_query`, `send_user_document`) or over HTTP (`/_emulator/...`, for
subprocess tests), and records every request and every message per chat. It is the console's
loopback server and the test double of every end-to-end test and bench.
"""
from __future__ import annotations

import asyncio
import base64
import itertools
import json
import logging
import re
import time
from collections import defaultdict
from typing import Any, Awaitable, Callable

from aiohttp import ClientSession, ClientTimeout, web

from bot.botapi.html_entities import EntityParseError, parse_html, utf16_len
from bot.botapi.state import (
    ChatMessage,
    EmulatedUser,
    EmulatorConfig,
    Fault,
    RateLimiter,
    RecordedRequest,
    now_unix,
)

log = logging.getLogger(__name__)

TOKEN_RE = re.compile(r"^\d+:[\w-]+$")
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
# Telegram accepts these as numbers even when they arrive as form strings
_INT_FIELDS = frozenset({
    "chat_id", "message_id", "offset", "limit", "timeout", "user_id", "cache_time",
    "reply_to_message_id", "message_thread_id", "from_chat_id", "max_connections",
})
_SEND_METHODS = frozenset({"sendmessage", "senddocument", "sendphoto", "copymessage", "forwardmessage"})


class ApiError(Exception):
    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


def bad_request(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def _coerce(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in _INT_FIELDS and re.fullmatch(r"-?\d+", value):
        return int(value)
    if value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    if value in ("true", "false"):
        return value == "true"
    return value


class BotAPIEmulator:
    """In-process Bot API server; `async with BotAPIEmulator() as api:` then `api.base_url`."""

    def __init__(self, config: EmulatorConfig | None = None, *, bot_username: str = "csto_test_bot"):
        self.config = config or EmulatorConfig()
        self.bot_username = bot_username
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        self._limiter = RateLimiter(self.config)
        self._update_ids = itertools.count(1)
        self._updates: list[dict[str, Any]] = []
        self._updates_changed = asyncio.Event()
        self._ids = itertools.count(1)  # callback/inline query ids, file ids
        self._message_ids: dict[int, itertools.count] = defaultdict(lambda: itertools.count(1))
        self.chats: dict[int, dict[str, Any]] = {}
        self.messages: dict[int, list[ChatMessage]] = defaultdict(list)
        self._by_id: dict[tuple[int, int], ChatMessage] = {}
        self._requests: list[RecordedRequest] = []
        self.too_many_requests = 0  # 429s answered
        self.forbidden = 0  # 403s answered
        self.faults: list[Fault] = []
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.inline_answers: dict[str, dict[str, Any]] = {}
        self.commands: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content)
        self.webhook: dict[str, Any] | None = None
        self._webhook_client: ClientSession | None = None
        self._sent_event = asyncio.Event()
        self.consumed_offset = 0  # the highest getUpdates offset seen: updates below it were handled
        self._handlers: dict[str, Callable[[dict[str, Any], str], Awaitable[Any]]] = {
            name.lower(): getattr(self, f"_m_{name}")
            for name in (
                "getMe", "getUpdates", "sendMessage", "sendDocument", "editMessageText",
                "editMessageReplyMarkup", "answerCallbackQuery", "answerInlineQuery", "setMyCommands",
                "getMyCommands", "deleteMyCommands", "deleteWebhook", "setWebhook", "getWebhookInfo",
                "sendChatAction", "getFile", "getChat", "getChatMember", "getChatAdministrators",
                "deleteMessage", "close", "logOut",
            )
        }

    # ------------------------------------------------------------------ lifecycle
    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_post("/_emulator/updates", self._control_updates)
        app.router.add_get("/_emulator/sent", self._control_sent)
        app.router.add_get("/_emulator/requests", self._control_requests)
        app.router.add_post("/_emulator/config", self._control_config)
        app.router.add_post("/_emulator/chats", self._control_chats)
        app.router.add_get("/_emulator/stats", self._control_stats)
        app.router.add_post("/_emulator/reset", self._control_reset)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        self._runner = web.AppRunner(self.make_app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = site._server.sockets[0].getsockname()[1]  # port 0 picks a free one
        self.base_url = f"http://{host}:{bound}"
        return self.base_url

    async def stop(self) -> None:
        if self._webhook_client is not None:
            await self._webhook_client.close()
            self._webhook_client = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> "BotAPIEmulator":
        await self.start()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.stop()

    # ------------------------------------------------------------------ user side (tests, console)
    def add_chat(self, chat_id: int, chat_type: str = "private", title: str | None = None,
                 user: EmulatedUser | None = None) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            who = user or EmulatedUser(chat_id)
            chat["first_name"] = who.first_name
            if who.username:
                chat["username"] = who.username
        else:
            chat["title"] = title or f"Chat {chat_id}"
        self.chats.setdefault(chat_id, chat)
        return self.chats[chat_id]

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (its update_id is assigned here) for getUpdates or the webhook."""
        update = {"update_id": next(self._update_ids), **{k: v for k, v in update.items() if k != "update_id"}}
        if self.webhook:
            asyncio.get_running_loop().create_task(self._post_webhook(update))
        else:
            self._updates.append(update)
            self._updates_changed.set()
        return update

    def _user_for(self, chat_id: int, user: EmulatedUser | None) -> EmulatedUser:
        return user or EmulatedUser(chat_id if chat_id > 0 else 1000)

    def send_user_message(self, chat_id: int, text: str, user: EmulatedUser | None = None, *,
                          chat_type: str | None = None) -> dict[str, Any]:
        who = self._user_for(chat_id, user)
        chat = self.add_chat(chat_id, chat_type or ("private" if chat_id > 0 else "group"), user=who)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids[chat_id]), "date": now_unix(), "chat": chat,
            "from": who.as_dict(), "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
        return self.push_update({"message": message})

    def send_channel_post(self, chat_id: int, text: str, title: str | None = None) -> dict[str, Any]:
        """A post in a channel: it comes from the channel itself (only its administrators can post)."""
        chat = self.add_chat(chat_id, "channel", title)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids[chat_id]), "date": now_unix(), "chat": chat,
            "sender_chat": chat, "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": utf16_len(command)}]
        return self.push_update({"channel_post": message})

    def send_user_document(self, chat_id: int, filename: str, content: bytes, user: EmulatedUser | None = None,
                           *, caption: str | None = None, mime_type: str = "text/plain",
                           declare_size: bool = True) -> dict[str, Any]:
        who = self._user_for(chat_id, user)
        chat = self.add_chat(chat_id, "private" if chat_id > 0 else "group", user=who)
        file_id = f"file{next(self._ids)}"
        self.files[file_id] = (f"documents/{file_id}_{filename}", content)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids[chat_id]), "date": now_unix(), "chat": chat,
            "from": who.as_dict(),
            "document": {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": filename,
                         "mime_type": mime_type, "file_size": len(content)},
        }
        if not declare_size:  # file_size is optional in the Bot API: a client may leave it out
            del message["document"]["file_size"]
        if caption:
            message["caption"] = caption
        return self.push_update({"message": message})

    def press_button(self, chat_id: int, message_id: int, data: str,
                     user: EmulatedUser | None = None) -> dict[str, Any]:
        """A tap on an inline button of a bot message; the update's callback_query id is returned inside."""
        who = self._user_for(chat_id, user)
        sent = self._by_id.get((chat_id, message_id))
        message = self._message_dict(sent) if sent else {
            "message_id": message_id, "date": now_unix(), "chat": self.add_chat(chat_id), "text": "",
        }
        query = {"id": f"cb{next(self._ids)}", "from": who.as_dict(), "message": message,
                 "chat_instance": str(chat_id), "data": data}
        return self.push_update({"callback_query": query})

    def inline_query(self, query: str, user: EmulatedUser | None = None, offset: str = "") -> dict[str, Any]:
        who = user or EmulatedUser(1000)
        inline = {"id": f"iq{next(self._ids)}", "from": who.as_dict(), "query": query, "offset": offset}
        return self.push_update({"inline_query": inline})

    # ------------------------------------------------------------------ reading the record
    def sent_to(self, chat_id: int) -> list[ChatMessage]:
        return [m for m in self.messages.get(chat_id, []) if not m.deleted]

    def requests(self, method: str | None = None) -> list[RecordedRequest]:
        if method is None:
            return list(self._requests)
        method = method.lower()
        return [r for r in self._requests if r.method.lower() == method]

    def total_sent(self) -> int:
        return sum(len(v) for v in self.messages.values())

    async def wait_for_messages(self, chat_id: int, count: int, timeout: float = 5.0) -> list[ChatMessage]:
        """Wait until the bot has sent at least `count` messages to the chat; returns them all."""
        deadline = time.monotonic() + timeout
        while len(self.sent_to(chat_id)) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                got = [m.plain[:80] for m in self.sent_to(chat_id)]
                raise TimeoutError(f"chat {chat_id}: expected {count} messages, got {len(got)}: {got}")
            self._sent_event.clear()
            try:
                await asyncio.wait_for(self._sent_event.wait(), remaining)
            except asyncio.TimeoutError:
                pass
        return self.sent_to(chat_id)

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait until predicate() is truthy (checked after every recorded request)."""
        deadline = time.monotonic() + timeout
        while not (result := predicate()):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("condition not met in time")
            self._sent_event.clear()
            try:
                await asyncio.wait_for(self._sent_event.wait(), min(remaining, 0.05))
            except asyncio.TimeoutError:
                pass
        return result

    async def wait_handled(self, update: dict[str, Any], timeout: float = 30.0) -> None:
        """Wait until the bot asked for updates past this one.

        With `handle_as_tasks=False` polling, aiogram finishes handling an update before asking
        for the next batch, so this means "the bot is done replying" (the console relies on it).
        """
        await self.wait_for(lambda: self.consumed_offset > update["update_id"], timeout)

    def inject_fault(self, method: str, kind: str = "5xx", *, times: int = 1, status: int = 500,
                     delay: float = 5.0, chat_id: int | None = None) -> None:
        self.faults.append(Fault(method.lower(), kind, times, status, delay, chat_id))

    # ------------------------------------------------------------------ HTTP
    def bot_user(self, token: str) -> dict[str, Any]:
        return {"id": int(token.split(":", 1)[0]), "is_bot": True, "first_name": "CSTO bot",
                "username": self.bot_username, "can_join_groups": True,
                "can_read_all_group_messages": False, "supports_inline_queries": True}

    async def _read_params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            ctype = request.content_type
            if ctype == "application/json":
                body = await request.json()
                if isinstance(body, dict):
                    params.update(body)
            elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, web.FileField):
                        params[key] = {"filename": value.filename, "content": value.file.read()}
                    else:
                        params[key] = value
        return {k: _coerce(k, v) for k, v in params.items()}

    async def _handle_api(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        method = request.match_info["method"]
        params = await self._read_params(request)
        status, payload = await self.call(token, method, params)
        self._requests.append(RecordedRequest(method, params, time.monotonic(), status))
        self._sent_event.set()
        return web.json_response(payload, status=status, dumps=lambda o: json.dumps(o, ensure_ascii=False))

    async def call(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Run one API method; returns (HTTP status, Bot API JSON body)."""
        try:
            if not TOKEN_RE.match(token) or (self.config.tokens is not None and token not in self.config.tokens):
                raise ApiError(401, "Unauthorized")
            if self._bot_from.get("id") == 1:
                self._bot_from = {"id": int(token.split(":", 1)[0]), "is_bot": True, "first_name": "CSTO bot",
                                  "username": self.bot_username}
            handler = self._handlers.get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            await self._apply_faults(method.lower(), params)
            result = await handler(params, token)
            return 200, {"ok": True, "result": result}
        except ApiError as error:
            if error.status == 429:
                self.too_many_requests += 1
            elif error.status == 403:
                self.forbidden += 1
            body: dict[str, Any] = {"ok": False, "error_code": error.status, "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
            return error.status, body

    async def _apply_faults(self, method: str, params: dict[str, Any]) -> None:
        for fault in self.faults:
            if fault.method != method or fault.times <= 0:
                continue
            if fault.chat_id is not None and params.get("chat_id") != fault.chat_id:
                continue
            fault.times -= 1
            if fault.kind == "timeout":
                await asyncio.sleep(fault.delay)
                return
            raise ApiError(fault.status, "Internal Server Error" if fault.status == 500 else "Bad Gateway")

    async def _handle_file(self, request: web.Request) -> web.Response:
        path = request.match_info["path"]
        for file_path, content in self.files.values():
            if file_path == path:
                return web.Response(body=content)
        return web.Response(status=404, text="Not Found")

    # ------------------------------------------------------------------ checks shared by methods
    def _chat(self, chat_id: Any) -> dict[str, Any]:
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            raise bad_request("chat not found")
        if not isinstance(chat_id, int):
            raise bad_request("chat_id is empty" if chat_id in (None, "") else "chat not found")
        if chat_id in self.config.blocked_chats:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        chat = self.chats.get(chat_id)
        if chat is None:
            if not self.config.any_chat:
                raise bad_request("chat not found")
            chat = self.add_chat(chat_id, "private" if chat_id > 0 else "group")
        return chat

    def _check_markup(self, markup: Any) -> dict[str, Any] | None:
        if markup in (None, ""):
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        for row in markup.get("inline_keyboard") or []:
            for button in row:
                if not button.get("text"):
                    raise bad_request("button text is empty")
                data = button.get("callback_data")
                if data is not None and not (1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA):
                    raise bad_request("BUTTON_DATA_INVALID")
        return markup

    @staticmethod
    def _check_text(text: Any, parse_mode: Any) -> str:
        if not isinstance(text, str) or not text.strip():
            raise bad_request("message text is empty")
        plain = text
        if isinstance(parse_mode, str) and parse_mode.lower() == "html":
            try:
                plain, _ = parse_html(text)
            except EntityParseError as error:
                raise bad_request(f"can't parse entities: {error}") from None
        if not plain.strip():
            raise bad_request("message text is empty")
        if utf16_len(plain) > MAX_TEXT:
            raise bad_request("message is too long")
        return plain

    def _message_dict(self, msg: ChatMessage) -> dict[str, Any]:
        data: dict[str, Any] = {"message_id": msg.message_id, "date": msg.date, "chat": self.chats[msg.chat_id],
                                "from": self._bot_from, "text": msg.plain}
        if msg.document:
            data.pop("text")
            data["document"] = msg.document
            if msg.plain:
                data["caption"] = msg.plain
        if msg.reply_markup:
            data["reply_markup"] = msg.reply_markup
        return data

    _bot_from: dict[str, Any] = {"id": 1, "is_bot": True, "first_name": "CSTO bot"}

    def _rate_check(self, chat_id: int) -> None:
        now = time.monotonic()
        wait = self._limiter.retry_after(chat_id, now)
        if wait is not None:
            raise ApiError(429, f"Too Many Requests: retry after {wait}", {"retry_after": wait})
        self._limiter.record(chat_id, now)

    def _store(self, chat_id: int, text: str, plain: str, params: dict[str, Any],
               document: dict[str, Any] | None = None) -> ChatMessage:
        msg = ChatMessage(
            chat_id=chat_id, message_id=next(self._message_ids[chat_id]), text=text, plain=plain,
            parse_mode=params.get("parse_mode"), reply_markup=self._check_markup(params.get("reply_markup")),
            link_preview_options=params.get("link_preview_options") or None, date=now_unix(),
            sent_at=time.monotonic(), document=document,
        )
        self.messages[chat_id].append(msg)
        self._by_id[(chat_id, msg.message_id)] = msg
        self._sent_event.set()
        return msg

    # ------------------------------------------------------------------ methods
    async def _m_getMe(self, params, token):
        return self.bot_user(token)

    async def _m_close(self, params, token):
        return True

    async def _m_logOut(self, params, token):
        return True

    async def _m_getUpdates(self, params, token):
        if self.webhook:
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                "use deleteWebhook to delete the webhook first")
        offset = params.get("offset") or 0
        limit = params.get("limit") or 100
        timeout = float(params.get("timeout") or 0)
        if offset:
            if offset > self.consumed_offset:
                self.consumed_offset = offset
                self._sent_event.set()  # wake wait_handled now, not when this long poll returns
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout > 0:
            self._updates_changed.clear()
            try:
                await asyncio.wait_for(self._updates_changed.wait(), timeout)
            except asyncio.TimeoutError:
                pass
        return self._updates[:limit]

    async def _m_sendMessage(self, params, token):
        chat_id = params.get("chat_id")
        self._chat(chat_id)
        plain = self._check_text(params.get("text"), params.get("parse_mode"))
        self._check_markup(params.get("reply_markup"))
        self._rate_check(chat_id)
        msg = self._store(chat_id, params["text"], plain, params)
        return self._message_dict(msg)

    async def _m_sendDocument(self, params, token):
        chat_id = params.get("chat_id")
        self._chat(chat_id)
        doc = params.get("document")
        if not doc:
            raise bad_request("there is no document in the request")
        caption = params.get("caption") or ""
        plain = self._check_text(caption, params.get("parse_mode")) if caption else ""
        self._rate_check(chat_id)
        file_id = f"file{next(self._ids)}"
        if isinstance(doc, dict):
            self.files[file_id] = (f"documents/{file_id}_{doc['filename']}", doc["content"])
            name = doc["filename"]
        else:
            name = str(doc)
        document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name}
        msg = self._store(chat_id, caption, plain, params, document=document)
        return self._message_dict(msg)

    def _find_message(self, params) -> ChatMessage:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not kept by the emulator")
        chat_id = params.get("chat_id")
        self._chat(chat_id)
        msg = self._by_id.get((chat_id, params.get("message_id")))
        if msg is None or msg.deleted:
            raise bad_request("message to edit not found")
        return msg

    async def _m_editMessageText(self, params, token):
        msg = self._find_message(params)
        plain = self._check_text(params.get("text"), params.get("parse_mode"))
        markup = self._check_markup(params.get("reply_markup"))
        if params["text"] == msg.text and markup == msg.reply_markup:
            raise bad_request("message is not modified: specified new message content and reply markup "
                              "are exactly the same as a current content and reply markup of the message")
        msg.text, msg.plain, msg.reply_markup = params["text"], plain, markup
        msg.parse_mode = params.get("parse_mode")
        msg.edits += 1
        return self._message_dict(msg)

    async def _m_editMessageReplyMarkup(self, params, token):
        msg = self._find_message(params)
        markup = self._check_markup(params.get("reply_markup"))
        if markup == msg.reply_markup:
            raise bad_request("message is not modified: specified new message content and reply markup "
                              "are exactly the same as a current content and reply markup of the message")
        msg.reply_markup = markup
        msg.edits += 1
        return self._message_dict(msg)

    async def _m_deleteMessage(self, params, token):
        msg = self._find_message(params)
        msg.deleted = True
        return True

    async def _m_answerCallbackQuery(self, params, token):
        query_id = str(params.get("callback_query_id") or "")
        if not query_id.startswith("cb") or query_id in self.callback_answers:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        self.callback_answers[query_id] = params
        return True

    async def _m_answerInlineQuery(self, params, token):
        query_id = str(params.get("inline_query_id") or "")
        if not query_id.startswith("iq") or query_id in self.inline_answers:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        results = params.get("results")
        if not isinstance(results, list):
            raise bad_request("can't parse inline query results JSON object")
        if len(results) > self.config.max_inline_results:
            raise bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            rid = str(result.get("id", ""))
            if not rid or len(rid.encode()) > 64 or rid in seen:
                raise bad_request("RESULT_ID_INVALID" if rid not in seen else "RESULT_ID_DUPLICATE")
            seen.add(rid)
            if not result.get("title") and result.get("type") == "article":
                raise bad_request("RESULT_TITLE_EMPTY")
            content = result.get("input_message_content") or {}
            if "message_text" in content:
                self._check_text(content["message_text"], content.get("parse_mode"))
            self._check_markup(result.get("reply_markup"))
        self.inline_answers[query_id] = params
        return True

    async def _m_setMyCommands(self, params, token):
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        for command in commands:
            name = str(command.get("command", ""))
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not (1 <= len(str(command.get("description", ""))) <= 256):
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[(json.dumps(params.get("scope") or {"type": "default"}), params.get("language_code"))] = commands
        return True

    async def _m_getMyCommands(self, params, token):
        key = (json.dumps(params.get("scope") or {"type": "default"}), params.get("language_code"))
        return self.commands.get(key, [])

    async def _m_deleteMyCommands(self, params, token):
        key = (json.dumps(params.get("scope") or {"type": "default"}), params.get("language_code"))
        self.commands.pop(key, None)
        return True

    async def _m_setWebhook(self, params, token):
        url = params.get("url") or ""
        if not url:
            self.webhook = None
            return True
        if not url.startswith(("http://", "https://")):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook = {"url": url, "secret_token": params.get("secret_token")}
        return True

    async def _m_deleteWebhook(self, params, token):
        self.webhook = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    async def _m_getWebhookInfo(self, params, token):
        return {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self._updates)}

    async def _m_sendChatAction(self, params, token):
        self._chat(params.get("chat_id"))
        return True

    async def _m_getFile(self, params, token):
        file_id = params.get("file_id")
        if file_id not in self.files:
            raise bad_request("invalid file_id")
        path, content = self.files[file_id]
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(content), "file_path": path}

    async def _m_getChat(self, params, token):
        chat = self._chat(params.get("chat_id"))
        return {**chat, "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": {
            "unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
            "premium_subscription": False, "gifts_from_channels": False}}

    def _member(self, chat_id: int, user_id: int) -> dict[str, Any]:
        user = {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}
        chat = self.chats.get(chat_id, {})
        if chat.get("type") == "private" and chat_id == user_id:
            return {"status": "member", "user": user}
        if user_id in self.config.admins.get(chat_id, set()):
            return {"status": "administrator", "user": user, "can_be_edited": False, "is_anonymous": False,
                    "can_manage_chat": True, "can_delete_messages": True, "can_manage_video_chats": True,
                    "can_restrict_members": True, "can_promote_members": False, "can_change_info": True,
                    "can_invite_users": True, "can_post_stories": False, "can_edit_stories": False,
                    "can_delete_stories": False, "can_send_welcome_messages": False}
        return {"status": "member", "user": user}

    async def _m_getChatMember(self, params, token):
        chat_id = params.get("chat_id")
        self._chat(chat_id)
        return self._member(chat_id, int(params.get("user_id") or 0))

    async def _m_getChatAdministrators(self, params, token):
        chat_id = params.get("chat_id")
        self._chat(chat_id)
        return [self._member(chat_id, uid) for uid in sorted(self.config.admins.get(chat_id, set()))]

    # ------------------------------------------------------------------ webhook delivery
    async def _post_webhook(self, update: dict[str, Any]) -> None:
        if self._webhook_client is None:
            self._webhook_client = ClientSession(timeout=ClientTimeout(total=30))
        headers = {}
        if self.webhook and self.webhook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret_token"]
        try:
            async with self._webhook_client.post(self.webhook["url"], json=update, headers=headers) as resp:
                await resp.read()
        except Exception as error:  # the bot being down must not break the emulator
            log.warning("webhook delivery failed: %s", error)

    # ------------------------------------------------------------------ control endpoint (subprocess tests)
    async def _control_updates(self, request: web.Request) -> web.Response:
        body = await request.json()
        kind = body.get("type", "update")
        user = None
        if "user_id" in body:
            user = EmulatedUser(int(body["user_id"]), body.get("first_name", "Тест"), body.get("language_code", "ru"))
        if kind == "message":
            update = self.send_user_message(int(body["chat_id"]), body["text"], user, chat_type=body.get("chat_type"))
        elif kind == "callback":
            update = self.press_button(int(body["chat_id"]), int(body["message_id"]), body["data"], user)
        elif kind == "inline":
            update = self.inline_query(body["query"], user)
        elif kind == "document":
            update = self.send_user_document(int(body["chat_id"]), body["filename"],
                                             base64.b64decode(body["content_b64"]), user, caption=body.get("caption"))
        else:
            update = self.push_update(body["update"])
        return web.json_response(update)

    async def _control_sent(self, request: web.Request) -> web.Response:
        chat = request.query.get("chat_id")
        chats = [int(chat)] if chat else list(self.messages)
        return web.json_response([m.as_dict() for c in chats for m in self.sent_to(c)],
                                 dumps=lambda o: json.dumps(o, ensure_ascii=False))

    async def _control_requests(self, request: web.Request) -> web.Response:
        rows = self.requests(request.query.get("method"))
        return web.json_response(
            [{"method": r.method, "time": r.time, "status": r.status,
              "params": {k: v for k, v in r.params.items() if not isinstance(v, dict) or "content" not in v}}
             for r in rows], dumps=lambda o: json.dumps(o, ensure_ascii=False, default=str))

    async def _control_config(self, request: web.Request) -> web.Response:
        body = await request.json()
        for key, value in body.items():
            if key == "blocked_chats":
                value = {int(v) for v in value}
            elif key == "admins":
                value = {int(k): {int(u) for u in v} for k, v in value.items()}
            elif key == "faults":
                for fault in value:
                    self.inject_fault(**fault)
                continue
            if not hasattr(self.config, key):
                return web.json_response({"ok": False, "description": f"unknown setting {key}"}, status=400)
            setattr(self.config, key, value)
        return web.json_response({"ok": True})

    async def _control_chats(self, request: web.Request) -> web.Response:
        body = await request.json()
        for chat_id in body.get("chat_ids", []):
            self.add_chat(int(chat_id), body.get("type", "private" if int(chat_id) > 0 else "group"))
        return web.json_response({"ok": True, "chats": len(self.chats)})

    async def _control_stats(self, request: web.Request) -> web.Response:
        return web.json_response(self.stats())

    async def _control_reset(self, request: web.Request) -> web.Response:
        self.messages.clear()
        self._by_id.clear()
        self._requests.clear()
        self.too_many_requests = self.forbidden = 0
        return web.json_response({"ok": True})

    def stats(self) -> dict[str, Any]:
        return {"sent": self.total_sent(), "requests": len(self._requests),
                "too_many_requests": self.too_many_requests, "forbidden": self.forbidden,
                "chats": len(self.chats), "pending_updates": len(self._updates)}

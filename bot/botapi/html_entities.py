"""Telegram's HTML parse mode, checked as strictly as the Bot API does (a little stricter on `&`).

`parse_html(text)` returns the plain text and its entities, or raises `EntityParseError` with the
message Telegram would send after "Bad Request: can't parse entities: ". The emulator uses it so
that a message our renderer gets wrong fails in tests exactly as it would fail in production.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# tag -> entity type; the aliases are the ones Telegram documents
TAGS: dict[str, str] = {
    "b": "bold", "strong": "bold",
    "i": "italic", "em": "italic",
    "u": "underline", "ins": "underline",
    "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-spoiler": "spoiler",
    "span": "spoiler",  # only as <span class="tg-spoiler">
    "tg-emoji": "custom_emoji",
}
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "span": frozenset({"class"}),
    "code": frozenset({"class"}),
    "blockquote": frozenset({"expandable"}),
    "tg-emoji": frozenset({"emoji-id"}),
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_ATTRIBUTE = re.compile(r"\s*([A-Za-z][A-Za-z0-9_-]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>\"']+))?")
_ENTITY = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z]+;)")


class EntityParseError(ValueError):
    """The text is not HTML that Telegram accepts; str() is Telegram's explanation."""


@dataclass(frozen=True, slots=True)
class Entity:
    type: str
    offset: int  # in UTF-16 code units, as Telegram counts
    length: int
    url: str | None = None


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _decode_entities(raw: str, byte_base: int) -> str:
    if "&" not in raw:
        return raw
    out: list[str] = []
    pos = 0
    while True:
        amp = raw.find("&", pos)
        if amp < 0:
            out.append(raw[pos:])
            return "".join(out)
        out.append(raw[pos:amp])
        match = _ENTITY.match(raw, amp)
        if match is None:
            # real Telegram keeps a bare "&"; rejecting it catches a forgotten html.escape in tests
            raise EntityParseError(f"Unescaped \"&\" at byte offset {byte_base + len(raw[:amp].encode())}")
        body = match.group(1)[:-1]
        if body.startswith("#"):
            code = int(body[2:], 16) if body[1:2] in ("x", "X") else int(body[1:])
            if code == 0 or code > 0x10FFFF:
                raise EntityParseError(f"Invalid character entity \"&{body};\"")
            out.append(chr(code))
        elif body in NAMED_ENTITIES:
            out.append(NAMED_ENTITIES[body])
        else:
            raise EntityParseError(f"Unsupported HTML entity \"&{body};\"")
        pos = match.end()


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode())


def parse_html(text: str) -> tuple[str, list[Entity]]:
    """Plain text and entities of `text` in Telegram HTML; raises EntityParseError."""
    plain: list[str] = []
    plain_len = 0  # UTF-16 units emitted so far
    entities: list[Entity] = []
    stack: list[tuple[str, int, str | None]] = []  # (tag, start offset, url)
    pos = 0
    n = len(text)
    while pos < n:
        lt = text.find("<", pos)
        chunk_end = n if lt < 0 else lt
        if chunk_end > pos:
            chunk = _decode_entities(text[pos:chunk_end], _byte_offset(text, pos))
            plain.append(chunk)
            plain_len += utf16_len(chunk)
        if lt < 0:
            break
        gt = text.find(">", lt)
        if gt < 0:
            raise EntityParseError(f"Unclosed start tag at byte offset {_byte_offset(text, lt)}")
        inside = text[lt + 1:gt]
        if inside.startswith("/"):
            name = inside[1:].strip().lower()
            if not stack:
                raise EntityParseError(f"Unexpected end tag at byte offset {_byte_offset(text, lt)}")
            open_tag, start, url = stack.pop()
            if name != open_tag:
                raise EntityParseError(
                    f"Unmatched end tag at byte offset {_byte_offset(text, lt)}, "
                    f"expected \"</{open_tag}>\", found \"</{name}>\""
                )
            entity_type = TAGS[open_tag]
            if plain_len > start:
                entities.append(Entity(entity_type, start, plain_len - start, url))
        else:
            match = _TAG_NAME.match(inside)
            if match is None:
                raise EntityParseError(f"Unsupported start tag at byte offset {_byte_offset(text, lt)}")
            name = match.group(0).lower()
            if name not in TAGS:
                raise EntityParseError(
                    f"Unsupported start tag \"{name}\" at byte offset {_byte_offset(text, lt)}"
                )
            attributes = _parse_attributes(inside[match.end():], name, _byte_offset(text, lt))
            url = None
            if name == "a":
                url = attributes.get("href")
                if not url:
                    raise EntityParseError(f"Empty href in <a> at byte offset {_byte_offset(text, lt)}")
            if name == "span" and attributes.get("class") != "tg-spoiler":
                raise EntityParseError(
                    f"Tag \"span\" must have class \"tg-spoiler\" at byte offset {_byte_offset(text, lt)}"
                )
            stack.append((name, plain_len, url))
        pos = gt + 1
    if stack:
        raise EntityParseError(f"Can't find end tag corresponding to start tag \"{stack[-1][0]}\"")
    return "".join(plain), entities


def _parse_attributes(raw: str, tag: str, byte_at: int) -> dict[str, str]:
    attributes: dict[str, str] = {}
    raw = raw.rstrip().removesuffix("/")
    pos = 0
    while pos < len(raw):
        if raw[pos:].strip() == "":
            break
        match = _ATTRIBUTE.match(raw, pos)
        if match is None or match.end() == pos:
            raise EntityParseError(f"Invalid attribute in tag \"{tag}\" at byte offset {byte_at}")
        name = match.group(1).lower()
        if name not in ALLOWED_ATTRIBUTES.get(tag, frozenset()):
            raise EntityParseError(f"Unsupported attribute \"{name}\" in tag \"{tag}\" at byte offset {byte_at}")
        value = match.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attributes[name] = _decode_entities(value, byte_at)
        pos = match.end()
    return attributes

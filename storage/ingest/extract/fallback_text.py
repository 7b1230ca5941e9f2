"""A small stand-in for the text layer (read/clean/split/dates), used only while the full modules
(storage.ingest.read / split / dates, owned by the text-layer work) are not installed.

`text_stages()` returns the real functions when they import, these otherwise; the pipeline and the
extractors call through it so they keep working in either case.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from storage.ingest.errors import (
    BinaryDocument,
    DocumentNotFound,
    DocumentTooLarge,
    EmptyDocument,
    UnknownEncoding,
    UnsupportedFormat,
)
from storage.ingest.records import Item, Page, RawDocument
from storage.lexicon.months import month_number

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})


@dataclass(frozen=True, slots=True)
class DateMention:
    start: dt.date
    end: dt.date
    start_char: int
    end_char: int
    text: str
    explicit_year: bool
    has_time: bool
    precision: str


def iter_paths(paths):
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            yield p


def load_path(path: Path) -> RawDocument:
    if not path.exists():
        raise DocumentNotFound(f"no such file: {path}")
    if path.suffix.lower() not in SUFFIXES:
        raise UnsupportedFormat(f"unsupported file type {path.suffix or '(none)'}: {path.name}")
    if path.stat().st_size > MAX_BYTES:
        raise DocumentTooLarge(f"file is larger than 5 MB: {path.name}")
    return RawDocument(str(path), path.read_bytes())


def decode(data: bytes) -> tuple[str, str]:
    if not data.strip():
        raise EmptyDocument("the document is empty")
    if b"\x00" in data[:4096] or data[:4] in (b"%PDF", b"\x89PNG", b"PK\x03\x04") or data[:3] == b"GIF":
        raise BinaryDocument("the document is binary, not text")
    for enc in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        letters = sum(ch.isalpha() for ch in text)
        if letters and letters / max(1, len(text.strip())) > 0.3:
            return text, enc
    raise UnknownEncoding("the document's text encoding is not recognised")


class _Text(HTMLParser):
    _SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article", "ul", "ol", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self.out.append("\n\n")
        self._in_h1 = tag == "h1" or self._in_h1

    def handle_endtag(self, tag):
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        elif tag in self._BLOCK:
            self.out.append("\n\n")
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)
            if self._in_h1 and data.strip() and self.title is None:
                self.title = data.strip()


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\xa0", " ").replace("\u200b", "").replace("\xad", "")
    text = re.sub(r"^#+\s*", "", text, flags=re.M)
    text = re.sub(r"\*\*|__", "", text)
    text = re.sub(r"(?m)^\*(.+)\*\s*$", r"\1", text)
    text = re.sub(r"(?m)^\s*-{3,}\s*$", "", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"(?m)^ | $", "", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def read_document(raw: RawDocument) -> Page:
    text, enc = decode(raw.data)
    title = None
    if raw.location.lower().endswith((".html", ".htm")) or re.search(r"<(html|body|p|div)\b", text[:2000], re.I):
        parser = _Text()
        parser.feed(text)
        parser.close()
        text, title = "".join(parser.out), parser.title
    text = clean_text(text)
    if not text:
        raise EmptyDocument("the document has no text")
    return Page(raw.location, text, enc, raw.outlet, title)


_MONTHS = r"[А-Яа-яЁёA-Za-z]{3,9}\.?"
_NUM = re.compile(r"\b(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4}|\d{2})\b(?:,?\s*(\d{1,2}):(\d{2}))?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b(?:[ T](\d{1,2}):(\d{2}))?")
_RANGE = re.compile(r"\b(?:[сС]о?\s+)?(\d{1,2})(?:\s+(" + _MONTHS + r"))?(?:\s+(\d{4}))?(?:\s*г(?:ода|\.)?)?\s*(?:по|[-–—]|до)\s*(\d{1,2})\s+(" + _MONTHS + r")(?:\s+(\d{4}))?")
_DMY = re.compile(r"\b(\d{1,2})\s+(" + _MONTHS + r")(?:\s+(\d{4}))?")
_MDY = re.compile(r"\b(" + _MONTHS + r")\s+(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?,?\s+(\d{4})")
_MONTH_ONLY = re.compile(r"\bв\s+(" + _MONTHS + r")\s+(\d{4})")


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d) if 1990 <= y <= 2100 else None
    except ValueError:
        return None


def find_dates(text: str, year_hint: int | None = None) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m, start, end, explicit, has_time=False, precision="day"):
        if start is None or end is None or end < start:
            return
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(DateMention(start, end, m.start(), m.end(), m.group(), explicit, has_time, precision))

    for m in _ISO.finditer(text):
        d = _date(int(m[1]), int(m[2]), int(m[3]))
        add(m, d, d, True, bool(m[4]))
    for m in _NUM.finditer(text):
        y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        d = _date(y, int(m[2]), int(m[1]))
        add(m, d, d, True, bool(m[4]))
    for m in _RANGE.finditer(text):
        m2 = month_number(m[5])
        if not m2:
            continue
        m1 = month_number(m[2]) if m[2] else m2
        y2 = int(m[6]) if m[6] else (int(m[3]) if m[3] else year_hint)
        y1 = int(m[3]) if m[3] else y2
        if y2 is None or not m1:
            continue
        add(m, _date(y1, m1, int(m[1])), _date(y2, m2, int(m[4])), bool(m[6] or m[3]))
    for m in _MDY.finditer(text):
        mo = month_number(m[1])
        if mo:
            y = int(m[4])
            add(m, _date(y, mo, int(m[2])), _date(y, mo, int(m[3] or m[2])), True)
    for m in _DMY.finditer(text):
        mo = month_number(m[2])
        y = int(m[3]) if m[3] else year_hint
        if mo and y:
            d = _date(y, mo, int(m[1]))
            add(m, d, d, bool(m[3]))
    for m in _MONTH_ONLY.finditer(text):
        mo = month_number(m[1])
        if mo:
            y = int(m[2])
            start = _date(y, mo, 1)
            end = (_date(y + (mo == 12), mo % 12 + 1, 1) or start) - dt.timedelta(days=1)
            add(m, start, end, True, precision="month")
    return sorted(found, key=lambda d: d.start_char)


def parse_stamp(line: str) -> dt.datetime | None:
    line = re.sub(r"\s*\(обновлено:[^)]*\)", "", line.strip().rstrip("."))
    dates = find_dates(line)
    if len(dates) == 1 and dates[0].start_char == 0 and len(line) - dates[0].end_char <= 8:
        m = re.search(r"(\d{1,2}):(\d{2})", line)
        d = dates[0].start
        return dt.datetime(d.year, d.month, d.day, int(m[1]) if m else 0, int(m[2]) if m else 0)
    return None


def split_items(page: Page) -> list[Item]:
    """Items start at stamp lines or at a headline repeated with a glued date."""
    paras = []
    for para in page.text.split("\n\n"):
        lines, chunk = para.split("\n"), []
        for line in lines:
            if parse_stamp(line) is not None:
                if chunk:
                    paras.append("\n".join(chunk))
                paras.append(line)
                chunk = []
            else:
                chunk.append(line)
        if chunk:
            paras.append("\n".join(chunk))
    paras = [p.strip() for p in paras if p.strip()]
    items: list[tuple[str | None, dt.datetime | None, list[str]]] = []
    title, published, body = page.title, None, []
    i = 0
    while i < len(paras):
        p = paras[i]
        stamp = parse_stamp(p)
        nxt = paras[i + 1] if i + 1 < len(paras) else ""
        glued = re.match(r"^(.*?\S)\s*(\d{1,2}\.\d{1,2}\.\d{4})$", nxt)
        if stamp is not None:
            if body:
                items.append((title, published, body))
                title, body = None, []
            if published is not None and not body and title and items and items[-1][0] == title:
                pass
            published = stamp
        elif glued and glued[1].strip() == p.strip():
            if body:
                items.append((title, published, body))
            title, published, body = p, parse_stamp(glued[2]), []
            i += 1
        elif not body and title is None and len(p) < 200 and not p.endswith(".") and stamp is None and nxt and parse_stamp(nxt):
            if body:
                items.append((title, published, body))
            title, body = p, []
        else:
            body.append(p)
        i += 1
    if body:
        items.append((title, published, body))
    return [Item(n, t, "\n\n".join(b), pub) for n, (t, pub, b) in enumerate(items)]


def text_stages():
    """(iter_paths, load_path, read_document, split_items, find_dates): the real ones when installed."""
    try:
        from storage.ingest import read, split  # noqa: PLC0415
        from storage.ingest.dates import find_dates as real_find_dates  # noqa: PLC0415
        return read.iter_paths, read.load_path, read.read_document, split.split_items, real_find_dates
    except ImportError:
        return iter_paths, load_path, read_document, split_items, find_dates

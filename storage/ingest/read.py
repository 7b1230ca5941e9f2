"""Read a document: find files, load bytes safely, guess the encoding, turn HTML or text into a Page.

Every failure is an IngestError subclass carrying a one-line reason; nothing else escapes.
"""
from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import charset_normalizer

from storage.ingest.clean import clean_html, clean_text
from storage.ingest.errors import (
    BinaryDocument,
    DocumentNotFound,
    DocumentTooLarge,
    EmptyDocument,
    IngestError,
    UnknownEncoding,
    UnsupportedFormat,
)
from storage.ingest.records import Page, RawDocument

MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})

_MAGIC = (
    (b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/DOCX"), (b"\x89PNG", "PNG"), (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"), (b"\x1f\x8b", "gzip"), (b"Rar!", "RAR"), (b"7z\xbc\xaf", "7z"),
    (b"\xd0\xcf\x11\xe0", "MS Office"), (b"\x7fELF", "ELF"), (b"MZ", "EXE"), (b"RIFF", "RIFF"),
    (b"OggS", "OGG"), (b"ID3", "MP3"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"), (b"SQLite format", "SQLite"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# the 8-bit code pages CSTO news pages come in (Russian first, then Western for English pages)
LEGACY_ENCODINGS = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5", "cp1252")
_CONTROL_BYTES = [bytes([b]) for b in (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F)]
_MAX_MESS = 0.2  # charset-normalizer's mess ratio above which a decoding is noise, not text
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|a|h[1-6]|li|ul|table|td|tr|body|head|article|section)\b[^>]*>", re.IGNORECASE)


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to ingest: folders expanded recursively (sorted, known suffixes only), files as given.

    A folder that cannot be listed is yielded itself, so that `load_path` reports it like any other
    unreadable input instead of the batch quietly missing what it holds.
    """
    for item in paths:
        path = Path(item)
        if not path.is_dir():
            yield path  # a missing or unsupported file is reported by load_path
            continue
        unreadable: list[Path] = []
        found: list[Path] = []
        for folder, dirs, files in os.walk(path, onerror=lambda error: unreadable.append(Path(error.filename))):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(Path(folder, name) for name in files
                         if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."))
        yield from sorted(found + unreadable)


def megabytes(size: int, limit: int = MAX_BYTES, unit: str = "МБ") -> str:
    """"9.0 МБ"; with more digits when one decimal would read as the limit itself ("5.02 МБ", not "5.0 МБ")."""
    for digits in (1, 2, 3):
        text = f"{size / 2**20:.{digits}f}"
        if size <= limit or text != f"{limit / 2**20:.{digits}f}":
            return f"{text} {unit}"
    return f"{size} {'байт' if unit == 'МБ' else 'bytes'}"


def too_large(size: int) -> str:
    return f"документ слишком большой: {megabytes(size)}, предел {MAX_BYTES // 2**20} МБ"


def load_path(path: Path) -> RawDocument:
    """The bytes of one file; the size is checked before anything is read."""
    path = Path(path)
    if not path.exists():
        raise DocumentNotFound(f"файл не найден: {path}")
    if path.is_dir():
        try:
            os.scandir(path).close()
        except OSError as error:
            raise DocumentNotFound(f"папку не прочитать: {path}: {error.strerror or error}") from error
        raise UnsupportedFormat(f"это папка, а не документ: {path}")
    if path.suffix.lower() not in SUFFIXES:
        raise UnsupportedFormat(f"неподдерживаемый формат {path.suffix or '(без расширения)'}: "
                                f"нужен .txt, .md или .html")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentTooLarge(too_large(size))
        data = path.read_bytes()
    except OSError as error:
        raise DocumentNotFound(f"файл не прочитать: {path}: {error.strerror or error}") from error
    return RawDocument(location=str(path), data=data, received=_mtime(path))


def _mtime(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, OverflowError, ValueError):
        return None


# <meta property="article:published_time" content="2031-05-04T10:00">, <time datetime="2031-05-04">
_META_PUBLISHED = re.compile(
    r"""<meta\b[^>]{0,300}?(?:property|name|itemprop)\s*=\s*["']?(?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publish[-_]?date|date|dc\.date)["']?[^>]{0,300}?content\s*=\s*["']?"""
    r"""(\d{4}-\d{2}-\d{2})""", re.IGNORECASE)
_META_PUBLISHED_REVERSED = re.compile(
    r"""<meta\b[^>]{0,300}?content\s*=\s*["']?(\d{4}-\d{2}-\d{2})[^>]{0,300}?(?:property|name|itemprop)\s*=\s*"""
    r"""["']?(?:article:published_time|og:published_time|datePublished|pubdate|publish[-_]?date|date|dc\.date)\b""",
    re.IGNORECASE)
_TIME_TAG = re.compile(r"""<time\b[^>]{0,200}?datetime\s*=\s*["']?(\d{4}-\d{2}-\d{2})""", re.IGNORECASE)


def html_published(html: str) -> dt.datetime | None:
    """The publication date an HTML page declares in its <meta> or first <time> element."""
    head = html[:200_000]
    for pattern in (_META_PUBLISHED, _META_PUBLISHED_REVERSED, _TIME_TAG):
        if match := pattern.search(head):
            try:
                return dt.datetime.fromisoformat(match[1])
            except ValueError:
                continue
    return None


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) for the bytes of a text or HTML document."""
    if not data or not data.strip():
        raise EmptyDocument("документ пуст")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise BinaryDocument(f"двоичный файл ({kind}), а не текст")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UnknownEncoding(f"текст с меткой {encoding} не декодируется") from error
            return _checked(text), encoding.removesuffix("-sig")
    if b"\x00" in data[:65536]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _checked(utf16[0]), utf16[1]
        raise BinaryDocument("двоичный файл (нулевые байты), а не текст")
    try:
        # strict UTF-8 whatever a page declares: legacy Cyrillic bytes are almost never valid UTF-8
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    text, encoding = _legacy(data, _declared(data))
    return _checked(text), encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark: Latin and Cyrillic text has a zero (LE: odd, BE: even) or a
    0x04 high byte in almost every pair; binary data has zeros scattered anywhere."""
    sample = data[:65536] if len(data[:65536]) % 2 == 0 else data[:65535]
    if len(sample) < 4:
        return None
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if sum(1 for b in high if b in (0, 4)) / len(high) < 0.9:
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text[:65536])) <= max(3, len(text[:65536]) // 100):
            return text, encoding
    return None


def _declared(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii", "ignore").lower()).name
    except LookupError:
        return None


def _legacy(data: bytes, declared: str | None) -> tuple[str, str]:
    """An 8-bit page: charset-normalizer picks, among the code pages news pages here come in, the one
    whose text reads least like noise (a wrong Cyrillic page for Latin-1 gives "cafй", mixed-script
    words it scores as mess). A declared page is only one candidate: pages often declare wrongly."""
    candidates = list(LEGACY_ENCODINGS)
    if declared and declared.replace("-", "_") not in candidates and declared != "utf-8":
        candidates.insert(0, declared)
    best = charset_normalizer.from_bytes(data, cp_isolation=candidates, threshold=_MAX_MESS).best()
    if best is None:
        controls = sum(data.count(byte) for byte in _CONTROL_BYTES)
        if controls > max(3, len(data) // 100):  # text with binary appended past the sampled start
            raise BinaryDocument("двоичный файл (управляющие байты в тексте), а не текст")
        raise UnknownEncoding("не удалось определить кодировку: текст не читается ни в UTF-8, "
                              "ни в кириллических (Windows-1251, KOI8-R, CP866), ни в западной (Windows-1252)")
    return str(best), best.encoding


def _checked(text: str) -> str:
    if not text.strip():
        raise EmptyDocument("документ пуст")
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise BinaryDocument("двоичный файл (много управляющих символов), а не текст")
    # stray control characters anywhere (a NUL past the sampled start) are never stored or sent to Telegram
    return _CONTROL.sub("", text)


def looks_like_html(text: str) -> bool:
    head = text[:5000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= 5


def read_document(raw: RawDocument) -> Page:
    """Decode and clean one document; HTML by suffix or by its look, anything else as plain text."""
    if len(raw.data) > MAX_BYTES:
        # on the bytes received, whatever the channel declared: every way in (upload, inbox, feed, CLI) passes here
        raise DocumentTooLarge(too_large(len(raw.data)))
    try:
        text, encoding = decode(raw.data)
        title: str | None = None
        published = raw.published
        suffix = Path(raw.location.split("?", 1)[0]).suffix.lower()
        if suffix in HTML_SUFFIXES or looks_like_html(text):
            published = published or html_published(text)
            text, title = clean_html(text)
        else:
            text = clean_text(text)
    except IngestError:
        raise
    except Exception as error:  # a parser bug must not crash the batch: report it as a bad document
        raise UnsupportedFormat(f"документ не разобрать: {type(error).__name__}: {error}".splitlines()[0]) from error
    if not text.strip():
        raise EmptyDocument("после очистки в документе не осталось текста")
    return Page(location=raw.location, text=text, encoding=encoding, outlet=raw.outlet, title=title,
                published=published, received=raw.received)

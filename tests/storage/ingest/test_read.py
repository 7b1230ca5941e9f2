"""Reading documents: paths, size limit, encodings, binary and empty input, HTML sniffing."""
from pathlib import Path

import pytest

from storage.ingest.errors import (
    BinaryDocument,
    DocumentNotFound,
    DocumentTooLarge,
    EmptyDocument,
    IngestError,
    UnknownEncoding,
    UnsupportedFormat,
)
from storage.ingest.read import MAX_BYTES, decode, iter_paths, load_path, read_document
from storage.ingest.records import RawDocument

RU = "24 апреля 2024 года в Москве состоялись консультации государств - членов ОДКБ."
DOCS = Path(__file__).parents[2] / "fixtures" / "docs"


def test_iter_paths_expands_folders_sorted_and_keeps_missing(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.md", "a.txt", "b/1.html", "c.pdf", "d.HTM", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    missing = tmp_path / "nope.txt"
    got = list(iter_paths([tmp_path, missing]))
    assert [p.relative_to(tmp_path).as_posix() for p in got[:-1]] == ["a.txt", "b/1.html", "b/2.md", "d.HTM"]
    assert got[-1] == missing


def test_an_unlistable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    import os

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "inside.txt").write_text("x")
    (tmp_path / "open.txt").write_text("x")
    real_scandir = os.scandir

    def scandir(path="."):  # root ignores chmod 000, so the refusal the OS would give is staged
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = list(iter_paths([tmp_path]))
    assert [p.name for p in got] == ["locked", "open.txt"]
    with pytest.raises(DocumentNotFound, match="папку не прочитать: .*locked: Permission denied"):
        load_path(got[0])


def test_hidden_folders_are_not_walked(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    assert [p.name for p in iter_paths([tmp_path])] == ["a.txt"]


def test_load_path_errors(tmp_path):
    with pytest.raises(DocumentNotFound, match="не найден"):
        load_path(tmp_path / "nope.txt")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(UnsupportedFormat, match=r"\.pdf"):
        load_path(tmp_path / "x.pdf")
    with pytest.raises(UnsupportedFormat, match="папка"):
        load_path(tmp_path)


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: nothing is written

    def fail(*_):
        raise AssertionError("read before the size check")

    monkeypatch.setattr(Path, "read_bytes", fail)
    with pytest.raises(DocumentTooLarge, match="5 МБ"):
        load_path(big)


def test_load_path_returns_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(RU.encode())
    raw = load_path(path)
    assert (raw.location, raw.data) == (str(path), RU.encode())


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (RU.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + RU.encode("utf-8"), "utf-8"),
        (RU.encode("utf-16"), "utf-16"),
        (RU.encode("cp1251"), "cp1251"),
        (RU.encode("koi8_r"), "koi8_r"),
        (b"plain ascii text", "utf-8"),
    ],
)
def test_decode_encodings(data, encoding):
    text, used = decode(data)
    assert (text.lstrip("\ufeff"), used) == (RU if "ascii" not in data.decode("latin-1") else "plain ascii text", encoding)


_EN = "The CSTO ministers met in Genève and Zürich; the résumé of the café talks was adopted."
_FR = "Les ministres des affaires étrangères se sont réunis à Erevan. Déclaration adoptée à l'unanimité."
_DE = "Die Außenminister trafen sich in München und berieten über die Lage in Zentralasien."
_RU_LONG = 'Совет министров обороны ОДКБ обсудил ход подготовки учений "Взаимодействие" и принял решения.'


@pytest.mark.parametrize(("text", "encoding"), [
    (_EN, "latin-1"), (_FR, "latin-1"), (_DE, "cp1252"), (_EN + " “Quoted” — dashes.", "cp1252"),
    (_RU_LONG, "cp866"), (_RU_LONG, "mac_cyrillic"), (_RU_LONG, "iso8859_5"), (_RU_LONG, "koi8_r"),
    ("Совет министров", "cp1251"), ("ЗАСЕДАНИЕ СОВЕТА МИНИСТРОВ ИНОСТРАННЫХ ДЕЛ", "koi8_r"),
    (_RU_LONG + " CSTO Collective Security Council (СКБ), “Minsk”.", "cp1251"),
])
def test_eight_bit_pages_read_as_the_text_they_hold(text, encoding):
    # a Latin-1 page read as Windows-1251 turns "café" into "cafй": the text must come back as written
    assert decode(text.encode(encoding))[0] == text


def test_text_with_binary_appended_past_the_sample_is_binary():
    import random

    noise = random.Random(7).randbytes(50_000)
    with pytest.raises(BinaryDocument, match="управляющие байты"):
        decode(("Заседание прошло в Минске 4 мая 2020 года.\n" * 1600).encode() + noise)


@pytest.mark.parametrize(("declared", "encoding"), [("windows-1251", "koi8_r"), ("koi8-r", "cp1251"),
                                                    ("windows-1251", "utf-8"), ("utf-8", "cp1251")])
def test_a_wrongly_declared_charset_does_not_win(declared, encoding):
    html = f'<html><head><meta charset="{declared}"></head><body><p>{_RU_LONG}</p></body></html>'
    assert decode(html.encode(encoding))[0] == html


def test_decode_honours_html_meta_charset():
    html = f'<html><head><meta charset="windows-1251"></head><body><p>{RU}</p></body></html>'
    assert decode(html.encode("cp1251")) == (html, "cp1251")


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        (b"", EmptyDocument, "пуст"),
        (b" \n\t\r\n ", EmptyDocument, "пуст"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), BinaryDocument, "двоичный"),
        (b"%PDF-1.7\n...", BinaryDocument, "PDF"),
        (b"abc\x00def" * 10, BinaryDocument, "двоичный"),
        (bytes([7, 8, 1, 2, 3, 4, 5, 6]) * 20 + b"text", BinaryDocument, "управляющих"),
        (bytes(range(0x80, 0x100)) * 40, UnknownEncoding, "кодировку"),  # 8-bit noise reads as no text
    ],
)
def test_decode_refuses(data, error, reason):
    with pytest.raises(error, match=reason):
        decode(data)


def test_read_document_html_by_suffix_and_by_sniffing():
    html = "<html><head><title>Новость | ОДКБ</title></head><body><nav>Главная</nav><h1>Заголовок новости</h1>" \
           f"<p>{RU}</p><footer>© ОДКБ</footer></body></html>"
    page = read_document(RawDocument("a.html", html.encode()))
    assert (page.text, page.title, page.encoding) == (f"Заголовок новости\n\n{RU}", "Заголовок новости", "utf-8")
    sniffed = read_document(RawDocument("a.txt", ("<!DOCTYPE html>" + html).encode()))
    assert sniffed.text == page.text


def test_read_document_plain_text_and_markdown():
    page = read_document(RawDocument("a.md", f"## **Заголовок**\r\n\r\n\r\n*Лид.*\r\n\r\n{RU}".encode()))
    assert (page.text, page.title) == (f"Заголовок\n\nЛид.\n\n{RU}", None)


def test_read_document_only_markup_is_empty():
    with pytest.raises(EmptyDocument, match="не осталось текста"):
        read_document(RawDocument("a.html", b"<html><script>var a=1;</script><nav>menu</nav></html>"))


@pytest.mark.parametrize("name", ["24_empty.txt", "25_binary_png.txt"])
def test_corpus_bad_documents_fail_with_ingest_error(name):
    path = DOCS / name
    if not path.exists():
        pytest.skip("corpus not present")
    with pytest.raises(IngestError):
        read_document(load_path(path))


def test_control_characters_past_the_sampled_start_are_never_kept():
    from storage.ingest.read import decode
    body = ("Заседание прошло в Минске. " * 3000).encode()  # past the 64 KiB that is sampled
    text, _ = decode(body + b"\x00\x07\x1b" + "15 мая 2031 года в Минске прошло заседание СМИД ОДКБ.".encode())
    assert len(body) > 65536
    assert not any(ch in text for ch in "\x00\x07\x1b") and text.endswith("заседание СМИД ОДКБ.")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(encoding):
    from storage.ingest.read import decode
    text = "15 мая 2031 года в Минске прошло заседание СМИД ОДКБ.\n"
    decoded, name = decode(text.encode(encoding))
    assert (decoded, name) == (text, encoding)


def test_binary_with_zeros_is_still_binary():
    import random

    from storage.ingest.errors import BinaryDocument
    from storage.ingest.read import decode
    noise = bytes(random.Random(7).randrange(256) for _ in range(5000))
    with pytest.raises(BinaryDocument):
        decode(noise + b"\x00" * 10)


def test_a_date_the_channel_gave_wins_over_the_page_s_own_meta():
    import datetime as dt

    html = ('<html><head><meta property="article:published_time" content="2031-05-04T10:00"></head>'
            f"<body><p>{RU}</p></body></html>").encode()
    feed_date = dt.datetime(2031, 5, 6, 9, 0)
    assert read_document(RawDocument("a.html", html, published=feed_date)).published == feed_date
    assert read_document(RawDocument("a.html", html)).published == dt.datetime(2031, 5, 4)

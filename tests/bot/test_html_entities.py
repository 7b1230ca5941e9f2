import pytest

from bot.botapi.html_entities import Entity, EntityParseError, parse_html


def test_plain_text_and_entities():
    text, entities = parse_html('<b>Жирный</b> и <a href="https://x.org/?a=1&amp;b=2">ссылка</a> &lt;3')
    assert text == "Жирный и ссылка <3"
    assert entities == [Entity("bold", 0, 6), Entity("text_link", 9, 6, "https://x.org/?a=1&b=2")]


def test_nested_tags_and_numeric_entities():
    text, entities = parse_html("<b><i>x</i></b>&#8212;&#x41;")
    assert text == "x—A"
    assert entities == [Entity("italic", 0, 1), Entity("bold", 0, 1)]


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<p>абзац</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("<b>не закрыт", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("AT&T", 'Unescaped "&" at byte offset 2'),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;"'),
        ('<a href="u" title="t">x</a>', 'Unsupported attribute "title" in tag "a" at byte offset 0'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("1 < 2", "Unclosed start tag at byte offset 2"),
    ],
)
def test_refuses_what_telegram_refuses(html, message):
    with pytest.raises(EntityParseError) as error:
        parse_html(html)
    assert str(error.value) == message


def test_utf16_offsets():
    text, entities = parse_html("😀<b>ok</b>")
    assert text == "😀ok"
    assert entities == [Entity("bold", 2, 2)]

"""Cleaning HTML and marked-up text; repairing words glued by a lost line break."""
import pytest
from hypothesis import given, settings, strategies as st

from storage.ingest.clean import clean_html, clean_text, repair_glued_words


def test_clean_html_drops_chrome_elements_and_keeps_blocks():
    html = """<!DOCTYPE html><html><head><title>Сессия СКБ | ОДКБ</title><style>p{}</style>
    <script>alert("x")</script></head><body>
    <header><div class="logo">ОДКБ</div><h1>Сессия  Совета&nbsp;коллективной безопасности</h1></header>
    <nav><a href="/">Главная</a></nav><!-- comment -->
    <article><p>Первый абзац
    продолжается здесь.</p><p>Второй<br>строка &laquo;два&raquo; &amp; ещё</p>
    <ul><li>один</li><li>два</li></ul><iframe src="x">i</iframe><form>f</form></article>
    <aside>Читайте также</aside><footer>© 2024</footer><noscript>js</noscript><svg><text>s</text></svg>
    </body></html>"""
    text, title = clean_html(html)
    assert title == "Сессия Совета коллективной безопасности"
    assert text == ("Сессия Совета коллективной безопасности\n\nПервый абзац продолжается здесь.\n\n"
                    "Второй\nстрока «два» & ещё\n\nодин\n\nдва")


def test_clean_html_title_falls_back_to_title_tag_and_tolerates_broken_markup():
    text, title = clean_html("<html><head><title>Кобальт &#8212; учения\n</head><body><div><h2>Учения"
                             "<p>С 25 по 29 сентября прошли учения.<p>Второй абзац</body>")
    assert title == "Кобальт — учения"
    assert text == "Учения\n\nС 25 по 29 сентября прошли учения.\n\nВторой абзац"


def test_clean_text_markdown_and_spaces():
    raw = ("\ufeff# Заголовок #\r\n\r\n\r\n\r\n## **Жирный  заголовок**\n*Лид\u00a0абзаца.*\n\n"
           "Текст со [ссылкой](http://x.ru) и ![фото](a.png)кар\u00adтинкой,\u200b __важно__.   \n"
           "---\n\n***\n> цитата\n\n\n")
    assert clean_text(raw) == ("Заголовок\n\nЖирный заголовок\nЛид абзаца.\n\n"
                               "Текст со ссылкой и картинкой, важно.\n\nцитата")


def test_clean_text_keeps_bullets_and_arithmetic():
    assert clean_text("* пункт один\n* пункт два\n2 * 3 = 6") == "* пункт один\n* пункт два\n2 * 3 = 6"


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        ("Великой Отечественной войнео подтверждении приверженности",
         "Великой Отечественной войне о подтверждении приверженности"),
        ("принципам Устава ООНо солидарности", "принципам Устава ООН о солидарности"),
        ("говорили о безопасностив регионе", "говорили о безопасности в регионе"),
        ("встреча с министромк сотрудничеству", "встреча с министром к сотрудничеству"),
        # a conjunction glued on needs no case, only a word after it
        ("министрыи генералы обсудили план", "министры и генералы обсудили план"),
        ("учениеа затем марш", "учение а затем марш"),
        # what stays: a name plus a letter, an inflected abbreviation, a letter before a non-word
        ("Петровао решении", "Петровао решении"),
        ("решение МИДа поддержали", "решение МИДа поддержали"),
        ("министрыи хщъ", "министрыи хщъ"),
    ],
)
def test_repair_glued_words(glued, repaired):
    assert repair_glued_words(glued) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "со Станиславом Засем и Сергеем Лавровым",
        "представитель МИДа России и ОДКБ",
        "Норова и Лебедева",
        "слушатели курсов и 2024 годав",
        "Тасмагамбетов встретился с Вольфовичем",
        "министр обороны Хренина и Шойгу",
        "стран СНГи ШОС",
        "бабо б",
        "войнео в",
        "пункто к и",
    ],
)
def test_repair_leaves_real_words(text):
    assert repair_glued_words(text) == text


_TEXT = st.text(alphabet=st.sampled_from(list("аоив сКОДБ\n\r\t*_#-[]()!.\u00a0\u00ad#>войнеоООН12")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_clean_text_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.lists(st.text(alphabet=st.sampled_from(list("абвгдежзиклмнопрстуфхцчшщыэюя ,.")), min_size=1,
                        max_size=40), min_size=1, max_size=6))
def test_clean_text_keeps_paragraphs_of_plain_text(paragraphs):
    plain = [" ".join(p.split()) for p in paragraphs if p.split()]
    out = clean_text("\n\n".join(plain)).split("\n\n")
    # every paragraph, every letter in order; only a space may be added where two words were glued
    # («войнео подтверждении» → «войне о подтверждении»; random letters sometimes look like that)
    assert [p.replace(" ", "") for p in out] == ([p.replace(" ", "") for p in plain] or [""])


def test_clean_html_unclosed_chrome_element_does_not_swallow_the_page():
    text, _ = clean_html("<html><body><nav><a href='/'>Главная</a><div><p>Текст новости о заседании.</p>"
                         "<p>Второй абзац.</p></body></html>")
    assert text == "Главная\n\nТекст новости о заседании.\n\nВторой абзац."


def test_clean_html_unclosed_head_ends_at_body():
    text, title = clean_html("<html><head><title>Заголовок</title><body><p>Текст.</p></body></html>")
    assert (text, title) == ("Текст.", "Заголовок")


@pytest.mark.parametrize("html", [
    "<h1>Министры провели заседание</h2><p>Первый абзац новости.</p><p>Второй абзац.</p>",
    "<h1>Министры провели заседание<p>Первый абзац новости.</p><p>Второй абзац.</p>",
    "<h1>Министры провели заседание</h3><div>Первый абзац новости.</div>",
])
def test_a_headline_closed_by_the_wrong_tag_or_not_at_all_ends_before_the_text(html):
    text, title = clean_html(html)
    assert title == "Министры провели заседание"
    assert "Первый абзац новости." in text


def test_a_page_without_title_or_h1_has_no_title():
    text, title = clean_html("<html><body><p>Первый абзац.</p><p>Второй абзац.</p></body></html>")
    assert (text, title) == ("Первый абзац.\n\nВторой абзац.", None)
    # a fragment that starts with text before any tag: that text is the page's, not a title
    assert clean_html("Первый абзац.<p>Второй абзац.</p>") == ("Первый абзац.\n\nВторой абзац.", None)


@pytest.mark.parametrize("html", [
    "<div>Меню</div></h1><h1>Министры провели заседание</h1><p>Первый абзац новости.</p>",
    "<p>Раздел</p></h1></h1><h1>Министры провели заседание</h1><p>Первый абзац новости.</p>",
])
def test_a_stray_closing_h1_before_the_headline_changes_nothing(html):
    text, title = clean_html(html)
    assert title == "Министры провели заседание" and text.endswith("Первый абзац новости.")


@pytest.mark.parametrize("html, title", [
    ("<h1>Министры провели заседание</h2>Первый абзац новости.", "Министры провели заседание"),
    ("<h1>Министры <b>провели</b> <a href='/x'>заседание</a></h1><p>Первый абзац новости.</p>",
     "Министры провели заседание"),
])
def test_a_headline_ends_at_a_heading_close_not_at_inline_markup(html, title):
    assert clean_html(html)[1] == title


@pytest.mark.parametrize("html, text", [
    # a self-closed line break keeps the lines of one paragraph; a block opens a new one
    ("<p>Первая строка<br/>вторая строка</p><p>Абзац</p>", "Первая строка\nвторая строка\n\nАбзац"),
    ("<p>Первая строка<br>вторая строка</p>", "Первая строка\nвторая строка"),
    ("<div>Раз<hr/>Два</div>", "Раз\n\nДва"),
])
def test_line_breaks_and_blocks_in_html(html, text):
    assert clean_html(f"<html><body>{html}</body></html>")[0].strip() == text

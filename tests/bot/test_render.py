import datetime as dt

from hypothesis import given, settings, strategies as st

from bot.botapi.html_entities import parse_html
from bot.render import LIMIT, html_to_plain, render_answer, render_card, render_full, render_list, split_message
from bot.texts import EN, RU
from storage.search.answer import Answer, Citation
from storage.search.intents import Intent
from storage.search.records import DecisionRecord, EventRecord, FactRecord, PersonRecord, SourceRecord


def record(**kw) -> EventRecord:
    base = dict(id=7, date_start=dt.date(2020, 5, 26), date_end=dt.date(2020, 5, 26),
                title="Заседание СМИД ОДКБ", body="Совет министров иностранных дел", body_short="СМИД",
                kind="заседание", place="Москва", format="видеоконференция", chair_person="Сергей Лавров",
                chair_role="Министр иностранных дел", chair_state="Россия", summary="Одобрены заявления.")
    base.update(kw)
    return EventRecord(**base)


def test_card_exact():
    assert render_card(record()) == (
        "<b>26 мая 2020 г.</b> · СМИД\n<b>Заседание СМИД ОДКБ</b>\n"
        "Вид: заседание · Место: Москва · Формат: видеоконференция\n"
        "Председатель: Сергей Лавров (Министр иностранных дел, Россия)\n<i>Одобрены заявления.</i>")


def test_range_dates_and_english_labels():
    card = render_card(record(date_start=dt.date(2024, 4, 1), date_end=dt.date(2024, 4, 23), chair_person=None), EN)
    assert card.startswith("<b>April 1–23, 2024</b>")
    assert "Kind: заседание" in card
    assert render_card(record(date_start=dt.date(2024, 4, 1), date_end=dt.date(2024, 4, 23))).startswith(
        "<b>с 1 по 23 апреля 2024 г.</b>")


def test_document_text_is_escaped():
    evil = record(title="<script>&nbsp; AT&T</script>", place="<b>", summary="a < b && c > d")
    html = render_full(evil)
    parse_html(html)  # Telegram would accept it
    assert "&lt;script&gt;&amp;nbsp; AT&amp;T&lt;/script&gt;" in html
    assert "<script>" not in html


def test_full_record_sections_and_links():
    full = render_full(record(
        participants=(PersonRecord("Станислав Зась", "Генеральный секретарь", "ОДКБ"),),
        decisions=(DecisionRecord("Одобрено заявление", "одобрен"),),
        topics=("Безопасность",),
        facts=(FactRecord("chair_person", "Сергей Лавров", "Председательствовал Сергей Лавров.", "https://x.org/a?b=1&c=2"),),
        sources=(SourceRecord("https://x.org/a?b=1&c=2", "Новость", "текст"), SourceRecord("seeds/a.txt", None, "т")),
    ))
    plain, _ = parse_html(full)
    assert "Участники\n• Станислав Зась — Генеральный секретарь, ОДКБ" in plain
    assert "Решения\n• Одобрено заявление" in plain
    assert "• «Председательствовал Сергей Лавров.» — председатель: Сергей Лавров" in plain
    assert '<a href="https://x.org/a?b=1&amp;c=2">Новость</a>' in full
    assert "• seeds/a.txt" in plain


def answer(confident: bool, text: str = "", hits=(), citations=()) -> Answer:
    return Answer("вопрос", "ru", Intent.chair, confident, text, hits, citations)


def test_answer_comes_first_then_card_then_sources():
    cite = Citation("chair", "Сергей Лавров", "Под председательством Лаврова.", "https://x.org/n", "Новость")
    html = render_answer(answer(True, "Председатель — Сергей Лавров.", citations=(cite,)), [record()], RU)
    blocks = html.split("\n\n")
    assert blocks[0] == "<b>Председатель — Сергей Лавров.</b>"
    assert blocks[1] == render_card(record())
    assert blocks[2] == '<b>Источники</b>\n• «Под председательством Лаврова.» — <a href="https://x.org/n">Новость</a>'


def test_unsure_and_nothing():
    unsure = html_to_plain(render_answer(answer(False), [record()], RU))
    assert unsure == "Не уверен, что понял вопрос. Возможно, вы имели в виду…\n• 26 мая 2020 г. — СМИД"
    nothing = html_to_plain(render_answer(answer(False), [], RU, (3, dt.date(2020, 5, 26), dt.date(2024, 4, 24))))
    assert nothing.startswith("В записях нет ответа на этот вопрос.\nЯ знаю 3 события ОДКБ с 26 мая 2020 г. по 24 апреля 2024 г.")


def test_html_to_plain_links():
    assert html_to_plain('<b>x</b> <a href="https://a.b/?q=1&amp;r=2">site</a> &lt;3') == "x site (https://a.b/?q=1&r=2) <3"
    assert html_to_plain('<a href="https://a.b">https://a.b</a>') == "https://a.b"


def test_split_long_card_into_valid_parts():
    huge = record(participants=tuple(PersonRecord(f"Участник <{i}> & Ко", "роль " * 20) for i in range(300)),
                  title="Очень длинный заголовок & " * 400)
    html = render_full(huge)
    parts = split_message(html)
    assert len(parts) > 1
    for part in parts:
        assert len(part) <= LIMIT
        parse_html(part)
    assert html_to_plain("".join(parts)).count("Участник") == html_to_plain(html).count("Участник")


text_pieces = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=3000)


@settings(max_examples=60, deadline=None)
@given(title=text_pieces.filter(lambda s: s.strip()), summary=text_pieces, people=st.lists(text_pieces, max_size=30),
       topics=st.lists(text_pieces, max_size=10))
def test_every_rendered_message_is_valid_and_short(title, summary, people, topics):
    rec = record(title=title, summary=summary or None,
                 participants=tuple(PersonRecord(p or "x") for p in people), topics=tuple(topics))
    for html in (render_full(rec), render_list("t", [rec, rec], RU), render_card(rec)):
        for part in split_message(html):
            assert len(part) <= LIMIT
            parse_html(part)

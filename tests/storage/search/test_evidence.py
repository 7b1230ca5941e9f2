"""Answers quote the source sentence that says what the fields do not: a number, a reason, who commanded,
what a stage rehearsed; never a sentence that carries too little of what was asked."""
import datetime as dt

import pytest

from storage.search.answer import QA
from storage.search.evidence import best_quote, sentences
from storage.search.index import Slot
from storage.search.records import DecisionRecord, EventRecord, SourceRecord

D = dt.date(2031, 9, 12)

EXERCISE_RU = (
    "Совместное учение «Горный рубеж-2031» Коллективных сил оперативного реагирования ОДКБ началось на полигоне "
    "Тамга. Всего в учении задействовано около 2 700 военнослужащих и 350 единиц техники. Руководил учением "
    "начальник Объединённого штаба генерал-полковник Тимур Абдуллаев. Впервые отрабатывалось десантирование "
    "с вертолётов Ми-8 в горах. Делегацию Армении на учение не направила, сославшись на занятость войск."
)
EXERCISE_EN = (
    "The CSTO Mountain Line-2031 drills opened at the Tamga range on Friday. Some 2,700 troops and 350 pieces "
    "of equipment are involved. Armenia did not send a contingent, citing the workload of its forces."
)


def exercise(**extra) -> EventRecord:
    return EventRecord(
        id=1, date_start=D, date_end=dt.date(2031, 9, 16), title="Учение «Горный рубеж-2031» на полигоне Тамга",
        body="Коллективные силы оперативного реагирования ОДКБ", body_short="КСОР", kind="учения",
        place="Иссык-Кульская область",
        sources=(SourceRecord("feed://a/1", "Учение «Горный рубеж-2031»", EXERCISE_RU),
                 SourceRecord("feed://b/2", "Mountain Line-2031 drills", EXERCISE_EN)),
        **extra)


def with_others(record: EventRecord) -> QA:
    """The record in a store of six unrelated meetings, so that its words are rare enough to count."""
    return QA.from_records([record, *(other(i, f"Заседание {i}", "Министры обсудили ситуацию.") for i in range(2, 8))])


def other(i: int, title: str, text: str) -> EventRecord:
    return EventRecord(id=i, date_start=dt.date(2030, 4, i), date_end=dt.date(2030, 4, i), title=title,
                       sources=(SourceRecord(f"feed://c/{i}", title, text),))


@pytest.fixture(scope="module")
def qa() -> QA:
    return QA.from_records([
        exercise(),
        other(2, "Заседание Совета министров обороны ОДКБ в Москве",
              "Министры обороны обсудили план подготовки войск. Заседание прошло в Москве."),
        other(3, "Консультации по вопросам миграции в Астане",
              "Эксперты обсудили миграционную политику. Следующая встреча пройдёт осенью."),
    ])


@pytest.mark.parametrize("question, quoted", [
    ("Сколько военнослужащих участвовало в учении «Горный рубеж-2031»?", "2 700"),
    ("Сколько техники задействовали на учении Горный рубеж-2031?", "350 единиц"),
    ("сколько человек было на горном рубеже 2031", "2 700"),
    ("Кто руководил учением «Горный рубеж-2031»?", "Абдуллаев"),
    ("Что впервые отрабатывали на учении Горный рубеж-2031?", "десантирование"),
    ("Почему Армения не направила делегацию на учение Горный рубеж-2031?", "занятость"),
    ("How many troops took part in the Mountain Line-2031 drills?", "2,700"),
    ("Why did Armenia not send a contingent to the Mountain Line-2031 drills?", "workload"),
])
def test_the_answer_quotes_the_sentence_that_says_it(qa, question, quoted):
    a = qa.answer(question)
    assert a.confident and a.hits[0].event_id == 1
    assert quoted in a.text
    assert any(c.field == "source" and quoted in c.sentence for c in a.citations)


def test_an_english_answer_introduces_the_quote_in_english(qa):
    a = qa.answer("How many troops took part in the Mountain Line-2031 drills?")
    assert "The source says: “" in a.text and "В источнике" not in a.text


@pytest.mark.parametrize("question", [
    "Где прошло учение «Горный рубеж-2031»?",  # the field answers it; nothing asked beyond the event
    "Учение Горный рубеж-2031",
    "Когда было учение «Горный рубеж-2031»?",
])
def test_nothing_is_quoted_when_the_fields_answer_everything_asked(qa, question):
    a = qa.answer(question)
    assert a.confident and "В источнике" not in a.text and "The source says" not in a.text


def slot(word: str, *terms: str) -> Slot:
    return Slot(word, tuple((t, 1.0) for t in terms or (word,)), False, False)


def test_a_sentence_carrying_too_little_of_the_question_is_not_quoted():
    # three asked words of equal weight; the best sentence has one of them: a third is not an answer
    asked = [slot("военнослужащих", "военнослужащий"), slot("вертолеты", "вертолет"), slot("погибли", "погибнуть")]
    r = EventRecord(id=1, date_start=D, date_end=D, title="x",
                    sources=(SourceRecord("a", None, "В учении было много военнослужащих. Погода была ясной."),))
    assert best_quote(r, asked, lambda s: 1.0) is None
    two = EventRecord(id=1, date_start=D, date_end=D, title="x",
                      sources=(SourceRecord("a", None, "Военнослужащие прибыли на вертолетах Ми-8."),))
    assert best_quote(two, asked, lambda s: 1.0).sentence.startswith("Военнослужащие")


def test_the_weightier_word_decides_between_sentences():
    asked = [slot("техники", "техника"), slot("подразделения", "подразделение")]
    r = EventRecord(id=1, date_start=D, date_end=D, title="x", sources=(SourceRecord("a", None, (
        "Подразделения прибыли утром. Задействовано 40 единиц техники.")),))
    weights = {"техники": 3.0, "подразделения": 1.0}
    assert "техники" in best_quote(r, asked, lambda s: weights[s.word]).sentence
    weights = {"техники": 1.0, "подразделения": 3.0}
    assert "Подразделения" in best_quote(r, asked, lambda s: weights[s.word]).sentence


def test_a_sentence_that_adds_nothing_to_the_answer_is_not_quoted():
    asked = [slot("абдуллаев")]
    r = EventRecord(id=1, date_start=D, date_end=D, title="x",
                    sources=(SourceRecord("a", None, "Учением руководил Абдуллаев."),))
    assert best_quote(r, asked, lambda s: 1.0) is not None
    assert best_quote(r, asked, lambda s: 1.0, exclude="председатель — Тимур Абдуллаев") is None


def test_a_long_sentence_is_cut_around_the_words_asked():
    filler = "Участники отработали взаимодействие подразделений в сложных условиях горной местности, " * 8
    text = filler + "при этом задействовали 12 беспилотников «Орлан» для разведки, " + filler.rstrip(", ") + "."
    r = EventRecord(id=1, date_start=D, date_end=D, title="x", sources=(SourceRecord("a", None, text),))
    quote = best_quote(r, [slot("беспилотников", "беспилотник")], lambda s: 1.0)
    assert "12 беспилотников" in quote.sentence
    assert len(quote.sentence) <= 330 and quote.sentence.startswith("…") and quote.sentence.endswith("…")


@pytest.mark.parametrize("text, expected", [
    ("Саммит прошёл в г. Москве. Его открыл А. Лукашенко.", ["Саммит прошёл в г. Москве.", "Его открыл А. Лукашенко."]),
    ("«Мы готовы!» Так сказал он. Потом ушёл.", ["«Мы готовы!»", "Так сказал он.", "Потом ушёл."]),
    ("Gen. Smith arrived. He said: \"It is done.\" Then he left.",
     ["Gen. Smith arrived.", "He said: \"It is done.\"", "Then he left."]),
    ("Первая строка без точки\nВторая строка.", ["Первая строка без точки", "Вторая строка."]),
    ("В 2031 г. учение прошло. 12 мая — второе.", ["В 2031 г. учение прошло.", "12 мая — второе."]),
    ("Версия 2.0 вышла. т.е. ничего", ["Версия 2.0 вышла. т.е. ничего"]),
])
def test_sentences_split_at_ends_not_at_abbreviations(text, expected):
    assert sentences(text) == expected


def test_a_summary_names_the_first_decision_when_nothing_else_is_asked():
    r = EventRecord(id=1, date_start=D, date_end=D, title="Сессия Совета коллективной безопасности в Минске",
                    decisions=(DecisionRecord("утвердить Стратегию коллективной безопасности до 2040 года"),
                               DecisionRecord("назначить нового генерального секретаря")),
                    sources=(SourceRecord("a", None, "Главы государств утвердили Стратегию."),))
    a = QA.from_records([r, *FILLER]).answer("Что произошло 12 сентября 2031 года?")
    assert a.confident and "утвердить Стратегию коллективной безопасности до 2040 года" in a.text
    assert "и ещё 1" in a.text
    en = QA.from_records([r, *FILLER]).answer("What happened on 12 September 2031?")
    assert "decisions: утвердить Стратегию" in en.text and "and 1 more" in en.text


@pytest.mark.parametrize("question, quoted", [
    ("Какие страны участвовали в сессии СКБ 12 сентября 2031?", "делегации Армении"),
    ("Which countries took part in the session on 12 September 2031?", "делегации Армении"),
    ("Кто председательствовал на сессии 12 сентября 2031?", "Председательствовал"),
])
def test_when_the_field_asked_is_empty_the_sentence_about_it_is_quoted(question, quoted):
    r = EventRecord(id=1, date_start=D, date_end=D, title="Сессия Совета коллективной безопасности в Минске",
                    body="Совет коллективной безопасности ОДКБ", body_short="СКБ", kind="сессия",
                    sources=(SourceRecord("a", None, (
                        "Сессия прошла в Минске. В заседании приняли участие делегации Армении, Беларуси и "
                        "Казахстана. Председательствовал на встрече глава принимающей стороны.")),))
    a = QA.from_records([r, *FILLER]).answer(question)
    assert a.confident and quoted in a.text


def test_an_abbreviation_also_means_its_words_even_where_the_store_has_it():
    appointed = EventRecord(id=1, date_start=D, date_end=D, title="Сессия СКБ в Душанбе", place="Душанбе",
                            sources=(SourceRecord("a", None, "Генеральным секретарём назначен Иван Петров."),))
    elsewhere = EventRecord(id=2, date_start=dt.date(2030, 1, 5), date_end=dt.date(2030, 1, 5),
                            title="Генсек ОДКБ посетил Ереван", place="Ереван")
    qa = QA.from_records([appointed, elsewhere, *FILLER])
    slot = next(s for s in qa.index.slots("генсек") if s.word == "генсек")
    assert {"генсек", "генеральный", "секретарь"} <= {t for t, _ in slot.terms}
    a = qa.answer("Кого назначили генсеком на сессии в Душанбе 12 сентября 2031?")
    assert a.confident and a.hits[0].event_id == 1 and "Петров" in a.text


FILLER = [EventRecord(id=100 + i, date_start=dt.date(2020 + i % 5, 1 + i % 12, 1 + i), date_end=dt.date(
    2020 + i % 5, 1 + i % 12, 1 + i), title=f"Рабочая встреча экспертов № {i}") for i in range(30)]


@pytest.mark.parametrize("question, quoted", [
    # "человек" also means «военнослужащие»: the record's «военные» in the title must not count as naming it
    ("Сколько человек участвовало в военных учениях «Щит-2031»?", "900 человек"),
    ("Какие самолеты участвовали в учениях «Щит-2031»?", "Су-34"),
    ("Which aircraft took part in the Shield-2031 drills?", "Су-34"),
])
def test_a_word_asked_is_quoted_by_its_synonyms_and_not_hidden_by_them(question, quoted):
    r = EventRecord(id=1, date_start=D, date_end=D, title="Военные учения «Щит-2031» в Казахстане", kind="учения",
                    body="Коллективные силы оперативного реагирования ОДКБ", body_short="КСОР",
                    sources=(SourceRecord("a", "Shield-2031 drills", (
                        "Учения «Щит-2031» прошли на полигоне Матыбулак. Всего задействовано 900 человек и "
                        "120 единиц техники. Привлекалась авиация — бомбардировщики Су-34 и вертолёты Ми-8.")),))
    a = QA.from_records([r, *FILLER]).answer(question)
    assert a.confident and quoted in a.text


# a how-many question is answered by the sentence giving the counted thing with a number, even when the
# question's other words (a state, an adjective of the event) are not in that sentence
COUNTS = (
    "Учение миротворческих сил ОДКБ «Нерушимое братство-2032» прошло в Гродненской области Беларуси 14–18 "
    "августа 2032 года. Белорусская сторона выступила хозяином манёвров. Было задействовано около 400 единиц "
    "бронетанковой и автомобильной техники. Всего в учении участвовали до 1 800 человек. Наблюдатели из Сербии "
    "высоко оценили подготовку. The drills involved some 1,800 troops and about 400 pieces of equipment."
)


def counts_record() -> EventRecord:
    return EventRecord(id=1, date_start=dt.date(2032, 8, 14), date_end=dt.date(2032, 8, 18),
                       title="Учение «Нерушимое братство-2032»", body="Коллективные миротворческие силы ОДКБ",
                       body_short="КМС", kind="учения", place="Гродненская область",
                       sources=(SourceRecord("feed://a/1", "Нерушимое братство-2032", COUNTS),))


@pytest.mark.parametrize("question, number", [
    ("Сколько техники задействовали на миротворческих учениях ОДКБ в Беларуси в августе 2032?", "400"),
    ("сколько единиц техники было на учении Нерушимое братство-2032", "400"),
    ("Сколько человек участвовало в учении миротворцев в Беларуси в 2032 году?", "1 800"),
    ("Сколько военнослужащих было на учении «Нерушимое братство-2032»?", "1 800"),
    ("How many troops took part in the peacekeeping drills in Belarus in August 2032?", "1,800"),
    ("How much equipment was used at the Indestructible Brotherhood-2032 drills?", "400"),
])
def test_a_how_many_question_quotes_the_sentence_with_the_number(question, number):
    a = with_others(counts_record()).answer(question)
    assert a.confident and number in a.text, a.text


def test_a_counted_word_without_a_number_in_any_sentence_quotes_nothing_for_it():
    r = EventRecord(id=1, date_start=D, date_end=D, title="Учение КСОР", kind="учения",
                    sources=(SourceRecord("a", "Учение", "Военнослужащие отработали десантирование 12 сентября."),))
    slot = Slot("военнослужащих", (("военнослужащий", 1.0),), False, False)
    assert best_quote(r, [slot], lambda s: 1.0, counted=slot) is None


@pytest.mark.parametrize("question, said", [
    ("Подписал ли Туркменистан соглашение о КСОР в июне 2031?", "не подписал"),
    ("Did Turkmenistan sign the rapid reaction forces agreement in June 2031?", "не подписал"),
])
def test_a_no_to_whether_someone_took_part_quotes_what_the_source_says_of_them(question, said):
    text = ("14 июня 2031 года главы государств подписали Соглашение о КСОР. Туркменистан соглашение не подписал, "
            "выразив особое мнение по ряду пунктов.")
    r = EventRecord(id=1, date_start=dt.date(2031, 6, 14), date_end=dt.date(2031, 6, 14),
                    title="Подписано соглашение о КСОР", body="Совет коллективной безопасности ОДКБ",
                    body_short="СКБ", kind="сессия", place="Москва",
                    sources=(SourceRecord("feed://a/1", "Соглашение о КСОР", text),))
    a = with_others(r).answer(question)
    assert a.confident and said in a.text and "Sign " not in a.text, a.text


@pytest.mark.parametrize("question", [
    "Где решили провести следующее заседание КССБ после встречи 3 апреля 2031?",
    "Когда пройдёт следующее заседание КССБ, решённое 3 апреля 2031?",
    "Where will the next meeting of the security council secretaries after 3 April 2031 be held?",
])
def test_the_next_meeting_is_also_the_regular_one(question):
    # readers ask for «следующее», communiqués say «очередное»
    text = ("3 апреля 2031 года в Ереване прошло заседание Комитета секретарей советов безопасности ОДКБ. "
            "Очередное заседание Комитета решено провести в октябре 2031 года в Астане.")
    r = EventRecord(id=1, date_start=dt.date(2031, 4, 3), date_end=dt.date(2031, 4, 3),
                    title="Заседание КССБ в Ереване", body="Комитет секретарей советов безопасности ОДКБ",
                    body_short="КССБ", kind="заседание", place="Ереван",
                    sources=(SourceRecord("feed://a/1", "КССБ в Ереване", text),))
    a = with_others(r).answer(question)
    assert a.confident and "Астане" in a.text, a.text


@pytest.mark.parametrize("question, said", [
    ("О чём говорили министры обороны на заседании 3 марта 2031?", "обстановку на таджикско-афганской границе"),
    ("Какие темы поднимали министры обороны 3 марта 2031?", "обстановку на таджикско-афганской границе"),
    ("What did the defence ministers talk about on 3 March 2031?", "обстановку на таджикско-афганской границе"),
    ("Что постановили министры обороны 3 марта 2031?", "план совместной подготовки"),
    ("What did the defence ministers agree on 3 March 2031?", "план совместной подготовки"),
])
def test_an_empty_field_is_answered_by_the_sentence_that_speaks_of_it(question, said):
    text = ("3 марта 2031 года в Ереване прошло заседание Совета министров обороны ОДКБ. Министры обсудили "
            "обстановку на таджикско-афганской границе. По итогам утверждён план совместной подготовки войск.")
    r = EventRecord(id=1, date_start=dt.date(2031, 3, 3), date_end=dt.date(2031, 3, 3),
                    title="Заседание СМО в Ереване", body="Совет министров обороны ОДКБ", body_short="СМО",
                    kind="заседание", place="Ереван", sources=(SourceRecord("feed://a/1", "СМО в Ереване", text),))
    a = with_others(r).answer(question)
    assert a.confident and said in a.text, a.text


@pytest.mark.parametrize("question", [
    "Какие страны подписали соглашение о КСОР в июне 2031?", "кто подписал соглашение о КСОР в июне 2031",
    "Which countries signed the rapid reaction forces agreement in June 2031?",
    "Какие государства участвовали в сессии СКБ 14 июня 2031?",
])
def test_a_question_answered_by_states_quotes_the_sentence_that_names_them(question):
    text = ("14 июня 2031 года в Москве прошла сессия Совета коллективной безопасности ОДКБ. Главы государств "
            "обсудили обстановку в регионе. Соглашение подписали президенты Армении, Казахстана, Киргизии, России и "
            "Таджикистана. Делегация Белоруссии в Москву не прибыла.")
    r = EventRecord(id=1, date_start=dt.date(2031, 6, 14), date_end=dt.date(2031, 6, 14),
                    title="Подписано соглашение о КСОР", body="Совет коллективной безопасности ОДКБ",
                    body_short="СКБ", kind="сессия", place="Москва",
                    sources=(SourceRecord("feed://a/1", "Соглашение о КСОР", text),))
    a = with_others(r).answer(question)
    assert a.confident and "Армении, Казахстана" in a.text, a.text


@pytest.mark.parametrize("text, expected", [
    ("Министры примут решения:\n\n- о плане подготовки;\n- о порядке связи.\n\nДалее пресс-конференция.",
     ["Министры примут решения: - о плане подготовки; - о порядке связи.", "Далее пресс-конференция."]),
    ("The ministers will approve:\n• a training plan;\n• a communications procedure.\nThen a press conference.",
     ["The ministers will approve: • a training plan; • a communications procedure.", "Then a press conference."]),
    ("Повестка:\n1) границы;\n2) миграция.", ["Повестка: 1) границы; 2) миграция."]),
    # a colon without a list after it stays a sentence of its own
    ("Итоги таковы:\nМинистры разошлись.", ["Итоги таковы:", "Министры разошлись."]),
])
def test_a_sentence_ending_in_a_colon_keeps_its_list(text, expected):
    assert sentences(text) == expected


def test_the_answer_quotes_a_list_of_planned_decisions():
    text = ("16 августа 2031 года в Ереване пройдёт заседание Совета министров обороны ОДКБ. По итогам планируется "
            "принять решения:\n\n- о совершенствовании системы связи;\n- о снабжении войск.\n\nМинистры прибудут утром.")
    r = EventRecord(id=1, date_start=dt.date(2031, 8, 16), date_end=dt.date(2031, 8, 16),
                    title="СМО в Ереване", body="Совет министров обороны ОДКБ", body_short="СМО", kind="заседание",
                    place="Ереван", sources=(SourceRecord("feed://a/1", "СМО в Ереване", text),))
    a = with_others(r).answer("Какие решения планировали принять министры обороны в Ереване в 2031 году?")
    assert a.confident and "о снабжении войск" in a.text, a.text


@pytest.mark.parametrize("text, said", [
    ("Главным решением сессии стало назначение генерального секретаря. Им стал Иван Кочуба, до этого посол.",
     "Иван Кочуба"),
    ("Главным решением сессии стало назначение генерального секретаря. Этот пост занял Иван Кочуба.", "Иван Кочуба"),
    ("The session's main decision was to appoint a Secretary General. He is Ivan Kochuba, a former ambassador.",
     "Ivan Kochuba"),
])
def test_a_quoted_sentence_keeps_the_next_one_that_continues_it(text, said):
    r = EventRecord(id=1, date_start=dt.date(2031, 4, 28), date_end=dt.date(2031, 4, 28), title="Сессия СКБ",
                    body="Совет коллективной безопасности ОДКБ", body_short="СКБ", kind="сессия", place="Душанбе",
                    sources=(SourceRecord("feed://a/1", "Сессия", f"Лидеры собрались в Душанбе. {text} "
                                                                  f"Следующая сессия пройдёт в Москве."),))
    slot_ru = Slot("назначение", (("назначение", 1.0),), False, False)
    slot_en = Slot("appoint", (("appoint", 1.0),), False, False)
    quote = best_quote(r, [slot_en if "appoint" in text else slot_ru], lambda s: 1.0)
    assert quote is not None and said in quote.sentence and "Москве" not in quote.sentence, quote


@pytest.mark.parametrize("question", [
    "Наблюдатели каких стран присутствовали на учении 14 июня 2031?",
    "Which countries sent observers to the exercise on 14 June 2031?",
])
def test_the_states_quote_is_the_one_saying_what_was_asked_not_the_longest_list(question):
    text = ("14 июня 2031 года на полигоне Тамга завершилось учение КСОР ОДКБ. Наблюдатели из Польши, Германии и "
            "Турции присутствовали на финале. Observers from Poland, Germany and Turkey attended the final stage. "
            "В ОДКБ входят Армения, Беларусь, Казахстан, Кыргызстан, Россия и Таджикистан.")
    r = EventRecord(id=1, date_start=dt.date(2031, 6, 14), date_end=dt.date(2031, 6, 14), title="Учение КСОР",
                    body="Коллективные силы оперативного реагирования ОДКБ", body_short="КСОР", kind="учения",
                    place="Иссык-Кульская область", sources=(SourceRecord("feed://a/1", "Учение", text),))
    a = with_others(r).answer(question)
    assert a.confident and ("Польши, Германии" in a.text or "Poland, Germany" in a.text), a.text
    assert "В ОДКБ входят" not in a.text

"""/start and /help: what the bot knows, what it can do, three example questions from the records."""
from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.types import CallbackQuery, Message

from bot.keyboards import ExampleCb, examples_keyboard
from bot.render import esc, render_knows
from bot.replies import reply_html
from bot.texts import Texts
from storage.lexicon.months import ENGLISH, PREPOSITIONAL_RU
from storage.search.answer import QA
from storage.search.records import EventRecord
from storage.search.render_dates import format_date_range




def _at_kind(kind: str) -> str | None:
    """"на консультациях", "на заседании": the event kind in the prepositional case, number kept."""
    from storage.nlp.morph import inflect, parses

    words = kind.split()
    if not words:
        return None
    head = words[0]
    plural = not any({"NOUN", "nomn", "sing"} <= set(p.tag.grammemes) for p in parses(head))
    form = inflect(head, frozenset({"loct", "plur" if plural else "sing"}))
    return " ".join([form, *words[1:]]) if form else None


def _where_question(kind: str, when: str) -> str | None:
    """"Где проходили консультации …?": the verb agrees with the kind's number and gender."""
    from storage.nlp.morph import parses

    head = kind.split()[0]
    nouns = [p for p in parses(head) if {"NOUN", "nomn"} <= set(p.tag.grammemes)]
    if not nouns:
        return None
    grammemes = set(nouns[0].tag.grammemes)
    ending = "и" if "plur" in grammemes else {"femn": "а", "neut": "о"}.get(nouns[0].tag.gender, "")
    return f"Где проходил{ending} {kind} {when}?"


def example_question(record: EventRecord, kind: str, lang: str) -> str | None:
    """A natural question about one stored event; None when the record cannot answer that kind."""
    # only acronyms ("СМИД", "ПА ОДКБ") read right after "на"; "на Секретариат" would not
    name = record.body_short if record.body_short and record.body_short.split()[0].isupper() else None
    day = record.date_start
    if lang == "en":
        if not name:
            return None
        when = f"in {ENGLISH[day.month - 1]} {day.year}"
        return {"chair": f"Who chaired the {name} meeting {when}?",
                "decisions": f"What did the {name} decide {when}?",
                "topics": f"What was discussed at the {name} {when}?",
                "place": f"Where did the {name} meet {when}?"}.get(kind)
    if name:
        at, when = f"на {name}", f"в {PREPOSITIONAL_RU[day.month - 1]} {day.year} года"
    elif record.kind and (at_kind := _at_kind(record.kind)):
        at, when = f"на {at_kind}", format_date_range(record.date_start, record.date_end).removesuffix(" г.") + " года"
    else:
        return None
    return {"chair": f"Кто председательствовал {at} {when}?",
            "decisions": f"Что решили {at} {when}?",
            "topics": f"Что обсуждали {at} {when}?",
            "place": f"Где прошло заседание {name} {when}?" if name else _where_question(record.kind, when)}.get(kind)


def example_questions(records: list[EventRecord], lang: str, limit: int = 3) -> list[tuple[str, int, str]]:
    """Up to `limit` questions of different kinds about the newest events that can answer them."""
    wanted = ["chair", "decisions", "topics", "place"]
    has = {"chair": lambda r: bool(r.chair_person), "decisions": lambda r: bool(r.decisions),
           "topics": lambda r: bool(r.topics), "place": lambda r: bool(r.place)}
    out: list[tuple[str, int, str]] = []
    used: set[int] = set()
    newest = sorted(records, key=lambda r: (r.date_start, r.id), reverse=True)
    for kind in wanted:
        for record in newest:
            if record.id in used or not has[kind](record):
                continue
            question = example_question(record, kind, lang)
            if question:
                out.append((question, record.id, kind))
                used.add(record.id)
                break
        if len(out) == limit:
            break
    return out


def render_help(qa: QA, t: Texts) -> tuple[str, list[tuple[str, int, str]]]:
    examples = example_questions(list(qa.index.records), t.lang)
    text = (f"<b>{esc(t.start_title)}</b>\n{esc(t.start_intro)}\n\n{esc(render_knows(qa.stats(), t))}\n\n"
            f"{esc(t.capabilities)}")
    if examples:
        text += f"\n\n{esc(t.examples)}"
    return text, examples


async def cmd_help(message: Message, qa: QA, texts: Texts) -> None:
    text, examples = render_help(qa, texts)
    await reply_html(message, text, examples_keyboard(examples))


async def on_example(callback: CallbackQuery, callback_data: ExampleCb, qa: QA, texts: Texts) -> None:
    from bot.handlers.ask import answer_question

    record = qa.record(callback_data.id)
    question = example_question(record, callback_data.kind, texts.lang) if record else None
    await callback.answer()
    if question is None or callback.message is None:
        await callback.message.answer(texts.event_not_found) if callback.message else None
        return
    await callback.message.answer(f"❓ {esc(question)}", parse_mode="HTML")
    await answer_question(callback.message, question, qa, texts)


def make_router() -> Router:
    """A fresh router (a router can belong to one dispatcher only; tests build many)."""
    router = Router(name="start")
    router.message.register(cmd_help, CommandStart())
    router.message.register(cmd_help, Command("help"))
    router.callback_query.register(on_example, ExampleCb.filter())
    return router

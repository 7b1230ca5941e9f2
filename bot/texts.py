"""Every user-facing string of the bot: Russian by default, English for users whose Telegram is English.

Texts are plain (not HTML): the renderer escapes and marks them up. Templates use str.format fields.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


def plural_ru(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


@dataclass(frozen=True, slots=True)
class Texts:
    lang: str
    start_title: str
    start_intro: str
    knows: str  # {count} {events} {first} {last}
    knows_nothing: str
    capabilities: str
    examples: str
    latest_title: str
    latest_empty: str
    latest_bad_arg: str
    more_button: str
    details_button: str
    event_title: str  # {query}
    event_none: str  # {query}
    event_nearest: str
    event_before: str  # {date}
    event_after: str  # {date}
    event_ask_date: str
    event_not_found: str
    search_ask_text: str
    question_too_long: str  # {length}, {limit}
    follow_up_reset: str
    answer_unsure: str
    answer_nothing: str
    answer_hint: str  # {count} {events} {first} {last}
    sources_title: str
    source_said: str
    participants_title: str
    decisions_title: str
    topics_title: str
    chair_label: str
    place_label: str
    format_label: str
    kind_label: str
    announcement: str
    inline_empty: str
    error: str
    page_gone: str
    unknown_command: str
    field_labels: dict[str, str]

    def events_word(self, n: int) -> str:
        if self.lang == "en":
            return "event" if n == 1 else "events"
        return plural_ru(n, "событие", "события", "событий")


RU = Texts(
    lang="ru",
    start_title="Бот о событиях ОДКБ",
    start_intro="Отвечаю на вопросы о заседаниях, совещаниях, консультациях, учениях и курсах ОДКБ "
                "по собранным новостям — только тем, что есть в записях, с источниками.",
    knows="В записях {count} {events}: с {first} по {last}",
    knows_nothing="Записей о событиях пока нет.",
    capabilities="Что я умею:\n"
                 "/latest [N] — последние события (по умолчанию 5, не больше 20)\n"
                 "/event ДАТА — события на дату: 2020-05-26, 26.05.2020, 26 мая 2020, май 2020, 2020, "
                 "2020-05-01..2020-05-31\n"
                 "/search ТЕКСТ или просто вопрос — например, «кто председательствовал на СМИД в мае 2020?»; "
                 "затем можно уточнить: «а где?», «что решили?» (/reset — забыть)\n"
                 "@бот запрос — поиск в любом чате",
    examples="Попробуйте спросить:",
    latest_title="Последние события",
    latest_empty="Событий в записях пока нет.",
    latest_bad_arg="Укажите число от 1 до 20, например: /latest 10",
    more_button="Ещё",
    details_button="Подробнее",
    event_title="События: {query}",
    event_none="На {query} событий в записях нет.",
    event_nearest="Ближайшие события:",
    event_before="← {date}",
    event_after="{date} →",
    event_ask_date="Укажите дату: например, 26.05.2020, 26 мая 2020, май 2020 или 2020.",
    event_not_found="Событие не найдено: возможно, записи обновились.",
    search_ask_text="Напишите, что найти: например, /search СМИД Минск 2020",
    question_too_long="Вопрос слишком длинный: {length} символов, предел {limit}. Спросите короче — о событии, дате, месте.",
    follow_up_reset="Хорошо, следующий вопрос — с чистого листа: «а где?» больше не относится к прошлому ответу.",
    answer_unsure="Не уверен, что понял вопрос. Возможно, вы имели в виду…",
    answer_nothing="В записях нет ответа на этот вопрос.",
    answer_hint="Я знаю {count} {events} ОДКБ с {first} по {last}: заседания, совещания, консультации, "
                "учения и курсы. Попробуйте назвать орган, место или дату.",
    sources_title="Источники",
    source_said="по тексту",
    participants_title="Участники",
    decisions_title="Решения",
    topics_title="Темы",
    chair_label="Председатель",
    place_label="Место",
    format_label="Формат",
    kind_label="Вид",
    announcement="анонс",
    inline_empty="Ничего не найдено",
    error="Что-то пошло не так. Попробуйте ещё раз чуть позже.",
    page_gone="Эта страница устарела.",
    unknown_command="Такой команды нет. Список команд: /help",
    field_labels={"date": "дата", "kind": "вид", "place": "место", "venue": "площадка", "format": "формат",
                  "chair": "председатель", "chair_person": "председатель", "chair_role": "должность",
                  "chair_state": "председательство", "participant": "участник", "decision": "решение",
                  "topic": "тема", "body": "орган", "title": "заголовок", "summary": "кратко"},
)

EN = Texts(
    lang="en",
    start_title="CSTO events bot",
    start_intro="I answer questions about CSTO meetings, sessions, consultations, exercises and courses "
                "from the news I have collected — only with what the records say, with sources.",
    knows="The records hold {count} {events}, from {first} to {last}.",
    knows_nothing="There are no events in the records yet.",
    capabilities="What I can do:\n"
                 "/latest [N] — the latest events (5 by default, at most 20)\n"
                 "/event DATE — events on a date: 2020-05-26, 26.05.2020, May 2020, 2020, "
                 "2020-05-01..2020-05-31\n"
                 "/search TEXT or just a question — e.g. “who chaired the CSTO foreign ministers in May 2020?”; "
                 "then ask on: “and where?”, “what was decided?” (/reset to forget)\n"
                 "@bot query — search from any chat",
    examples="Try asking:",
    latest_title="Latest events",
    latest_empty="There are no events in the records yet.",
    latest_bad_arg="Give a number from 1 to 20, e.g. /latest 10",
    more_button="More",
    details_button="Details",
    event_title="Events: {query}",
    event_none="No events in the records for {query}.",
    event_nearest="Nearest events:",
    event_before="← {date}",
    event_after="{date} →",
    event_ask_date="Send a date, e.g. 2020-05-26, 26.05.2020, May 2020 or 2020.",
    event_not_found="Event not found: the records may have changed.",
    search_ask_text="Tell me what to find, e.g. /search CSTO foreign ministers Minsk 2020",
    question_too_long="The question is too long: {length} characters, the limit is {limit}. Ask about one event, date or place.",
    follow_up_reset="Done: the next question starts afresh, and “and where?” no longer refers to the last answer.",
    answer_unsure="I am not sure I understood. Perhaps you meant…",
    answer_nothing="The records hold no answer to this question.",
    answer_hint="I know {count} CSTO {events} from {first} to {last}: meetings, sessions, consultations, "
                "exercises and courses. Try naming a body, a place or a date.",
    sources_title="Sources",
    source_said="the text says",
    participants_title="Participants",
    decisions_title="Decisions",
    topics_title="Topics",
    chair_label="Chair",
    place_label="Place",
    format_label="Format",
    kind_label="Kind",
    announcement="announcement",
    inline_empty="Nothing found",
    error="Something went wrong. Please try again a bit later.",
    page_gone="This page is out of date.",
    unknown_command="There is no such command. See /help",
    field_labels={"date": "date", "kind": "kind", "place": "place", "venue": "venue", "format": "format",
                  "chair": "chair", "chair_person": "chair", "chair_role": "role", "chair_state": "chairing state",
                  "participant": "participant", "decision": "decision", "topic": "topic", "body": "body",
                  "title": "title", "summary": "summary"},
)

LANGUAGES: dict[str, Texts] = {"ru": RU, "en": EN}
TEXT_FIELDS = tuple(f.name for f in fields(Texts))


# Telegram language codes of the CSTO states' users, and Ukrainian: Russian is what they read the CSTO in;
# every other code gets English; no code at all, the default Russian
RUSSIAN_READERS = frozenset({"ru", "be", "kk", "ky", "hy", "tg", "uz", "uk"})


def language_of(language_code: str | None) -> str:
    code = (language_code or "").lower().split("-")[0]
    return "ru" if not code or code in RUSSIAN_READERS else "en"


def texts_for(language_code: str | None) -> Texts:
    return LANGUAGES[language_of(language_code)]

"""User-facing strings of subscriptions, document upload and /stats (#5), Russian and English.

Kept beside bot/texts.py rather than in it so the two features can change independently; same rules:
plain text, str.format fields, both languages have the same keys (tested).
"""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class SubTexts:
    subscribed_all: str
    subscribed_topic: str  # {topic}
    already: str  # {topic}
    example: str  # {date} {title}
    no_example: str
    too_long: str  # {limit}
    too_many: str  # {limit}
    empty_topic: str
    admins_only: str
    list_title: str
    list_empty: str
    everything: str
    remove_button: str  # {topic}
    removed: str  # {topic}
    removed_gone: str
    unsubscribed_all: str  # {count}
    unsubscribed_topic: str  # {topic}
    not_subscribed: str  # {topic}
    upload_refused: str
    stats_refused: str
    upload_suffix: str  # {suffixes}
    upload_too_large: str  # {size}, {limit}
    upload_received: str  # {name}
    upload_ok: str  # {name} {items} {created} {merged}
    upload_skipped: str  # {name}
    upload_failed: str  # {name} {reason}
    upload_download_failed: str
    stats: str  # many fields, see RU
    never: str


RU = SubTexts(
    subscribed_all="Готово: буду присылать каждое новое событие ОДКБ.",
    subscribed_topic="Готово: буду присылать новые события, в которых встречается «{topic}» — "
                     "орган, участник, место или ключевое слово (в любой форме слова).",
    already="Такая подписка уже есть: «{topic}».",
    example="Например, под неё подошло бы: {date} — {title}",
    no_example="Из уже известных событий ни одно не подходит; пришлю, когда появится.",
    too_long="Слишком длинная тема: не больше {limit} символов. Например: /subscribe СМИД",
    too_many="У этого чата уже {limit} подписок — это предел. Удалите лишние (/subscriptions) "
             "или подпишитесь на всё: /subscribe",
    empty_topic="В теме нет ни одного слова. Например: /subscribe Минск",
    admins_only="Подписками этого чата управляют только его администраторы.",
    list_title="Подписки этого чата:",
    list_empty="Подписок нет. /subscribe — все события, /subscribe ТЕМА — только по теме.",
    everything="все события",
    remove_button="✖ {topic}",
    removed="Подписка «{topic}» удалена.",
    removed_gone="Этой подписки уже нет.",
    unsubscribed_all="Все подписки удалены ({count}).",
    unsubscribed_topic="Подписка «{topic}» удалена.",
    not_subscribed="Подписки «{topic}» нет. Список: /subscriptions",
    upload_refused="Загружать документы могут только администраторы бота.",
    stats_refused="Статистика доступна только администраторам бота.",
    upload_suffix="Принимаю только файлы {suffixes}.",
    upload_too_large="Файл слишком большой: {size}, предел {limit} МБ.",
    upload_received="Получен {name}, обрабатываю…",
    upload_ok="{name}: материалов {items}, событий новых {created}, объединено {merged}.",
    upload_skipped="{name}: уже загружен раньше, ничего не изменилось.",
    upload_failed="{name}: не загружен — {reason}.",
    upload_download_failed="Не удалось получить файл от Telegram, попробуйте ещё раз.",
    stats="Статистика\n"
          "События: {events}, источники: {sources} (документов {documents}, с ошибкой {documents_failed})\n"
          "Подписчики: активных {active}, отключено {inactive}; подписок {subscriptions}\n"
          "Уведомления: в очереди {pending}, отправлено {sent}, не доставлено {failed}\n"
          "Последняя загрузка: {last_ingest}\nПоследний опрос лент: {last_feed_poll}",
    never="не было",
)

EN = SubTexts(
    subscribed_all="Done: I will send every new CSTO event.",
    subscribed_topic="Done: I will send new events that mention “{topic}” — a body, a person, a place "
                     "or a keyword (any word form).",
    already="You already have this subscription: “{topic}”.",
    example="For example, it would have matched: {date} — {title}",
    no_example="None of the known events matches it yet; I will send one when it appears.",
    too_long="The topic is too long: {limit} characters at most. For example: /subscribe CFM",
    too_many="This chat already has {limit} subscriptions, the limit. Remove some (/subscriptions) "
             "or subscribe to everything: /subscribe",
    empty_topic="The topic has no words. For example: /subscribe Minsk",
    admins_only="Only this chat's administrators can change its subscriptions.",
    list_title="This chat's subscriptions:",
    list_empty="No subscriptions. /subscribe — every event, /subscribe TOPIC — one topic.",
    everything="every event",
    remove_button="✖ {topic}",
    removed="Subscription “{topic}” removed.",
    removed_gone="This subscription is already gone.",
    unsubscribed_all="All subscriptions removed ({count}).",
    unsubscribed_topic="Subscription “{topic}” removed.",
    not_subscribed="There is no subscription “{topic}”. List: /subscriptions",
    upload_refused="Only the bot's administrators can upload documents.",
    stats_refused="Only the bot's administrators can see the statistics.",
    upload_suffix="I only accept {suffixes} files.",
    upload_too_large="The file is too large: {size}, the limit is {limit} MB.",
    upload_received="Got {name}, processing…",
    upload_ok="{name}: items {items}, new events {created}, merged {merged}.",
    upload_skipped="{name}: already ingested, nothing changed.",
    upload_failed="{name}: not ingested — {reason}.",
    upload_download_failed="Could not get the file from Telegram, please try again.",
    stats="Statistics\n"
          "Events: {events}, sources: {sources} (documents {documents}, failed {documents_failed})\n"
          "Subscribers: active {active}, inactive {inactive}; subscriptions {subscriptions}\n"
          "Notifications: pending {pending}, sent {sent}, failed {failed}\n"
          "Last ingestion: {last_ingest}\nLast feed poll: {last_feed_poll}",
    never="never",
)

SUB_LANGUAGES = {"ru": RU, "en": EN}
SUB_TEXT_FIELDS = tuple(f.name for f in fields(SubTexts))


def sub_texts(lang: str | None) -> SubTexts:
    return SUB_LANGUAGES.get(lang or "ru", RU)

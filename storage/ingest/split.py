"""Split a cleaned page into news items and drop page chrome.

A page may hold sidebar items (a stamp and one paragraph each), then the main article (a headline,
maybe repeated with its date glued on, a stamp, a wire dateline, the text) and then navigation,
photo credits and contact blocks. Items are recognised by shape only:
- a line that is only a date stamp starts an item and is its publication time;
- a headline (short line, no final period) starts an item when a stamp, a dateline or the same
  headline with a date glued on follows it;
- a wire dateline ("МОСКВА, 20 ноя - РИА Новости.") gives the place and publication date;
- chrome lines are recognised by generic web-page vocabulary and by shape (phones, e-mails, URLs).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from storage.ingest.dates import find_dates, month_number, parse_stamp
from storage.ingest.records import Item, Page
from storage.ingest.year import infer_year
from storage.lexicon.places import canonical_place, find_place_matches

# --- chrome ---------------------------------------------------------------------------------------

# generic navigation words of news sites (not any page's content): a line made only of them is chrome
_NAV_PHRASES = frozenset(p.strip() for p in """
видеогалерея, фотогалерея, галерея, фотоальбом, фотоальбомы, фоторепортаж, видео, фото, аудио, смотреть,
вернуться назад, назад, вернуться, возврат к разделу, возврат к списку, к списку новостей, к списку,
все новости, все материалы, вся лента, лента новостей, другие новости, последние новости, новости, лента,
ещё новости, еще новости, читайте также, читать также, смотрите также, читать далее, подробнее, далее,
поделиться, поделитесь, поделиться в соцсетях, версия для печати, печать, распечатать, отправить по почте,
подписаться, подпишитесь, подписывайтесь, комментарии, комментировать, оставить комментарий,
главная, на главную, в начало, наверх, меню, поиск, обсуждение, рекомендуем, по теме, материалы по теме,
share, print, print version, back, back to news, back to news list, all news, more news, read more,
related, related news, subscribe, tweet, home, top, next, previous, news, photo, video, gallery,
следующая, предыдущая, следующая новость, предыдущая новость, пресс-центр, новости секретариата,
архив, архив новостей, все, ещё, еще, more, archive
""".replace("\n", " ").split(",")) - {""}
_NAV_PREFIX = re.compile(
    r"^(?:подписывайтесь|подпишитесь|подписаться|читайте (?:нас|также|новости)|следите за новостями"
    r"|читайте\b.{0,40}\b(?:в|on|in)\s+(?:telegram|телеграм|дзен|дзене|вконтакте|vk|max|соцсетях)"
    r"|мы в (?:telegram|телеграм|соцсетях)|присоединяйтесь|follow us|subscribe to|share this|теги|тэги"
    r"|метки|ключевые слова|tags|рубрики?|темы?:|категори[яи]|просмотр(?:ов|ы)?\s*:?\s*\d|views?\s*:?\s*\d"
    r"|источник фото|фото\s*:|фото\s*[-–—]|фото предоставлено|photo\s*:|photo by|photo credit|©|\(c\)"
    r"|copyright|все права защищены|all rights reserved|при (?:полном или частичном )?(?:использовании|"
    r"перепечатке|цитировании)|использование материалов|перепечатка материалов|материалы по теме"
    r"|нашли ошибку|если вы заметили ошибку|версия для печати|поделиться)",
    re.IGNORECASE,
)
_SOCIAL = re.compile(
    r"^(?:(?:вконтакте|вк|vk|telegram|телеграм|facebook|twitter|x|одноклассники|ok|whatsapp|viber|"
    r"youtube|rutube|дзен|яндекс\.?дзен|livejournal|lj|instagram|e-?mail|rss|мой мир)[\s,|/·•]*)+$",
    re.IGNORECASE,
)
_ONLY_MARKS = re.compile(r"^[\s_\-–—=*·•.|/\\~#+]+$")
# every repetition is bounded: an unbounded run that fails at its end ("12.05.2020." × 10,000 before no "@")
# is retried from every start, quadratic in the line
_PHONE = re.compile(r"(?:\+\s?\d[\d\s()\-‐–]{6,24}\d|\(?\d{3,5}\)?[\s-]?\d{2,3}[\s-]\d{2}[\s-]\d{2})")
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_URL = re.compile(r"(?:https?://|www\.)\S{1,2000}", re.IGNORECASE)
_CONTACT_WORDS = re.compile(
    r"\b(?:тел|телефон|т|ф|факс|тел\./факс|e-?mail|email|эл\.?\s?почта|почта|моб|tel|fax|phone|mob)\b\.?",
    re.IGNORECASE,
)
_CONTACT_ROLE = re.compile(
    r"(?:пресс-секретар|пресс-служб|пресс-центр|пресс-атташе|контакты для сми|для сми|press secretary"
    r"|press office|media contact|press service|контактн)",
    re.IGNORECASE,
)
_TWO_DIGITS = re.compile(r"[0-9]{2}")
_VIEWS = re.compile(r"^\d+\s*(?:просмотр\w*|views?|комментари\w*)$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^(?:главная|home)\s*(?:[/>»|→]\s*[^/>»|→]+){1,}$", re.IGNORECASE)
_PUNCT = re.compile(r"[^\w\s-]+|(?<!\w)-|-(?!\w)")
_NAV_SEPARATORS = re.compile(r"\s*(?:[|»«>/•·→]|\s-\s|\s–\s)\s*")


def _contact_line(line: str) -> bool:
    """Only phone numbers, e-mail addresses, URLs and their labels."""
    if "@" not in line and "www" not in line and "http" not in line and not _TWO_DIGITS.search(line):
        return False
    if len(line) > 300:
        return False  # a contact line is short; a long one is text whatever it holds
    rest = _URL.sub(" ", _EMAIL.sub(" ", _PHONE.sub(" ", line)))
    if rest == line:
        return False
    rest = _CONTACT_WORDS.sub(" ", rest)
    return not re.search(r"[^\W\d_]{2,}", rest)


@lru_cache(maxsize=16384)
def is_chrome(line: str) -> bool:
    """True for a line that belongs to the page around the news, not to the news."""
    stripped = line.strip()
    if not stripped:
        return True
    if _ONLY_MARKS.match(stripped) or _VIEWS.match(stripped) or _BREADCRUMB.match(stripped):
        return True
    if len(stripped) <= 80:
        parts = [" ".join(_PUNCT.sub(" ", part).split()) for part in _NAV_SEPARATORS.split(stripped.lower())]
        if all(part in _NAV_PHRASES for part in parts if part) and any(parts):
            return True
        if _SOCIAL.match(stripped):
            return True
    if len(stripped) <= 200 and _NAV_PREFIX.match(stripped):
        return True
    return _contact_line(stripped)


def _drop_contact_blocks(lines: list[str], chrome: list[bool]) -> None:
    """A short line naming a press contact next to contact lines is part of the contact block."""
    for i, line in enumerate(lines):
        if chrome[i] or len(line) > 120 or not _CONTACT_ROLE.search(line) or line.rstrip().endswith("."):
            continue
        near = [j for j in range(max(0, i - 3), min(len(lines), i + 4)) if j != i and chrome[j]
                and _contact_line(lines[j])]
        if near:
            chrome[i] = True
            # the contact's own name on a line between the role and the phone numbers
            for j in range(i + 1, max(near) if max(near) > i else i + 1):
                if _NAME_LINE.match(lines[j].strip()):
                    chrome[j] = True


# "Владимир Зайнетдинов", "Зайнетдинов Владимир Рамильевич", "В.Зайнетдинов": a name and nothing else
_NAME_LINE = re.compile(r"^(?:[A-ZА-ЯЁ]\.\s?){0,2}[A-ZА-ЯЁ][a-zа-яё-]+(?:\s+(?:[A-ZА-ЯЁ]\.\s?)?[A-ZА-ЯЁ][a-zа-яё-]+){0,2}$")


# --- headlines, stamps, datelines ----------------------------------------------------------------

_GLUED_DATE = re.compile(
    r"^(?P<head>.{10,300}?)[\s,|—–-]*(?<!\d)(?P<date>\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2})?|\d{1,2}\s+[^\W\d_]+\.?\s+\d{4}(?:\s*(?:года|г\.?))?)\s*$"
)
_PLACE = r"[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё.\-]+(?:[ \-][A-ZА-ЯЁ][A-Za-zА-Яа-яЁё.\-]+){0,2}"
_AGENCY_TAIL = (
    r"(?:\.?\s*/\s*(?P<a1>[^/\n]{2,30})\s*/\s*\.?\s*(?:[-–—]+\s*)?"  # "/ТАСС/." "/Agency/ --"
    r"|\s*[-–—]\s*(?P<a2>[A-ZА-ЯЁ][^.\s]*(?:\s[A-ZА-ЯЁ][^.\s]*){0,2})\.\s*"  # "- РИА Новости." (capitalised words)
    r"|\s*\((?P<a3>[^)\n]{2,40})\)\s*[-–—.]*\s*"  # "(Sputnik) -"
    r"|\.\s*(?P<a4>[A-ZА-ЯЁ][A-ZА-ЯЁ.\-]{2,}(?:[- ][A-ZА-ЯЁ][A-ZА-ЯЁ.]+)?)\s*[-–—]+\s*"  # ". KAZINFORM -"
    r"|\s+[-–—]+\s+(?=[A-ZА-ЯЁ«\"])"  # "MOSCOW, December 10 - The council…" (no agency)
    r"|\.\s+)"
)
# "МОСКВА, 20 ноя - РИА Новости.", "Алма-Ата. 11 июня. ИНТЕРФАКС -", "YEREVAN, November 23 (Sputnik) -"
# a month cut short with a period ("Sept. 23", "Dec. 5, 2031", «20 нояб.») is part of the date, not its end
_ABBREVIATED_DATE = r"[^\W\d_]{3,5}\.\s*\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[^\W\d_]{3,5}\.(?:\s*\d{4})?"
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE})\s*[,.]\s*(?P<date>{_ABBREVIATED_DATE}|[^.()/\n]{{3,40}}?){_AGENCY_TAIL}")
# "19 декабря, Москва /Корр. БЕЛТА/." — the date first
_DATELINE_DATE_FIRST = re.compile(
    rf"^(?P<date>\d{{1,2}}\s+[^\W\d_]{{3,9}}\.?(?:\s+\d{{4}}(?:\s*г\.?|\s+года)?)?)\s*,\s*(?P<place>{_PLACE})"
    rf"\s*(?:/\s*(?P<a1>[^/\n]{{2,30}})\s*/\s*\.?\s*(?:[-–—]+\s*)?|\s*\((?P<a3>[^)\n]{{2,40}})\)\s*[-–—.]*\s*"
    rf"|\s*[-–—]\s*(?P<a2>[^.\n]{{2,40}}?)\.\s*)")
_SENTENCE_END = re.compile(r"[.!?…:;]$")


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    date: str
    agency: str | None
    rest: str  # the paragraph after the dateline


def parse_dateline(paragraph: str) -> Dateline | None:
    """'МОСКВА, 20 ноя - РИА Новости. Text' → place 'Москва', date '20 ноя', agency, rest 'Text'."""
    for pattern in (_DATELINE, _DATELINE_DATE_FIRST):
        match = pattern.match(paragraph)
        if match is None:
            continue
        date_text = match["date"]
        if not find_dates(date_text, year_hint=2000):
            continue
        place = match["place"].strip(" .-")
        # an upper-case city, or a known one in any case ("Алма-Ата. 11 июня. ИНТЕРФАКС")
        known = bool(find_place_matches(place.title()))
        if not (place.isupper() and len(place) >= 3 or known):
            continue
        groups = match.groupdict()
        agency = groups.get("a1") or groups.get("a2") or groups.get("a3") or groups.get("a4")
        return Dateline(canonical_place(place.title()) or place.title(), date_text, agency.strip() if agency else None, paragraph[match.end():].strip())
    return None


def is_headline(line: str) -> bool:
    """Shape of a headline: one line, short, starts with a capital or a quote, no final period."""
    s = line.strip()
    if not s or "\n" in s or len(s) > 300 or len(s.split()) < 3:
        return False
    if _SENTENCE_END.search(s) and not s.endswith("?"):
        return False
    return s[0].isupper() or s[0] in "«\"„“"


@lru_cache(maxsize=8192)
def split_glued_headline(line: str) -> tuple[str, dt.datetime] | None:
    """'Title 26.05.2020' → ('Title', 2020-05-26) for a headline line that ends with a date."""
    tail = line.rstrip()[-5:]
    if "\n" in line.strip() or not (tail[-1:].isdigit() or tail.endswith(("г.", "г", "года"))):
        return None  # cheap test first: the pattern below is slow on lines that cannot match
    match = _GLUED_DATE.match(line.strip())
    if match is None or not is_headline(match["head"]):
        return None
    stamp = parse_stamp(match["date"])
    return (match["head"].strip(" ,|—–-"), stamp) if stamp else None


def _same_text(a: str, b: str) -> bool:
    return fuzz.ratio(a.casefold(), b.casefold()) >= 90


# --- splitting ------------------------------------------------------------------------------------

@dataclass
class _Draft:
    title: str | None = None
    published: dt.datetime | None = None
    place: str | None = None
    dateline_date: str | None = None
    heading: str | None = None  # a digest entry's date line ("15–23 мая, государства – члены ОДКБ")
    paragraphs: list[str] = field(default_factory=list)


# "——————", "* * *", "________": a rule drawn between the entries of a digest
_RULE = re.compile(r"^(?:[—–_=~]\s*){5,}$|^(?:\*\s*){3,}$|^(?:-\s*){5,}$")
SECTION_BREAK = "\x00section"


_HEAD_DATE = re.compile(r"^(?:\d{1,2}(?:\s*[–—-]\s*\d{1,2})?\s+(?P<month>[^\W\d_]+)(?:\s+\d{4})?(?:\s*(?:года|г\.))?"
                        r"(?:\s*[,–—-]\s*[^.!?\n]{2,80})?"
                        r"|\d{1,2}\.\d{1,2}\.\d{2,4}\s*[,–—-]\s*[^.!?\n\d]{2,80})$")


def _section_head(paragraph: str) -> tuple[str, str] | None:
    """(date line, what follows) of an entry that opens with its date and place: "15–23 мая, Брест" over a
    headline (a digest), "23.09.2031, Сочи" over its text (a chronicle)."""
    lines = paragraph.split("\n")
    m = _HEAD_DATE.match(lines[0].strip())
    if m is None or (m["month"] and not month_number(m["month"])):
        return None
    if len(lines) == 1 and "," not in lines[0] and not m["month"]:
        return None
    return lines[0].strip(), " ".join(lines[1:]).strip()


def _paragraphs(text: str) -> list[str]:
    """Non-chrome paragraphs; a stamp line inside a paragraph becomes its own paragraph."""
    result: list[str] = []
    # a dump with no blank line at all keeps one paragraph per line
    blocks = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        chrome = [is_chrome(line) for line in lines]
        _drop_contact_blocks(lines, chrome)
        current: list[str] = []
        for line, drop in zip(lines, chrome):
            if _RULE.match(line):
                # a horizontal rule between digest entries ends one news item
                if current:
                    result.append("\n".join(current))
                    current = []
                result.append(SECTION_BREAK)
                continue
            if drop:
                continue
            if parse_stamp(line) is not None or split_glued_headline(line) is not None:
                if current:
                    result.append("\n".join(current))
                    current = []
                result.append(line)
            else:
                current.append(line)
        if current:
            result.append("\n".join(current))
    return _drop_contact_names(result)


def _drop_contact_names(paragraphs: list[str]) -> list[str]:
    # a press-contact name line separated by blank lines from its (already dropped) phone lines
    return [p for p in paragraphs if p is SECTION_BREAK or not (len(p) <= 120 and "\n" not in p and _CONTACT_ROLE.match(p)
                                          and not p.endswith("."))]


def _after_navigation(paragraphs: list[str], title: str | None) -> list[str]:
    """Site name and rubrics above the page's own headline ("ЕвразияИнформ", "Регион", "Оборона") are navigation:
    when the headline of <h1>/<title> recurs in the text after only such labels, the page starts there."""
    if not title:
        return paragraphs
    for i, p in enumerate(paragraphs[:12]):
        if p is not SECTION_BREAK and _same_text(p, title):
            return paragraphs[i:] if i and all(q is not SECTION_BREAK and _is_label(q) for q in paragraphs[:i]) \
                else paragraphs
    return paragraphs


def _year_hint(paragraphs: list[str]) -> int | None:
    """The year of a page's stamps, else of a dated page header ("Неделя 3–9 июня 2031 года" over a digest)."""
    for p in paragraphs:
        stamp = parse_stamp(p)
        if stamp:
            return stamp.year
    for p in paragraphs[:2]:
        if p is not SECTION_BREAK and len(p) <= 200:
            dated = [m for m in find_dates(p) if m.explicit_year]
            if dated:
                return dated[0].start.year
    return None


def _dateline_published(date_text: str, hint: int | None, body: str, received: dt.date | None,
                        ) -> tuple[dt.datetime, str, tuple[int, ...]] | None:
    """The dateline's date with its year (its own, the page stamp's, or the one the item's text supports), how
    the year was known, and the other years the text supports as well."""
    mentions = find_dates(date_text)
    if mentions and mentions[0].explicit_year:
        return dt.datetime.combine(mentions[0].start, mentions[0].time or dt.time()), "dateline", ()
    if hint is not None and (mentions := find_dates(date_text, hint)):
        return dt.datetime.combine(mentions[0].start, mentions[0].time or dt.time()), "stamp", ()
    probe = find_dates(date_text, 2000)  # a leap year: "29 февраля" parses
    if not probe:
        return None
    day_month = (probe[0].start.day, probe[0].start.month)
    lead = " ".join(body.split("\n\n")[:2])[:600]
    guess = infer_year(body, day_month, received, lead)
    if guess is None:
        return None
    mentions = find_dates(date_text, guess.year)
    if not mentions:
        return None
    return dt.datetime.combine(mentions[0].start, mentions[0].time or dt.time()), guess.source, guess.ties


def split_items(page: Page) -> list[Item]:
    """The news items of a page in page order, index from 0; chrome and empty items dropped."""
    paragraphs = _after_navigation(_paragraphs(page.text), page.title)
    hint = _year_hint(paragraphs) or (page.published.year if page.published else None)
    received = page.received.date() if page.received else None
    drafts: list[_Draft] = []
    current = _Draft()

    def start(title: str | None = None, published: dt.datetime | None = None) -> _Draft:
        nonlocal current
        if current.paragraphs or current.title or current.published:
            drafts.append(current)
        current = _Draft(title=title, published=published)
        return current

    i = 0
    n = len(paragraphs)
    while i < n:
        p = paragraphs[i]
        if p is SECTION_BREAK:
            start()
            i += 1
            continue
        head = _section_head(p)
        if head is not None and parse_stamp(p) is None:
            # "22 мая, Алматинская область\n«Кобальт»: спецназ…", "23.09.2031, Сочи\nСессия Совета…": an entry
            # of a digest or chronicle, dated (with a year, as a stamp) and placed by its own line
            heading, rest = head
            start()
            current.heading = heading
            dated = [m for m in find_dates(heading) if m.explicit_year and m.precision == "day"]
            if dated:
                current.published = dt.datetime.combine(dated[0].start, dt.time())
            if rest and is_headline(rest) and not _SENTENCE_END.search(rest):
                current.title = rest
            elif rest:
                current.paragraphs.append(rest)
            i += 1
            continue
        nxt = paragraphs[i + 1] if i + 1 < n else None
        nxt = None if nxt is SECTION_BREAK else nxt
        stamp = parse_stamp(p)
        if stamp is not None:
            if current.paragraphs or current.published is not None:
                start(published=stamp)
            else:
                current.published = stamp  # the stamp under a headline
            i += 1
            continue
        glued = split_glued_headline(p)
        if glued is not None:
            title, published = glued
            if current.title and not current.paragraphs and _same_text(current.title, title):
                current.published = current.published or published  # the repeat of the headline above
            else:
                start(title, published)
            i += 1
            continue
        dateline = parse_dateline(p)
        if dateline is not None:
            if current.paragraphs and current.place is not None:
                start()
            current.place = dateline.place
            current.dateline_date = dateline.date
            if dateline.rest:
                current.paragraphs.append(dateline.rest)
            i += 1
            continue
        if is_headline(p) and nxt is not None:
            follows = (parse_stamp(nxt) is not None or parse_dateline(nxt) is not None
                       or ((g := split_glued_headline(nxt)) is not None and _same_text(g[0], p)))
            if follows:
                if current.paragraphs or current.title:
                    start(title=p)
                else:
                    current.title = p  # a stamp above its headline
                i += 1
                continue
        if is_headline(p) and nxt is not None and not is_headline(nxt) and parse_stamp(nxt) is None:
            if current.published is not None and current.title is None and all(map(_is_label, current.paragraphs)):
                current.title = p  # a stamp (maybe a rubric such as "Анонс"), then its headline, then the text
                i += 1
                continue
            if (current.published is not None and current.title is None and len(current.paragraphs) == 1
                    and _SENTENCE_END.search(current.paragraphs[0])):
                start(title=p)  # a sidebar item is a stamp and one paragraph: it ends at a headline
                i += 1
                continue
        if not current.paragraphs and current.title is None and not drafts and is_headline(p) and nxt is not None:
            after = paragraphs[i + 2] if i + 2 < n else None
            if not (is_headline(nxt) and after is not None and not is_headline(after)):
                current.title = p  # the first headline of a page without stamps
            # else: a site or section label above the real headline; the headline comes next
            i += 1
            continue
        if current.title and not current.paragraphs and _same_text(current.title, p):
            i += 1  # the headline repeated as the first paragraph
            continue
        current.paragraphs.append(p)
        i += 1
    start()

    items: list[Item] = []
    for draft in drafts:
        if not draft.paragraphs or _only_labels(draft):
            continue
        text = "\n\n".join(draft.paragraphs)
        published, source = draft.published, "stamp" if draft.published else None
        other_years: tuple[int, ...] = ()
        if published is None and draft.dateline_date:
            found = _dateline_published(draft.dateline_date, hint, (draft.title or "") + "\n\n" + text, received)
            if found:
                published, source, other_years = found
        year_hint = None
        if published is None:
            if page.published is not None and len(drafts) == 1:
                published, source = page.published, "meta"
            else:
                guess = infer_year((draft.title or "") + "\n" + text, None, received)
                if guess is None and hint is not None:
                    year_hint, source = hint, "stamp"
                elif guess is None and find_dates(text, 2000):
                    # yearless dates and nothing else: the year the document arrived, and the record says so
                    year_hint, source = (received or dt.date.today()).year, "received"
                elif guess is not None:
                    year_hint, source, other_years = guess.year, guess.source, guess.ties
        items.append(Item(len(items), draft.title, text, published, draft.place, source, year_hint, draft.heading,
                          other_years))
    if len(items) == 1 and items[0].title is None and page.title:
        # "<title>Headline | Site name</title>": the site name is not part of the headline
        title = page.title.split(" | ")[0].strip() or page.title
        items[0] = dataclasses.replace(items[0], title=title)
    return items


def _is_label(paragraph: str) -> bool:
    """A rubric or section label ("Анонс", "Новости Секретариата"): short, one line, no sentence."""
    return len(paragraph) < 40 and "\n" not in paragraph and not _SENTENCE_END.search(paragraph)


def _only_labels(draft: _Draft) -> bool:
    """Untitled, undated short text without a sentence: a site name or section label above the news."""
    text = " ".join(draft.paragraphs)
    return (draft.title is None and draft.published is None and draft.place is None and len(text) < 80
            and not _SENTENCE_END.search(text))

"""Event cards, full records and answers in Telegram HTML, plus their plain-text twins.

Everything that comes from documents or users passes through `esc` (html.escape); markup is built
per paragraph, each paragraph balanced on its own, so `split_message` can cut between paragraphs
and every part stays valid HTML.
"""
from __future__ import annotations

import html
import re
from typing import Sequence

from bot.texts import RU, Texts, texts_for
from storage.search.records import EventRecord
from storage.search.render_dates import format_date_range

LIMIT = 4096
_TAG = re.compile(r"<(/?)([a-zA-Z-]+)([^>]*)>")
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def event_dates(record: EventRecord, lang: str = "ru") -> str:
    return format_date_range(record.date_start, record.date_end, lang)


def _is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def _source_link(location: str, title: str | None) -> str:
    label = title or location or "—"
    if _is_url(location):
        return f'<a href="{esc(location)}">{esc(label)}</a>'
    return esc(label if not location or label == location else f"{label} ({location})")


def card_heading(record: EventRecord, t: Texts = RU) -> str:
    """One plain line: date — body/title (used for buttons, inline results, suggestions)."""
    what = record.body_short or record.body or record.title
    return f"{event_dates(record, t.lang)} — {what}"


def render_card(record: EventRecord, t: Texts = RU) -> str:
    """The short card: date, body, title, kind, place/venue, format, chair, one-line summary."""
    lines = [f"<b>{esc(event_dates(record, t.lang))}</b>" + (f" · {esc(record.body_short or record.body)}"
                                                              if (record.body_short or record.body) else "")]
    title = record.title + (f" ({t.announcement})" if record.is_announcement else "")
    lines.append(f"<b>{esc(title)}</b>")
    facts = []
    if record.kind:
        facts.append(f"{t.kind_label}: {esc(record.kind)}")
    place = ", ".join(p for p in (record.place, record.venue) if p)
    if place:
        facts.append(f"{t.place_label}: {esc(place)}")
    if record.format:
        facts.append(f"{t.format_label}: {esc(record.format)}")
    if facts:
        lines.append(" · ".join(facts))
    if record.chair_person:
        extra = ", ".join(p for p in (record.chair_role, record.chair_state) if p)
        lines.append(f"{t.chair_label}: {esc(record.chair_person)}" + (f" ({esc(extra)})" if extra else ""))
    if record.summary and not _same_text(record.summary, record.title):
        lines.append(f"<i>{esc(_one_line(record.summary))}</i>")
    return "\n".join(lines)


def _same_text(a: str, b: str) -> bool:
    """True when one is the other, possibly cut short with "…" (titles are often the first sentence)."""
    a, b = " ".join(a.split()).rstrip("…. "), " ".join(b.split()).rstrip("…. ")
    return a.startswith(b) or b.startswith(a)


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def render_full(record: EventRecord, t: Texts = RU) -> str:
    """The full record: card, participants, decisions, topics, sources, each fact with its sentence."""
    blocks = [render_card(record, t)]
    if record.participants:
        rows = []
        for p in record.participants:
            extra = ", ".join(x for x in (p.role, p.organisation) if x)
            rows.append("• " + esc(p.name) + (f" — {esc(extra)}" if extra else ""))
        blocks.append(f"<b>{esc(t.participants_title)}</b>\n" + "\n".join(rows))
    if record.decisions:
        blocks.append(f"<b>{esc(t.decisions_title)}</b>\n" + "\n".join(f"• {esc(d.text)}" for d in record.decisions))
    if record.topics:
        blocks.append(f"<b>{esc(t.topics_title)}</b>\n" + "\n".join(f"• {esc(x)}" for x in record.topics))
    if record.facts:
        blocks.append(f"<b>{esc(t.source_said.capitalize())}</b>\n" + "\n".join(_fact_rows(record, t)))
    if record.sources:
        rows = [f"• {_source_link(s.location, s.title)}" for s in record.sources]
        blocks.append(f"<b>{esc(t.sources_title)}</b>\n" + "\n".join(rows))
    return "\n\n".join(blocks)


# fields whose value is the sentence itself: repeating them next to it says nothing
_SELF_EVIDENT = frozenset({"title", "summary"})


def _fact_rows(record: EventRecord, t: Texts) -> list[str]:
    """Facts grouped by the sentence they came from: «sentence» — field: value; field: value."""
    grouped: dict[str, list[str]] = {}
    for fact in record.facts:
        labels = grouped.setdefault(fact.sentence, [])
        if fact.field in _SELF_EVIDENT:
            continue
        item = f"{t.field_labels.get(fact.field, fact.field)}: {_one_line(fact.value, 80)}"
        if item not in labels:
            labels.append(item)
    rows = []
    for sentence, labels in grouped.items():
        row = f"• «{esc(_one_line(sentence, 600))}»"
        if labels:
            row += f" — <i>{esc('; '.join(labels))}</i>"
        rows.append(row)
    return rows


def render_knows(stats: tuple[int, object, object], t: Texts) -> str:
    count, first, last = stats
    if not count:
        return t.knows_nothing
    return t.knows.format(count=count, events=t.events_word(count),
                          first=format_date_range(first, first, t.lang), last=format_date_range(last, last, t.lang))


def render_answer(answer, records: Sequence[EventRecord], t: Texts | None = None,
                  stats: tuple[int, object, object] | None = None) -> str:
    """Answer message: the one-sentence answer, then the card, then the sources it came from.

    `records` are the answer's hits in order (missing ones dropped); `stats` is QA.stats() for the
    hint given when nothing matches.
    """
    t = t or texts_for(answer.language)
    if answer.confident and records:
        shown = records if answer.several else records[:1]
        blocks = [f"<b>{esc(answer.text)}</b>", *(render_card(r, t) for r in shown)]
        cited = []
        seen = set()
        for c in answer.citations:
            key = (c.sentence, c.source_location)
            if key in seen:
                continue
            seen.add(key)
            cited.append(f"• «{esc(_one_line(c.sentence))}» — {_source_link(c.source_location, c.source_title)}")
        if not cited:
            cited = [f"• {_source_link(s.location, s.title)}" for r in shown for s in r.sources]
        if cited:
            blocks.append(f"<b>{esc(t.sources_title)}</b>\n" + "\n".join(cited[:8]))
        return "\n\n".join(blocks)
    if records:
        rows = [f"• {esc(card_heading(r, t))}" for r in records[:3]]
        return f"{esc(t.answer_unsure)}\n" + "\n".join(rows)
    text = esc(t.answer_nothing)
    if stats and stats[0]:
        count, first, last = stats
        text += "\n" + esc(t.answer_hint.format(count=count, events=t.events_word(count),
                                                first=format_date_range(first, first, t.lang),
                                                last=format_date_range(last, last, t.lang)))
    return text


def render_answer_plain(answer, records: Sequence[EventRecord], stats: tuple[int, object, object] | None = None) -> str:
    """The same reply without markup (CLI `ask`)."""
    return html_to_plain(render_answer(answer, records, None, stats))


def html_to_plain(text: str) -> str:
    """Telegram HTML to terminal text: tags dropped, links as "text (url)", entities decoded."""
    out: list[str] = []
    pos = 0
    href_stack: list[tuple[str | None, int]] = []
    for match in _TAG.finditer(text):
        out.append(html.unescape(text[pos:match.start()]))
        closing, name = match.group(1), match.group(2).lower()
        if name == "a":
            if not closing:
                href = _HREF.search(match.group(3))
                url = html.unescape(next(g for g in href.groups() if g is not None)) if href else None
                href_stack.append((url, len(out)))
            elif href_stack:
                url, start = href_stack.pop()
                label = "".join(out[start:])
                if url and url != label:
                    out.append(f" ({url})")
        pos = match.end()
    out.append(html.unescape(text[pos:]))
    return "".join(out)


def _plain_chunks(text: str, limit: int) -> list[str]:
    """Cut plain text into escaped pieces ≤ limit, preferring spaces; never inside an entity."""
    pieces: list[str] = []
    rest = text
    while rest:
        lo, hi = 1, min(len(rest), limit)  # largest prefix whose escaped form fits (binary search)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if len(esc(rest[:mid])) <= limit:
                lo = mid
            else:
                hi = mid - 1
        cut = lo
        space = rest.rfind(" ", 0, cut)
        if cut < len(rest) and space > cut // 2:
            cut = space
        pieces.append(esc(rest[:cut]))
        rest = rest[cut:].lstrip(" ")
    return pieces


def split_message(text: str, limit: int = LIMIT) -> list[str]:
    """Split on paragraph (then line) boundaries into parts ≤ limit characters, each valid HTML."""
    if len(text) <= limit:
        return [text]
    units: list[str] = []
    for paragraph in text.split("\n\n"):
        if len(paragraph) <= limit:
            units.append(paragraph)
            continue
        for line in paragraph.split("\n"):
            if len(line) <= limit and _balanced(line):
                units.append(line)
            else:
                units.extend(_plain_chunks(html_to_plain(line), limit))
    parts: list[str] = []
    current = ""
    for unit in units:
        if not unit.strip():
            continue
        joined = f"{current}\n\n{unit}" if current else unit
        if len(joined) <= limit:
            current = joined
        else:
            parts.append(current)
            current = unit
    if current:
        parts.append(current)
    return parts


def _balanced(fragment: str) -> bool:
    stack = []
    for match in _TAG.finditer(fragment):
        if match.group(1):
            if not stack or stack.pop() != match.group(2).lower():
                return False
        else:
            stack.append(match.group(2).lower())
    return not stack


def render_list(title: str, records: Sequence[EventRecord], t: Texts = RU, first_number: int = 1,
                note: str | None = None) -> str:
    """A titled list of numbered cards (/latest, /event); numbers match the «Подробнее» buttons."""
    blocks = [f"<b>{esc(title)}</b>"]
    for n, record in enumerate(records, first_number):
        blocks.append(f"{n}. {render_card(record, t)}")
    if note:
        blocks.append(esc(note))
    return "\n\n".join(blocks)

"""The one-sentence answer for an intent, built only from record fields, with its citations.

When the field asked about is empty the sentence says the records do not say: never a guess.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from storage.lexicon.translit import name_key
from storage.lexicon.series import series_names
from storage.search.evidence import best_quote, sentences, states_quote
from storage.search import normalize as nz
from storage.search.index import Slot
from storage.search.intents import Intent
from storage.search.records import EventRecord, PersonRecord
from storage.search.render_dates import format_date_range

_MAX_LISTED = 10
_SUMMARY_DECISION = 160  # characters of the first decision a summary answer shows

_RU = {
    "chair": "председатель — {value}",
    "chair_state": "под председательством: {value}",
    "no_chair": "в записях не указано, кто председательствовал",
    "participants": "участники: {value}",
    "no_participants": "в записях нет списка участников",
    "yes": "да, {value} принимал(а) участие",
    "no": "в записях нет сведений, что {value} участвовал(а)",
    "place": "место — {value}",
    "no_place": "в записях не указано место проведения",
    "date": "{value}",
    "format": "формат — {value}",
    "no_format": "в записях не указан формат",
    "decisions": "решения: {value}",
    "no_decisions": "в записях нет принятых решений",
    "topics": "обсуждали: {value}",
    "no_topics": "в записях нет тем обсуждения",
    "also": "в том числе: {value}",
    "series": "учения и операции: {value}",
    "more": "и ещё {n}",
    "quote": "В источнике: «{value}»",
}
_EN = {
    "chair": "chaired by {value}",
    "chair_state": "chaired by {value}",
    "no_chair": "the records do not say who chaired",
    "participants": "participants: {value}",
    "no_participants": "the records list no participants",
    "yes": "yes, {value} took part",
    "no": "the records do not show that {value} took part",
    "place": "place: {value}",
    "no_place": "the records do not give the place",
    "date": "{value}",
    "format": "format: {value}",
    "no_format": "the records do not give the format",
    "decisions": "decisions: {value}",
    "no_decisions": "the records list no decisions",
    "topics": "discussed: {value}",
    "no_topics": "the records list no topics",
    "also": "including: {value}",
    "series": "exercises and operations: {value}",
    "more": "and {n} more",
    "quote": "The source says: “{value}”",
}
# the "records do not say" phrases of both languages: an answer that says one has left the question open
# "the records do not show that X took part": the person asked about is not yet said by the answer
_NOT_SHOWN = re.compile("|".join(re.escape(t[k]).replace(re.escape("{value}"), ".*?") for t in (_RU, _EN)
                                 for k in ("no",)), re.IGNORECASE)
_MISSING = re.compile("|".join(re.escape(v) for v in sorted(
    (v for table in (_RU, _EN) for k, v in table.items() if k.startswith("no") and "{" not in v),
    key=len, reverse=True)), re.IGNORECASE)


def _terms(text: str) -> set[str]:
    return set(nz.index_terms(text))


def slot_hits(text: str, slots: list[Slot]) -> list[Slot]:
    terms = _terms(text)
    keys = {name_key(w) for w in nz.words(text)}
    # the word as typed too: a surname's lemma ("тасмагамбет") loses what its Latin spelling keeps
    return [s for s in slots if name_key(s.word) in keys or any(t in terms or name_key(t) in keys for t, _ in s.terms)]


def _cue(word: str, lemmas: str) -> Slot:
    return Slot(word, tuple((t, 1.0) for t in lemmas.split()), False, True, False, True)


# what a source sentence about an empty field says, whatever the question's own verb was
_FIELD_CUES = {
    Intent.topics: _cue("обсуждение", "обсудить обсуждать обсуждение рассмотреть рассматривать тема повестка "
                                      "discuss discussed agenda"),
    Intent.decisions: _cue("решение", "решение решить принять утвердить одобрить подписать approve adopt sign "
                                      "approved adopted signed"),
    Intent.participants: _cue("участие", "участие участвовать участник делегация attend participate delegation"),
}


def people_of(r: EventRecord) -> list[PersonRecord]:
    """The record's participants, its chair first when not among them."""
    people = list(r.participants)
    if r.chair_person and all(name_key(p.name) != name_key(r.chair_person) for p in people):
        people.insert(0, PersonRecord(r.chair_person, r.chair_role))
    return people


def _identity_terms(r: EventRecord) -> set[str]:
    # the sources' own titles name the event too, in their language ("Mountain Line-2031 drills")
    titles = (s.title for s in r.sources if s.title)
    out = _terms(" ".join(x for x in (r.title, r.body, r.body_short, r.kind, r.place, r.venue, *titles) if x))
    if r.body_short:
        from storage.lexicon.bodies import find_bodies

        for body, _, _ in find_bodies(r.body_short)[:1]:
            out |= _terms(f"{body.full} {body.english} {body.short}")
    return out


def _residual(r: EventRecord, slots: list[Slot]) -> list[Slot]:
    """Content words of the question beyond the ones naming the event: what to pick items by."""
    ident = _identity_terms(r)
    # a word's own terms decide, not its synonyms ("человек" is not named by an identity's "военный")
    return [s for s in slots if not s.generic and not s.frame and s.terms
            and not any(t in ident for t in s.own_terms)]


def _person(p: PersonRecord) -> str:
    extra = ", ".join(x for x in (p.role, p.organisation) if x and (not p.role or x == p.role or x not in p.role))
    return f"{p.name} ({extra})" if extra else p.name


def _listing(values: list[str], words: dict[str, str]) -> str:
    shown = values[:_MAX_LISTED]
    text = "; ".join(shown)
    if len(values) > len(shown):
        text += "; " + words["more"].format(n=len(values) - len(shown))
    return text


def _pick(items: list[str], residual: list[Slot]) -> list[str]:
    """Items matching the most residual words; all items when the question names none of them."""
    if not residual:
        return items
    scored = [(len(slot_hits(item, residual)), item) for item in items]
    best = max((n for n, _ in scored), default=0)
    return [item for n, item in scored if n == best] if best else items


_ABOUT = None


def about_subject(text: str) -> str | None:
    """The subject of a document titled «О плане консультаций …» in the nominative: "план консультаций …"."""
    import re

    from storage.nlp import morph

    global _ABOUT
    if _ABOUT is None:
        _ABOUT = re.compile(r"«\s*(?:О|Об|Обо)\s+([^»]+)»?")
    m = _ABOUT.search(text)
    if not m:
        return None
    ws = m[1].split()
    out: list[str] = []
    for i, w in enumerate(ws):
        form = morph.inflect(w.lower(), frozenset({"nomn"}))
        out.append(form or w)
        tag = morph.parses(w.lower())[0].tag if w.isalpha() else None
        if tag is not None and "NOUN" in tag:
            return " ".join(out + ws[i + 1:]).rstrip(" .")
    return None


def _citation(r: EventRecord, field: str, value: str):
    from storage.search.answer import Citation

    folded = nz.fold(value)
    for f in r.facts:
        if f.field == field and (nz.fold(f.value) in folded or folded in nz.fold(f.value)):
            return Citation(field, value, f.sentence, f.source_location, f.source_title)
    for f in r.facts:
        if folded and folded[:40] in nz.fold(f.sentence):
            return Citation(field, value, f.sentence, f.source_location, f.source_title)
    probe = folded[:40]
    for s in r.sources:
        for sentence in sentences(s.text):
            if probe and probe in nz.fold(sentence):
                return Citation(field, value, sentence, s.location, s.title)
    return None


def event_label(r: EventRecord) -> str:
    """A short name for an event: its title, or kind + body when the title is a whole sentence."""
    if len(r.title) <= 90:
        return r.title
    if r.kind and r.body:
        return f"{r.kind.capitalize()} — {r.body}"
    if r.kind:
        where = r.venue or r.place
        return r.kind.capitalize() + (f" ({where})" if where else "")
    return r.title[:88].rstrip() + "…"


def compose(r: EventRecord, intent: Intent, slots: list[Slot], language: str,
            weigh: Callable[[Slot], float] | None = None, counted: str | None = None,
            states: bool = False) -> tuple[str, tuple]:
    """The answer sentence and its citations; with `weigh` (the index's slot weights), also the source
    sentence that covers what the question asks beyond the fields; `counted`, the word a how-many question
    counts, asks for a sentence that gives its number; `states`, a question answered by states, for the
    sentence that names them."""
    text, cites = _compose(r, intent, slots, language)
    if states:
        # the states that did what was asked, or were what was asked («наблюдатели каких стран»)
        quote = states_quote(r, [s for s in slots if not s.generic and s.terms])
        if quote is not None:
            return _with_quote(text, cites, quote, language)
    counted_slot = next((s for s in slots if s.word == counted and (s.terms or len(s.word) > 3)), None)
    if counted_slot is not None:
        quote = best_quote(r, _residual(r, slots), weigh or (lambda s: 1.0), exclude=_MISSING.sub(" ", text),
                           counted=counted_slot)
        if quote is not None:
            return _with_quote(text, cites, quote, language)
    residual = _residual(r, slots)
    asked = residual
    if _MISSING.search(text):
        # the field asked about is empty ("в записях нет списка участников"): the sentence that speaks of what
        # was asked («…приняли участие делегации…») is the next best thing, so the question's frame words count
        asked = residual + [s for s in slots if s.frame and s.terms and s not in residual]
    # "не указано, кто председательствовал", "нет сведений, что X участвовал" say nothing the quote would repeat
    said = _NOT_SHOWN.sub(" ", _MISSING.sub(" ", text))
    quote = best_quote(r, asked, weigh or (lambda s: 1.0), exclude=said) if asked else None
    cue = _FIELD_CUES.get(intent)
    if quote is None and cue is not None and _MISSING.search(text):
        # «о чём говорили» is answered by the sentence that says «обсудили…», whatever verb the question used
        quote = best_quote(r, [*asked, cue], weigh or (lambda s: 1.0), exclude=said)
    if quote is None:
        return text, cites
    return _with_quote(text, cites, quote, language)


def _with_quote(text: str, cites: tuple, quote, language: str) -> tuple[str, tuple]:
    from storage.search.answer import Citation

    words = _EN if language == "en" else _RU
    text = f"{text} {words['quote'].format(value=quote.sentence.rstrip('.'))}."
    citation = Citation("source", quote.sentence, quote.sentence, quote.source.location, quote.source.title)
    return text, (*cites, citation)


def _compose(r: EventRecord, intent: Intent, slots: list[Slot], language: str) -> tuple[str, tuple]:
    words = _EN if language == "en" else _RU
    date = format_date_range(r.date_start, r.date_end, language)
    head = f"{event_label(r)} ({date})"
    cites: list = []

    def cite(field: str, value: str | None) -> None:
        if value:
            c = _citation(r, field, value)
            if c is not None and c not in cites:
                cites.append(c)

    residual = _residual(r, slots)
    if intent is Intent.chair:
        if r.chair_person:
            value = r.chair_person + (f" ({r.chair_role})" if r.chair_role else "")
            if r.chair_state and r.chair_state not in (r.chair_role or ""):
                value += f", {r.chair_state}"
            part = words["chair"].format(value=value)
            cite("chair", r.chair_person)
        elif r.chair_state:
            part = words["chair_state"].format(value=r.chair_state)
            cite("chair", r.chair_state)
        else:
            part = words["no_chair"]
    elif intent in (Intent.participants, Intent.participation):
        people = people_of(r)
        if intent is Intent.participation:
            part = _participation(r, people, residual, slots, words, cite)
        elif not people:
            part = words["no_participants"]
        else:
            chosen = _pick([_person(p) for p in people], residual)
            part = words["participants"].format(value=_listing(chosen, words))
            for p in people:
                if _person(p) in chosen[:3]:
                    cite("participant", p.name)
    elif intent is Intent.place:
        value = ", ".join(x for x in (r.place, r.venue) if x)
        part = words["place"].format(value=value) if value else words["no_place"]
        cite("place", r.place)
        cite("venue", r.venue)
    elif intent is Intent.date:
        part = words["date"].format(value=date)
        cite("date", date)
        if not cites and r.facts:
            dated = [f for f in r.facts if f.field == "date"]
            if dated:
                from storage.search.answer import Citation

                f = dated[0]
                cites.append(Citation("date", date, f.sentence, f.source_location, f.source_title))
    elif intent is Intent.format:
        part = words["format"].format(value=r.format) if r.format else words["no_format"]
        cite("format", r.format)
    elif intent is Intent.decisions:
        items = [" ".join(x for x in (d.action, d.text) if x) for d in r.decisions]
        if items:
            chosen = _pick(items, residual)
            if residual:
                # "какой план утвердили" → name the plan as asked: "план консультаций …"
                named = []
                for item in chosen:
                    subject = about_subject(item)
                    if subject and slot_hits(subject.split()[0], residual):
                        item = f"{subject} ({item})"
                    named.append(item)
                chosen = named
            part = words["decisions"].format(value=_listing(chosen, words))
            for d in r.decisions:
                if any(d.text in c for c in chosen[:3]):
                    cite("decision", d.text)
        else:
            part = words["no_decisions"]
    elif intent is Intent.topics:
        if r.topics:
            chosen = _pick(list(r.topics), residual)
            part = words["topics"].format(value=_listing(chosen, words))
            for t in chosen[:3]:
                cite("topic", t)
        else:
            part = words["no_topics"]
    else:
        return _summary(r, residual, words, date, cite), tuple(cites)
    return f"{head}: {part.rstrip('.')}.", tuple(cites)


def _participation(r, people, residual, slots, words, cite) -> str:
    targets = residual or [s for s in slots if not s.generic and not s.frame and s.terms]
    named = [s for s in targets if not s.verb] or targets  # who was asked about, not what they did ("sign")
    wanted = " ".join(s.word[:1].upper() + s.word[1:] for s in named) or "—"
    best, best_n = None, 0
    for p in people:
        n = len(slot_hits(" ".join(x for x in (p.name, p.role, p.organisation) if x), targets))
        if n > best_n:
            best, best_n = p, n
    if best is not None and best_n * 2 >= len(targets):
        cite("participant", best.name)
        return words["yes"].format(value=_person(best))
    return words["no"].format(value=wanted)


def _summary(r: EventRecord, residual: list[Slot], words: dict[str, str], date: str, cite) -> str:
    parts = [f"{date} — {event_label(r).rstrip('.')}"]
    if r.body and not _terms(r.body) <= _terms(r.title) and (
            not r.body_short or nz.fold(r.body_short) not in nz.fold(r.title)):
        parts.append(r.body)
    if r.place:
        parts.append(words["place"].format(value=", ".join(x for x in (r.place, r.venue) if x)))
    if r.format:
        parts.append(words["format"].format(value=r.format))
    if r.chair_person or r.chair_state:
        parts.append(words["chair"].format(value=r.chair_person or r.chair_state))
    # «ОДКБ впервые проводит три учения одновременно»: which ones, when the title does not say
    named = [n for n in series_names(r.series, "en" if words is _EN else "ru")
             if nz.fold(n.rsplit("-", 1)[0]) not in nz.fold(r.title)]
    if named:
        parts.append(words["series"].format(value=", ".join(named)))
    cite("date", date)
    cite("body", r.body)
    if residual:
        # a person asked about: say in what role they were there
        people = [p for p in r.participants if slot_hits(" ".join(x for x in (p.name, p.role, p.organisation) if x),
                                                           residual)]
        for p in people[:2]:
            parts.append(words["participants"].format(value=_person(p)))
            cite("participant", p.name)
        items = [d.text for d in r.decisions] + list(r.topics)
        matched = [i for i in items if slot_hits(i, residual)]
        if matched:
            parts.append(words["also"].format(value="; ".join(matched[:3])))
            for m in matched[:3]:
                cite("decision" if any(d.text == m for d in r.decisions) else "topic", m)
    elif r.decisions:
        # "what happened on …": what was decided is what happened; the first decision, the rest on the card
        first = r.decisions[0].text
        shown = first if len(first) <= _SUMMARY_DECISION else first[:_SUMMARY_DECISION].rsplit(" ", 1)[0] + "…"
        more = f"; {words['more'].format(n=len(r.decisions) - 1)}" if len(r.decisions) > 1 else ""
        parts.append(words["decisions"].format(value=shown + more))
        cite("decision", first)
    return ", ".join(parts).rstrip(".") + "."

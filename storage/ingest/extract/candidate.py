"""Assemble an EventCandidate from one Item: date, body, kind, place, venue, format, chair, people,
decisions, topics, summary, each value with the sentence it came from."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable

from storage.ingest.extract import fields, sites
from storage.ingest.extract.decisions import find_decisions, find_topics
from storage.ingest.extract.event_date import choose_event_date
from storage.ingest.extract.predicates import sentence_tense
from storage.ingest.extract.side_events import side_items
from storage.ingest.extract.people import ROLE_HEADS, find_people, may_hold_names, member_office, only_speaks
from storage.ingest.extract.sentences import join_lists, language, split_sentences
from storage.ingest.extract.states import participating_states, short_name
from storage.ingest.records import Chair, EventCandidate, Item, Person, Provenance
from storage.lexicon.bodies import Body, find_body_matches, joint_body
from storage.lexicon.kinds import FIELD_EVENTS, find_kind_matches
from storage.lexicon.places import canonical_place, find_place_matches, find_places
from storage.lexicon.series import series_keys
from storage.lexicon.translit import name_key
from storage.nlp import morph

DateFinder = Callable[[str, int | None], list]

# a venue known to be in one city lets a page that names only the venue still get a place
VENUE_CITIES = {
    "Секретариат ОДКБ": "Москва",
    "Объединённый штаб ОДКБ": "Москва",
    "военный академия генеральный штаб": "Москва",
    "дипломатический академия мид": "Москва",
}



_PREPARING = re.compile(
    r"(?<![^\W\d_])(?:приступ\w+\s+к\s+подготовк\w*|нача\w*\s+подготовк\w*|подготовк\w*\s+к\s+(?:проведению\s+)?"
    r"(?:учени|операци|совместн)|готов(?:ят|ит|ились|ился)\w*\s+к|(?:began|start\w*)\s+(?:the\s+)?preparations?"
    r"|prepar(?:ing|ations?)\s+for|are\s+preparing)", re.IGNORECASE)

def _venue_city(venue: str | None) -> str | None:
    if not venue:
        return None
    if venue in VENUE_CITIES:
        return VENUE_CITIES[venue]
    key = " ".join(morph.lemma(w) for w in re.findall(r"[А-Яа-яЁё]+", venue))
    for pattern, city in VENUE_CITIES.items():
        if pattern.islower() and pattern in key:
            return city
    return None


def _event_words(sentence: str) -> bool:
    return bool(find_kind_matches(sentence)) or any(not m.payload.is_organisation for m in find_body_matches(sentence))


_FORCES = frozenset({"КСОР", "КМС"})
# the members of a council, in the plural: three such groups meeting together are a joint meeting
_MEMBERS = {
    "СМИД": re.compile(r"министр(?:ы|ов|ам|ами)\s+иностранных\s+дел|глав(?:ы|ам|ами)?\s+(?:МИД|внешнеполитических)|"
                      r"foreign\s+ministers", re.IGNORECASE),
    "СМО": re.compile(r"министр(?:ы|ов|ам|ами)\s+обороны|глав(?:ы|ам|ами)?\s+(?:оборонных|военных)\s+ведомств|"
                     r"defen[cs]e\s+ministers", re.IGNORECASE),
    "КССБ": re.compile(r"секретар(?:и|ей|ям|ями)\s+(?:советов\s+безопасности|совбезов)|security\s+council\s+secretaries",
                      re.IGNORECASE),
}
_JOINT = re.compile(r"совместн\w*\s+(?:\w+\s+){0,2}?(?:заседани|встреч|совещани)|\bjoint\s+(?:\w+\s+)?(?:meeting|session)",
                    re.IGNORECASE)
_GATHERINGS = frozenset({"заседание", "сессия", "саммит", "совещание", "консультации", "встреча", "переговоры"})
_DRILLS = frozenset({"учения", "тренировка", "сборы"})
_ABOUT = re.compile(r"(?:^|\s)(?:о|об|обо|about|on|of)\s+(?:[^\W\d_]+\s+){0,2}$", re.IGNORECASE)


def _fits(body: Body, kind: str | None) -> bool:
    """Forces hold exercises; councils hold sessions and meetings."""
    if kind in _GATHERINGS:
        return body.short not in _FORCES
    return True


def _choose_body(sentences: list[str], date_sentence: str, kind: str | None = None) -> tuple[Body, str] | None:
    """The organ that met: in the date sentence or headline first; not one only named as a venue, in a quote,
    or as what a document is about ("соглашение о создании КСОР"); one that fits the kind of event (forces do
    not hold sessions); one named only in a post ("Начальник Объединённого штаба") when nothing else is named."""
    ordered = [date_sentence] + [s for s in sentences if s != date_sentence]
    for sentence in ordered[:2]:
        named = [m.payload.short for m in find_body_matches(sentence) if not m.payload.is_organisation]
        joint = joint_body(named) if _JOINT.search(sentence) else None
        joint = joint or joint_body(short for short, members in _MEMBERS.items() if members.search(sentence))
        if joint is not None:
            return joint, sentence  # "совместное заседание СМИД, СМО и КССБ" is one gathering of its own
        if named:
            break  # the date sentence names the organ that met
    post: tuple[Body, str] | None = None
    misfit: tuple[Body, str] | None = None
    for sentence in ordered:
        unquoted = re.sub(r"«[^»]*»", lambda q: " " * len(q.group()), sentence)
        for m in find_body_matches(unquoted):
            if m.payload.is_organisation:
                continue
            if fields._is_locative(unquoted, m.start, m.first_token) or fields.is_addressee(
                    unquoted, m.start, m.first_token):
                continue  # "в Секретариате ОДКБ" is where, "направил в Секретариат" to whom, not who met
            before = unquoted[max(0, m.start - 40):m.start].lower()
            prev = re.findall(r"[а-яё-]+", before)
            if prev and morph.lemma(prev[-1]) in ROLE_HEADS | {"генерал-полковник", "генерал-лейтенант"}:
                post = post or (m.payload, sentence)
                continue  # "Начальник Объединённого штаба" names a person's post, not the organ that met
            if re.search(r"(?:решени\w*|проект\w*|рассмотрение|внесени\w*)\s*$", before):
                continue  # "проект Решения СКБ" names a document's author, not the meeting
            if _ABOUT.search(before) and m.payload.short in _FORCES:
                misfit = misfit or (m.payload, sentence)
                continue  # "соглашение о создании КСОР": what was decided about, not who met
            if not _fits(m.payload, kind):
                misfit = misfit or (m.payload, sentence)
                continue
            return m.payload, sentence
    return post or misfit


def _choose_kind(sentences: list[str], date_sentence: str) -> tuple[str, str] | None:
    ordered = [date_sentence] + [s for s in sentences if s != date_sentence]
    for sentence in ordered:
        matches = find_kind_matches(sentence)
        if matches:
            best = max(matches, key=lambda m: m.payload.weight)
            return best.payload.name, sentence
    return None


def _choose_place(sentences: list[str], date_sentence: str, dateline: str | None,
                  kind: str | None = None) -> tuple[str, str] | None:
    """A city the event is said to be in; for an exercise or operation first the region or state it is held in
    (reported from a capital, held on a range elsewhere); the dateline's city last."""
    ordered = [date_sentence] + [s for s in sentences if s != date_sentence]
    if kind in FIELD_EVENTS:
        for sentence in ordered[:5]:
            region = sites.find_region(sentence)
            if region:
                state = sites.find_state_place(sentence) or next(
                    (short_name(p) for p, _, _ in find_places(sentence) if p.is_state), None)
                return (f"{region}, {state}" if state and state != sites.ALL_MEMBERS else region), sentence
        for sentence in ordered[:5]:
            state = sites.find_state_place(sentence)
            if state:
                return state, sentence
    for n, sentence in enumerate(ordered):
        for m in find_place_matches(sentence):
            if m.payload.is_state:
                continue
            before = sentence[max(0, m.start - 6):m.start].lower()
            # a city is where the event was when introduced by "в/in" (or a wire dateline), not "из Минска"
            if re.search(r"(?:^|\s)(?:в|во|in|at)\s$", before) or m.start == 0:
                return m.payload.name, sentence
        if n >= 3:
            break
    if kind in FIELD_EVENTS:
        for sentence in ordered[:5]:
            ground = sites.find_ground(sentence)
            if ground:
                return ground, sentence  # a range named with no region says more than the dateline's city
    if dateline:
        return dateline, dateline
    return None


def _near_reference(mentions: list, reference: dt.date | None) -> list:
    """A date without a year lies within half a year of the item's reference date: "28 декабря" in an
    item dated 3 January is the December before."""
    if reference is None:
        return mentions
    out = []
    for m in mentions:
        if not m.explicit_year:
            for years in (-1, 1):
                try:
                    moved = dataclasses.replace(m, start=m.start.replace(year=m.start.year + years),
                                                end=m.end.replace(year=m.end.year + years))
                except ValueError:
                    continue
                if abs((moved.start - reference).days) < abs((m.start - reference).days) - 90:
                    m = moved
                    break
        out.append(m)
    return out


_BORN = re.compile(r"(?<![^\W\d_])(?:родил(?:ся|ась)|дата\s+рождения|was\s+born|born\s+(?:on|in))(?![^\W\d_])", re.I)
_CAREER_LINE = re.compile(r"^\s*(?:[-–—•*]\s*)?(?:(?:[СсВв]|from|in|since|In|From|Since)\s+)?(?:19|20)\d\d"
                          r"(?:\s*[-–—]\s*(?:19|20)?\d\d)?(?:\s*(?:гг?\.|годах|году|года|год))?(?:\s*[-–—,:]|\s+[^\W\d_])", re.M)


def is_biography(text: str) -> bool:
    """A life story ("Родился…", then career lines "В 1994–1998 годах – …") reports no event."""
    return _BORN.search(text) is not None and len(_CAREER_LINE.findall(text)) >= 3


def extract_candidates(item: Item, find_dates: DateFinder) -> list[EventCandidate]:
    """The lead event of an item and the side events it reports with their own organ and day."""
    lead = extract_candidate(item, find_dates)
    if lead is None:
        return []
    year_hint = item.published.year if item.published else item.year_hint
    reference = item.published.date() if item.published else None
    found = [lead]
    for side in side_items(item, lead, lambda s: _near_reference(find_dates(s, year_hint), reference)):
        candidate = extract_candidate(side, find_dates)
        if candidate is not None and candidate.body_short and candidate.body_short != lead.body_short \
                and not any(c.date_start == candidate.date_start and c.body_short == candidate.body_short for c in found):
            found.append(candidate)
    if len(found) > 1:
        found[0] = _without_side_people(lead, [c.item.text for c in found[1:]])
    return found


def _without_side_people(lead: EventCandidate, side_texts: list[str]) -> EventCandidate:
    """People named only in the sentences of a side event ("В сессии СКБ 28 ноября примут участие президенты…")
    take part in that event, not in the lead one."""
    named_in_lead = {name_key(f.value.split(" (")[0]) for f in lead.facts
                     if f.field == "participant" and not any(f.sentence in text for text in side_texts)}
    if lead.chair.person:
        named_in_lead.add(name_key(lead.chair.person))
    kept = tuple(p for p in lead.participants if name_key(p.name) in named_in_lead)
    if len(kept) == len(lead.participants):
        return lead
    facts = tuple(f for f in lead.facts if f.field != "participant" or name_key(f.value.split(" (")[0]) in named_in_lead)
    return dataclasses.replace(lead, participants=kept, facts=facts)


def extract_candidate(item: Item, find_dates: DateFinder) -> EventCandidate | None:
    """The event an item reports or announces; None when it names no event date."""
    if is_biography(item.text):
        return None
    body_sentences = split_sentences(item.text)
    listed = join_lists(body_sentences)  # "Участвуют: - России; - Казахстана." read as one sentence
    headline = [(item.title, True)] if item.title else []
    all_sentences = [s for s, _ in headline] + body_sentences
    year_hint = item.published.year if item.published else item.year_hint
    reference = item.published.date() if item.published else None
    dateline = item.dateline_place or _heading_place(item.heading)

    # only CSTO events: the item must name the organisation or one of its bodies somewhere
    if not any(find_body_matches(s) for s in all_sentences + ([item.heading] if item.heading else [])):
        return None
    chosen = choose_event_date(headline + [(s, False) for s in body_sentences],
                               lambda s: _near_reference(find_dates(s, year_hint), reference), item.published, _event_words, wire=bool(dateline),
                               heading=item.heading)
    if chosen is None:
        return None
    facts: list[Provenance] = [Provenance("date", f"{chosen.start.isoformat()}/{chosen.end.isoformat()}", chosen.sentence)]
    lang = language(item.text)
    is_announcement = chosen.future or bool(
        item.published is not None and chosen.start > item.published.date())
    if chosen.future is False and item.published is not None and chosen.end < item.published.date():
        is_announcement = False

    def fact(field: str, value: str | None, sentence: str) -> str | None:
        if value:
            facts.append(Provenance(field, value, sentence))
        return value

    kind = _choose_kind(all_sentences, chosen.sentence)
    kind_name = fact("kind", kind[0], kind[1]) if kind else None
    body = _choose_body(all_sentences, chosen.sentence, kind_name)
    body_obj = body[0] if body else None
    if body:
        fact("body", body[0].full, body[1])

    venue = None
    for sentence in [chosen.sentence] + all_sentences[:3]:
        venue = fact("venue", fields.find_venue(sentence), sentence)
        if venue:
            break
    if venue is None and kind_name in FIELD_EVENTS:
        for sentence in [chosen.sentence] + all_sentences[:4]:
            venue = fact("venue", sites.find_ground(sentence), sentence)
            if venue:
                break
    place = _choose_place(all_sentences, chosen.sentence, dateline, kind_name)
    place_name = fact("place", place[0], place[1]) if place else None
    if place_name is None and venue:
        place_name = fact("place", _venue_city(venue), venue)

    fmt = None
    for sentence in [chosen.sentence] + all_sentences:
        fmt = fact("format", fields.find_format(sentence), sentence)
        if fmt:
            break

    if fmt is None and place is not None:
        # a meeting in a named city with no word of video links was held in person
        fmt = fact("format", "очно", place[1])

    chair = Chair()
    found = None
    for sentence in all_sentences:
        found = fields.find_chair(sentence, chosen.start.year)
        if found:
            break
    if found is None:
        # no one is said to have chaired: the state that chairs the Organisation that year, if the item says
        for sentence in all_sentences:
            state = fields.find_chair_state(sentence, chosen.start.year)
            if state:
                found = Chair(None, None, state)
                break
    if found:
        chair = found
        fact("chair", " / ".join(v for v in (found.person, found.role, found.state) if v), sentence)
        fact("chair_person", found.person, sentence)
        fact("chair_role", found.role, sentence)
        fact("chair_state", found.state, sentence)

    participants: dict[str, Person] = {}
    speakers: dict[str, tuple[Person, str]] = {}
    for sentence in all_sentences:
        if not may_hold_names(sentence):
            continue
        for mention in find_people(sentence):
            person = mention.person
            key = name_key(person.name)
            if only_speaks(sentence, mention):
                if key not in speakers or (person.role and not speakers[key][0].role):
                    speakers[key] = (person, sentence)  # quoted: a participant only if a member's office says so
                continue
            old = participants.get(key)
            if old is None or (not old.role and person.role):
                participants[key] = person
                fact("participant", person.name + (f" ({person.role})" if person.role else ""), sentence)
    for key, (person, sentence) in speakers.items():
        if key not in participants and member_office(person.role):
            # a president or minister quoted on the event spoke at it; a spokesman or an expert only about it
            participants[key] = person
            fact("participant", person.name + (f" ({person.role})" if person.role else ""), sentence)
    if chair.person and name_key(chair.person) not in participants:
        participants[name_key(chair.person)] = Person(chair.person, chair.role)
    if kind_name not in _GATHERINGS:
        # an exercise is carried out by national contingents; a meeting's states are known by their delegates
        for sentence in [s for s, _ in headline] + listed:
            for state in participating_states(sentence):
                if name_key(state) not in participants:
                    participants[name_key(state)] = Person(state)
                    fact("participant", state, sentence)

    decisions: list[str] = []
    topics: list[str] = []
    for sentence in body_sentences + [s for s, _ in headline]:
        tense = sentence_tense(sentence)
        if tense.future and not tense.past and not chosen.future:
            continue  # "Подписание документов будет проведено позже" is not a decision taken
        for d in find_decisions(sentence):
            if d not in decisions:
                decisions.append(d)
                fact("decision", d, sentence)
        for t in find_topics(sentence):
            if t not in topics:
                topics.append(t)
                fact("topic", t, sentence)

    summary = next((s for s in body_sentences if len(s.split()) >= 8), body_sentences[0] if body_sentences else None)
    if summary:
        fact("summary", summary, summary)
    title = (item.title or summary or item.text[:200]).strip()
    if len(title) > 300:
        title = title[:300].rsplit(" ", 1)[0] + "…"
    fact("title", title, title)

    series = _own_series(item.title, chosen.sentence, body_sentences)
    # "приступили к подготовке учений «Поиск-2031»", "preparations began for Frontier-2031": the news is the
    # preparing; the event is the exercise ahead, whose days the item does not give
    undated = bool(series) and chosen.implicit and kind_name in FIELD_EVENTS and any(
        _PREPARING.search(s) for s in [chosen.sentence, item.title or ""])
    if undated:
        is_announcement = True
    return EventCandidate(
        item=item,
        language=lang,
        date_start=chosen.start,
        date_end=chosen.end,
        title=title,
        is_announcement=is_announcement,
        body=body_obj.full if body_obj else None,
        body_short=body_obj.short if body_obj else None,
        kind=kind_name,
        place=place_name,
        venue=venue,
        format=fmt,
        chair=chair,
        summary=summary,
        participants=tuple(participants.values()),
        decisions=tuple(decisions),
        topics=tuple(topics),
        series=series,
        undated=undated,
        facts=tuple(facts),
    )


def _heading_place(heading: str | None) -> str | None:
    """"22 мая, Алматинская область (Казахстан)" → "Алматинская область (Казахстан)": an entry's place, as written."""
    if not heading:
        return None
    m = re.match(r"^(?:[\d\s–—-]+[^\W\d_]+(?:\s+\d{4})?(?:\s*(?:года|г\.))?|\d{1,2}\.\d{1,2}\.\d{2,4})\s*[,–—-]\s*(.+)$",
                 heading)
    return canonical_place(m[1].strip(" .")) if m else None


def _own_series(title: str | None, date_sentence: str, sentences: list[str]) -> tuple[str, ...]:
    """The exercise or operation the item is about: named in its headline, date sentence or lead, else in
    the first of the next sentences that names any ("the exercises "Echelon" and "Search" are held…"),
    else anywhere when the item names a single series (a longer text also names its neighbours)."""
    own = series_keys("\n".join(filter(None, (title, date_sentence, *sentences[:1]))))
    own = own or next((found for sentence in sentences[1:4] if (found := series_keys(sentence))), set())
    if not own:
        named = series_keys("\n".join(sentences))
        own = named if len(named) == 1 else set()
    return tuple(sorted(own))


def published_date(item: Item) -> dt.date | None:
    return item.published.date() if item.published else None

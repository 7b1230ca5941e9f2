"""In-memory inverted index over event records: BM25-like scores precomputed per posting.

Per question only vocabulary look-ups (exact, transliteration key, or rapidfuzz over the vocabulary
for typos) and additions over the postings of the question's terms happen, so latency grows with
the postings touched, not with the number of records.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from functools import cache, lru_cache
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from storage.lexicon.bodies import BODIES, find_bodies
from storage.lexicon.places import CITIES, canonical_place, find_places
from storage.lexicon.translit import name_key
from storage.nlp import morph
from storage.search import normalize as nz
from storage.search.records import EventRecord

# How much a word found in each field says about the event being the one asked for.
FIELD_BOOST = {
    "title": 2.0, "body": 2.5, "kind": 1.5, "place": 1.5, "venue": 1.2, "chair": 2.0, "people": 1.8,
    "decisions": 1.4, "topics": 1.3, "summary": 1.0, "source_titles": 1.5, "sources": 0.5,
}
_K1, _B = 1.2, 0.5
_FUZZY_CUTOFF = 82.0
# a Latin word transliterated to a Russian term ("smid" → "смид") is as good as typed in Russian
_TRANSLIT_FACTOR = 0.95


@dataclass(frozen=True, slots=True)
class Slot:
    """One content word of a question and the index terms it resolved to (term, factor 0..1)."""

    word: str
    terms: tuple[tuple[str, float], ...]
    generic: bool  # names the organisation or events in general
    frame: bool  # says what is asked (chair, decided, …), not which event
    # a word that looks like a name (capitalised mid-sentence, a surname, a state, a body, not in the dictionary):
    # its absence refuses; an ordinary word the records lack («поедет», "welcomed") weighs less, and one the
    # event the question's dates decided lacks is the detail asked («к какому юбилею…»)
    proper: bool = True
    # a verb says what is asked about the event («кого назначили», "who commanded"), rarely which event:
    # it weighs no more than a common word in coverage, though it still ranks and picks the quoted sentence
    verb: bool = False

    @property
    def known(self) -> bool:
        return bool(self.terms)

    @property
    def own_terms(self) -> tuple[str, ...]:
        """The word's own terms (exact, lemma, transliteration), not what synonyms or a state's cities add."""
        return tuple(t for t, f in self.terms if f >= _TRANSLIT_FACTOR)


def _record_fields(r: EventRecord) -> dict[str, str]:
    body_names = []
    if r.body:
        body_names.append(r.body)
    if r.body_short:
        body_names.append(r.body_short)
        body_names.extend(_body_names(r.body_short))
    return {
        "title": r.title,
        "body": " ".join(body_names),
        "kind": r.kind or "",
        "place": " ".join(x for x in (r.place, r.chair_state) if x),
        "venue": r.venue or "",
        "chair": " ".join(x for x in (r.chair_person, r.chair_role) if x),
        "people": " ".join(" ".join(x for x in (p.name, p.role, p.organisation) if x) for p in r.participants),
        "decisions": " ".join(d.text for d in r.decisions),
        "topics": " ".join(r.topics),
        "summary": r.summary or "",
        # each outlet's headline names the event in its own words and language ("Mountain Line-2031 drills")
        "source_titles": " ".join(s.title for s in r.sources if s.title and s.title != r.title),
        "sources": " ".join(s.text for s in r.sources),
    }


class SearchIndex:
    def __init__(self, records: Iterable[EventRecord]) -> None:
        self.records: list[EventRecord] = list(records)
        self.doc_of = {r.id: i for i, r in enumerate(self.records)}  # event id → position
        n = len(self.records)
        weighted: list[dict[str, float]] = []
        lengths: list[float] = []
        df: dict[str, int] = defaultdict(int)
        fielded: list[set[str]] = []
        for r in self.records:
            tf: dict[str, float] = defaultdict(float)
            own: set[str] = set()
            for field, text in _record_fields(r).items():
                if not text:
                    continue
                boost = FIELD_BOOST[field]
                for t in set(nz.index_terms(text)):
                    # presence per field, not raw counts: long source texts must not drown the title
                    tf[t] += boost
                    if field != "sources":
                        own.add(t)
            weighted.append(tf)
            fielded.append(own)
            lengths.append(sum(tf.values()) or 1.0)
            for t in tf:
                df[t] += 1
        avg = (sum(lengths) / n) if n else 1.0
        self.idf: dict[str, float] = {t: _idf(n, d) for t, d in df.items()}
        # a posting's sign says whether a field of the record has the term (+) or only a source's text (−): a
        # word found only in a source ("чемпионат" in an aside) is weaker evidence that the record is the one
        # asked. The sign rather than a third member keeps a posting a pair (memory at 100k events)
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, tf in enumerate(weighted):
            norm = _K1 * (1 - _B + _B * lengths[i] / avg)
            own = fielded[i]
            for t, w in tf.items():
                sc = self.idf[t] * w * (_K1 + 1) / (w + norm)
                postings[t].append((i, sc if t in own else -sc))
        self.postings: dict[str, tuple[tuple[int, float], ...]] = {t: tuple(p) for t, p in postings.items()}
        self.vocabulary: list[str] = sorted(self.postings)
        self.folded_vocabulary: list[str] = [_fold_vowels(t) for t in self.vocabulary]
        self._big_postings: dict[str, dict[int, float]] = {}
        self.max_idf = max(self.idf.values(), default=1.0)
        self.common_idf = _idf(n, n / 4) if n else 1.0  # a word a quarter of the records have
        by_key: dict[str, list[str]] = defaultdict(list)
        latin_by_key: dict[str, list[str]] = defaultdict(list)
        for t in self.vocabulary:
            (latin_by_key if nz.is_latin(t) else by_key)[name_key(t)].append(t)
        self.translit: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in by_key.items()}
        # the other way: a name typed in Cyrillic that English sources spell in Latin ("Тасмагамбетов")
        self.latin_translit: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in latin_by_key.items()}
        self.translit_keys: list[str] = sorted(self.translit)
        # dates, for filters: records sorted by start, plus the longest duration to bound the scan
        self.by_start = sorted(range(n), key=lambda i: (self.records[i].date_start, self.records[i].id))
        self.starts = [self.records[i].date_start for i in self.by_start]
        self.max_days = max(((r.date_end - r.date_start).days for r in self.records), default=0)
        self.places = [_place_keys(r) for r in self.records]
        by_place: dict[str, list[int]] = defaultdict(list)
        by_month: dict[int, list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            for key in self.places[i]:
                by_place[key].append(i)
            months = (r.date_end.year - r.date_start.year) * 12 + r.date_end.month - r.date_start.month
            for m in {(r.date_start.month - 1 + k) % 12 + 1 for k in range(min(months, 11) + 1)}:
                by_month[m].append(i)
        self.by_place = {k: tuple(v) for k, v in by_place.items()}
        self.by_month = {k: tuple(v) for k, v in by_month.items()}
        by_series: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(self.records):
            for key in (r.series or "").split():
                by_series[key].append(i)
        self.by_series = {k: tuple(v) for k, v in by_series.items()}
        people: set[str] = set()
        for r in self.records:
            for p in r.participants:
                people.update(nz.index_terms(" ".join(x for x in (p.name, p.role, p.organisation) if x)))
            people.update(nz.index_terms(" ".join(x for x in (r.chair_person, r.chair_role) if x)))
        # words that name people: a participation question may name someone who was NOT there
        self.people_terms: frozenset[str] = frozenset(people)
        self.rerank_text = [nz.fold(" ".join(x for x in (r.title, r.body, r.body_short, r.kind, r.place) if x))
                            for r in self.records]

    # --- question analysis ---------------------------------------------------------------

    def resolve(self, word: str, plain_english: bool = False) -> tuple[tuple[str, float], ...]:
        """Index terms for one folded question word, with how sure the match is (1 exact … 0.8 fuzzy), and the
        terms the synonym table adds for it."""
        terms = self._resolve(word, plain_english)
        lemma = nz.term(word)
        # an abbreviation also means its words («генсек» ~ генеральный секретарь), a synonym its synonyms
        extra = [(t, 0.9) for t in (*(nz.ABBREVIATIONS.get(word) or nz.ABBREVIATIONS.get(lemma) or ()),
                                    *(nz.SYNONYMS.get(lemma) or nz.SYNONYMS.get(word) or ()))]
        if extra:
            have = {t for t, _ in terms}
            for t, f in extra:
                if t in self.postings and t not in have:
                    terms += ((t, f),)
                    have.add(t)
        return terms

    def _resolve(self, word: str, plain_english: bool = False) -> tuple[tuple[str, float], ...]:
        """plain_english: a lower-case word of an English question ("sent", "region") is an English word, not
        a name or Russian typed in Latin letters: no look-alike transliteration ("sent" ~ «сеть»)."""
        if nz.is_latin(word):
            concept = nz.english_concept(word)
            if concept:
                return tuple((t, 1.0) for t in concept if t in self.postings)
            if word in self.postings:
                return ((word, 1.0),)
            key = name_key(word)
            if key in self.translit:
                return tuple((t, _TRANSLIT_FACTOR) for t in self.translit[key])
            if len(key) >= 4 and not plain_english:
                found = process.extract(key, self.translit_keys, scorer=fuzz.ratio, limit=2, score_cutoff=80)
                if found:
                    return tuple((t, 0.8 * s / 100) for k, s, _ in found for t in self.translit[k])
                # an inflected Russian word in Latin letters ("predsedatelstvoval"): back to Cyrillic
                return tuple((t, f * 0.9) for t, f in self._resolve(_to_cyrillic(word)))
            return ()
        if word.isdigit():
            return ((word, 1.0),) if word in self.postings else ()
        lemma = nz.term(word)
        if lemma in self.postings:
            return ((lemma, 1.0),)
        if word in self.postings:
            return ((word, 1.0),)
        for form in (word, lemma):
            if form in nz.ABBREVIATIONS:
                return ()  # resolve() adds the abbreviation's words
        latin = self.latin_translit.get(name_key(word))
        if latin:
            return tuple((t, _TRANSLIT_FACTOR) for t in latin)
        # a typo is a word the dictionary does not know; a real word missing from the records
        # ("спутник", "Марс") must stay unknown, not become a look-alike ("март")
        if len(word) >= 4 and not morph.is_known(word):
            best: dict[str, float] = {}
            for probe in {word, lemma}:
                # unstressed vowels are the usual misspelling ("абароны", "засидание"): compare with them folded
                for _, sc, k in process.extract(_fold_vowels(probe), self.folded_vocabulary, scorer=fuzz.ratio,
                                                limit=2, score_cutoff=_FUZZY_CUTOFF):
                    t = self.vocabulary[k]
                    if abs(len(t) - len(probe)) <= 3:
                        best[t] = max(best.get(t, 0.0), 0.85 * sc / 100)
            return tuple(sorted(best.items(), key=lambda x: -x[1])[:2])
        if len(lemma) >= 8:
            # the same root in another part of speech: "назначили" (назначить) ~ "назначение"; a stem shorter
            # than five letters is no root ("следить" ~ "следующий")
            stem = lemma[: len(lemma) - 3]
            k = bisect.bisect_left(self.vocabulary, stem)
            found = []
            while k < len(self.vocabulary) and self.vocabulary[k].startswith(stem) and len(found) < 3:
                found.append((self.vocabulary[k], 0.7))
                k += 1
            return tuple(found)
        return ()

    def slots(self, question: str) -> list[Slot]:
        out: list[Slot] = []
        seen: set[str] = set()
        ws = nz.words(question)
        capitalised = _capitalised_words(question)
        english = nz.detect_language(question) == "en"
        extra: list[str] = []
        # a body named in full or in English also means its short form, and vice versa
        body_terms: dict[str, tuple[str, ...]] = {}
        for body, start, end in find_bodies(question):
            extra.extend(nz.words(body.short))
            if not body.is_organisation:
                # "саммит ОДКБ" names the Collective Security Council: its events cover those words
                short = tuple(t for t in nz.index_terms(body.short) if t in self.postings)
                named = nz.words(question[start:end])
                if not set(nz.index_terms(question[start:end])) & set(nz.index_terms(body.full)):
                    # named by a form that shares no word with the Russian name ("учения КМС", "CRRF"):
                    # records that spell the name out match by its distinctive words ("миротворческих"),
                    # not by generic ones every body shares
                    short += tuple(t for t in _distinctive_terms(body.short) if t in self.postings and t not in short)
                for w in named:
                    body_terms[w] = short
        # a state named in the question also means its cities and its other names ("Кыргызстан" ~ Бишкек)
        state_terms: dict[str, tuple[tuple[str, float], ...]] = {}
        for place, start, end in find_places(_capitalised(question)):
            if place.is_state:
                # the state and its adjective; its cities a little less; never the generic part of an
                # official name ("Республика", "Federation"), which would match every state's records
                named = [(n, 1.0) for n in (place.name, place.english, *place.aliases)]
                named += [(c.name, 0.9) for c in CITIES if c.state == place.name]
                found: dict[str, float] = {}
                for n, factor in named:
                    for t in nz.index_terms(n):
                        if t in self.postings and t not in nz.OFFICIAL_GENERIC and t not in found:
                            found[t] = factor
                for w in nz.words(question[start:end]):
                    state_terms[w] = tuple(found.items())
        for w in ws + extra:
            if w in nz.STOP_RU or w in nz.STOP_EN or w in seen:
                continue
            if nz.is_latin(w) and not nz.english_concept(w) and name_key(w) in _stop_keys():
                continue
            seen.add(w)
            lemma = nz.term(w)
            if lemma in nz.STOP_RU:
                continue
            # a state's name means its own terms only: no look-alike by spelling ("Serbia" ~ "серия")
            terms = () if w in state_terms else self.resolve(w, english and w not in capitalised)
            if w not in ws and not any(t in self.postings for t, _ in terms):
                continue  # a body's short form added for the question's full name: an alias the store lacks
            if w not in ws and {t for t, _ in terms} <= {t for slot in out for t, _ in slot.terms}:
                continue  # …or one the question's own words already carry ("Secretariat" → «секретариат»)
            # what the word itself is (generic, a frame): its own terms, not a synonym's («следующий» ~ «очередной»)
            synonyms = set(nz.SYNONYMS.get(lemma) or nz.SYNONYMS.get(w) or ())
            own = {lemma, *(t for t, _ in terms if t not in synonyms)}
            if w in body_terms:
                terms = tuple(terms) + tuple((t, 1.0) for t in body_terms[w] if t not in {x for x, _ in terms})
            if w in state_terms:
                terms = tuple(terms) + tuple((t, f) for t, f in state_terms[w] if t not in {x for x, _ in terms})
            concept = set(nz.english_concept(w) or ()) if nz.is_latin(w) else set()
            generic = bool((own | concept) & nz.GENERIC)
            frame = bool((own | concept) & nz.FRAME)
            # a name of something (a person, a state, a body, a capitalised word) or the question's own wording
            proper = (_looks_proper(w, capitalised, in_records=bool(terms)) or w in state_terms or w in body_terms
                      or any(t in self.people_terms or t in _body_words() for t in own))
            out.append(Slot(w, terms, generic, frame, proper, _is_verb(w)))
        return out

    # --- scoring --------------------------------------------------------------------------

    def score(self, slots: Sequence[Slot], only: set[int] | None = None
              ) -> tuple[dict[int, float], dict[int, int], dict[int, int]]:
        """Scores and two bitmasks of matched slots per record, for the records the question's words matched:
        slots matched anywhere, and slots matched in a field (not only in a source's text).

        only: when the question's dates or places already narrowed the records, score just those.
        """
        scores: dict[int, float] = defaultdict(float)
        masks: dict[int, int] = defaultdict(int)
        fields: dict[int, int] = defaultdict(int)
        n = len(self.records) or 1
        # rare content words first: they find the candidates; frequent and weak words then only add to
        # records already found (a record with none of the rare words cannot have the best coverage)
        def df(i: int) -> int:
            return max((len(self.postings.get(t, ())) for t, _ in slots[i].terms), default=0)

        order = sorted(range(len(slots)), key=lambda i: (slots[i].generic or slots[i].frame, df(i)))
        frequent = max(2000, n // 20)
        for i in order:
            slot = slots[i]
            bit = 1 << i
            weak = slot.generic or slot.frame
            mult_weak = 0.5 if weak else 1.0
            for t, factor in slot.terms:
                post = self.postings.get(t, ())
                mult = factor * mult_weak
                if weak and only is None and not scores:
                    continue  # organisation names and question frames never find candidates themselves
                pool = only if only is not None else (scores if scores and (weak or len(post) > frequent) else None)
                if pool is not None and len(post) > 4 * len(pool):
                    by_doc = self._big(t)
                    for doc in list(pool):
                        sc = by_doc.get(doc)
                        if sc is not None:
                            scores[doc] += abs(sc) * mult
                            masks[doc] |= bit
                            if sc > 0:
                                fields[doc] |= bit
                    continue
                for doc, sc in post:
                    if pool is None or doc in pool:
                        scores[doc] += abs(sc) * mult
                        masks[doc] |= bit
                        if sc > 0:
                            fields[doc] |= bit
        return scores, masks, fields

    def _big(self, t: str) -> dict[int, float]:
        cached = self._big_postings.get(t)
        if cached is None:
            cached = self._big_postings[t] = dict(self.postings[t])
        return cached

    def slot_weight(self, slot: Slot) -> float:
        """How much a content slot matters for coverage: rare terms more; an unknown name the most, an unknown
        ordinary word as a common one (a question's own wording must not outweigh what it names). A word's own
        term decides, not the widest of its expansions (a state's capital must not make the state rare)."""
        if not slot.terms:
            return self.max_idf if slot.proper else self.common_idf
        own = slot.own_terms or [t for t, _ in slot.terms]
        weight = max(self.idf.get(t, self.max_idf) for t in own)
        return min(weight, self.common_idf) if slot.verb else weight

    def filter_weight(self, matched: int) -> float:
        """What a date or place filter that left `matched` records says, on the same scale as a word's idf."""
        return _idf(len(self.records), matched) if matched else 0.0

    def overlapping(self, start: dt.date, end: dt.date) -> list[int]:
        lo = bisect.bisect_left(self.starts, start - dt.timedelta(days=self.max_days))
        hi = bisect.bisect_right(self.starts, end)
        return [self.by_start[k] for k in range(lo, hi) if self.records[self.by_start[k]].date_end >= start]

    def in_spans(self, spans) -> set[int]:
        """Records overlapping any of the spans (DateRange, DaySpan or MonthSpan)."""
        out: set[int] = set()
        for sp in spans:
            if hasattr(sp, "start"):
                out.update(self.overlapping(sp.start, sp.end))
            else:
                out.update(d for d in self.by_month.get(sp.month, ())
                           if sp.overlaps(self.records[d].date_start, self.records[d].date_end))
        return out

    def of_series(self, keys: Iterable[str]) -> set[int]:
        """Records of the named exercises or operations ("nelegal-2031")."""
        return {doc for key in keys for doc in self.by_series.get(key, ())}

    def at_places(self, names: Iterable[str]) -> set[int]:
        out: set[int] = set()
        for name in names:
            out.update(self.by_place.get(nz.fold(name), ()))
        return out

    def rerank_score(self, doc: int, question: str) -> float:
        return fuzz.token_set_ratio(nz.fold(question), self.rerank_text[doc])


def _idf(n: int, df: float) -> float:
    """BM25's idf of a term in df of n records (always positive)."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


@lru_cache(maxsize=64)
def _distinctive_terms(short: str) -> tuple[str, ...]:
    """The words of a body's full name that no other body's name has ("иностранный" for СМИД; not
    "совет" or "министр", which the defence ministers' council shares)."""
    mine = next((b for b in BODIES if b.short == short), None)
    if mine is None:
        return ()
    others = {t for b in BODIES if b.short != short for t in nz.index_terms(b.full)}
    return tuple(t for t in nz.index_terms(mine.full) if t not in others and t not in nz.GENERIC)


@cache
def _body_words() -> dict[str, str]:
    """Words that name one body and no other, in either language ("иностранный", "оборона", "миротворческий"),
    to that body's short name: «министры иностранных дел» names the foreign ministers' council as surely as
    «СМИД» does."""
    named = {b.short: {*nz.index_terms(b.full), *nz.index_terms(b.english)} for b in BODIES}
    counts = Counter(t for terms in named.values() for t in terms)
    words = {t: short for short, terms in named.items() for t in terms if counts[t] == 1 and t not in nz.GENERIC}
    for b in BODIES:  # and its short form, however the question spelled it («СМИД», "smid")
        if not b.is_organisation and " " not in b.short:
            words.setdefault(nz.fold(b.short), b.short)
    return words


def bodies_named_by_words(slots: Sequence[Slot]) -> set[str]:
    """Short names of the bodies a question names by their own words ("defence ministers" → СМО)."""
    words = _body_words()
    return {words[t] for s in slots for t in {*s.own_terms, *nz.index_terms(s.word)} if t in words}


@lru_cache(maxsize=1024)
def _body_names(short: str) -> tuple[str, ...]:
    for body, _, _ in find_bodies(short)[:1]:
        return body.full, body.english
    return ()


@lru_cache(maxsize=20_000)
def _value_place_keys(value: str) -> frozenset[str]:
    keys = {nz.fold(value)}
    for place, _, _ in find_places(value):
        keys.add(nz.fold(place.name))
        if place.state:
            keys.add(nz.fold(place.state))
    canon = canonical_place(value)
    if canon:
        keys.add(nz.fold(canon))
    for city in _cities_of_regions(value):
        keys.add(nz.fold(city.name))
        if city.state:
            keys.add(nz.fold(city.state))
    return frozenset(keys)


_REGION = re.compile(r"([А-ЯЁ][а-яё-]+?)(?:ая|ой|ую)\s+(?:област|кра[йяюе])", re.IGNORECASE)


def _cities_of_regions(value: str) -> list:
    """The cities a region is named after: «Псковская область» → Псков, «Гродненской области» → Гродно, so a
    question asking about the city finds events the pages place in its region."""
    out = []
    for m in _REGION.finditer(value):
        adjective = nz.fold(m.group(1))  # "псковск", "гродненск", "астраханск"
        for city in CITIES:
            stem = re.sub(r"[ьаоеияйы]$", "", nz.fold(city.name))
            if len(stem) >= 2 and adjective.startswith(stem) and re.fullmatch(r"ь?(?:(?:ен|ин|ан)?ск)?", adjective[len(stem):]):
                out.append(city)
    return out


_LATIN_DIGRAPHS = (("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
                   ("yu", "ю"), ("ya", "я"), ("yo", "е"), ("iy", "ий"), ("yy", "ый"))
_LATIN_LETTERS = str.maketrans({"a": "а", "b": "б", "v": "в", "g": "г", "d": "д", "e": "е", "z": "з", "i": "и",
                                "y": "ы", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "r": "р",
                                "s": "с", "t": "т", "u": "у", "f": "ф", "h": "х", "c": "ц", "w": "в", "j": "й",
                                "q": "к"})


def _to_cyrillic(word: str) -> str:
    """A rough reverse of the usual romanisation; only used to look up typed-in-Latin Russian words."""
    for a, b in _LATIN_DIGRAPHS:
        word = word.replace(a, b)
    word = word.replace("x", "кс")
    return word.translate(_LATIN_LETTERS)


_VOWELS = str.maketrans({"о": "а", "е": "и", "ё": "и", "я": "а", "ю": "у", "ы": "и", "э": "и"})


def _fold_vowels(word: str) -> str:
    return word.translate(_VOWELS)


@cache
def _stop_keys() -> frozenset[str]:
    """Latin spellings of Russian stop words ("po", "kto", "v"), so "kto predsedatelstvoval" drops "kto"."""
    return frozenset(name_key(w) for w in nz.STOP_RU)


def _capitalised_words(question: str) -> frozenset[str]:
    """Folded words written with a capital anywhere but at the start of a sentence."""
    import re

    out = set()
    for m in re.finditer(r"[^\W\d_][\w-]*", question):
        w = m.group()
        before = question[: m.start()].rstrip(" «\"'(")
        if w[:1].isupper() and before and before[-1] not in ".!?:":
            out.update(nz.words(w))
    return frozenset(out)


def _looks_proper(word: str, capitalised: frozenset[str], in_records: bool = False) -> bool:
    """A name (refuses when absent) or an ordinary word of the question's wording: capitalised mid-sentence,
    a number, a name by the dictionary, or, for a word the records lack, one the dictionary does not know
    (a word the records use is no name for being missing from the dictionary: «киберугрозы»)."""
    if word in capitalised or any(ch.isdigit() for ch in word):
        return True
    if nz.is_latin(word):
        return False  # lower-case English: the question's wording; Latin-typed names are capitalised
    if not morph.is_known(word):
        return not in_records
    tag = morph.parses(word)[0].tag
    return any(g in tag for g in ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad"))


_VERB_POS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


@lru_cache(maxsize=50_000)
def _is_verb(word: str) -> bool:
    """A Russian verb form (pymorphy3's most likely parse), or an English past or -ing form."""
    if nz.is_latin(word):
        concept = nz.english_concept(word)
        if concept:  # "sent" → «направить», "represented" → «представлять»: a verb in either language
            return any(_is_verb(t) for t in concept if " " not in t)
        return len(word) > 4 and word.endswith(("ed", "ing"))
    if not any("а" <= ch <= "я" for ch in word):
        return False
    best = morph.parses(word)[:1]
    return bool(best) and best[0].tag.POS in _VERB_POS


def _capitalised(text: str) -> str:
    """Users type "в минске": the places finder wants capitalised city names."""
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def _place_keys(r: EventRecord) -> frozenset[str]:
    keys: frozenset[str] = frozenset()
    for value in (r.place, r.venue):
        if value:
            keys |= _value_place_keys(value)
    return keys

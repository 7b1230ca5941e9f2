"""People in a sentence, normalised to the nominative, with the role written before the name.

Russian: a capitalised word that pymorphy3 tags as a first name (Name), optionally a patronymic,
then a capitalised surname. The first name fixes gender and case; the surname is put in the
nominative by its own Surn analysis or, for rare surnames pymorphy does not know ("Засем"), by
ending rules for that case ("-ем" in the instrumental of a masculine name → "-ь").
English: "Role Firstname Lastname" after a known role word, or "Firstname Lastname" with a
capitalised pair where the first word is a common (transliterated) first name.
Every analysis is cached: names repeat across a corpus.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storage.ingest.records import Person
from storage.lexicon.nominative import nominative_lead
from storage.lexicon.offices import ROLE_HEADS
from storage.lexicon.phrases import tokens
from storage.lexicon.places import find_states
from storage.nlp import morph

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

_ROLE_MODIFIERS = frozenset("генеральный исполнительный первый постоянный чрезвычайный полномочный "
                            "специальный временный государственный председательствующий".split())
_TITLE_BREAKS = frozenset("под с со по у от для и а но в во на из".split())
_DROP_ROLES = ("пресс-секретар", "press secretary", "фотограф", "корреспондент")
ORGS = ("ОДКБ", "СНГ", "ШОС", "ООН", "ЕАЭС", "ОБСЕ", "НАТО", "БРИКС", "CSTO", "CIS", "SCO", "UN")

EN_ROLE = re.compile(
    r"((?:(?:CSTO|CIS|SCO|UN|Russian|Kazakh|Belarusian|Armenian|Kyrgyz|Tajik)\s+)?"
    r"(?:Secretary[- ]General|Deputy Secretary[- ]General|Foreign Minister|Defen[cs]e Minister|Minister(?: of [A-Z][a-z]+(?: [A-Za-z]+){0,3})?|"
    r"President|Prime Minister|Chairman|Chair|Chief of (?:the )?(?:CSTO )?Joint Staff|Speaker|Ambassador|"
    r"Executive Secretary|Head of [A-Z][A-Za-z ]{2,40}?|Director|Secretary of the Security Council)"
    r"(?: of (?:the )?(?:CSTO|CIS|SCO|UN|Russia|Kazakhstan|Belarus|Armenia|Kyrgyzstan|Tajikistan|[A-Z][a-z]+ Federation|Republic of [A-Z][a-z]+))?)"
    r",?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)


_NOT_NAMES = frozenset("Republic Federation Council Ministers Minister Security Collective Treaty Organization Kyrgyz "
                       "Russian Foreign Affairs Defence Defense State Secretary General Assembly Joint Staff The CSTO".split())


@dataclass(frozen=True, slots=True)
class PersonMention:
    person: Person
    start: int
    end: int


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


@lru_cache(maxsize=50_000)
def _first_name(word: str) -> tuple[str, str, str] | None:
    """(nominative, gender, case) when the word is a first name."""
    if not _is_cap(word) or not re.fullmatch(r"[А-ЯЁ][а-яё]+", word):
        return None
    names = [p for p in morph.parses(word) if "Name" in p.tag and p.tag.case in _CASES and p.score >= 0.02]
    for p in names:
        if p.tag.number != "plur":  # one person: "Никол" is not the genitive plural of "Никола"
            nom = p.inflect({"nomn", "sing"}) or p
            return nom.word.capitalize(), p.tag.gender or "masc", p.tag.case
    if names:
        return word, "masc", "nomn"  # a name of its own whose form only matches another name's plural
    return None


def _oblique_stem(word: str) -> str:
    """The nominative of a man's first name the dictionary does not know, seen in an oblique case."""
    return re.sub(r"(ом|ым|ем|а|у|е)$", "", word)


@lru_cache(maxsize=50_000)
def _tells_no_case(word: str) -> bool:
    """A first name whose form gives no case: unknown ("Имангали"), indeclinable ("Эмомали"), or known only as
    another name's plural ("Никол")."""
    if not morph.is_known(word):
        return True
    parses = morph.parses(word.lower())
    if any("Fixd" in p.tag for p in parses[:3]):
        return True
    names = [p for p in morph.parses(word) if "Name" in p.tag]
    return bool(names) and all(p.tag.number == "plur" for p in names)


@lru_cache(maxsize=50_000)
def _oblique_case(surname: str) -> str | None:
    """The case a surname's ending or its only dictionary readings give: "Иванова" → gent, "Рахмона" (read only
    as a masculine genitive/accusative) → gent; None when it may be a nominative."""
    derived = _case_from_surname(surname)
    if derived:
        return derived
    if _INDECLINABLE.search(surname.lower()):
        return None  # "Махмудзода" is the same in every case
    return "gent" if _only_oblique_masc(surname, ("Surn", "Name")) else None


@lru_cache(maxsize=50_000)
def _only_oblique_masc(word: str, kinds: tuple[str, ...] = ("Surn",)) -> str | None:
    """The case of a word the dictionary reads, as any of `kinds` (Surn, Name), only as a masculine
    genitive/accusative."""
    readings = [p for p in morph.parses(word) if any(k in p.tag for k in kinds)]
    if readings and all(p.tag.case in ("gent", "accs") and p.tag.gender == "masc" for p in readings):
        return readings[0].tag.case
    return None


@lru_cache(maxsize=50_000)
def _may_be_surname(word: str) -> bool:
    """A surname, or a word the dictionary does not know: not "Министр", "Генерал"."""
    parses = morph.parses(word)
    return not morph.is_known(word) or any("Surn" in p.tag for p in parses) or \
        not any(p.tag.POS in ("NOUN", "ADJF") and "Name" not in p.tag for p in parses[:2])


@lru_cache(maxsize=50_000)
def _patronymic(word: str, case: str) -> str | None:
    for p in morph.parses(word):
        if "Patr" in p.tag and p.tag.case == case:
            nom = p.inflect({"nomn"})
            return (nom.word if nom else p.word).capitalize()
    return None


_MASC_ENDINGS = {
    # case → [(ending, replacement)], tried in order; "ов/ев/ин" families first
    # a vowel before -я/-ю/-ем is a stem in -й ("Макея" → "Макей", "Гайдая" → "Гайдай"), not in -ь ("Зася" → "Зась")
    "gent": [("ского", "ский"), ("цкого", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"),
             ("ого", "ий"), ("ея", "ей"), ("ая", "ай"), ("оя", "ой"), ("уя", "уй"), ("я", "ь"), ("а", "")],
    "accs": [("ского", "ский"), ("цкого", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"),
             ("ого", "ий"), ("ея", "ей"), ("ая", "ай"), ("оя", "ой"), ("уя", "уй"), ("я", "ь"), ("а", "")],
    "datv": [("скому", "ский"), ("цкому", "цкий"), ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын"), ("ому", "ий"),
             ("ею", "ей"), ("аю", "ай"), ("ою", "ой"), ("ю", "ь"), ("у", "")],
    "ablt": [("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв"), ("иным", "ин"), ("ыным", "ын"),
             ("еем", "ей"), ("аем", "ай"), ("оем", "ой"), ("чем", "ч"), ("шем", "ш"), ("жем", "ж"), ("щем", "щ"), ("цем", "ц"),
             ("ем", "ь"), ("ом", "")],
    "loct": [("ском", "ский"), ("цком", "цкий"), ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ыне", "ын"), ("ее", "ей"),
             ("ае", "ай"), ("е", "")],
}
_FEMN_ENDINGS = {
    "gent": [("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")],
    "accs": [("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("скую", "ская")],
    "datv": [("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")],
    "ablt": [("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")],
    "loct": [("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ской", "ская")],
}
_A_DECLENSION = re.compile(r"^(.{2,}[жшчщкгх])(?:и|е|ей|ой)$|^(.{2,}[бвдзлмнпрстф])ы$")
_INDECLINABLE = re.compile(r"(?:ко|енко|ых|их|аго|яго|у|ю|и|э|о|дзе|швили|ян|янц|зода|заде)$")


@lru_cache(maxsize=50_000)
def surname_nominative(word: str, gender: str, case: str) -> str:
    """The nominative of a surname in a known gender and case ("Засем", masc, ablt → "Зась")."""
    if case == "nomn":
        return word
    low = word.lower()
    if gender == "masc" and case != "accs" and (a_stem := _A_DECLENSION.match(low)):
        # "Бордюжи", "Бордюжей": a man's surname in -а declines like a noun in -а ("Бордюжа")
        return _restore_case(word, (a_stem[1] or a_stem[2]) + "а")
    if gender == "masc" and _INDECLINABLE.search(low) and not re.search(r"(?:ову|еву|ину|ыну|ому|ого|ю)$", low):
        return word
    # adjectival ("Ромодановского") and -ей/-ай ("Макея") surnames: the dictionary guesses a wrong stem for them
    trap = re.search(r"(?:ск|цк)(?:ого|ому|им|ом)$|[еаоу](?:я|ю|ем)$", low) is not None and gender == "masc"
    for p in () if trap else morph.parses(word):
        if "Surn" in p.tag and p.tag.case == case and (p.tag.gender in (gender, None) or "Ms-f" in p.tag):
            nom = p.inflect({"nomn", "sing"} | ({gender} if gender in ("masc", "femn") else set()))
            if nom is not None:
                return _restore_case(word, nom.word)
    table = (_FEMN_ENDINGS if gender == "femn" else _MASC_ENDINGS).get(case, [])
    for ending, repl in table:
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            return _restore_case(word, low[: len(low) - len(ending)] + repl)
    return word


def _restore_case(original: str, word: str) -> str:
    return word[:1].upper() + word[1:].lower() if original[:1].isupper() else word


def _case_from_surname(word: str) -> str | None:
    low = word.lower()
    for case, ending in (("ablt", "ым"), ("ablt", "ом"), ("datv", "ову"), ("datv", "еву"), ("gent", "ова"), ("gent", "ева"),
                         ("gent", "ина")):
        if low.endswith(ending):
            return case
    return None


def role_before(sentence: str, floor: int, start: int | None = None) -> str | None:
    """The title written right before a name: "… принял участие Генеральный секретарь ОДКБ [Станислав Зась]";
    never reaching back past `floor` (the end of the previous name)."""
    if start is None:
        floor, start = 0, floor
    left = sentence[floor:start]
    # the role lies in the same clause: stop at a full stop, a semicolon or an opening quote
    left = re.split(r"[.;:«»()]|\s[–—]\s(?=[а-яё])", left)[-1]
    toks = tokens(left)
    if not toks:
        return None
    head = None
    for idx in range(len(toks) - 1, max(-1, len(toks) - 14), -1):
        lem = morph.lemma(toks[idx][0])
        if lem in ROLE_HEADS:
            head = idx
            # keep going left across "Председатель … комитета - Исполнительный секретарь": a second head wins
            continue
        if head is not None and lem in _ROLE_MODIFIERS:
            head = idx
            continue
        if head is not None:
            # "Председатель Исполнительного комитета - Исполнительный секретарь": an earlier head a few words left
            further = None
            for k in range(idx, max(-1, idx - 5), -1):
                if toks[k][0].lower() in _TITLE_BREAKS:
                    break  # "… под председательством министра": the earlier words are not this title
                if morph.lemma(toks[k][0]) in ROLE_HEADS:
                    further = k
                    break
            if further is None:
                break
            head = further
    if head is None:
        return None
    # also take capitalised modifiers just before the head ("Генеральный")
    begin = toks[head][1]
    role = left[begin:].strip(" ,–—-")
    if not role or len(role) > 160:
        return None
    return _role_nominative(role)


_GAP_STATE = re.compile(r"^\s*(?:,|и|and)\s*(?P<state>[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)?)\s+$")


def _enumerated_role(sentence: str, previous: PersonMention, start: int) -> str | None:
    """"Президенты России Владимир Путин, Казахстана [Касым-Жомарт Токаев]": the head of the previous
    title, in the singular, with this name's own state."""
    gap = _GAP_STATE.match(sentence[previous.end:start])
    role = previous.person.role
    if not gap or not role or not find_states(gap["state"]):
        return None
    head = role.split()[0]
    singular = next((p.inflect({"nomn", "sing"}) for p in morph.parses(head) if p.tag.POS == "NOUN"), None)
    return f"{(singular.word.capitalize() if singular else head)} {gap['state']}"


@lru_cache(maxsize=20_000)
def _role_nominative(role: str) -> str:
    """Put the leading "adjectives + head noun" of a title into the nominative, keep the rest."""
    out = nominative_lead(role, is_head=lambda lemma: lemma in ROLE_HEADS, singular=True)
    return out[:1].upper() + out[1:]


def organisation_of(role: str | None) -> str | None:
    if not role:
        return None
    for org in ORGS:
        if re.search(rf"\b{org}\b", role):
            return {"CSTO": "ОДКБ", "CIS": "СНГ", "SCO": "ШОС", "UN": "ООН"}.get(org, org)
    if "Организации Договора о коллективной безопасности" in role:
        return "ОДКБ"
    return None


def find_people(sentence: str) -> list[PersonMention]:
    """Every person named in one sentence (Russian or English), nominative, with role."""
    found: list[PersonMention] = []
    toks = tokens(sentence)
    i = 0
    while i < len(toks) - 1:
        word, s, _ = toks[i]
        first = _first_name(word)
        if first is None and re.fullmatch(r"[А-ЯЁ][а-яё]+-[А-ЯЁ][а-яё]+", word) and i + 1 < len(toks) \
                and re.fullmatch(r"[А-ЯЁ][а-яё]+(?:ов|ев|ин|ын)(?:а|у|ым|е|ом)?", toks[i + 1][0]):
            # "Касым-Жомарт Токаев": a compound first name pymorphy does not know, before a Russian-type surname
            case = _case_from_surname(toks[i + 1][0]) or "nomn"
            stem = _oblique_stem(word) if case != "nomn" else word
            first = (stem, "masc", case)
        if i + 2 < len(toks) and _is_cap(word) and (then := _first_name(toks[i + 1][0])) \
                and (patr := _patronymic(toks[i + 2][0], then[2])) and _may_be_surname(word) \
                and not (i + 3 < len(toks) and _is_cap(toks[i + 3][0]) and sentence[toks[i + 2][2]:toks[i + 3][1]] == " "):
            # "Зайнетдинов Владимир Рамильевич": the surname first, as in lists and contact blocks
            nom_first, gender, case = then
            name = f"{nom_first} {patr} {surname_nominative(word, gender, case)}"
            found.append(PersonMention(Person(name, role_before(sentence, s), None), s, toks[i + 2][2]))
            i += 3
            continue
        if first is None:
            i += 1
            continue
        nom_first, gender, case = first
        j = i + 1
        parts = [nom_first]
        patr = _patronymic(toks[j][0], case) if j < len(toks) else None
        if patr is None and j + 1 < len(toks) and re.fullmatch(r"[А-ЯЁ][а-яё]+(?:вич|вна|ична|ьич)", toks[j][0]) \
                and _is_cap(toks[j + 1][0]):
            patr = toks[j][0]  # a patronymic pymorphy does not know ("Нургалиевич"), a surname follows
        if patr and j + 1 < len(toks):
            parts.append(patr)
            j += 1
        surname = toks[j][0] if j < len(toks) else ""
        # a surname follows directly, capitalised, not an abbreviation, not a second first name
        gap = sentence[toks[j - 1][2]:toks[j][1]] if j < len(toks) else ""
        if not surname or not _is_cap(surname) or gap.strip(" *") or not re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?", surname):
            i += 1
            continue
        if case == "nomn" and _tells_no_case(word):
            # a first name that tells no case ("Имангали", "Эмомали"): read it from the surname
            derived = _oblique_case(surname)
            if derived:
                case, gender = derived, "masc"
                if not any("Fixd" in p.tag for p in morph.parses(word)[:3]):
                    parts[0] = _oblique_stem(word)  # "Зограба Мнацаканяна": the first name is oblique too
        if case == "nomn" and not patr and (oblique := _only_oblique_masc(surname)) \
                and word.lower().endswith("а"):
            # "Никола Пашиняна": the surname is a masculine genitive, so the first name agrees with it
            # ("Никол"), not the feminine nominative the dictionary offers for the name alone
            case, gender, parts[0] = oblique, "masc", nom_first[:-1]
        parts.append(surname_nominative(surname, gender, case))
        end = toks[j][2]
        role = _enumerated_role(sentence, found[-1], s) if found else None
        role = role or role_before(sentence, found[-1].end if found else 0, s)
        if re.search(r"(?:пресс-секретар|контакт|тел\.)\S*\s+(?:\S+\s+){0,3}$", sentence[max(0, s - 60):s], re.I):
            i = j + 1
            continue
        if role and any(d in role.lower() for d in _DROP_ROLES):
            i = j + 1
            continue
        found.append(PersonMention(Person(" ".join(p for p in parts if p), role, organisation_of(role)), s, end))
        i = j + 1
    for m in EN_ROLE.finditer(sentence):
        role = m[1].strip()
        if any(d in role.lower() for d in _DROP_ROLES) or {m[2], m[3]} & _NOT_NAMES:
            continue
        found.append(PersonMention(Person(f"{m[2]} {m[3]}", role, organisation_of(role)), m.start(2), m.end(3)))
    return sorted(found, key=lambda p: p.start)


# the person only speaks about the event: "По словам X", "Как пояснил X", "…», – сказал X", "according to X"
_SPEAKS_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])по\s+(?:его\s+|её\s+|ее\s+)?словам|(?<![^\W\d_])как\s+(?:сообщил|пояснил|рассказал|заявил|отметил|"
    r"подчеркнул|сказал|уточнил|добавил|считает|полагает)\w*|[»\"”]\s*,?\s*[-–—]\s*(?:сказал|заявил|отметил|подчеркнул|"
    r"сообщил|добавил|пояснил|уточнил)\w*|\baccording\s+to|\b(?:said|told)\b)\s+(?:[^,.;:!?«»]{0,140})$", re.I)
_SPOKESPEOPLE = re.compile(r"официальн\w+\s+представител|представител\w*\s+МИД|пресс-|spokes|эксперт|политолог|аналитик|"
                           r"обозревател|корреспондент|expert|analyst", re.I)


# offices whose holders speak at a CSTO event as members of it, not about it from outside
_MEMBER_OFFICE = re.compile(r"президент|премьер|министр|генеральн\w+\s+секретар|секретар\w*\s+совет|глав\w*\s+государств|"
                            r"председател|полномочн\w+\s+представител|president|prime\s+minister|minister|secretary", re.I)


def member_office(role: str | None) -> bool:
    """The title's head is a member's office ("Президент Киргизии"), not a post under one ("заведующий отделом
    аппарата президента")."""
    if not role or _SPOKESPEOPLE.search(role):
        return False
    head = " ".join(role.split()[:3])
    return bool(_MEMBER_OFFICE.match(head) or _MEMBER_OFFICE.match(" ".join(role.split()[1:3])))


def only_speaks(sentence: str, mention: PersonMention) -> bool:
    """A person quoted or cited, or a spokesperson or expert: someone who speaks about the event."""
    role = mention.person.role or ""
    return bool(_SPEAKS_BEFORE.search(sentence[:mention.start]) or _SPOKESPEOPLE.search(role))


def may_hold_names(sentence: str) -> bool:
    """Cheap pre-filter: a capitalised word after the first one (names are never all lower-case)."""
    return bool(re.search(r"\s[A-ZА-ЯЁ][a-zа-яё]", sentence))

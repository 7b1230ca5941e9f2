"""Text → search terms, the same way for records (at index build) and for questions.

A term is a lower-cased lemma with ё→е ("министров" → "министр"); English words of the domain map to
the Russian lemmas of the same concept ("chaired" → "председательствовать"), so an English question
meets Russian records. Latin spellings of Russian words ("smid", "zas") are resolved by the index
through transliteration keys, since only the index knows which Russian words exist.
"""
from __future__ import annotations

import re
from functools import lru_cache

from storage.nlp import morph

_WORD = re.compile(r"[a-zа-я0-9]+")
_CYR = re.compile(r"[а-я]")
_LAT = re.compile(r"[a-z]")

# Function words and question frames: they never say WHICH event is meant.
STOP_RU = frozenset(
    """
    а в во и или но на над под по при про о об обо от до для из изо у к ко с со за же ли бы не ни
    то это этот эта эти тот та те та такой как какой какая какое какие каков который которая
    кто что где когда куда откуда почему зачем сколько чей чья чье чьи ли разве неужели чем чему чего кем кому
    я ты он она оно мы вы они его ее их него нее ним ней них мой свой наш ваш весь вся все всё
    быть был была было были есть будет бывать также тоже еще уже ещё там тут здесь вот
    год года году г гг день число который-либо либо нибудь го му ми ом ый ий ой ая ое ые
    насчет насчёт относительно между через после перед около среди
    расскажи расскажите скажи скажите подскажи подскажите известно знать хотеть узнать
    """.split()
)
STOP_EN = frozenset(
    """
    the a an of in on at to for by with about from and or but is are was were be been did does do
    who whom whose what when where which why how that this these those it its there their they
    please tell me us any some into during than then as near around outside inside over under
    many much not no nor have has had having will would shall should can could may might must
    also so such just only very all each every other own same out up its our your his her him them new
    """.split()
)

# Words naming the organisation itself or events in general: every record has them, so they rank
# but never make a match on their own.
GENERIC = frozenset(
    """
    одкб csto odkb организация договор коллективный безопасность государство член страна
    участница участник состояться пройти проходить провести проводить событие мероприятие
    произойти происходить случиться случаться собраться собираться
    очередной рамка
    должный должен мочь предстоять планироваться планировать запланировать ожидаться ожидать намечаться
    намечать supposed expected scheduled planned due
    """.split()
)

# The generic words of states' official names: "Республика Армения" names Armenia by "Армения" alone.
OFFICIAL_GENERIC = frozenset(
    """
    республика республиканский федерация федеративный королевство княжество государство народный
    демократический социалистический исламский объединенный соединенный штат
    republic federation federal kingdom state states democratic people peoples islamic united
    """.split()
)

# Question frames: words that say WHAT is asked, not which event (they score, never count as coverage).
FRAME = frozenset(
    """
    председательствовать председательство председатель председательствующий участвовать участие
    принять принимать присутствовать одобрить утвердить решить решение подписать обсуждать обсудить
    обсуждаться говорить рассматривать рассмотреть рассматриваться тема повестка формат очно онлайн
    видеосвязь видеоконференция видеорежим дистанционно дистанционный лично личный очный заочный город место дата итог результат прошлый состав вести возглавлять возглавить встречаться
    встретиться
    """.split()
)

# English words of the domain → Russian lemmas of the same concept.
ENGLISH_CONCEPTS: dict[str, tuple[str, ...]] = {
    "chair": ("председательствовать",), "chaired": ("председательствовать",),
    "chairs": ("председательствовать",), "chairing": ("председательствовать",),
    "chairman": ("председатель",), "chairmanship": ("председательство",), "presided": ("председательствовать",),
    "foreign": ("иностранный",), "minister": ("министр",), "ministers": ("министр",),
    "ministry": ("министерство",), "affairs": ("дело",), "defence": ("оборона",), "defense": ("оборона",),
    "council": ("совет",), "meeting": ("заседание",), "meetings": ("заседание",), "session": ("сессия",),
    "consultations": ("консультация",), "consultation": ("консультация",), "course": ("курс",),
    "courses": ("курс",), "training": ("обучение",), "exercise": ("учение",), "exercises": ("учение",),
    "drills": ("учение",), "summit": ("саммит",), "secretary": ("секретарь",), "general": ("генеральный",),
    "secretariat": ("секретариат",), "academy": ("академия",), "military": ("военный",),
    "staff": ("штаб",), "arms": ("вооружение",), "control": ("контроль",), "disarmament": ("разоружение",),
    "nonproliferation": ("нераспространение",), "proliferation": ("распространение",),
    "statement": ("заявление",), "statements": ("заявление",), "declaration": ("декларация",),
    "plan": ("план",), "approved": ("одобрить", "утвердить"), "approve": ("одобрить", "утвердить"),
    "adopted": ("принять",), "adopt": ("принять",), "signed": ("подписать",), "sign": ("подписать",),
    "signing": ("подписание", "подписать"), "decide": ("решить",), "decided": ("решить",), "decision": ("решение",),
    "decisions": ("решение",), "discussed": ("обсудить",), "discuss": ("обсудить",), "took": ("принять",),
    "part": ("участие",), "attended": ("участвовать",), "attend": ("участвовать",),
    "participated": ("участвовать",), "participants": ("участник",), "videoconference": ("видеоконференция",),
    "video": ("видеоконференция",), "online": ("видеоконференция",), "format": ("формат",),
    "pandemic": ("пандемия",), "coronavirus": ("коронавирус",), "security": ("безопасность",),
    "collective": ("коллективный",), "organization": ("организация",), "organisation": ("организация",),
    "treaty": ("договор",), "parliamentary": ("парламентский",), "assembly": ("ассамблея",),
    "terrorism": ("терроризм",), "drug": ("наркотик",), "drugs": ("наркотик",), "migration": ("миграция",),
    "peacekeeping": ("миротворческий",), "forces": ("сила",), "rapid": ("оперативный",),
    "reaction": ("реагирование",), "crisis": ("кризисный",), "center": ("центр",), "centre": ("центр",),
    "victory": ("победа",), "anniversary": ("годовщина",), "cooperation": ("сотрудничество",),
    "meet": ("заседание",), "met": ("заседание",), "gathered": ("заседание",),
    "held": ("пройти",), "happened": ("пройти",), "happen": ("пройти",), "occurred": ("пройти",),
    "took place": ("пройти",), "city": ("город",),
    "venue": ("место",), "date": ("дата",), "cis": ("снг",), "sco": ("шос",), "un": ("оон",), "uno": ("оон",),
    # who and what the pages name, in the words English questions use
    "country": ("страна",), "countries": ("страна",), "state": ("государство",), "member": ("член",),
    "region": ("область", "регион"), "province": ("область",), "joint": ("совместный",),
    "contingent": ("контингент",), "contingents": ("контингент",), "troops": ("военнослужащий",),
    "servicemen": ("военнослужащий",), "soldiers": ("военнослужащий",), "personnel": ("военнослужащий",),
    "delegation": ("делегация",), "delegations": ("делегация",), "represented": ("представлять",),
    "represent": ("представлять",), "representative": ("представитель",), "head": ("глава",),
    "headed": ("возглавлять",), "led": ("возглавлять",), "president": ("президент",),
    "commander": ("командующий",), "commanded": ("командовать",), "command": ("командование",),
    "observers": ("наблюдатель",), "observer": ("наблюдатель",), "opening": ("открытие",),
    "opened": ("открыть",), "closing": ("закрытие",), "stage": ("этап",), "phase": ("фаза", "этап"),
    "operation": ("операция",), "border": ("граница",), "afghan": ("афганский",), "afghanistan": ("афганистан",),
    "extremism": ("экстремизм",), "trafficking": ("незаконный",), "illegal": ("незаконный",),
    "agreement": ("соглашение",), "charter": ("устав",), "protocol": ("протокол",), "strategy": ("стратегия",),
    "programme": ("программа",), "program": ("программа",), "membership": ("членство",),
    "suspend": ("приостановить",), "suspended": ("приостановить",), "appointed": ("назначить",),
    "appoint": ("назначить",), "next": ("следующий",), "scenario": ("сценарий",), "aircraft": ("самолет",),
    "planes": ("самолет",), "helicopters": ("вертолет",), "helicopter": ("вертолет",),
    "equipment": ("техника",), "units": ("подразделение",), "unit": ("подразделение",),
    "special": ("специальный",), "police": ("полиция",), "peacekeepers": ("миротворец",),
    "welcomed": ("приветствовать",), "greeted": ("приветствовать",), "caucasus": ("кавказ",),
    "sent": ("направить",), "send": ("направить",), "range": ("полигон",), "training ground": ("полигон",),
    "extraordinary": ("внеочередной",), "anniversary summit": ("юбилейный",), "jubilee": ("юбилейный",),
    "place": ("место",), "hold": ("пройти",), "holds": ("пройти",), "holding": ("пройти",),
    "speech": ("выступление",), "spoke": ("выступить",), "journalists": ("журналист",), "press": ("пресс",),
}

_SERIES_WORDS: dict[str, tuple[str, ...]] | None = None

# Russian abbreviations users type for multi-word titles.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "генсек": ("генеральный", "секретарь"),
    "мид": ("министр", "иностранный"),
    "минобороны": ("министр", "оборона"),
    "генштаб": ("генеральный", "штаб"),
    "кср": ("кризисный", "реагирование"),
    "совбез": ("совет", "безопасность"),
    "совбезов": ("совет", "безопасность"),
}


# Words that also mean other, more specific words of the records: a question's "человек" in "сколько
# человек участвовало" is counted as "военнослужащих" or "участников" by the pages. Added to the word's
# own term, never instead of it.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "человек": ("военнослужащий", "участник", "военный", "личный"),
    "люди": ("военнослужащий", "участник", "военный"),
    "военнослужащий": ("человек", "военный", "личный"),
    "солдат": ("военнослужащий", "военный"),
    "people": ("военнослужащий", "участник", "человек", "troops", "personnel"),
    "troops": ("военнослужащий", "военный", "personnel", "servicemen"),
    "soldiers": ("военнослужащий", "troops", "servicemen"),
    "personnel": ("военнослужащий", "troops", "личный"),
    "техника": ("вооружение",),
    "самолет": ("авиация", "истребитель", "штурмовик", "бомбардировщик"),
    "авиация": ("самолет", "истребитель", "штурмовик", "вертолет"),
    "aircraft": ("авиация", "самолет", "истребитель", "штурмовик"),
    # one concept in several parts of speech: "участвовали" is said «приняли участие», «участники»
    "участвовать": ("участие", "участник"),
    "участие": ("участвовать", "участник"),
    "председательствовать": ("председатель", "председательство", "председательствующий"),
    "председатель": ("председательствовать", "председательство"),
    "назначить": ("назначение", "назначенный"),
    "подписать": ("подписание",),
    "подписание": ("подписать",),
    "обсудить": ("обсуждение", "обсуждать"),
    "обсуждать": ("обсуждение", "обсудить"),
    "equipment": ("техника", "вооружение", "hardware"),
    # the next meeting is «следующее» to the reader and «очередное» to the communiqué
    "следующий": ("очередной",),
    "очередной": ("следующий",),
    "next": ("следующий", "очередной"),
}


def _series_words() -> dict[str, tuple[str, ...]]:
    """English names of the CSTO's exercise and operation series ("Interaction", "Indestructible Brotherhood")
    word for word to the lemmas of their Russian names."""
    from storage.lexicon.series import SERIES
    from storage.lexicon.translit import name_key

    out: dict[str, tuple[str, ...]] = {}
    for names in SERIES.values():
        russian = next((n for n in names if _CYR.search(n)), None)
        if russian is None:
            continue
        ru_words = russian.split()
        for name in names:
            en_words = name.split()
            if _CYR.search(name) or len(en_words) != len(ru_words):
                continue
            for en, ru in zip(en_words, ru_words):
                # a transliteration ("vzaimodeistvie", "kobalt") is Russian in Latin letters, not English:
                # the index's transliteration keys find it, and it must not make a question English
                if name_key(en) != name_key(ru):
                    out.setdefault(en, (morph.lemma(ru),))
    return out


def english_concept(word: str) -> tuple[str, ...] | None:
    """Russian lemmas for an English domain word, plural or singular ("councils", "secretaries"), also the
    singular of a word the table lists in the plural only ("force" for "forces", "drill" for "drills"), and
    the English names of exercise series ("Interaction" → «взаимодействие»)."""
    global _SERIES_WORDS
    if _SERIES_WORDS is None:
        _SERIES_WORDS = _series_words()
    if word in _SERIES_WORDS:
        return _SERIES_WORDS[word]
    for form in (word, word[:-1] if word.endswith("s") else None, word[:-3] + "y" if word.endswith("ies") else None,
                 word[:-2] if word.endswith("es") else None, word + "s" if not word.endswith("s") else None):
        if form and form in ENGLISH_CONCEPTS:
            return ENGLISH_CONCEPTS[form]
    return None


def fold(text: str) -> str:
    """Lower-case, ё→е, every non-alphanumeric run → one space."""
    return " ".join(_WORD.findall(text.casefold().replace("ё", "е")))


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("ё", "е"))


def is_latin(word: str) -> bool:
    return bool(_LAT.search(word)) and not _CYR.search(word)


@lru_cache(maxsize=200_000)
def term(word: str) -> str:
    """The search term of one folded word: its lemma (Cyrillic) or a crude English stem (Latin)."""
    if _CYR.search(word):
        return morph.lemma(word)
    return word


def index_terms(text: str) -> list[str]:
    """Terms of a record's text: stop words dropped, English domain words mapped to Russian lemmas."""
    out: list[str] = []
    for w in words(text):
        if w in STOP_RU or w in STOP_EN or len(w) < 2 and not w.isdigit():
            continue
        if is_latin(w) and (concept := english_concept(w)):
            out.extend(concept)
            continue
        t = term(w)
        if t in STOP_RU:
            continue
        out.append(t)
    return out


def detect_language(text: str) -> str:
    """"en" for a question written in English words, "ru" otherwise ("smid odkb" is Russian in Latin letters)."""
    ws = words(text)
    latin = [w for w in ws if is_latin(w)]
    cyr = [w for w in ws if _CYR.search(w)]
    if len(latin) <= len(cyr):
        return "ru"
    english = sum(1 for w in latin if w in STOP_EN or english_concept(w))
    return "en" if english >= 1 else "ru"

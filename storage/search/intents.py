"""What a question asks: chair, participants, whether X took part, place, date, format, decisions, topics."""
from __future__ import annotations

import re
from enum import Enum

from storage.search import normalize as nz


class Intent(str, Enum):
    chair = "chair"
    participants = "participants"
    participation = "participation"
    place = "place"
    date = "date"
    format = "format"
    decisions = "decisions"
    topics = "topics"
    summary = "summary"


_CHAIR = {"председательствовать", "председательство", "председательствующий", "председатель", "chair",
          "chaired", "chairs", "chairing", "chairman", "chairmanship", "presided", "chairperson"}
# verbs that mean chairing only with "who" ("кто вёл заседание"; "какие переговоры вели" is not about a chair)
_CHAIR_WITH_WHO = {"вести", "возглавлять", "возглавить", "led", "headed"}
# meeting someone: "с кем встречался генсек" asks who took part
_MEET_WITH_WHO = {"встречаться", "встретиться", "met", "meet"}
_SIGN = {"подписать", "подписывать", "signed", "sign"}
# standing for a state or a body: "кто представлял Армению", "кто возглавлял делегацию", "who represented X"
_REPRESENT = {"представлять", "представить", "представитель", "делегация", "represent", "represented",
              "representing", "representative", "delegation"}
_PARTICIPATE = {"участвовать", "участие", "присутствовать", "участник", "attend", "attended", "participate",
                "participated", "participants", "part"}
_DECIDE = {"решить", "решение", "одобрить", "утвердить", "подписать", "заявление", "документ", "approved",
           "approve", "adopted", "signed", "decided", "decision", "decisions", "statement", "statements",
           "постановить", "договориться", "agree", "agreed", "resolved"}
_TOPIC = {"обсуждать", "обсудить", "обсуждаться", "говорить", "рассматривать", "рассмотреть",
          "рассматриваться", "тема", "повестка", "discuss", "discussed", "agenda", "topics", "talk", "talked"}
_FORMAT = {"формат", "очно", "онлайн", "очный", "заочный", "видеоконференция", "видеосвязь", "видеорежим",
           "дистанционно", "лично", "format", "online", "videoconference", "virtual", "virtually", "remotely",
           "person", "video"}

_WHO = re.compile(r"\b(кто|кем|кого|кому|who|whom)\b")
_WHERE = re.compile(r"\b(где|where)\b|в\s+как(ом|ой)\s+(город|стран|мест)|\bкуда\b|what city|which city")
_WHEN = re.compile(r"\b(когда|when)\b|\bв\s+какой\s+день|\bкакого\s+числа|what date|which date|\bдат[аы]\b")
_CHAIR_WHOSE = re.compile(r"под\s+чьим")
_YES_NO = re.compile(r"^(did|was|were|does|is)\b|\bли\b")
_TOOK_PART = re.compile(r"принима\w*\s+(ли\s+)?участи|принял\w*\s+(ли\s+)?участи|\btook\s+part\b|\btake\s+part\b")
# "сколько военнослужащих участвовало", "how many troops took part": a number, not whether someone was there
_HOW_MANY = re.compile(r"\bсколько\b|\bhow\s+(?:many|much)\b|\bкаково\s+число\b|\bчисленност")
# "какие страны участвовали", "which delegations attended": a list of participants, not a yes/no
_WHICH = re.compile(r"\b(?:как(?:ие|ой|ая|ое|их|им)|чьи|which|what)\b")
# "какие лидеры / министры / делегации", "which leaders / ministers": people, listed
_WHICH_PEOPLE = re.compile(r"\b(?:как(?:ие|ой|ая|их|им)|чьи|which|what)\s+(?:\w+\s+)?(?:лидер|министр|глав[аыу]\b|"
                           r"президент|премьер|делегаци|представител|генерал|командующ|секретар|наблюдател|"
                           r"leaders?|ministers?|heads?\b|presidents?|delegations?|representatives?|generals?|"
                           r"commanders?|secretar|observers?)")
# «как зовут министра…», "what was the name of the minister": a person
_NAME_OF = re.compile(r"\bкак\s+(?:зовут|звали|фамилия)\b|\bчья\s+фамилия\b|\bwhat\s+(?:is|was)\s+the\s+name\b")
# the holder of an office is asked: «как зовут министра…», «кто был министром…», "who was the minister…"
_HOLDER = re.compile(r"\bкак\s+(?:зовут|звали|фамилия)\b|\bчья\s+фамилия\b|\bwhat\s+(?:is|was)\s+the\s+name\b"
                     r"|\bкто\s+(?:был[аи]?|является|являлся|являлась|стал[аи]?)\s|\bwho\s+(?:is|was)\s+(?:the\s+)?\w")


_STATES = re.compile(r"\b(?:как\w*|which|what|сколько|how\s+many)\s+(?:\w+\s+)?(?:стран\w*|государств\w*|"
                     r"countries|states|nations)\b|\b(?:кто|who)\s+(?:\w+\s+)?(?:подписа\w*|signed)\b")


def asks_for_states(question: str) -> bool:
    """Whether the answer is a list of states: «какие страны участвовали», "which countries signed", «кто
    подписал соглашение» (states sign)."""
    return bool(_STATES.search(" ".join(nz.words(question))))


def asks_for_holder(question: str) -> bool:
    """Whether the question asks who holds an office («Как зовут министра обороны…?», "Who was the
    Secretary General…?"), so that an event naming no such person answers nothing."""
    return bool(_HOLDER.search(" ".join(nz.words(question))))
_ACCEPT = re.compile(r"\bприня(л|ли|ла|ло|т|ты|та|то)\b|\badopt")


# after "сколько" / "how many": words that are not what is counted
_NOT_COUNTED = frozenset("всего было были примерно около приблизительно же точно in total were was there the of "
                         "всего-навсего".split())
_TIMES = frozenset({"раз", "times"})  # «сколько раз»: how often, not how many of something


_HOW_OFTEN = re.compile(r"\bсколько\s+(?:всего\s+)?раз\b|\bhow\s+many\s+times\b|\bhow\s+often\b|"
                        r"\bсколько\s+(?:было\s+)?(?:заседаний|сессий|встреч|учений|саммитов|операций|"
                        r"консультаций|совещаний)\b|\bhow\s+many\s+(?:meetings|sessions|summits|exercises|drills|"
                        r"operations|consultations)\b")


_LATEST = re.compile(r"\b(?:последн\w*|недавн\w*|latest|most\s+recent|last)\b")
_NEXT = re.compile(r"\b(?:ближайш\w*|следующ\w*|предстоящ\w*|будущ\w*|next|upcoming|coming|forthcoming)\b")


def asks_latest_or_next(question: str) -> tuple[str | None, set[str]]:
    """("latest" | "next" | None, the words that said it): «последнее заседание СМИД», "the next summit"."""
    text = " ".join(nz.words(question))
    for kind, rx in (("latest", _LATEST), ("next", _NEXT)):
        found = set(rx.findall(text))
        if found:
            return kind, found
    return None, set()


def asks_how_often(question: str) -> bool:
    """«Сколько раз СМИД собирался в Минске?», «Сколько было саммитов в Астане?», "How many times…": a count of
    events, answered by the events themselves."""
    return bool(_HOW_OFTEN.search(" ".join(nz.words(question))))


def counted_word(question: str) -> str | None:
    """What a how-many question counts: «Сколько военнослужащих участвовало…» → "военнослужащих",
    "How many troops took part" → "troops", «Какова численность войск» → "войск"."""
    words = nz.words(question)
    for i, w in enumerate(words):
        lead = 2 if (w, words[i + 1] if i + 1 < len(words) else "") in (("how", "many"), ("how", "much"),
                                                                         ("каково", "число")) else 1
        if w in ("сколько", "численность", "число", "количество", "number") or lead == 2:
            for after in words[i + lead:i + lead + 3]:
                if after in _TIMES:
                    return None
                if after not in _NOT_COUNTED and after not in nz.STOP_RU and after not in nz.STOP_EN:
                    return after
            return None
    return None


def detect_intent(question: str) -> Intent:
    intent = _detect(" ".join(nz.words(question)))
    if intent is Intent.summary and nz.detect_language(question) == "ru":
        # Russian typed in Latin letters ("kto predsedatelstvoval"): read it back in Cyrillic
        from storage.search.index import _to_cyrillic

        words = [_to_cyrillic(w) if nz.is_latin(w) else w for w in nz.words(question)]
        intent = _detect(" ".join(words))
    return intent


# word beginnings that survive typos and missing soft signs ("председателствовал", "утверждали")
_STEMS = {
    "chair": ("председат", "chair", "presided", "presiding", "presides"),  # not "president"
    "participate": ("участвов", "участву", "присутств", "attend", "particip"),
    "decide": ("утвержд", "утверд", "одобр", "подпис", "approv", "adopt", "signed", "decid"),
    "topic": ("обсужд", "обсуд", "рассматр", "рассмотр", "discuss"),
    "sign": ("подписа", "подпишут", "signed", "signing"),
    "format": ("видеоконф", "видеосвяз", "видеорежим", "дистанц", "онлайн", "format", "virtual"),
}


def _stems(words: list[str], group: str) -> set[str]:
    return {group for w in words if w.startswith(_STEMS[group])}


# "с участием X", "при участии X", "with the participation of X": who was there narrows the event; the
# question asks something else about it ("что было на встрече с участием Лаврова?")
_WITH_PARTICIPATION = re.compile(r"\b(?:с|при)\s+участи(?:ем|и)\b|\bwith\s+the\s+participation\s+of\b|\battended\s+by\b")


def _detect(text: str) -> Intent:
    text = _WITH_PARTICIPATION.sub(" ", text)
    words = text.split()
    lemmas = {nz.term(w) for w in words} | set(words)
    if _stems(words, "chair"):
        lemmas |= _CHAIR & {"председательствовать"}
    if _stems(words, "participate"):
        lemmas.add("участвовать")
    if _stems(words, "decide"):
        lemmas.add("утвердить")
    if _stems(words, "topic"):
        lemmas.add("обсуждать")
    if _stems(words, "format"):
        lemmas.add("формат")
    who = bool(_WHO.search(text))
    participates = bool(lemmas & _PARTICIPATE) or bool(_TOOK_PART.search(text)) or who and bool(lemmas & _MEET_WITH_WHO)
    if who and lemmas & _REPRESENT:
        return Intent.participants  # a delegation's head is a participant, not the chair
    if who and lemmas & _CHAIR_WITH_WHO and not participates:
        return Intent.chair
    if _STATES.search(text) and not _HOW_MANY.search(text):
        return Intent.participants  # «какие страны подписали / участвовали»: the states that took part
    if who and (lemmas & _SIGN or _stems(words, "sign")):
        return Intent.participants  # "кто подписал соглашение", "who signed": the signatories took part
    if _CHAIR_WHOSE.search(text) or lemmas & _CHAIR and (who or not participates):
        return Intent.chair
    if _YES_NO.search(text) and (lemmas & _SIGN or _stems(words, "sign")) and not who:
        return Intent.participation  # "Did Uzbekistan sign the agreement?", «Подписал ли Узбекистан…?»
    if participates:
        if _HOW_MANY.search(text):
            return Intent.summary  # the number is in the sources' sentences, quoted with the event
        listed = who or _WHICH.search(text) or "участники" in text or "participants" in text
        return Intent.participants if listed else Intent.participation
    if _WHERE.search(text):
        return Intent.place
    if _WHEN.search(text):
        return Intent.date
    if lemmas & _FORMAT:
        return Intent.format
    if lemmas & _DECIDE or _ACCEPT.search(text):
        return Intent.decisions
    if lemmas & _TOPIC:
        return Intent.topics
    if who or _WHICH_PEOPLE.search(text) or _NAME_OF.search(text):
        # «Кто выступил на закрытии…», "who hosted", «Какие лидеры ожидались…»: the people of the event
        return Intent.participants
    return Intent.summary

"""What a meeting decided and what it discussed, one string per decision.

A decision is found by the lemma of its predicate, in any form pymorphy3 knows (finite, short passive
participle, impersonal "решено"), not by a list of word forms:
- documents approved, signed, adopted, agreed, ratified ("утверждён План…", "министры подписали Протокол…",
  "Среди одобренных документов — …"), each document its own decision;
- instructions and results ("руководство учением поручено…", "подведены итоги операции"), draft documents
  reviewed or sent on ("рассмотрены проекты документов…");
- appointments and terms ("Генеральным секретарём назначен…", "полномочия… продлены");
- the chairmanship passing to a state ("председательство переходит к Таджикистану");
- the date and place of the next meeting ("следующее заседание решено провести в октябре в Ереване").
English: approved, adopted, signed, endorsed, agreed, ratified, appointed, "chairmanship passed to",
"the next meeting will be held…".
Topics come from "обсудили", "речь шла о", "в центре внимания", "discussed".
"""
from __future__ import annotations

import re
from functools import lru_cache

from storage.lexicon.phrases import tokens
from storage.nlp import morph

# documents: the object names what was approved
_DOCUMENT_LEMMAS = frozenset("одобрить утвердить подписать принять согласовать ратифицировать парафировать".split())
# results that are decisions whatever their object
_RESULT_LEMMAS = frozenset("поручить постановить договориться условиться приостановить возобновить".split())
_DRAFT_LEMMAS = frozenset("рассмотреть направить вынести".split())  # only with a draft ("проекты документов")
_EN_DOCUMENT = re.compile(r"\b(?:approved|adopted|signed|endorsed|ratified|agreed\s+(?:on|upon)|initialled)\b", re.I)
_EN_RESULT = re.compile(r"\b(?:decided|instructed|agreed\s+to)\b", re.I)

_DECISION_NOUNS = re.compile(r"заявлен|решени|план|документ|соглашени|протокол|положени|программ|меморандум|декларац|"
                             r"проект|повестк|перечен|концепци|стратеги|бюджет|регламент|договор|устав|обращени|"
                             r"statement|decision|plan|agreement|declaration|document|programme|program|protocol|"
                             r"draft|agenda|budget|concept|strategy|memorandum|regulation|treaty", re.I)
_NOT_DECISION = re.compile(r"участие|участии|к сведению|меры|part in|note of", re.I)
_ENUM_SPLIT = re.compile(r",\s*(?:а\s+также\s+)?(?=(?:о|об|по|в|к|на)\s)|\s+а\s+также\s+(?=(?:о|об|по|в|к|на)\s)|;\s*")
_LEAD_FILLER = re.compile(r"^(?:также|и|кроме того,?|в частности,?|—|-|–|:)\s+", re.I)
# "Среди одобренных документов — …", "В числе подписанных документов: …"
_AMONG = re.compile(r"(?:среди|в\s+числе)\s+(?:\w+\s+){0,2}?(?:одобренн|утвержденн|утверждённ|принят|подписанн|"
                    r"согласованн)\w*\s+(?:\w+\s+){0,2}?(?:документ|решени|соглашени)\w*\s*[—–:-]\s*", re.I)

_APPOINT = re.compile(r"(?<![^\W\d_])(?:назнач|переназнач|избран|избрал|избрат|продлен|продлён|продлил|продлит)\w*"
                      r"|\b(?:appointed|reappointed|elected|extended)\b", re.I)
_APPOINT_OBJECT = re.compile(r"секретар|генсек|начальник|заместител|председател|полномочи|должност|пост\b|"
                             r"secretary|chief|deputy|chairman|term|post\b", re.I)
_CHAIRMANSHIP = re.compile(r"председательств\w*\s+(?:\S+\s+){0,6}?(?:переход\w*|перешл\w*|перейд\w*|переда\w*|"
                           r"переш[её]л)|chairmanship\s+(?:\S+\s+){0,6}?(?:pass\w*|transfer\w*|hand\w*|go\w*\s+to)|"
                           r"(?:принял\w*|примет|прин[яи]\w*|takes?|took|will\s+take)\s+(?:на\s+себя\s+)?"
                           r"(?:председательство|over\s+the\s+(?:CSTO\s+)?chairmanship)", re.I)
_NEXT_MEETING = re.compile(r"(?<![^\W\d_])(?:следующ|очередн)\w*\s+(?:\w+\s+){0,1}?(?:заседани|сесси|встреч|саммит|совещани|консультаци)\w*"
                           r"|\bnext\s+(?:\w+\s+){0,2}?(?:meeting|session|summit)", re.I)
_SCHEDULED = re.compile(r"реш\w*|провести|пройд\w*|состоит\w*|планир\w*|запланир\w*|намечен\w*|договорил\w*|"
                        r"will\s+be\s+held|will\s+take\s+place|to\s+be\s+held|scheduled|planned|agreed", re.I)
_ANNOUNCED = re.compile(r"(?:19|20)\d\d|январ|феврал|март|апрел|ма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр|"
                        r"\b(?:in|on)\s+[A-Z]|\bв\s+[А-ЯЁ]", re.I)
# where a decision's wording stops: a quote's attribution, a relative clause that only describes it
_ATTRIBUTION = re.compile(r"[»\"]?\s*,?\s*[–—-]\s*(?:сказал|отметил|заявил|подчеркнул|сообщил|добавил|said|noted|added)\b.*$"
                          r"|,\s*(?:сказал|отметил|заявил|подчеркнул|сообщил|said|noted)\b.*$", re.I)
_RELATIVE = re.compile(r",\s*(?:котор\w+|which|that)\b.*$|,?\s+(?:и|and)$", re.I)
_LEADING_CIRCUMSTANCE = re.compile(r"^(?:по\s+(?:его|её|ее|их)\s+словам|как\s+(?:отмечается|сообщается|сообщил\w*|отметил\w*)|"
                                   r"according\s+to|в\s+ходе|по\s+итогам|по\s+результатам|на\s+заседании|в\s+рамках|кроме\s+того|"
                                   r"помимо\s+этого|также|at\s+the|during|following|in\s+addition)\b[^,]{0,80},\s*", re.I)


_QUOTE = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”")
_NEGATED = re.compile(r"(?<![^\W\d_])(?:не|not|never|будет|будут|will(?:\s+be)?|to\s+be)\s+(?:был[аио]?\s+)?$", re.I)
_RELATIVE_BEFORE = re.compile(r"(?<![^\W\d_])(?:котор\w+|which|that)\s+(?:[^\s,;]+\s+){0,4}$", re.I)
# a heading or question that only names the subject ("Что решили", "Как ОДКБ решила …")
_QUESTION = re.compile(r"^(?:как|что|почему|зачем|какие|какое|what|how|why)\s+(?:\S+\s+){0,7}\S+$|\?\s*$", re.I)
# a phrase that names no decision of its own: "документ", "ряд документов", "это решение"
_VAGUE = frozenset("документ ряд пакет решение вопрос несколько это этот данный такой весь целый".split())


@lru_cache(maxsize=50_000)
def _decision_form(word: str) -> str | None:
    """The decision lemma of a predicate form ("утверждены", "подписали", "поручено", "решено"), else None."""
    low = word.lower()
    if low in ("решено", "решили", "решил", "решила"):
        return "решить"
    if low in ("подведены", "подвели", "подведены", "подвёл", "подвел", "подвела", "подведён", "подведен"):
        return "подвести"  # "подведены итоги операции": only with "итоги", checked by the caller
    for p in morph.parses(low):
        lemma = p.normal_form
        if (p.tag.POS == "PRTS" or (p.tag.POS == "VERB" and p.tag.tense == "past")) \
                and lemma in _DOCUMENT_LEMMAS | _RESULT_LEMMAS | _DRAFT_LEMMAS:
            return lemma
    return None


_DRAFT_OBJECT = re.compile(r"\s+(?:[^\s,;]+\s+){0,2}?проект", re.I)  # "рассмотрели (все) проекты …": a draft is the object


def _cue(sentence: str, after: int = 0) -> tuple[int, int, str] | None:
    """The first decision predicate at or after `after`: (start, end, lemma)."""
    quoted = [(q.start(), q.end()) for q in _QUOTE.finditer(sentence)]
    for word, start, end in tokens(sentence):
        if start < after:
            continue
        verb = _decision_form(word)
        if verb is None or (verb == "принять" and re.match(r"\s+участи", sentence[end:])) \
                or (verb == "подвести" and not re.search(r"итог", sentence[max(0, start - 20):end + 20])):
            continue
        if _NEGATED.search(sentence[:start]) or _RELATIVE_BEFORE.search(sentence[:start]) \
                or any(a < start < b for a, b in quoted):
            continue  # "не подписала", "будут подведены" (not yet), "которые ранее поручили проработать", a quoted remark
        return start, end, verb
    m = _EN_DOCUMENT.search(sentence, after) or _EN_RESULT.search(sentence, after)
    if m and not _NEGATED.search(sentence[:m.start()]):
        return m.start(), m.end(), "decided" if _EN_RESULT.match(m.group()) else "approved"
    return None


def find_decisions(sentence: str) -> list[str]:
    """Every decision the sentence states, documents first, then appointments, chairmanship and next meeting."""
    if _QUESTION.search(sentence.strip()):
        return []
    out = [d for d in _documents(sentence) if not _is_vague(d)]
    for finder in (_appointment, _chairmanship, _next_meeting, _outcome):
        found = finder(sentence)
        if found and not any(found in d or d in found for d in out):
            out.append(found)
    return out


def _is_vague(text: str) -> bool:
    return all(morph.lemma(w) in _VAGUE for w, _, _ in tokens(text) if len(w) > 2 and not w.isdigit())


def _documents(sentence: str) -> list[str]:
    among = _AMONG.search(sentence)
    if among:
        return _split_documents(sentence[among.end():].strip().rstrip("."))
    cue = _cue(sentence)
    while cue is not None and cue[2] in _DRAFT_LEMMAS and not _DRAFT_OBJECT.match(sentence[cue[1]:]):
        cue = _cue(sentence, cue[1])  # "рассмотрели ход подготовки …, а также одобрили проект …": the next one
    if cue is None:
        return []
    start, end, verb = cue
    if verb in _RESULT_LEMMAS or verb in ("решить", "подвести", "decided"):
        return [] if _next_meeting(sentence) else [_clause(sentence, start, end)]
    obj = sentence[end:].strip().rstrip(".")
    if verb in _DRAFT_LEMMAS or len(obj) < 8:
        # "рассмотрены проекты документов…", "Проект решения … был одобрен.": the whole clause says it
        if verb in _DRAFT_LEMMAS:
            return [_clause(sentence, start, end)]
        obj = sentence[:start].strip()
        obj = re.sub(r"\s+(?:был[аио]?|были|was|were)$", "", obj)
    obj = re.sub(r"\s*[—–-]?\s*\bв\s+частности,?\s*", " ", obj)
    # "… проект решения о …, и утвержден план …": a second predicate starts another document
    second = _cue(obj)
    if second and second[2] in _DOCUMENT_LEMMAS | {"approved"}:
        head_part = re.sub(r"\s+(?:и|а\s+также|and)\s+(?:был[аио]?\s+)?$", "", obj[: second[0]]).strip(" ,")
        return _documents("одобрен " + head_part) + _documents(obj[second[0]:])
    obj = _LEAD_FILLER.sub("", obj).strip()
    obj = re.sub(r"^(?:также|проекты?|документы?)\s+(?=[а-яё])", lambda x: x.group() if "проект" in x.group() else "", obj)
    obj = re.sub(r"^(?:следующие|ряд)\s+документ\w*\s*:\s*", "", obj, flags=re.I)
    if _NOT_DECISION.match(obj):
        return []
    if not _DECISION_NOUNS.search(obj):
        # "согласованы составы руководства": what was agreed is a decision whatever it is called
        return [_clause(sentence, start, end)] if verb in ("согласовать", "утвердить", "одобрить") else []
    return _split_documents(obj)


def _split_documents(obj: str) -> list[str]:
    obj = _ATTRIBUTION.sub("", obj)
    quotes = list(re.finditer(r"«[^»]{3,}»", obj))
    if quotes:
        out, begin = [], 0
        for q in quotes:
            text = obj[begin:q.end()].strip(" ,;")
            text = re.sub(r"^(?:и|а также|также)\s+", "", text)
            out.append(text)
            begin = q.end()
        return [_trim(t) for t in out if t]
    parts = [p.strip(" ,—-") for p in _ENUM_SPLIT.split(obj) if p.strip(" ,—-")]
    if len(parts) == 1:
        return [_trim(parts[0])]
    head_m = re.match(r"^(.*?)(?=\s(?:по|о|об|к|в|на)\s)", parts[0])
    head = head_m[1] if head_m else ""
    out = [parts[0]]
    for p in parts[1:]:
        out.append(f"{head} {p}".strip() if head and not _DECISION_NOUNS.match(p) else p)
    return [_trim(t) for t in out]


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause that holds a predicate: from the last ";"/":" or sentence start to the next ";" or sentence end,
    without a leading circumstance ("В ходе заседания, …") or a trailing attribution."""
    left = max(sentence.rfind(";", 0, start), sentence.rfind(":", 0, start))
    right = sentence.find(";", end)
    text = sentence[left + 1: right if right >= 0 else len(sentence)].strip()
    text = _LEADING_CIRCUMSTANCE.sub("", text)
    text = _ATTRIBUTION.sub("", text)
    text = re.sub(r"^(?:и|а|а также|также)\s+", "", text)
    return _trim(text[:1].upper() + text[1:] if text[:1].islower() and left >= 0 else text)


def _appointment(sentence: str) -> str | None:
    m = _APPOINT.search(sentence)
    if m is None or not _APPOINT_OBJECT.search(sentence):
        return None
    return _clause(sentence, m.start(), m.end())


# «Главным документом встречи стала Декларация …», «Итогом сессии стало подписание соглашения …», "The main
# document of the summit was the Declaration …": the outcome named by a copula, not by a verb of deciding
_OUTCOME = re.compile(
    r"(?<![^\W\d_])(?:(?:главн|основн|ключев|центральн|итогов)\w*\s+(?:документ|итог|результат)\w*|итог\w*)"
    r"(?:\s+[^\s,.;:]+){0,3}?\s+стал[аио]?\s+(?P<ru>[^.;]{6,})"
    r"|\b(?:main|key|principal|final)\s+(?:document|outcome|result)(?:\s+\S+){0,4}?\s+(?:was|were|is)\s+(?P<en>[^.;]{6,})",
    re.IGNORECASE)


def _outcome(sentence: str) -> str | None:
    m = _OUTCOME.search(sentence)
    if m is None:
        return None
    named = (m["ru"] or m["en"]).strip()
    if not _DECISION_NOUNS.search(named) and not re.search(r"подписани|принят|утвержден|document|declaration|"
                                                           r"agreement|statement", named, re.I):
        return None  # «итогом стало понимание…»: no document
    return _trim(named[:1].upper() + named[1:])


def _chairmanship(sentence: str) -> str | None:
    m = _CHAIRMANSHIP.search(sentence)
    return _clause(sentence, m.start(), m.end()) if m else None


def _next_meeting(sentence: str) -> str | None:
    m = _NEXT_MEETING.search(sentence)
    if m is None or not _SCHEDULED.search(sentence) or not _ANNOUNCED.search(sentence[m.end():]):
        return None
    return _clause(sentence, m.start(), m.end())


def _trim(text: str, limit: int = 300) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.;")
    text = _RELATIVE.sub("", text).strip(" ,.;")  # "…, которые будут внесены на рассмотрение" describes, not names
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


_TOPIC = re.compile(
    r"\b(?:обсудил[аи]?|обсуждал[аи]?|обсуждались|обсуждены|рассмотрел[аи]?|рассмотрены|обменялись\s+мнениями|"
    r"обмен\s+мнениями|речь\s+шла\s+о|в\s+центре\s+внимания(?:\s+был[аи]?)?|на\s+тему|по\s+теме|посвящ[её]нн\w*|"
    r"discussed|exchanged\s+views|considered|focused\s+on|the\s+focus\s+was\s+on)\b", re.I)


def find_topics(sentence: str) -> list[str]:
    m = _TOPIC.search(sentence)
    if not m or _documents(sentence):
        return []
    quote = re.search(r"«([^»]{3,})»", sentence[m.start():])
    if quote:
        return [_trim(quote[1], 200)]
    rest = sentence[m.end():].strip(" :,").rstrip(".")
    rest = re.split(r";|\.\s|\s(?:и\s+)?(?:отметил|заявил|подчеркнул)", rest)[0]
    rest = re.sub(r"^(?:по\s+поводу|относительно|о|об|also|the)\s+", "", rest)
    if len(rest) < 8:
        return []
    return [_trim(rest, 200)]

"""Sentence splitting and language detection for item text."""
from __future__ import annotations

import re

_SENT_END = re.compile(r"(?<=[.!?…])[»\"”)]?\s+(?=[«\"“(]?[A-ZА-ЯЁ0-9])")
_ABBREV_END = re.compile(r"(?:\b[А-ЯA-Z]|\bг|\bгг|\bт\.е|\bст|\bим|\bсм|\bт|\bул|\bMr|\bDr|\bSt)\.$")
_CYR = re.compile(r"[А-Яа-яЁё]")
_LAT = re.compile(r"[A-Za-z]")


def split_sentences(text: str) -> list[str]:
    """Sentences of a text whose paragraphs/lines are separate; initials and "г." do not end one."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        start = 0
        for m in _SENT_END.finditer(line):
            piece = line[start:m.start() + 1]
            if _ABBREV_END.search(piece.rstrip("»\"”)")):
                continue
            out.append(line[start:m.end()].strip())
            start = m.end()
        if line[start:].strip():
            out.append(line[start:].strip())
    return out


def language(text: str) -> str:
    cyr = len(_CYR.findall(text))
    lat = len(_LAT.findall(text))
    return "ru" if cyr >= lat else "en"


_LIST_MARK = re.compile(r"^(?:[-–—•*·▪]\s*|\d{1,2}[.)]\s+|[а-яa-z]\)\s+)")


def join_lists(sentences: list[str]) -> list[str]:
    """A sentence that ends with a colon takes the list items that follow it ("Участвуют: - России; - Казахстана."):
    what the intro says (who took part, what was approved) holds for every item."""
    out: list[str] = []
    i = 0
    while i < len(sentences):
        sentence = sentences[i]
        i += 1
        if not sentence.rstrip().endswith(":"):
            out.append(sentence)
            continue
        items = []
        while i < len(sentences) and (_LIST_MARK.match(sentences[i]) or
                                       (len(sentences[i].split()) <= 12 and sentences[i].rstrip()[-1:] in ";,")):
            items.append(_LIST_MARK.sub("", sentences[i]).strip().rstrip(";,.") )
            i += 1
        out.append(f"{sentence.rstrip()} {'; '.join(items)}." if items else sentence)
    return out

"""CSTO bodies: canonical Russian names, short forms, English names, and a finder for any case form."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from storage.lexicon.phrases import Match, PhraseMatcher


@dataclass(frozen=True, slots=True)
class Body:
    short: str  # "СМИД"
    full: str  # canonical full Russian name, as exported: "Совет министров иностранных дел ОДКБ"
    english: str  # "Council of Foreign Ministers"
    aliases: tuple[str, ...] = ()  # other Russian/English spellings, any case is matched

    @property
    def is_organisation(self) -> bool:
        """The CSTO itself, not one of its organs."""
        return self.short == "ОДКБ"


_ORG = ("ОДКБ", "Организации Договора о коллективной безопасности", "CSTO", "ODKB")

BODIES: tuple[Body, ...] = (
    Body("СКБ", "Совет коллективной безопасности ОДКБ", "Collective Security Council",
         ("Совет коллективной безопасности", "СКБ", "CSC", "CSTO Collective Security Council",
          "Council of Collective Security", "саммит ОДКБ", "CSTO summit")),
    Body("СМИД", "Совет министров иностранных дел ОДКБ", "Council of Foreign Ministers",
         ("Совет министров иностранных дел", "СМИД", "CFM", "Foreign Ministers Council",
          "Council of Foreign Affairs Ministers", "Council of Ministers of Foreign Affairs",
          "Совет глав МИД")),
    Body("СМО", "Совет министров обороны ОДКБ", "Council of Defence Ministers",
         ("Совет министров обороны", "СМО", "CMD", "Defence Ministers Council", "Defense Ministers Council",
          "Council of Ministers of Defence", "Council of Defense Ministers")),
    Body("КССБ", "Комитет секретарей советов безопасности ОДКБ", "Committee of Secretaries of Security Councils",
         ("Комитет секретарей советов безопасности", "КССБ", "CSSC", "Committee of Security Council Secretaries")),
    Body("ПА ОДКБ", "Парламентская ассамблея ОДКБ", "CSTO Parliamentary Assembly",
         ("Парламентская ассамблея ОДКБ", "Парламентская ассамблея Организации Договора о коллективной безопасности",
          "ПА ОДКБ", "CSTO PA", "Parliamentary Assembly of the CSTO",
          "Parliamentary Assembly of the Collective Security Treaty Organization")),
    Body("Постоянный совет", "Постоянный совет ОДКБ", "Permanent Council",
         ("Постоянный совет при ОДКБ", "Постоянный совет", "Постоянного совета", "CSTO Permanent Council")),
    Body("Секретариат", "Секретариат ОДКБ", "CSTO Secretariat",
         ("Секретариат ОДКБ", "Секретариат Организации Договора о коллективной безопасности",
          "Секретариат Организации", "CSTO Secretariat", "Secretariat of the CSTO")),
    Body("Объединённый штаб", "Объединённый штаб ОДКБ", "CSTO Joint Staff",
         ("Объединённый штаб ОДКБ", "Объединенный штаб ОДКБ", "Объединённый штаб Организации",
          "Объединенный штаб", "CSTO Joint Staff", "Joint Staff of the CSTO")),
    Body("КСОР", "Коллективные силы оперативного реагирования ОДКБ", "CSTO Collective Rapid Reaction Forces",
         ("Коллективные силы оперативного реагирования", "КСОР", "CRRF", "Collective Rapid Reaction Forces",
          "Collective Rapid Deployment Forces", "Rapid Reaction Forces", "Rapid Reaction Force",
          "Силы оперативного реагирования")),
    Body("КМС", "Коллективные миротворческие силы ОДКБ", "CSTO Collective Peacekeeping Forces",
         ("Коллективные миротворческие силы", "Миротворческие силы ОДКБ", "КМС ОДКБ",
          "Collective Peacekeeping Forces", "CSTO peacekeeping forces")),
    Body("ОДКБ", "Организация Договора о коллективной безопасности", "Collective Security Treaty Organization",
         _ORG + ("Collective Security Treaty Organisation", "Организация")),
)

_BY_SHORT = {b.short.casefold(): b for b in BODIES}


JOINT_PREFIX = "Совместное заседание "
_COUNCILS = ("СМИД", "СМО", "КССБ")  # the councils that meet jointly before a summit


def joint_body(shorts: Iterable[str]) -> Body | None:
    """One body for a joint meeting of several councils ("СМИД СМО КССБ"), in canonical order."""
    wanted = set(shorts)
    members = [b for b in BODIES if b.short in wanted and b.short in _COUNCILS]
    if len(members) < 2:
        return None
    names = [b.short for b in members]
    full = JOINT_PREFIX + ", ".join(names[:-1]) + " и " + names[-1] + " ОДКБ"
    english = "Joint meeting of the " + ", ".join(b.english for b in members[:-1]) + " and " + members[-1].english
    return Body(" ".join(names), full, english)


def body_by_short(short: str) -> Body | None:
    """The body with this short form ("СМИД", "смид", "ПА ОДКБ"), or by English acronym/name."""
    if short.startswith(JOINT_PREFIX) or (len(short.split()) > 1 and set(short.split()) <= set(_COUNCILS)):
        return joint_body(re.findall("|".join(_COUNCILS), short))
    key = short.strip().casefold().replace("ё", "е")
    if key in _BY_SHORT:
        return _BY_SHORT[key]
    for body in BODIES:
        if key in {b.casefold().replace("ё", "е") for b in (body.short, body.full, body.english)}:
            return body
    for body, _, _ in find_bodies(short):
        return body
    return None


@cache
def _matcher() -> PhraseMatcher[Body]:
    phrases: list[tuple[str, Body]] = []
    for body in BODIES:
        names = {body.full, body.english, body.short, *body.aliases}
        if body.short != "ОДКБ":
            names.discard("Организация")
        else:
            names.discard("Организация")  # the bare word is too common; only in body context (see below)
        # "Совет министров иностранных дел ОДКБ" also written "… Организации Договора о коллективной безопасности"
        for name in list(names):
            for org in _ORG[1:3]:
                if name.endswith(" ОДКБ"):
                    names.add(name[: -len(" ОДКБ")] + " " + org)
        phrases.extend((name, body) for name in names)
    return PhraseMatcher(phrases)


def find_body_matches(text: str) -> list[Match[Body]]:
    return _matcher().find(text)


def find_bodies(text: str) -> list[tuple[Body, int, int]]:
    """Every body mentioned in the text, in order, as (body, start, end) character spans."""
    return [(m.payload, m.start, m.end) for m in _matcher().find(text)]

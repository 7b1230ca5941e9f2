"""Named exercise and operation series: one name, several languages, a year.

CSTO exercises and operations carry a series name and a year («Взаимодействие-2031», "Interaction-2031",
«Канал – Западный заслон»). Two reports that name the same series and year tell one event, whatever body or
wording each uses; two different series in the same days are two events. English news translates some
names ("Interaction", "Search", "Echelon") and transliterates others ("Rubezh", "Kobalt"): the table below
holds the CSTO's standing series (public record); any other quoted "Name-YYYY" is keyed by its
transliteration, so two Russian reports of «Щит-2031» still meet.
"""
from __future__ import annotations

import re

from storage.lexicon.translit import name_key

# canonical key → names as written (Russian, English translations, transliterations), lower-case
SERIES: dict[str, tuple[str, ...]] = {
    "vzaimodeistvie": ("взаимодействие", "interaction", "vzaimodeistvie", "vzaimodeystviye"),
    "poisk": ("поиск", "search", "poisk"),
    "eshelon": ("эшелон", "echelon", "eshelon"),
    "rubezh": ("рубеж", "rubezh", "frontier", "boundary"),
    "kobalt": ("кобальт", "cobalt", "kobalt"),
    "nerushimoe bratstvo": ("нерушимое братство", "unbreakable brotherhood", "indestructible brotherhood",
                            "inviolable brotherhood", "nerushimoe bratstvo"),
    "grom": ("гром", "thunder", "grom"),
    "kanal": ("канал", "channel", "kanal"),
    "nelegal": ("нелегал", "illegal", "nelegal"),
    "proksi": ("прокси", "proxy", "proksi"),
    "zaslon": ("заслон", "barrier", "zaslon"),
}
_BY_NAME = {name: key for key, names in SERIES.items() for name in names}
_NAMES = "|".join(sorted((re.escape(n) for n in _BY_NAME), key=len, reverse=True))
# «Взаимодействие-2031», "Interaction-2031", Interaction 2031, operation "Channel"
_KNOWN = re.compile(rf"(?<![^\W\d_])(?P<name>{_NAMES})[»\"”]?(?:\s*[-‐‑–]\s*|\s+)(?P<year>(?:19|20)\d\d)(?!\d)", re.I)
_QUOTED = re.compile(r"[«\"“](?P<name>[A-ZА-ЯЁ][^\W\d_]+(?:[ -][^\W\d_]+)?)\s*[-‐‑–]\s*(?P<year>(?:19|20)\d\d)[»\"”]")


def series_keys(text: str) -> set[str]:
    """"<name>-<year>" for each named exercise or operation in the text ("poisk-2031", "nerushimoe_bratstvo-2031")."""
    # a series name is written with a capital ("Interaction-2031"); "interaction 2031" is a common word
    keys = {f"{_BY_NAME[m['name'].lower()]}-{m['year']}" for m in _KNOWN.finditer(text) if m["name"][:1].isupper()}
    for m in _QUOTED.finditer(text):
        name = m["name"].lower()
        key = _BY_NAME.get(name) or name_key(name)
        keys.add(f"{key}-{m['year']}")
    return {k.replace(" ", "_") for k in keys}  # one token each: events.series holds them space-separated


def series_names(keys: str | None, language: str = "ru") -> list[str]:
    """Display names of the standing series among the keys ("vzaimodeistvie-2031 poisk-2031" →
    «Взаимодействие-2031», «Поиск-2031»; English: "Interaction-2031"). A key outside the table is only a
    transliteration, no name to show."""
    out = []
    for key in (keys or "").split():
        name, _, year = key.rpartition("-")
        names = SERIES.get(name.replace("_", " "))
        if names and year.isdigit():
            shown = names[1] if language == "en" else names[0]
            out.append(f"{shown[:1].upper()}{shown[1:]}-{year}")
    return out


"""International organisations other than the CSTO, which questions name for events that are not CSTO events
(«саммит СНГ в Душанбе», "NATO summit in Vilnius"): the bot's records hold the CSTO's events, so a question
about another organisation's event is answered only by a record that itself names that organisation."""
from __future__ import annotations

from functools import cache

from storage.lexicon.phrases import PhraseMatcher

# short name → every spelling the finder matches, Russian in any case form, English
OTHERS: dict[str, tuple[str, ...]] = {
    "СНГ": ("СНГ", "Содружество Независимых Государств", "CIS", "Commonwealth of Independent States"),
    "ШОС": ("ШОС", "Шанхайская организация сотрудничества", "SCO", "Shanghai Cooperation Organisation",
            "Shanghai Cooperation Organization"),
    "НАТО": ("НАТО", "Североатлантический альянс", "NATO", "North Atlantic Treaty Organization", "North Atlantic Alliance"),
    "ЕАЭС": ("ЕАЭС", "Евразийский экономический союз", "Высший Евразийский экономический совет", "ВЕЭС", "EAEU",
             "Eurasian Economic Union", "Supreme Eurasian Economic Council", "ЕврАзЭС"),
    "ЕС": ("ЕС", "Евросоюз", "Европейский союз", "EU", "European Union"),
    "ООН": ("ООН", "Организация Объединённых Наций", "Организация Объединенных Наций", "UN", "United Nations"),
    "ОБСЕ": ("ОБСЕ", "OSCE", "Организация по безопасности и сотрудничеству в Европе"),
    "БРИКС": ("БРИКС", "BRICS"),
    "G20": ("G20", "Группа двадцати", "большая двадцатка", "Group of Twenty"),
    "АСЕАН": ("АСЕАН", "ASEAN"),
}


@cache
def _matcher() -> PhraseMatcher[str]:
    return PhraseMatcher([(name, short) for short, names in OTHERS.items() for name in names])


def find_other_organisations(text: str) -> set[str]:
    """Short names of the non-CSTO organisations the text names."""
    return {m.payload for m in _matcher().find(text)}

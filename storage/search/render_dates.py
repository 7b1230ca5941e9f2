"""Event dates as people write them: "26 мая 2020 г.", "с 1 по 23 апреля 2024 г.", "May 26, 2020"."""
from __future__ import annotations

import datetime as dt

from storage.lexicon.months import ENGLISH, GENITIVE_RU


def format_date_range(start: dt.date, end: dt.date, language: str = "ru") -> str:
    if language == "en":
        if start == end:
            return f"{ENGLISH[start.month - 1]} {start.day}, {start.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{ENGLISH[start.month - 1]} {start.day}–{end.day}, {start.year}"
        return f"{ENGLISH[start.month - 1]} {start.day}, {start.year} – {ENGLISH[end.month - 1]} {end.day}, {end.year}"
    if start == end:
        return f"{start.day} {GENITIVE_RU[start.month - 1]} {start.year} г."
    if (start.year, start.month) == (end.year, end.month):
        return f"с {start.day} по {end.day} {GENITIVE_RU[start.month - 1]} {start.year} г."
    if start.year == end.year:
        return f"с {start.day} {GENITIVE_RU[start.month - 1]} по {end.day} {GENITIVE_RU[end.month - 1]} {end.year} г."
    return (f"с {start.day} {GENITIVE_RU[start.month - 1]} {start.year} г. "
            f"по {end.day} {GENITIVE_RU[end.month - 1]} {end.year} г.")

"""Russian → Latin transliteration and a language-independent key for personal names.

"Stanislav Zas" (English site) and "Станислав Зась" must be the same person for merging and search.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh/Kyrgyz/Tajik letters seen in names
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "ҷ": "j", "ӣ": "i", "ӯ": "u", "ҳ": "h",
}


@lru_cache(maxsize=100_000)
def transliterate(text: str) -> str:
    """Simple BGN-like romanisation, lower-cased: "Зась" → "zas", "ОДКБ" → "odkb"."""
    return "".join(_TABLE.get(ch, ch) for ch in text.lower())


_FOLDS = (
    # order matters: multi-letter spellings first, then single letters that English spellings vary on
    ("shch", "sc"), ("kh", "h"), ("zh", "j"), ("ts", "c"), ("tz", "c"), ("ks", "x"), ("ch", "c"),
    ("sh", "s"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"), ("ye", "e"), ("ie", "e"),
    ("y", "i"), ("j", "i"), ("w", "v"), ("ph", "f"),
)
_NON_ALNUM = re.compile(r"[^a-z0-9 ]+")


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """A key equal for a name's Cyrillic and Latin spellings: "Станислав Зась" == "Stanislav Zas"."""
    text = unicodedata.normalize("NFKD", transliterate(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("'", "").replace("’", "").replace("-", " ")
    text = _NON_ALNUM.sub("", text)
    for a, b in _FOLDS:
        text = text.replace(a, b)
    # doubled letters ("Sergey"/"Sergei", "Lebedev"/"Lebedeff" aside) and a final "i"/"ii" vary
    text = re.sub(r"(.)\1+", r"\1", text)
    words = [w[:-1] if len(w) > 3 and w.endswith("i") else w for w in text.split()]
    # "Alexander"/"Aleksandr", "Peter"/"Petr": an English "-er" for a Russian final "-r"
    words = [re.sub(r"(?<=[^aeiou])er$", "r", w) for w in words]
    return " ".join(words)

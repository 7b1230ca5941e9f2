"""Who held the offices CSTO news names, and which state chaired the CSTO in which year.

Wire items often carry only a day and a month ("МОСКВА, 14 июня /ТАСС/"). The people they name
narrow the year: a page quoting "генеральный секретарь ОДКБ Юрий Хачатуров" was written in 2017 or
2018. This is public record (terms of office), not text of any page; years are inclusive and a
term that ended mid-year counts for both holders of that year.
"""
from __future__ import annotations

from dataclasses import dataclass

from storage.lexicon.places import _AM, _BY, _KG, _KZ, _RU, _TJ

# head nouns of titles ("Генеральный секретарь ОДКБ", "Министр иностранных дел …")
ROLE_HEADS = frozenset("""
секретарь генсек министр замминистра председатель заместитель президент премьер-министр глава директор
начальник посол представитель полпред командующий депутат спикер руководитель советник помощник
генерал полковник генерал-полковник генерал-лейтенант генерал-майор адмирал сенатор лидер
спецпредставитель постпред атташе эксперт профессор ректор губернатор мэр премьер заведующий заведовать референт
""".split())


@dataclass(frozen=True, slots=True)
class Term:
    surname: str  # Russian nominative, as news spells it most often
    latin: str  # the usual English spelling of the surname
    cues: tuple[str, ...]  # lower-case stems of the office; one must be in the same sentence
    first: int
    last: int


_SECGEN = ("генеральн", "генсек", "secretary general", "secretary-general")
_PRESIDENT = ("президент", "president", "глава государства", "лидер")
_FM = ("иностранных дел", "мид", "foreign minister", "foreign affairs", "foreign ministry")
_DEFENCE = ("министр обороны", "министра обороны", "министром обороны", "defense minister", "defence minister",
            "minister of defen")
_SECURITY = ("совета безопасности", "совбез", "security council")
_NOW = 2100  # still in office as far as this table knows

TERMS: tuple[Term, ...] = (
    # Secretaries General of the CSTO
    Term("Бордюжа", "Bordyuzha", _SECGEN, 2003, 2016),
    Term("Хачатуров", "Khachaturov", _SECGEN, 2017, 2018),
    Term("Семериков", "Semerikov", _SECGEN, 2018, 2019),
    Term("Зась", "Zas", _SECGEN, 2020, 2022),
    Term("Тасмагамбетов", "Tasmagambetov", _SECGEN, 2023, 2025),
    # heads of state
    Term("Медведев", "Medvedev", _PRESIDENT, 2008, 2012),
    Term("Путин", "Putin", _PRESIDENT, 2000, 2008),
    Term("Путин", "Putin", _PRESIDENT, 2012, _NOW),
    Term("Назарбаев", "Nazarbayev", _PRESIDENT, 1991, 2019),
    Term("Токаев", "Tokayev", _PRESIDENT, 2019, _NOW),
    Term("Акаев", "Akayev", _PRESIDENT, 1991, 2005),
    Term("Бакиев", "Bakiyev", _PRESIDENT, 2005, 2010),
    Term("Отунбаева", "Otunbayeva", _PRESIDENT, 2010, 2011),
    Term("Атамбаев", "Atambayev", _PRESIDENT, 2011, 2017),
    Term("Жээнбеков", "Jeenbekov", _PRESIDENT, 2017, 2020),
    Term("Жапаров", "Japarov", _PRESIDENT, 2021, _NOW),
    Term("Кочарян", "Kocharyan", _PRESIDENT, 1998, 2008),
    Term("Саргсян", "Sargsyan", _PRESIDENT, 2008, 2018),
    Term("Саркисян", "Sargsyan", _PRESIDENT, 2008, 2018),
    Term("Каримов", "Karimov", _PRESIDENT, 1991, 2016),
    # foreign ministers
    Term("Лавров", "Lavrov", _FM, 2004, _NOW),
    Term("Налбандян", "Nalbandyan", _FM, 2008, 2018),
    Term("Мнацаканян", "Mnatsakanyan", _FM, 2018, 2020),
    Term("Мирзоян", "Mirzoyan", _FM, 2021, _NOW),
    Term("Мартынов", "Martynov", _FM, 2003, 2012),
    Term("Макей", "Makei", _FM, 2012, 2022),
    Term("Алейник", "Aleinik", _FM, 2022, 2024),
    Term("Идрисов", "Idrissov", _FM, 2012, 2016),
    Term("Абдрахманов", "Abdrakhmanov", _FM, 2016, 2018),
    Term("Тлеуберди", "Tleuberdi", _FM, 2019, 2023),
    Term("Абдылдаев", "Abdyldaev", _FM, 2012, 2018),
    Term("Айдарбеков", "Aidarbekov", _FM, 2018, 2020),
    Term("Казакбаев", "Kazakbaev", _FM, 2020, 2022),
    Term("Кулубаев", "Kulubaev", _FM, 2022, _NOW),
    Term("Зарифи", "Zarifi", _FM, 2006, 2013),
    Term("Аслов", "Aslov", _FM, 2013, 2020),
    Term("Мухриддин", "Muhriddin", _FM, 2020, _NOW),
    # Russia's defence ministers and Security Council secretary
    Term("Сердюков", "Serdyukov", _DEFENCE, 2007, 2012),
    Term("Шойгу", "Shoigu", _DEFENCE, 2012, 2024),
    Term("Белоусов", "Belousov", _DEFENCE, 2024, _NOW),
    Term("Патрушев", "Patrushev", _SECURITY, 2008, 2024),
)

# the state that chairs the CSTO in a calendar year (the chairmanship passes at each year's summit)
CHAIRMANSHIP: dict[int, str] = {
    2015: _TJ, 2016: _AM, 2017: _BY, 2018: _KZ, 2019: _KG, 2020: _RU, 2021: _TJ, 2022: _AM,
    2023: _BY, 2024: _KZ, 2025: _KG, 2026: _RU,
}


def chair_years(state: str) -> tuple[int, ...]:
    return tuple(year for year, chair in CHAIRMANSHIP.items() if chair == state)

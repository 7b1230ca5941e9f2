"""A deterministic generator of varied CSTO news pages for benchmarks (not copies of one seed).

Pages mix site dumps with sidebars, wire items with datelines, Markdown rewrites, HTML pages with
chrome, and English items; dates are written in several styles and names in several cases.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from storage.lexicon.months import ENGLISH, GENITIVE_RU

# (nominative, genitive, instrumental, english, role in nominative, role in genitive)
PEOPLE = (
    ("Станислав Зась", "Станислава Зася", "Станиславом Засем", "Stanislav Zas", "Генеральный секретарь ОДКБ", "Генерального секретаря ОДКБ"),
    ("Имангали Тасмагамбетов", "Имангали Тасмагамбетова", "Имангали Тасмагамбетовым", "Imangali Tasmagambetov", "Генеральный секретарь ОДКБ", "Генерального секретаря ОДКБ"),
    ("Сергей Лавров", "Сергея Лаврова", "Сергеем Лавровым", "Sergei Lavrov", "Министр иностранных дел Российской Федерации", "Министра иностранных дел Российской Федерации"),
    ("Андрей Сердюков", "Андрея Сердюкова", "Андреем Сердюковым", "Andrei Serdyukov", "Начальник Объединенного штаба ОДКБ", "Начальника Объединенного штаба ОДКБ"),
    ("Виктор Хренин", "Виктора Хренина", "Виктором Хрениным", "Viktor Khrenin", "Министр обороны Республики Беларусь", "Министра обороны Республики Беларусь"),
    ("Сергей Алейник", "Сергея Алейника", "Сергеем Алейником", "Sergei Aleinik", "Министр иностранных дел Республики Беларусь", "Министра иностранных дел Республики Беларусь"),
    ("Мурат Нуртлеу", "Мурата Нуртлеу", "Муратом Нуртлеу", "Murat Nurtleu", "Министр иностранных дел Республики Казахстан", "Министра иностранных дел Республики Казахстан"),
    ("Жээнбек Кулубаев", "Жээнбека Кулубаева", "Жээнбеком Кулубаевым", "Zheenbek Kulubaev", "Министр иностранных дел Кыргызской Республики", "Министра иностранных дел Кыргызской Республики"),
    ("Вячеслав Володин", "Вячеслава Володина", "Вячеславом Володиным", "Vyacheslav Volodin", "Председатель Государственной Думы", "Председателя Государственной Думы"),
    ("Мария Захарова", "Марии Захаровой", "Марией Захаровой", "Maria Zakharova", "Официальный представитель МИД России", "Официального представителя МИД России"),
    ("Владимир Норов", "Владимира Норова", "Владимиром Норовым", "Vladimir Norov", "Генеральный секретарь ШОС", "Генерального секретаря ШОС"),
    ("Сергей Лебедев", "Сергея Лебедева", "Сергеем Лебедевым", "Sergei Lebedev", "Исполнительный секретарь СНГ", "Исполнительного секретаря СНГ"),
)
# (nominative for titles, genitive, short, english)
BODIES = (
    ("Совет министров иностранных дел", "Совета министров иностранных дел", "СМИД", "Council of Foreign Ministers"),
    ("Совет министров обороны", "Совета министров обороны", "СМО", "Council of Defence Ministers"),
    ("Комитет секретарей советов безопасности", "Комитета секретарей советов безопасности", "КССБ", "Committee of Secretaries of Security Councils"),
    ("Совет коллективной безопасности", "Совета коллективной безопасности", "СКБ", "Collective Security Council"),
    ("Постоянный совет", "Постоянного совета", "Постоянный совет", "Permanent Council"),
    ("Парламентская ассамблея", "Парламентской ассамблеи", "ПА ОДКБ", "Parliamentary Assembly"),
)
# (nominative, prepositional, english)
CITIES = (("Москва", "Москве", "Moscow"), ("Минск", "Минске", "Minsk"), ("Ереван", "Ереване", "Yerevan"),
          ("Астана", "Астане", "Astana"), ("Бишкек", "Бишкеке", "Bishkek"), ("Душанбе", "Душанбе", "Dushanbe"),
          ("Алматы", "Алматы", "Almaty"), ("Сочи", "Сочи", "Sochi"), ("Чолпон-Ата", "Чолпон-Ате", "Cholpon-Ata"),
          ("Санкт-Петербург", "Санкт-Петербурге", "Saint Petersburg"), ("Брест", "Бресте", "Brest"))
TOPICS = ("ситуацию в Центральной Азии", "положение дел на таджикско-афганской границе", "борьбу с международным терроризмом",
          "противодействие незаконному обороту наркотиков", "информационную безопасность", "миротворческую деятельность",
          "подготовку совместных учений", "развитие системы коллективной безопасности", "биологическую безопасность")
DECISIONS = ("План консультаций представителей государств – членов ОДКБ на {y} год",
             "проект Заявления о солидарности государств – членов ОДКБ",
             "Положение о порядке организации взаимодействия", "проект Решения о бюджете Организации на {y} год",
             "План подготовки органов управления и формирований на {y} год")
FILLER = (
    "Участники отметили высокий уровень взаимодействия государств – членов Организации в сфере обеспечения безопасности.",
    "Стороны подчеркнули важность укрепления союзнических отношений и координации внешнеполитической деятельности.",
    "Особое внимание было уделено вопросам совершенствования механизмов кризисного реагирования.",
    "Отмечено, что совместная работа способствует повышению эффективности коллективных усилий.",
    "Представители делегаций проинформировали о мерах, принимаемых на национальном уровне.",
    "По итогам мероприятия выработаны рекомендации для дальнейшей работы профильных органов.",
    "Эксперты обменялись опытом и обсудили перспективы развития практического сотрудничества.",
)
CHROME = ("Видеогалерея", "Фотоальбом", "Вернуться назад", "Все новости", "Поделиться", "Версия для печати",
          "Пресс-служба ОДКБ\n+7 495 000-00-00\npress@example.org")


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    data: bytes


def _date_ru(d: dt.date, rnd: random.Random) -> str:
    return rnd.choice((f"{d.day} {GENITIVE_RU[d.month - 1]} {d.year} года", f"{d.day} {GENITIVE_RU[d.month - 1]} {d.year} г."))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _article(rnd: random.Random, d: dt.date, y: int) -> tuple[str, str]:
    body = rnd.choice(BODIES)
    city = rnd.choice(CITIES)
    chair = rnd.choice(PEOPLE)
    others = rnd.sample([p for p in PEOPLE if p != chair], 3)
    kind = "сессия" if body[2] == "СКБ" else "заседание"
    video = rnd.random() < 0.25
    where = "в режиме видеоконференции" if video else f"в {city[1]}"
    title = f"{body[0]} ОДКБ {'провел' if kind == 'заседание' else 'провел'} {kind == 'сессия' and 'сессию' or 'заседание'} {where}"
    paras = [
        f"{_date_ru(d, rnd)} {where} состоялось очередное заседание {body[1]} Организации Договора о коллективной "
        f"безопасности под председательством {chair[5]} {chair[1]}.",
        f"В заседании приняли участие {_lower_first(others[0][4])} {others[0][0]} и {_lower_first(others[1][4])} {others[1][0]}.",
        f"Участники обсудили {rnd.choice(TOPICS)} и {rnd.choice(TOPICS)}.",
        f"По итогам заседания утвержден {rnd.choice(DECISIONS).format(y=y + 1)}, а также одобрен {rnd.choice(DECISIONS).format(y=y + 1)}.",
        f"Встреча с {others[2][2]} прошла на полях мероприятия.",
    ]
    while sum(len(p) for p in paras) < rnd.randint(1800, 7000):
        paras.append(" ".join(rnd.sample(FILLER, 3)))
    return title, "\n\n".join(paras)


def _sidebar(rnd: random.Random, d: dt.date) -> str:
    city = rnd.choice(CITIES)
    what = rnd.choice((
        f"в {city[1]} состоялись консультации представителей государств – членов ОДКБ по вопросам {rnd.choice(('биологической безопасности', 'миграционной политики', 'кибербезопасности'))}.",
        f"в {city[1]} проведены курсы повышения квалификации специалистов органов безопасности государств – членов ОДКБ.",
        f"в {city[1]} прошел семинар экспертов ОДКБ по противодействию терроризму.",
    ))
    return f"{d:%d.%m.%Y}\n\n{_date_ru(d, rnd)} {what}"


def _english(rnd: random.Random, d: dt.date) -> tuple[str, str]:
    body, city, chair = rnd.choice(BODIES), rnd.choice(CITIES), rnd.choice(PEOPLE)
    title = f"CSTO {body[3]} meets in {city[2]}"
    paras = [f"On {d.day} {ENGLISH[d.month - 1]} {d.year}, the meeting of the CSTO {body[3]} was held in {city[2]}, "
             f"chaired by {chair[3]}.",
             f"CSTO Secretary General {PEOPLE[1][3]} took part in the meeting.",
             "The participants discussed the situation in Central Asia and approved the plan of consultations."]
    while sum(len(p) for p in paras) < rnd.randint(1800, 6000):
        paras.append("The parties stressed the importance of allied relations and coordination of foreign policy. "
                     "Particular attention was paid to improving crisis response mechanisms.")
    return title, "\n\n".join(paras)


def generate(count: int = 1000, seed: int = 20240424) -> list[Page]:
    rnd = random.Random(seed)
    pages = []
    for n in range(count):
        d = dt.date(2019, 1, 1) + dt.timedelta(days=rnd.randrange(0, 6 * 365))
        style = rnd.random()
        if style < 0.1:
            title, text = _english(rnd, d)
            pages.append(Page(f"en_{n:04d}.txt", f"{title}\n\n{d:%d.%m.%Y}\n\n{text}\n".encode()))
            continue
        title, text = _article(rnd, d, d.year)
        chrome = "\n\n".join(rnd.sample(CHROME, 3))
        if style < 0.35:  # site dump with sidebar items and a glued-date headline
            sidebars = "\n\n".join(_sidebar(rnd, d - dt.timedelta(days=k + 1)) for k in range(rnd.randint(1, 3)))
            page = f"{sidebars}\n\n{title}\n\n{title} {d:%d.%m.%Y}\n\n{text}\n\n{chrome}\n"
            pages.append(Page(f"site_{n:04d}.txt", page.encode("utf-8" if rnd.random() < 0.7 else "cp1251", errors="replace")))
        elif style < 0.55:  # wire item
            city = rnd.choice(CITIES)
            page = (f"РИА Новости\n{d:%d.%m.%Y} {rnd.randint(8, 20)}:{rnd.randint(10, 59)}\n\n{title}\n\n"
                    f"{city[0].upper()}, {d.day} {GENITIVE_RU[d.month - 1][:3]} - РИА Новости. {text}\n\n{chrome}\n")
            pages.append(Page(f"wire_{n:04d}.txt", page.encode()))
        elif style < 0.75:  # markdown rewrite
            page = f"## **{title}**\n\n{d:%d-%m-%Y}, {rnd.randint(8, 20)}:{rnd.randint(10, 59)}.\n\n*{text.split(chr(10))[0]}*\n\n{text}\n\n---\n"
            pages.append(Page(f"md_{n:04d}.md", page.encode()))
        else:  # HTML with chrome
            body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
            page = (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
                    f"<script>var x = 1;</script></head><body><nav><a href='/'>Главная</a> | <a href='/news'>Новости</a></nav>"
                    f"<h1>{title}</h1><div class='date'>{d:%d.%m.%Y}</div>{body}"
                    f"<footer>{chrome.replace(chr(10), '<br>')}</footer></body></html>")
            pages.append(Page(f"html_{n:04d}.html", page.encode()))
    return pages

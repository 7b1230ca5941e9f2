"""Hand-written event records used by the search tests (not the seed documents)."""
from __future__ import annotations

import datetime as dt

from storage.search.records import DecisionRecord, EventRecord, FactRecord, PersonRecord, SourceRecord

D = dt.date


def sample_records() -> list[EventRecord]:
    return [
        EventRecord(
            id=1, date_start=D(2021, 11, 30), date_end=D(2021, 11, 30),
            title="Заседание Совета министров обороны ОДКБ", body="Совет министров обороны ОДКБ", body_short="СМО",
            kind="заседание", place="Душанбе", venue="Дворец нации", format="очно",
            chair_person="Шерали Мирзо", chair_role="Министр обороны Республики Таджикистан",
            chair_state="Республика Таджикистан",
            participants=(PersonRecord("Шерали Мирзо", "Министр обороны Республики Таджикистан"),
                          PersonRecord("Анатолий Сидоров", "Начальник Объединенного штаба ОДКБ")),
            decisions=(DecisionRecord("план совместной оперативной подготовки на 2022 год", "утвержден"),
                       DecisionRecord("решение о поставках вооружения", "принято")),
            topics=("ситуация на таджикско-афганской границе",),
            facts=(FactRecord("chair", "Шерали Мирзо", "Заседание прошло под председательством Шерали Мирзо.",
                              "docs/smo.txt", "СМО в Душанбе"),),
            sources=(SourceRecord("docs/smo.txt", "СМО в Душанбе",
                                  "30 ноября 2021 года в Душанбе прошло заседание Совета министров обороны ОДКБ. "
                                  "Заседание прошло под председательством Шерали Мирзо."),),
        ),
        EventRecord(
            id=2, date_start=D(2022, 6, 14), date_end=D(2022, 6, 14),
            title="Заседание Совета министров иностранных дел ОДКБ", body="Совет министров иностранных дел ОДКБ",
            body_short="СМИД", kind="заседание", place="Ереван", format="очно",
            chair_person="Арарат Мирзоян", chair_role="Министр иностранных дел Республики Армения",
            participants=(PersonRecord("Станислав Зась", "Генеральный секретарь ОДКБ"),
                          PersonRecord("Сергей Лебедев", "Исполнительный секретарь СНГ")),
            decisions=(DecisionRecord("заявление о борьбе с международным терроризмом", "одобрено"),),
            topics=("миграционная безопасность",),
        ),
        EventRecord(
            id=3, date_start=D(2023, 10, 2), date_end=D(2023, 10, 6),
            title="Командно-штабные учения «Взаимодействие-2023»", body_short="КСОР",
            body="Коллективные силы оперативного реагирования ОДКБ", kind="учения", place="Брест",
            topics=("отработка действий по локализации вооруженного конфликта",),
        ),
        EventRecord(
            id=4, date_start=D(2024, 3, 12), date_end=D(2024, 3, 12),
            title="Консультации по вопросам информационной безопасности", kind="консультации", place="Москва",
            venue="Секретариат ОДКБ", format="видеоконференция", chair_state="Кыргызская Республика",
        ),
    ]

"""The three seed events, field by field, and the SMID merge in both orders."""
import datetime as dt
from pathlib import Path

import pytest

from storage.export import export_events
from storage.ingest.pipeline import Ingestor
from storage.ingest.records import RawDocument

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
SMID_SITE = SEEDS / "000_a4065f8d4f85827b.txt"
SMID_REWRITE = SEEDS / "003_80000bca44b53821.txt"


async def ingest(sessions, paths) -> list[dict]:
    ingestor = Ingestor(sessions)
    for path in paths:
        report = await ingestor.ingest(RawDocument(str(path), path.read_bytes()))
        assert report.status == "ok", report.reason
    async with sessions() as session:
        return await export_events(session)


@pytest.fixture(params=["site first", "rewrite first"])
async def events(request, sessions):
    order = [SMID_SITE, SMID_REWRITE] if request.param == "site first" else [SMID_REWRITE, SMID_SITE]
    return {e["date_start"]: e for e in await ingest(sessions, order)}


def test_three_events(events):
    assert sorted(events) == ["2020-05-26", "2024-04-01", "2024-04-24"]


def test_smid_is_one_event_with_two_sources(events):
    e = events["2020-05-26"]
    assert sorted(Path(s["location"]).name for s in e["sources"]) == [SMID_SITE.name, SMID_REWRITE.name]
    assert (e["date_end"], e["is_announcement"], e["body"], e["body_short"], e["kind"], e["format"]) == (
        "2020-05-26", False, "Совет министров иностранных дел ОДКБ", "СМИД", "заседание", "видеоконференция")
    assert (e["chair"]["person"], e["chair"]["role"]) == ("Сергей Лавров", "Министр иностранных дел Российской Федерации")
    people = {p["name"]: p["role"] for p in e["participants"]}
    assert people["Станислав Зась"] == "Генеральный секретарь ОДКБ"
    assert people["Владимир Норов"] == "Генеральный секретарь ШОС"
    assert "СНГ" in people["Сергей Лебедев"]
    assert "Владимир Зайнетдинов" not in people  # the press secretary's contact block


def test_smid_decisions(events):
    text = " | ".join(events["2020-05-26"]["decisions"]).lower()
    for words in ("75-й годовщины победы", "устава оон", "солидарности", "прекращению огня",
                  "квотных должностей", "плане консультаций"):
        assert words in text, words


def test_consultations(events):
    e = events["2024-04-24"]
    assert (e["date_end"], e["kind"], e["place"], e["venue"], e["body_short"], e["chair"]["state"], e["is_announcement"]) == (
        "2024-04-24", "консультации", "Москва", "Секретариат ОДКБ", None, "Республика Казахстан", False)
    assert any("контроля над вооружениями" in t for t in e["topics"])


def test_courses(events):
    e = events["2024-04-01"]
    assert (e["date_end"], e["kind"], e["venue"], e["place"]) == (
        "2024-04-23", "курсы", "Военная академия Генерального штаба ВС РФ", "Москва")
    assert dt.date.fromisoformat(e["date_start"]) < dt.date.fromisoformat(e["date_end"])

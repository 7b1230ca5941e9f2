"""`csto-bot ask` / `csto-bot event` through the real command line entry point, over hand-stored events."""
import datetime as dt
import io
import json

import pytest

from bot.cli import main
from storage.db import create_engine, migrate, session_factory
from storage.models import Event, Participant

D = dt.date


@pytest.fixture
def db(tmp_path):
    """A migrated database with three events, written synchronously for the CLI to read."""
    import asyncio

    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"

    async def fill():
        engine = create_engine(url)
        await migrate(engine)
        async with session_factory(engine)() as session, session.begin():
            smo = Event(date_start=D(2021, 11, 30), date_end=D(2021, 11, 30), title="Заседание Совета министров обороны ОДКБ",
                        body="Совет министров обороны ОДКБ", body_short="СМО", kind="заседание", place="Душанбе",
                        chair_person="Шерали Мирзо")
            session.add_all([
                smo,
                Event(date_start=D(2023, 10, 2), date_end=D(2023, 10, 6), title="Учения «Взаимодействие-2023»",
                      kind="учения", place="Брест"),
                Event(date_start=D(2024, 3, 12), date_end=D(2024, 3, 12), title="Консультации по информационной безопасности",
                      kind="консультации", place="Москва"),
            ])
            await session.flush()
            session.add(Participant(event_id=smo.id, name="Анатолий Сидоров", role="Начальник Объединенного штаба"))
        await engine.dispose()

    asyncio.run(fill())
    return str(tmp_path / "cli.db")


def run(capsys, monkeypatch, argv, stdin=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    return capsys.readouterr().out


def test_ask_json(db, capsys, monkeypatch):
    out = run(capsys, monkeypatch, ["ask", "--db", db, "--json", "кто председательствовал на заседании СМО"])
    data = json.loads(out)
    assert (data["question"], data["confident"], data["intent"]) == (
        "кто председательствовал на заседании СМО", True, "chair")
    assert data["answer"].splitlines()[0] == (
        "Заседание Совета министров обороны ОДКБ (30 ноября 2021 г.): председатель — Шерали Мирзо.")
    assert [(e["id"], e["date_start"], e["date_end"], e["body"]) for e in data["events"]] == [
        (1, "2021-11-30", "2021-11-30", "Совет министров обороны ОДКБ")]
    assert data["events"][0]["score"] == 100.0


def test_ask_reads_questions_from_stdin(db, capsys, monkeypatch):
    out = run(capsys, monkeypatch, ["ask", "--db", db, "--json"], stdin="учения в Бресте\n\nрецепт борща\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(x["question"], x["confident"]) for x in lines] == [("учения в Бресте", True), ("рецепт борща", False)]
    assert lines[1]["events"] == []
    assert lines[1]["answer"].splitlines()[0] == "В записях нет ответа на этот вопрос."
    assert "3 события ОДКБ с 30 ноября 2021 г. по 12 марта 2024 г." in lines[1]["answer"]


def test_ask_plain_text(db, capsys, monkeypatch):
    out = run(capsys, monkeypatch, ["ask", "--db", db, "где прошли учения Взаимодействие"])
    assert out.splitlines()[0] == "Учения «Взаимодействие-2023» (с 2 по 6 октября 2023 г.): место — Брест."


def test_event_json_day_inside_range_and_errors(db, capsys, monkeypatch):
    out = run(capsys, monkeypatch, ["event", "--db", db, "--json"], stdin="04.10.2023\n2023\nвчера\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [e["title"] for e in lines[0]["events"]] == ["Учения «Взаимодействие-2023»"]
    assert lines[0]["error"] is None
    assert [e["date_start"] for e in lines[1]["events"]] == ["2023-10-02"]
    assert lines[2]["events"] == [] and lines[2]["error"].startswith("Не понял дату.")


def test_event_plain_offers_nearest(db, capsys, monkeypatch):
    out = run(capsys, monkeypatch, ["event", "--db", db, "2022-05-01"])
    assert out.splitlines() == [
        "В эти даты событий в записях нет.",
        "Ближайшее раньше: 30 ноября 2021 г. — Заседание Совета министров обороны ОДКБ, Душанбе",
        "Ближайшее позже: с 2 по 6 октября 2023 г. — Учения «Взаимодействие-2023», Брест",
    ]

"""`csto-bot ingest / export / init` through the command-line entry point."""
import json
from pathlib import Path

import pytest

from bot.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(argv, capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    out = capsys.readouterr()
    return exit_.value.code, out.out, out.err


def test_ingest_then_export(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    code, out, _ = run(["ingest", str(SEEDS), "--db", db], capsys)
    lines = out.strip().splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].endswith("000_a4065f8d4f85827b.txt: материалов 3, событий создано 3, объединено 0")
    assert lines[1].endswith("003_80000bca44b53821.txt: материалов 1, событий создано 0, объединено 1")
    code, out, _ = run(["export", "--db", db], capsys)
    events = json.loads(out)
    assert code == 0 and [e["date_start"] for e in events] == ["2020-05-26", "2024-04-01", "2024-04-24"]
    # format version 1 (README "Export and import"): the import reads exactly this
    assert set(events[0]) == {"version", "id", "date_start", "date_end", "is_announcement", "title", "body",
                              "body_short", "kind", "place", "venue", "format", "chair", "summary", "series",
                              "participants", "decisions", "decision_actions", "topics", "sources"}
    assert events[0]["version"] == 1
    assert set(events[0]["chair"]) == {"person", "role", "state"}
    assert set(events[0]["sources"][0]) == {"location", "outlet", "published", "title", "item_index", "language",
                                            "is_announcement", "undated", "other_years"}


def test_export_with_text_then_import_into_another_store(tmp_path, capsys):
    db, copy = str(tmp_path / "x.db"), str(tmp_path / "copy.db")
    run(["ingest", str(SEEDS), "--db", db], capsys)
    code, out, _ = run(["export", "--with-text", "--db", db], capsys)
    events = json.loads(out)
    assert code == 0 and all(s["text"] for e in events for s in e["sources"]) and all("facts" in e for e in events)
    backup = tmp_path / "backup.json"
    backup.write_text(out, encoding="utf-8")
    code, out, _ = run(["import", str(backup), "--db", copy], capsys)
    assert code == 0 and out.strip().endswith("импортировано событий 3, пропущено (уже есть) 0, документов добавлено 2")
    code, out, _ = run(["import", str(backup), "--db", copy], capsys)
    assert code == 0 and "импортировано событий 0, пропущено (уже есть) 3" in out
    code, out, _ = run(["export", "--with-text", "--db", copy], capsys)
    assert [{k: v for k, v in e.items() if k != "id"} for e in json.loads(out)] == \
        [{k: v for k, v in e.items() if k != "id"} for e in events]


@pytest.mark.parametrize("content, reason", [
    (b"{not json", "не JSON в UTF-8"),
    (b"\xff\xfe\x00", "не JSON в UTF-8"),
    (b'[{"title": "x"}]', "ничего не импортировано: событие 1, date_start"),
    (b'{"version": 1}', "ничего не импортировано: ожидался массив"),
])
def test_import_of_a_bad_file_is_one_line_and_exit_1(tmp_path, capsys, content, reason):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, out, err = run(["import", str(bad), "--db", str(tmp_path / "x.db")], capsys)
    assert code == 1 and reason in out and len(out.strip().splitlines()) == 1 and not err


def test_import_of_a_missing_file_says_so(tmp_path, capsys):
    code, out, _ = run(["import", str(tmp_path / "nope.json"), "--db", str(tmp_path / "x.db")], capsys)
    assert code == 1 and "файл не прочитать" in out


def test_ingest_reports_failures_with_exit_1(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, _ = run(["ingest", str(empty), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "x.db")], capsys)
    lines = out.strip().splitlines()
    assert code == 1 and len(lines) == 2 and all(": ошибка: " in line for line in lines)


def test_unreachable_database_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, out, err = run(["export", "--db", str(blocker / "sub" / "x.db")], capsys)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and "ошибка" in err


def test_init_loads_seeds_once(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SEEDS_DIR", str(SEEDS))
    db = str(tmp_path / "x.db")
    code, out, _ = run(["init", "--db", db], capsys)
    assert code == 0 and out.strip().endswith("событий 3")
    code, out, _ = run(["init", "--db", db], capsys)
    assert code == 0 and out.strip() == "база готова: событий 3"


def test_each_report_line_is_printed_as_its_document_is_done(tmp_path):
    """A batch killed half-way has printed a line for every document it stored."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys

    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(150):
        (folder / f"{n:03d}.txt").write_text(f"{n % 28 + 1} мая 2031 года в Минске прошло заседание Совета "
                                             f"министров обороны ОДКБ номер {n}.", encoding="utf-8")
    db = tmp_path / "x.db"
    proc = subprocess.Popen([sys.executable, "-c", "from bot.cli import main; main()", "ingest", str(folder),
                             "--db", str(db)],
                            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
    first = proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.stdout.close()
    proc.wait()
    printed = [line for line in (first + rest).splitlines() if line.strip()]
    assert printed and printed[0].endswith("000.txt: материалов 1, событий создано 1, объединено 0")
    with sqlite3.connect(db) as connection:
        stored = connection.execute("select count(*) from documents").fetchone()[0]
    assert stored < 150  # killed half-way: the first line came as soon as its document was done
    assert stored >= len(printed) >= 1


def test_a_newline_in_a_file_name_does_not_split_its_report_line():
    from bot.cli_ingest import report_line
    from storage.ingest.pipeline import DocumentReport
    assert report_line(DocumentReport("a\nb.txt", "failed", reason="пустой файл")) == r"a\nb.txt: ошибка: пустой файл"


@pytest.mark.parametrize("argv", [["ask"], ["event"]])
def test_a_reader_that_goes_away_stops_the_command_quietly(tmp_path, argv):
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "csto-bot"
    db = str(tmp_path / "x.db")
    subprocess.run([str(exe), "ingest", str(SEEDS), "--db", db], capture_output=True, check=True, timeout=120)
    # 2,000 questions, one answer flushed per line, into `head -c 1`: the pipe closes while answers still come
    shell = f"yes 2020 | head -2000 | {exe} {' '.join(argv)} --db {db} | head -c 1"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, cwd=SEEDS.parent, timeout=120)
    err = done.stderr.decode("utf-8", "replace")
    assert len(done.stdout) == 1 and "Traceback" not in err and "BrokenPipeError" not in err, err

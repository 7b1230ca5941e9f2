"""`csto-bot` command line: one sub-command per job, each implemented in its own module."""
from __future__ import annotations

import argparse
import logging
import os
import sys

from bot.config import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="csto-bot", description="CSTO events bot")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", help="SQLAlchemy URL or SQLite file path (overrides DATABASE_URL)")
        return p

    with_db(sub.add_parser("init", help="create or migrate the database and load seeds/ if it is empty"))
    p = with_db(sub.add_parser("ingest", help="ingest .txt/.md/.html files or folders"))
    p.add_argument("paths", nargs="+")
    p = with_db(sub.add_parser("export", help="print all events as a JSON array (the format import reads)"))
    p.add_argument("--with-text", action="store_true", help="include each source's text and the evidence")
    p = with_db(sub.add_parser("import", help="load events printed by export into the store"))
    p.add_argument("file", help="a JSON file written by csto-bot export")
    for name, what in (("ask", "answer a question as the bot would"), ("event", "events on a date, as /event")):
        p = with_db(sub.add_parser(name, help=what))
        p.add_argument("--json", action="store_true", help="one JSON object per line")
        p.add_argument("arg", nargs="?", help="without it, one per line from standard input")
    with_db(sub.add_parser("run", help="start the bot (the offline console without BOT_TOKEN)"))
    with_db(sub.add_parser("console", help="offline chat with the bot in the terminal"))
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    settings = Settings()
    if getattr(args, "db", None):
        settings = settings.model_copy(update={"database_url": Settings._url(args.db)})
    # one-shot commands print their own report; library chatter (alembic, pymorphy) only hides it
    level = settings.log_level if args.command == "run" else "WARNING"
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # imported lazily: `ingest` must not pay for aiogram, `ask` must not pay for the bot
    if args.command in ("init", "ingest", "export", "import"):
        from bot import cli_ingest as impl
    elif args.command in ("ask", "event"):
        from bot import cli_ask as impl
    else:
        from bot import app as impl
    try:
        code = impl.main(args, settings)
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (`csto-bot export | head`): stop quietly, as a Unix tool does, not with a traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    sys.exit(code or 0)

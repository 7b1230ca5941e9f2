"""Alembic environment: runs on the connection handed in by storage.db.migrate."""
from alembic import context
from sqlalchemy import create_engine

from storage.models import Base

target_metadata = Base.metadata


def run_migrations(connection) -> None:
    # batch mode: SQLite cannot ALTER most things, Alembic copies the table instead
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:  # `alembic` command line: sqlalchemy.url from the ini file, synchronous driver
    url = context.config.get_main_option("sqlalchemy.url").replace("+aiosqlite", "")
    with create_engine(url).connect() as conn:
        run_migrations(conn)
        conn.commit()

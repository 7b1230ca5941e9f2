"""Stairway: every revision upgrades, downgrades and upgrades again on a real SQLite file."""
from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from storage.db import alembic_config, create_engine, downgrade, migrate
from storage.models import Base

REVISIONS = list(reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions())))


@pytest.mark.parametrize("revision", REVISIONS, ids=[r.revision for r in REVISIONS])
async def test_stairway(revision, db_url):
    engine = create_engine(db_url)
    await migrate(engine, revision.revision)
    await downgrade(engine, revision.down_revision or "base")
    await migrate(engine, revision.revision)
    await engine.dispose()


async def _tables(engine) -> set[str]:
    async with engine.connect() as conn:
        return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))


async def test_head_matches_models(engine):
    assert await _tables(engine) - {"alembic_version"} == set(Base.metadata.tables)


async def test_pragmas(engine):
    async with engine.connect() as conn:
        assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await conn.execute(text("PRAGMA foreign_keys"))).scalar() == 1
        assert (await conn.execute(text("PRAGMA busy_timeout"))).scalar() == 10000


async def test_migrate_twice_is_a_no_op(engine):
    await migrate(engine)
    assert await _tables(engine) - {"alembic_version"} == set(Base.metadata.tables)

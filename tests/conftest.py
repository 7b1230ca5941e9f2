from __future__ import annotations

from pathlib import Path

import pytest

from storage.db import create_engine, migrate, session_factory

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'csto.db'}"


@pytest.fixture
async def engine(db_url: str):
    engine = create_engine(db_url)
    await migrate(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def sessions(engine):
    """A session factory over a fresh, migrated database file."""
    return session_factory(engine)

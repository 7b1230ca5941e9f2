"""What differs between the two supported databases, in one place: the INSERT that knows ON CONFLICT."""
from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession


def insert_for(bind: AsyncSession | AsyncConnection):
    """`insert` of the bind's dialect (SQLite or PostgreSQL), both of which offer on_conflict_do_nothing/update."""
    name = bind.bind.dialect.name if isinstance(bind, AsyncSession) else bind.dialect.name
    return postgresql.insert if name == "postgresql" else sqlite.insert

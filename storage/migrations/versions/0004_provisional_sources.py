"""event_sources.undated and event_sources.other_years: sources whose event is provisional (#9)

An item about preparing a named exercise gives no days of it (undated); a yearless wire item whose text
supports several years equally keeps those years (other_years). A later report with firm dates takes
such a source over, whatever the order the pages arrived in.

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event_sources") as batch:
        batch.add_column(sa.Column("undated", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("other_years", sa.String(length=400), nullable=True))
    # every firm report looks for provisional sources: partial indexes keep that to the few there are
    op.create_index("ix_event_sources_undated", "event_sources", ["event_id"],
                    sqlite_where=sa.text("undated = 1"), postgresql_where=sa.text("undated"))
    op.create_index("ix_event_sources_other_years", "event_sources", ["other_years"],
                    sqlite_where=sa.text("other_years IS NOT NULL"), postgresql_where=sa.text("other_years IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_event_sources_other_years", "event_sources")
    op.drop_index("ix_event_sources_undated", "event_sources")
    with op.batch_alter_table("event_sources") as batch:
        batch.drop_column("other_years")
        batch.drop_column("undated")

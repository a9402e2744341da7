"""PostgreSQL group roles, grants, row-level security and the users trigger (issue 12)

persistence/grants.py says what each group may do and why; a no-op on SQLite. Run by the
tables' owner, who needs CREATEROLE (or a superuser makes the four groups first).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 18:00:00
"""
from alembic import op

from permanence_tracker.persistence import grants

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    grants.apply(op.get_bind())


def downgrade() -> None:
    grants.revoke(op.get_bind())

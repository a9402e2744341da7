"""audit_head: the audit chain's head, so entries removed from the end of the trail show

One row: the last entry's id and hash and the number of entries, moved in the same transaction
as every append (persistence/audit.py). Filled here from the existing trail; an empty trail
gets no row (no entry was ever written). On PostgreSQL every group may read, insert and update
it (grants.py: each audited write moves it); the audit table itself stays append-only.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 10:00:00
"""
import sqlalchemy as sa
from alembic import op

from permanence_tracker.persistence import grants

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'audit_head',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('last_id', sa.Integer(), nullable=False),
        sa.Column('last_hash', sa.String(length=64), nullable=False),
        sa.Column('entries', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head')),
    )
    op.execute(
        "INSERT INTO audit_head (id, last_id, last_hash, entries) "
        "SELECT 1, id, hash, (SELECT count(*) FROM audit) FROM audit "
        "WHERE id = (SELECT max(id) FROM audit)")
    grants.apply(op.get_bind())


def downgrade() -> None:
    op.drop_table('audit_head')  # its grants go with it

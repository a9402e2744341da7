"""PostgreSQL: no change without its audit entry, no audit entry in someone else's name

``audit.txid`` (the writing transaction) and its index; on PostgreSQL the triggers of
persistence/audit_guards.py. On SQLite the column stays NULL and its partial index empty:
one person's file has no logins to tell apart. Entries written before keep a NULL txid (the
hash does not cover it, so they still verify).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 11:00:00
"""
import sqlalchemy as sa
from alembic import op

from permanence_tracker.persistence import audit_guards

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

_NOT_NULL = sa.text('txid IS NOT NULL')


def upgrade() -> None:
    # Idempotent, like 0007: the owner may run it again (tests/integration/test_pg_roles.py)
    inspector = sa.inspect(op.get_bind())
    if 'txid' not in {c['name'] for c in inspector.get_columns('audit')}:
        op.add_column('audit', sa.Column('txid', sa.BigInteger(), nullable=True))
    if 'ix_audit_txid' not in {i['name'] for i in inspector.get_indexes('audit')}:
        op.create_index('ix_audit_txid', 'audit', ['txid', 'table_name', 'row_key'],
                        unique=False, sqlite_where=_NOT_NULL, postgresql_where=_NOT_NULL)
    audit_guards.apply(op.get_bind())


def downgrade() -> None:
    audit_guards.revoke(op.get_bind())
    op.drop_index('ix_audit_txid', table_name='audit')
    with op.batch_alter_table('audit') as batch:
        batch.drop_column('txid')

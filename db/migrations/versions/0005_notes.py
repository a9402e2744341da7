"""notes: free-text notes on a child's record (comments brought in by the spreadsheet import)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 15:45:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'note',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('child_id', sa.String(length=40), nullable=False),
        sa.Column('written', sa.Date(), nullable=False),
        sa.Column('text', sa.Text(), server_default='', nullable=False),
        sa.Column('source', sa.String(length=200), server_default='', nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.ForeignKeyConstraint(['child_id'], ['child.child_id'],
                                name=op.f('fk_note_child_id_child'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_note')),
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index('ix_note_child', ['child_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index('ix_note_child')
    op.drop_table('note')

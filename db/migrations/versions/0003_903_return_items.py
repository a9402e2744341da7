"""903 return items the export needs: Header MOTHER / MC_DOB and AD1 adopters (issue 8)

``child.mother`` and ``child.mother_child_dob`` hold the Header's MOTHER and MC_DOB;
``adoption.adopters_number``, ``adopters_sex`` and ``adopters_status`` hold AD1's NB_ADOPTR,
SEX_ADOPTR and LS_ADOPTR, so that a return imported can be exported again whole.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 10:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mother', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('mother_child_dob', sa.Date(), nullable=True))
    with op.batch_alter_table('adoption', schema=None) as batch_op:
        batch_op.add_column(sa.Column('adopters_number', sa.String(length=1),
                                      server_default='', nullable=False))
        batch_op.add_column(sa.Column('adopters_sex', sa.String(length=2),
                                      server_default='', nullable=False))
        batch_op.add_column(sa.Column('adopters_status', sa.String(length=3),
                                      server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('adoption', schema=None) as batch_op:
        batch_op.drop_column('adopters_status')
        batch_op.drop_column('adopters_sex')
        batch_op.drop_column('adopters_number')
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_column('mother_child_dob')
        batch_op.drop_column('mother')

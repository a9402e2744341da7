"""users: who may use a shared tracker and in which role (issue 12, domain/roles.py)

An empty table means a single-user tracker: its one user is the administrator (app.py).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 16:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'users',
        sa.Column('login', sa.String(length=120), nullable=False),
        sa.Column('display_name', sa.String(length=120), server_default='', nullable=False),
        sa.Column('role', sa.String(length=30), nullable=False),
        sa.Column('iro_name', sa.String(length=120), server_default='', nullable=False),
        sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.PrimaryKeyConstraint('login', name=op.f('pk_users')),
    )


def downgrade() -> None:
    op.drop_table('users')

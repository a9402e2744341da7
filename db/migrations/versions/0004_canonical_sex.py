"""Store a child's sex as one canonical value, M / F / U (issue 8)

The 903 Header and UASC ``SEX`` item was ``1`` (male) / ``2`` (female) up to 2023-24 and is
``M`` / ``F`` / ``U`` (not known) from 2024-25 (DfE SSDA903 guide; validator rule 101). The
tracker now stores the current code whatever year it came from, so ``1`` becomes ``M`` and
``2`` becomes ``F``. Downgrading writes ``1`` / ``2`` back; ``U`` has no older code and is
cleared (the older schema allows only 1, 2 or blank).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 11:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

_child = sa.table('child', sa.column('sex', sa.String(1)))


def _recode(pairs: dict[str, str]) -> None:
    for old, new in pairs.items():
        op.execute(_child.update().where(_child.c.sex == old).values(sex=new))


def upgrade() -> None:
    _recode({'1': 'M', '2': 'F', 'm': 'M', 'f': 'F', 'u': 'U'})


def downgrade() -> None:
    _recode({'M': '1', 'F': '2', 'U': ''})

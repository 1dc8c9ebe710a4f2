"""ledger_anchor: (reserved; filled in by the change that needs it)

Revision ID: 0013_ledger_anchor
Revises: 0012_sync_setaside
Create Date: 2026-12-06
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0013_ledger_anchor'
down_revision = '0012_sync_setaside'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

"""sync_setaside: (reserved; filled in by the change that needs it)

Revision ID: 0012_sync_setaside
Revises: 0011_customer_merge
Create Date: 2026-12-06
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0012_sync_setaside'
down_revision = '0011_customer_merge'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

"""customer_merge: (reserved; filled in by the change that needs it)

Revision ID: 0011_customer_merge
Revises: 0010_unit_sale
Create Date: 2026-12-06
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0011_customer_merge'
down_revision = '0010_unit_sale'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

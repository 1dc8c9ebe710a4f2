"""unit_sale: (reserved; filled in by the change that needs it)

Revision ID: 0010_unit_sale
Revises: 0009_message_outbox
Create Date: 2026-12-06
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0010_unit_sale'
down_revision = '0009_message_outbox'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

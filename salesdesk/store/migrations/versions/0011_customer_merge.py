"""customer merge: a duplicate customer (same phone, registered on two devices offline) points
at the customer it was merged into

Revision ID: 0011_customer_merge
Revises: 0010_unit_sale
Create Date: 2026-12-06

``customer.merged_into`` names the surviving customer. The duplicate's disclosure records are
append-only hashed ledger rows and keep its id for ever; lookups of the survivor follow this
mapping to include them. ``sync_conflict.kind`` grows to 32 characters for the new kind
``duplicate_customer``.
"""
import sqlalchemy as sa
from alembic import op

revision = '0011_customer_merge'
down_revision = '0010_unit_sale'
branch_labels = None
depends_on = None

NO_DELETE = ("CREATE TRIGGER IF NOT EXISTS sync_conflict_no_delete BEFORE DELETE ON "
             "sync_conflict BEGIN SELECT RAISE(ABORT, 'sync_conflict: rows are never deleted, "
             "use the tombstone'); END")


def upgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('merged_into', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_customer_merged_into'), ['merged_into'],
                              unique=False)
    with op.batch_alter_table('sync_conflict', schema=None, recreate='always') as batch_op:
        batch_op.alter_column('kind', existing_type=sa.VARCHAR(length=16),
                              type_=sa.String(length=32), existing_nullable=False)
    # The table was rebuilt: its tombstone-only trigger went with the old one.
    op.execute(NO_DELETE)


def downgrade() -> None:
    with op.batch_alter_table('sync_conflict', schema=None, recreate='always') as batch_op:
        batch_op.alter_column('kind', existing_type=sa.String(length=32),
                              type_=sa.VARCHAR(length=16), existing_nullable=False)
    op.execute(NO_DELETE)
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_merged_into'))
        batch_op.drop_column('merged_into')

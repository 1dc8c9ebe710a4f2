"""customer merge: a duplicate customer (same phone, registered on two devices offline) is
recorded as an alias of the customer it was merged into

Revision ID: 0011_customer_merge
Revises: 0009_message_outbox
Create Date: 2026-12-06

``customer_alias`` maps a merged duplicate to the surviving customer. The duplicate's
disclosure records are append-only hashed ledger rows and keep its id for ever; lookups of the
survivor follow this mapping to include them. ``sync_conflict.kind`` grows to 32 characters
for the new kind ``duplicate_customer``.
"""
import sqlalchemy as sa
from alembic import op

revision = '0011_customer_merge'
down_revision = '0009_message_outbox'
branch_labels = None
depends_on = None

CONFLICT_NO_DELETE = (
    "CREATE TRIGGER IF NOT EXISTS sync_conflict_no_delete BEFORE DELETE ON sync_conflict "
    "BEGIN SELECT RAISE(ABORT, 'sync_conflict: rows are never deleted, use the tombstone'); END")
ALIAS_NO_DELETE = (
    "CREATE TRIGGER IF NOT EXISTS customer_alias_no_delete BEFORE DELETE ON customer_alias "
    "BEGIN SELECT RAISE(ABORT, 'customer_alias: rows are never deleted, use the tombstone'); "
    "END")


def upgrade() -> None:
    op.create_table('customer_alias',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('alias_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('sales_centre_id', sa.String(length=36), nullable=False),
    sa.Column('server_seq', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('created_by_device', sa.String(length=36), nullable=False),
    sa.Column('updated_by_device', sa.String(length=36), nullable=False),
    sa.Column('created_by_staff', sa.String(length=36), nullable=True),
    sa.Column('updated_by_staff', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_alias'))
    )
    with op.batch_alter_table('customer_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_alias_alias_id'), ['alias_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_customer_alias_customer_id'), ['customer_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_customer_alias_sales_centre_id'),
                              ['sales_centre_id'], unique=False)
    op.execute(ALIAS_NO_DELETE)
    with op.batch_alter_table('sync_conflict', schema=None, recreate='always') as batch_op:
        batch_op.alter_column('kind', existing_type=sa.VARCHAR(length=16),
                              type_=sa.String(length=32), existing_nullable=False)
    # The table was rebuilt: its tombstone-only trigger went with the old one.
    op.execute(CONFLICT_NO_DELETE)


def downgrade() -> None:
    with op.batch_alter_table('sync_conflict', schema=None, recreate='always') as batch_op:
        batch_op.alter_column('kind', existing_type=sa.String(length=32),
                              type_=sa.VARCHAR(length=16), existing_nullable=False)
    op.execute(CONFLICT_NO_DELETE)
    op.execute("DROP TRIGGER IF EXISTS customer_alias_no_delete")
    with op.batch_alter_table('customer_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_alias_sales_centre_id'))
        batch_op.drop_index(batch_op.f('ix_customer_alias_customer_id'))
        batch_op.drop_index(batch_op.f('ix_customer_alias_alias_id'))
    op.drop_table('customer_alias')

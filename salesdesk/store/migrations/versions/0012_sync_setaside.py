"""sync_setaside: pulled rows this device could not apply, kept instead of stopping the pull

Revision ID: 0012_sync_setaside
Revises: 0011_customer_merge
Create Date: 2026-12-06

Device-local (never synced): a pulled row that a local constraint refuses, whose value its
column cannot hold, or whose table or columns this version lacks, is set aside here with the
reason and retried each sync round, so one row never stops a device from pulling.
"""
import sqlalchemy as sa
from alembic import op


revision = '0012_sync_setaside'
down_revision = '0011_customer_merge'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_setaside',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('entity', sa.String(length=64), nullable=False),
        sa.Column('row_id', sa.String(length=64), nullable=False),
        sa.Column('feed_seq', sa.Integer(), nullable=False),
        sa.Column('row', sa.Text(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('partial', sa.Boolean(), nullable=False),
        sa.Column('first_seen', sa.DateTime(), nullable=False),
        sa.Column('last_tried', sa.DateTime(), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
        sa.Column('resolution', sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_setaside')),
    )
    with op.batch_alter_table('sync_setaside', schema=None) as batch_op:
        batch_op.create_index('uq_sync_setaside_row', ['entity', 'row_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_sync_setaside_resolved_at'), ['resolved_at'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sync_setaside', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_setaside_resolved_at'))
        batch_op.drop_index('uq_sync_setaside_row')
    op.drop_table('sync_setaside')

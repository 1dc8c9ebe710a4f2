"""customer_rights: erasure, restriction of processing and consent withdrawal on the customer

Revision ID: 0014_customer_rights
Revises: 0013_escalation_owners
Create Date: 2026-12-06

Four nullable / defaulted columns on ``customer`` (they sync like the others): when the customer
was erased (what is left is a pseudonym), when processing was restricted and why (erasure refused
while a subscription or signing is open), and when consent was withdrawn (no more messages).
"""
import sqlalchemy as sa
from alembic import op


revision = '0014_customer_rights'
down_revision = '0013_escalation_owners'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('erased_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('restricted_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('restriction_reason', sa.Text(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('consent_withdrawn_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('customer', schema=None) as batch_op:
        batch_op.drop_column('consent_withdrawn_at')
        batch_op.drop_column('restriction_reason')
        batch_op.drop_column('restricted_at')
        batch_op.drop_column('erased_at')

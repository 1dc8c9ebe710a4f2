"""escalation_owners: each escalation level's deadline; very important visitors (issue 15 §2)

Revision ID: 0013_escalation_owners
Revises: 0012_sync_setaside
Create Date: 2026-12-06

An open escalation task learns when its current level's time is up (due_at); an overdue task
moves up a level by itself. Tasks opened before this revision keep due_at empty: their level's
time counts from opened_at, so nothing needs back-filling here. A visit learns the second
importance tier (very_important, false for every earlier visit).
"""
from alembic import op
import sqlalchemy as sa


revision = '0013_escalation_owners'
down_revision = '0012_sync_setaside'
branch_labels = None
depends_on = None

NO_DELETE = ("CREATE TRIGGER IF NOT EXISTS visit_no_delete BEFORE DELETE ON visit BEGIN "
             "SELECT RAISE(ABORT, 'visit: rows are never deleted, use the tombstone'); END")


def upgrade() -> None:
    with op.batch_alter_table('escalation_task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('due_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_escalation_task_due_at'), ['due_at'], unique=False)
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('very_important', sa.Boolean(), nullable=False,
                                      server_default=sa.text('0')))
    # The batch copy of the visit table dropped its trigger: synced rows are never deleted.
    op.execute(NO_DELETE)


def downgrade() -> None:
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_column('very_important')
    op.execute(NO_DELETE)
    with op.batch_alter_table('escalation_task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_escalation_task_due_at'))
        batch_op.drop_column('due_at')

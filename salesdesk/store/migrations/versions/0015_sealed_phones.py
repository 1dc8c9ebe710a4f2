"""sealed_phones: phone numbers encrypted at rest, found by keyed hashes (issue 15)

Revision ID: 0015_sealed_phones
Revises: 0014_customer_rights
Create Date: 2026-12-06

``customer_phone`` loses its clear ``e164``/``last4`` columns and gains ``e164_enc`` (the number
encrypted with the file's key) and ``e164_hash``/``last4_hash`` (keyed hashes, indexed). A
migration cannot read the key (it lives in the keyring or a key file), so the clear numbers of
an existing file are moved to the local table ``customer_phone_unsealed`` here and sealed by
``store/phone_sealing.py`` when the database is next opened with its key, which then drops that
table. A file without numbers (a new one) never gets the table.
"""
import sqlalchemy as sa
from alembic import op


revision = '0015_sealed_phones'
down_revision = '0014_customer_rights'
branch_labels = None
depends_on = None

UNSEALED = 'customer_phone_unsealed'
# The batch copy of the table drops its triggers: the no-delete one is laid again.
NO_DELETE = ("CREATE TRIGGER IF NOT EXISTS customer_phone_no_delete BEFORE DELETE ON "
             "customer_phone BEGIN SELECT RAISE(ABORT, 'customer_phone: rows are never deleted, "
             "use the tombstone'); END")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.exec_driver_sql("SELECT 1 FROM customer_phone WHERE e164 != '' LIMIT 1").first():
        op.create_table(
            UNSEALED,
            sa.Column('id', sa.String(length=36), nullable=False),
            sa.Column('e164', sa.String(length=20), nullable=False),
            sa.Column('last4', sa.String(length=4), nullable=False),
            sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_phone_unsealed')),
        )
        conn.exec_driver_sql(f"INSERT INTO {UNSEALED} (id, e164, last4) "
                             "SELECT id, e164, last4 FROM customer_phone WHERE e164 != ''")
    with op.batch_alter_table('customer_phone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_phone_e164'))
        batch_op.drop_index(batch_op.f('ix_customer_phone_last4'))
        batch_op.drop_column('e164')
        batch_op.drop_column('last4')
        batch_op.add_column(sa.Column('e164_enc', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('e164_hash', sa.String(length=32), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('last4_hash', sa.String(length=32), nullable=False,
                                      server_default=''))
        batch_op.create_index(batch_op.f('ix_customer_phone_e164_hash'), ['e164_hash'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_customer_phone_last4_hash'), ['last4_hash'],
                              unique=False)
    op.execute(NO_DELETE)


def downgrade() -> None:
    # The numbers cannot be decrypted here (no key): an older version gets them back from head
    # office on its next pull, not from this file.
    with op.batch_alter_table('customer_phone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_phone_last4_hash'))
        batch_op.drop_index(batch_op.f('ix_customer_phone_e164_hash'))
        batch_op.drop_column('last4_hash')
        batch_op.drop_column('e164_hash')
        batch_op.drop_column('e164_enc')
        batch_op.add_column(sa.Column('e164', sa.String(length=20), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('last4', sa.String(length=4), nullable=False,
                                      server_default=''))
        batch_op.create_index(batch_op.f('ix_customer_phone_e164'), ['e164'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_phone_last4'), ['last4'], unique=False)
    op.execute(NO_DELETE)
    op.execute(f"DROP TABLE IF EXISTS {UNSEALED}")

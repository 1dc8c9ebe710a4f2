"""message outbox: care and handover messages through the reminder outbox

Revision ID: 0009_message_outbox
Revises: 0008_care
Create Date: 2026-11-23

The appointments reminder outbox becomes the one message outbox: a message has a kind, the
customer it goes to and the consultant who sends it; only reminders name an appointment. Care
messages kept in the device-local fallback table until now move into it (as new synced rows
with their outbox entries, so head office and the other devices get them) and the fallback
table goes. Existing reminders get their customer and consultant from their appointment: every
device derives the same values from synced data, so the copies stay equal.
"""
import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0009_message_outbox'
down_revision = '0008_care'
branch_labels = None
depends_on = None

NO_DELETE = ("CREATE TRIGGER IF NOT EXISTS reminder_message_no_delete BEFORE DELETE ON "
             "reminder_message BEGIN SELECT RAISE(ABORT, 'reminder_message: rows are never "
             "deleted, use the tombstone'); END")


def upgrade() -> None:
    with op.batch_alter_table('reminder_message', schema=None, recreate='always') as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=32), nullable=False,
                                      server_default='appointment.reminder'))
        batch_op.add_column(sa.Column('customer_id', sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column('staff_id', sa.String(length=36), nullable=True))
        batch_op.alter_column('appointment_id', existing_type=sa.VARCHAR(length=36),
                              nullable=True)
        batch_op.alter_column('dedupe_key', existing_type=sa.VARCHAR(length=120),
                              type_=sa.String(length=200), existing_nullable=False)
        batch_op.create_index(batch_op.f('ix_reminder_message_customer_id'), ['customer_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_reminder_message_staff_id'), ['staff_id'],
                              unique=False)
    # The table was rebuilt: its tombstone-only trigger went with the old one.
    op.execute(NO_DELETE)
    op.execute("UPDATE reminder_message SET "
               "customer_id = (SELECT a.customer_id FROM appointment a "
               "               WHERE a.id = reminder_message.appointment_id), "
               "staff_id = (SELECT a.consultant_id FROM appointment a "
               "            WHERE a.id = reminder_message.appointment_id) "
               "WHERE appointment_id IS NOT NULL")
    _adopt_fallback_messages()
    with op.batch_alter_table('care_fallback_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_care_fallback_message_customer_id'))
    op.drop_table('care_fallback_message')


def _adopt_fallback_messages() -> None:
    """Each waiting care message becomes a pending outbox message, written with its sync
    outbox entry exactly as the unit of work would write it."""
    conn = op.get_bind()
    meta = dict(conn.execute(sa.text("SELECT key, value FROM local_meta")).all())
    device = meta.get("device_id", "")
    centre = meta.get("sales_centre_id")
    if centre is None:
        centre = conn.execute(sa.text(
            "SELECT id FROM sales_centre WHERE deleted = 0 LIMIT 1")).scalar()
    rows = conn.execute(sa.text(
        "SELECT id, customer_id, staff_id, kind, text, dedupe_key, created_at "
        "FROM care_fallback_message ORDER BY created_at")).mappings().all()
    now = datetime.now(UTC).replace(tzinfo=None)
    for r in rows:
        created = r["created_at"]
        created_dt = created if isinstance(created, datetime) \
            else datetime.fromisoformat(str(created))
        row = {
            "id": r["id"], "sales_centre_id": centre, "server_seq": 0, "deleted": False,
            "row_version": 1, "created_at": created_dt, "updated_at": now,
            "created_by_device": device, "updated_by_device": device,
            "created_by_staff": None, "updated_by_staff": None,
            "kind": r["kind"], "appointment_id": None, "customer_id": r["customer_id"],
            "staff_id": r["staff_id"], "dedupe_key": r["dedupe_key"],
            "for_day": created_dt.date(), "gateway": "hand_to_consultant", "text": r["text"],
            "status": "pending", "attempts": 0, "last_error": "", "sent_at": None,
            "sent_by_staff": None,
        }
        cols = ", ".join(row)
        conn.execute(sa.text(f"INSERT OR IGNORE INTO reminder_message ({cols}) VALUES "
                             f"({', '.join(':' + c for c in row)})"), row)
        payload = {k: (v.isoformat() + "+00:00" if isinstance(v, datetime)
                       else v.isoformat() if hasattr(v, "isoformat") else v)
                   for k, v in row.items()}
        conn.execute(sa.text(
            "INSERT INTO outbox (change_id, entity, row_id, operation, base_version, payload, "
            "fields, created_at, staff_id) VALUES (:change_id, 'reminder_message', :row_id, "
            "'insert', 0, :payload, '[]', :created_at, NULL)"),
            {"change_id": str(uuid.uuid4()), "row_id": r["id"],
             "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True),
             "created_at": now})


def downgrade() -> None:
    op.create_table('care_fallback_message',
    sa.Column('id', sa.VARCHAR(length=36), nullable=False),
    sa.Column('customer_id', sa.VARCHAR(length=36), nullable=False),
    sa.Column('staff_id', sa.VARCHAR(length=36), nullable=True),
    sa.Column('kind', sa.VARCHAR(length=32), nullable=False),
    sa.Column('text', sa.TEXT(), nullable=False),
    sa.Column('dedupe_key', sa.VARCHAR(length=200), nullable=False),
    sa.Column('created_at', sa.DATETIME(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_fallback_message')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_care_fallback_message_dedupe_key'))
    )
    with op.batch_alter_table('care_fallback_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_care_fallback_message_customer_id'),
                              ['customer_id'], unique=False)
    # Messages without an appointment cannot live in the old table: tombstoned, not deleted.
    op.execute("UPDATE reminder_message SET deleted = 1, appointment_id = '' "
               "WHERE appointment_id IS NULL")
    with op.batch_alter_table('reminder_message', schema=None, recreate='always') as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_message_staff_id'))
        batch_op.drop_index(batch_op.f('ix_reminder_message_customer_id'))
        batch_op.alter_column('dedupe_key', existing_type=sa.String(length=200),
                              type_=sa.VARCHAR(length=120), existing_nullable=False)
        batch_op.alter_column('appointment_id', existing_type=sa.VARCHAR(length=36),
                              nullable=False)
        batch_op.drop_column('staff_id')
        batch_op.drop_column('customer_id')
        batch_op.drop_column('kind')
    op.execute(NO_DELETE)

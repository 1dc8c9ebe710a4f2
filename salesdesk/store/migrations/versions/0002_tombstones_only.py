"""tombstones only: SQLite refuses DELETE on synced tables

Revision ID: 0002_tombstones_only
Revises: 0001_foundation
Create Date: 2026-11-23

SYNC.md: synced rows are never deleted, a tombstone (``deleted = 1``) replaces DELETE. The unit
of work already refuses it; these triggers make the file itself refuse it too, so no tool or
stray statement can remove evidence that another device or head office has not seen yet.
"""
from alembic import op

revision = "0002_tombstones_only"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None

SYNCED_TABLES = (
    "company", "sales_centre", "staff", "project", "building", "unit", "certificate",
    "sunshine_declaration", "contract_template", "adverse_factor", "customer",
    "customer_phone", "audit_log",
)


def upgrade() -> None:
    for table in SYNCED_TABLES:
        op.execute(
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table}: rows are never deleted, use the tombstone'); END"
        )
    # The audit log is append-only as well.
    op.execute(
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
        "WHEN NEW.server_seq = OLD.server_seq "
        "BEGIN SELECT RAISE(ABORT, 'audit_log: entries are never changed'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    for table in SYNCED_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")

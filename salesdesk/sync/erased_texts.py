"""The free texts staff typed about a customer, which an erasure replaces (issue 15 §1): the
pure half, shared by the devices (store/erasure_texts.py, the synced edits in
store/queries/customers.py) and head office (sync/server/erasure.py).

Beside the numbers and notes, a customer's complaints, escalations, appointments, checklists and
visits carry what was said and written about them. An erasure replaces each such text with
``[已删除]`` (an empty one stays empty) and an escalation's history line by line
(domain/customer_rights.py), keeping codes, times, scores, levels and ids: the figures, the
escalation levels and the audits stay whole. The disclosure ledger and the audit log are never
rewritten (they are hashed and append-only)."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from salesdesk.domain.customer_rights import erased_history, erased_text

# Rows of one customer (``customer_id``) and their free-text columns. The notes and message
# texts store/erasure.py blanks are listed too: on a device they are "" by the time these lists
# are applied (and stay ""), but head office has only these lists to erase them in a row written
# by a device that had not heard of the erasure.
CUSTOMER_TEXTS: dict[str, tuple[str, ...]] = {
    "complaint": ("summary", "outcome"),
    "escalation_task": ("history", "outcome"),
    "attribution_change": ("reason",),
    "visit": ("invalid_reason", "notes", "salutation"),
    # A gateway's refusal may quote the number it was given.
    "reminder_message": ("last_error", "text"),
    "appointment": ("notes",),
    "follow_up_call": ("notes",),
    "follow_up_task": ("outcome",),
    "material_checklist": ("notes",),
}
# Rows that belong to the customer through a parent row:
# table -> (the column naming the parent, the parent's table, free-text columns).
CHILD_TEXTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "complaint_step": ("complaint_id", "complaint", ("note",)),
    "appointment_event": ("appointment_id", "appointment", ("reason",)),
    "checklist_item": ("checklist_id", "material_checklist", ("note",)),
    # "您的客户王先生今日到访…": the notice names the visitor.
    "staff_notice": ("visit_id", "visit", ("text",)),
    # A visit's rotation steps keep the words typed with them (why it was transferred, parked
    # or invalid); a duty change has no visit and is not the customer's.
    "rotation_event": ("visit_id", "visit", ("note",)),
}


def text_columns(table: str) -> tuple[str, ...]:
    if table in CUSTOMER_TEXTS:
        return CUSTOMER_TEXTS[table]
    return CHILD_TEXTS[table][2] if table in CHILD_TEXTS else ()


def erased_value(table: str, column: str, value: object) -> object:
    """What ``column`` of a ``table`` row holding ``value`` becomes once its customer is
    erased (a value that is not text, such as a null, is left alone)."""
    if not isinstance(value, str):
        return value
    if (table, column) == ("escalation_task", "history"):
        return erased_history(value)
    return erased_text(value)


def erase_texts(table: str, row: MutableMapping[str, Any]) -> None:
    """Erase the free texts of one row given as a mapping (a sync payload, a pulled row)."""
    for column in text_columns(table):
        if column in row:
            row[column] = erased_value(table, column, row[column])


def erase_row_texts(table: str, row: object) -> None:
    """Erase the free texts of one ORM row (a synced edit, so it travels)."""
    for column in text_columns(table):
        value = getattr(row, column, None)
        new = erased_value(table, column, value)
        if new != value:
            setattr(row, column, new)


__all__ = ["CHILD_TEXTS", "CUSTOMER_TEXTS", "erase_row_texts", "erase_texts",
           "erased_value", "text_columns"]

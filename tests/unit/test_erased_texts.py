"""Which free texts an erasure replaces in a synced row (sync/erased_texts.py), as devices patch
an outbox payload and head office a row written by a device that had not heard of the erasure:
texts go, everything the figures and levels are made of stays."""

from __future__ import annotations

from typing import Any

from salesdesk.domain.customer_rights import ERASED_TEXT
from salesdesk.sync.erased_texts import CHILD_TEXTS, CUSTOMER_TEXTS, erase_texts, text_columns
from salesdesk.sync.kinds_data import KINDS


def test_every_listed_column_is_a_text_column_of_a_synced_table() -> None:
    for table in (*CUSTOMER_TEXTS, *CHILD_TEXTS):
        columns = KINDS[table]
        assert text_columns(table)
        for column in text_columns(table):
            assert columns[column][0] in ("str", "text"), (table, column)
            assert not columns[column][1], (table, column)  # never null: "" or a text
    for table, (fk, parent, _) in CHILD_TEXTS.items():
        assert fk in KINDS[table] and "customer_id" in KINDS[parent], table


def test_a_complaint_payload_loses_its_words_and_keeps_its_codes() -> None:
    row: dict[str, Any] = {"id": "k1", "customer_id": "c1", "channel": "phone",
                           "summary": "欧阳娜娜投诉油烟", "demands": '["fix"]', "status": "open",
                           "outcome": "", "received_at": "2026-11-24T02:00:00+00:00"}
    erase_texts("complaint", row)
    assert row == {"id": "k1", "customer_id": "c1", "channel": "phone",
                   "summary": ERASED_TEXT, "demands": '["fix"]', "status": "open",
                   "outcome": "", "received_at": "2026-11-24T02:00:00+00:00"}


def test_an_update_payload_with_some_columns_only_gains_none() -> None:
    row: dict[str, Any] = {"id": "e1", "level": "sales_manager",
                           "history": "2026-12-02 11:00 陈经理：欧阳娜娜不满意（未解决，升级至营销总监）"}
    erase_texts("escalation_task", row)
    assert row == {"id": "e1", "level": "sales_manager",
                   "history": f"2026-12-02 11:00 陈经理：{ERASED_TEXT}（未解决，升级至营销总监）"}


def test_other_tables_and_values_that_are_not_text_are_left_alone() -> None:
    customer = {"id": "c1", "name": "欧阳娜娜", "notes": "喜欢南向"}
    erase_texts("customer", customer)  # the numbers and names are erasure.py's, not these lists'
    assert customer == {"id": "c1", "name": "欧阳娜娜", "notes": "喜欢南向"}
    step: dict[str, Any] = {"id": "s1", "note": None}
    erase_texts("complaint_step", step)
    assert step == {"id": "s1", "note": None}

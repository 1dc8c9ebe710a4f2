"""A round pushes the outbox in several batches, the next one read and encoded while one is in
flight (sync/client/engine.py, ``_push_all``): every change arrives once and in order, a batch
head office did not apply whole makes the round read the outbox again, and a gap it cannot get
past ends the round instead of looping."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest
from sqlalchemy import delete

from salesdesk.store.models.customer import Customer
from salesdesk.store.models.local import OutboxEntry
from salesdesk.sync.hlc import Hlc
from tests.sync_fixtures import Device, write_customer

pytestmark = pytest.mark.postgres


def _logged(url: str, device_id: str) -> list[int]:
    with psycopg.connect(url) as conn:
        return [int(r[0]) for r in conn.execute(
            "SELECT local_seq FROM change_log WHERE device_id = %s ORDER BY feed_seq",
            (device_id,))]


def _names(url: str) -> dict[str, str]:
    with psycopg.connect(url) as conn:
        return {str(r[0]): str(r[1]) for r in conn.execute(
            "SELECT row_id, data->>'name' FROM entity_row WHERE entity = 'customer'")}


def test_many_batches_arrive_once_and_in_order(make_device: Callable[..., Device],
                                               sync_db: str) -> None:
    a, b = make_device("a"), make_device("b")
    a.client.batch_size = 3
    ids = [write_customer(a, f"客户{i}") for i in range(10)]
    with a.services.db.uow() as uow:  # a later edit of the first row, in the last batch
        uow.session.get(Customer, ids[0]).name = "改名"  # type: ignore[union-attr]
        uow.commit()

    result = a.client.sync_round()

    state = a.client.state()
    assert state is not None and state.device_id
    assert result.pushed == 11 and a.client.pending_count() == 0
    assert _logged(sync_db, state.device_id) == list(range(1, 12))
    names = _names(sync_db)
    assert names[ids[0]] == "改名" and names[ids[9]] == "客户9"
    # The saved clock is at least the last one sent: the next change ticks on from it.
    with psycopg.connect(sync_db) as conn:
        sent = [Hlc.decode(str(r[0])) for r in conn.execute(
            "SELECT field_meta->'*'->>'h' FROM entity_row WHERE entity = 'customer'")]
    saved = Hlc.decode(state.hlc)
    assert all((saved.ms, saved.logical) >= (h.ms, h.logical) for h in sent)
    assert b.client.sync_round().pulled == 10


def test_a_gap_mid_round_stops_the_round_without_losing_anything(
        make_device: Callable[..., Device], sync_db: str) -> None:
    a = make_device("a")
    a.client.batch_size = 3
    for i in range(10):
        write_customer(a, f"客户{i}")
    # Change 5 goes missing from the outbox: head office takes 1-4 and must stop there.
    with a.services.db.uow() as uow:
        uow.session.execute(delete(OutboxEntry).where(OutboxEntry.seq == 5))
        uow.commit()

    result = a.client.sync_round()

    state = a.client.state()
    assert state is not None and state.device_id
    assert result.pushed == 4
    assert _logged(sync_db, state.device_id) == [1, 2, 3, 4]
    assert a.client.pending_count() == 5  # 6-10 wait; nothing acknowledged wrongly
    assert len(_names(sync_db)) == 4

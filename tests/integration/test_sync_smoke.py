from __future__ import annotations

from sqlalchemy import select

from salesdesk.store.models.customer import Customer


def _add_customer(dev, name: str) -> str:  # type: ignore[no-untyped-def]
    with dev.services.db.uow() as uow:
        c = Customer(name=name, salutation=name[:1] + "先生")
        uow.add(c)
        uow.flush()
        cid = c.id
        uow.commit()
    return cid


def test_a_row_made_on_one_device_reaches_the_other(make_device) -> None:  # type: ignore[no-untyped-def]
    a, b = make_device("a"), make_device("b")
    cid = _add_customer(a, "王五")
    r = a.client.sync_round()
    assert r.pushed == 1
    b.client.sync_round()
    with b.services.db.reader() as uow:
        got = uow.session.scalars(select(Customer)).all()
        assert [(c.id, c.name) for c in got] == [(cid, "王五")]
    assert a.client.pending_count() == 0

"""The customer lookups other capabilities share (store/queries/customers.py): the number a
screen shows for a customer is their oldest live one, whoever asks and however many at once."""

from __future__ import annotations

from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.customers import add_customer
from salesdesk.store.queries import customers as q


def _customer(demo: Services, who: Actor, phone: str, *more: tuple[str, str]) -> str:
    with demo.db.uow(who) as uow:
        c = add_customer(uow, e164=phone, salutation="王先生", consent_at=demo.db.now(),
                         more_phones=list(more))
        uow.commit()
        return c.id


def test_first_phone_is_the_oldest_live_number(demo: Services, consultant: Actor) -> None:
    a = _customer(demo, consultant, "+8613900000001", ("+8613700000001", "spouse"))
    b = _customer(demo, consultant, "+8613900000002")
    with demo.db.reader(consultant) as uow:
        assert q.first_phone(uow, a) == "+8613900000001"
        assert q.first_phones(uow, [a, b, "nobody"]) == {a: "+8613900000001",
                                                         b: "+8613900000002"}
        assert q.first_phones(uow, [a], label="spouse") == {a: "+8613700000001"}
        assert q.first_phones(uow, []) == {}
        assert q.find_customer_id_by_phone(uow, "+8613700000001") == a
        assert [p.customer_id for p in q.phones_by_last4(uow, "0001", 20)] == [a, a]
        assert set(q.customer_rows(uow, [a, b, ""])) == {a, b}
        assert q.merged_ids(uow, a) == [a]

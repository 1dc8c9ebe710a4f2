"""Handover propagation across two devices of one centre through the real sync server on
PostgreSQL (issue 15 §3): the escalation, complaint and unsent care message a leaver holds on
the kiosk move, rewritten, when a supervisor hands over on the laptop; after sync the kiosk
shows them with the successor and its inactive-owner check is empty."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from salesdesk.domain.care.complaints import ComplaintChannel
from salesdesk.store.models.appointments import ReminderMessage
from salesdesk.store.models.care import Complaint
from salesdesk.store.models.disclosure import EscalationTask
from tests.conftest import FakeClock
from tests.sync_fixtures import Device, load_demo_centre, staff_actor

pytestmark = pytest.mark.postgres


def _rounds(*devices: Device, n: int = 2) -> None:
    for _ in range(n):
        for dev in devices:
            dev.client.sync_round()
            state = dev.client.state()
            assert state is not None and state.last_error == ""


def test_a_handover_on_one_device_reaches_the_other(
        sync_db: str, monkeypatch: pytest.MonkeyPatch,
        make_device: Callable[..., Device]) -> None:
    centre = load_demo_centre(sync_db, monkeypatch)
    clock = FakeClock()
    kiosk = make_device("kiosk", centre=centre, clock=clock)
    laptop = make_device("laptop", centre=centre, clock=clock)
    _rounds(kiosk, laptop, n=1)

    leaver, successor = staff_actor(kiosk, "C202"), staff_actor(kiosk, "C201")
    cid = kiosk.services.customers.register(leaver, phone="13812346001", name="同步客户",
                                            consent=True, owner_staff_id=leaver.staff_id).id
    esc = kiosk.services.follow_up.record_call(
        staff_actor(kiosk, "K001"), customer_id=cid, told_factors=True, told_sunshine=True,
        told_certificates=True, told_contract=True, score=2).escalation_id
    complaint = kiosk.services.complaints.log(leaver, customer_id=cid,
                                              channel=ComplaintChannel.PHONE,
                                              summary="等待时间太长", demands=["fix"])
    with kiosk.services.db.uow(leaver) as uow:
        message_id = kiosk.services.messages.queue_message(
            uow, customer_id=cid, staff_id=leaver.staff_id, kind="care.after_signing",
            text=f"您好，我是{leaver.name}。", dedupe_key=f"test:sync-handover:{cid}")
        uow.commit()
    _rounds(kiosk, laptop)

    boss = staff_actor(laptop, "S001")
    result = laptop.services.handover.hand_over(boss, leaver.staff_id, successor.staff_id,
                                                "黄静离职")
    assert result.escalations_moved >= 1 and result.messages_rewritten >= 1
    _rounds(laptop, kiosk, n=3)

    with kiosk.services.db.reader() as uow:
        e = uow.session.get(EscalationTask, esc)
        k = uow.session.get(Complaint, complaint.id)
        m = uow.session.get(ReminderMessage, message_id)
        assert e is not None and k is not None and m is not None
        assert (e.consultant_id, k.owner_staff_id, m.staff_id) == (
            successor.staff_id, successor.staff_id, successor.staff_id)
        assert m.text == f"您好，我是{successor.name}。"
    kiosk.services.auth.set_active(staff_actor(kiosk, "A001"), leaver.staff_id, False)
    leftovers = kiosk.services.handover.inactive_owner_check(staff_actor(kiosk, "S001"))
    assert [i for i in leftovers if i.row_id in {esc, complaint.id, message_id, cid}] == []

"""The capabilities meet through services/hooks.py; these tests use the real implementations
end to end (appointments ⇄ signing materials)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.signing_slots import desk_label
from salesdesk.services.container import Services
from tests.pdfcheck import compact, pdf_text

SINGLE_FULL = {"household": "local", "marital": "single", "region": "mainland",
               "payment": "full", "signing": "in_person", "age_band": "18_35",
               "homes_owned": 0, "co_owners": []}


def test_batch_prints_the_checklists_of_the_days_real_signing_bookings(
        demo: Services, consultant, supervisor, tmp_path: Path) -> None:
    customer = demo.customers.register(consultant, phone="13566667777", name="周建华",
                                       salutation="周先生", consent=True)
    unit = next(u for u in demo.projects.units(consultant) if u.number == "1-1501")
    # Rule 13: materials and a desk for a unit only for its subscriber.
    cl = demo.disclosure.checklist(consultant, customer.id, unit.id)
    demo.disclosure.record_round(consultant, customer_id=customer.id, unit_id=unit.id,
                                 kind=RoundKind.PRE_DEPOSIT, paper_form=True,
                                 ticks={i.code: demo.db.now() for i in cl.items})
    demo.subscriptions.subscribe(consultant, customer_id=customer.id, unit_id=unit.id,
                                 price=unit.total_price, deposit=50_000)
    demo.signing.save_interview(consultant, customer.id, SINGLE_FULL, unit.id)
    slot = demo.appointments.free_slots(consultant, demo.db.now() + timedelta(days=2))[0]
    booking = demo.appointments.book_signing(consultant, customer_id=customer.id,
                                             starts_at=slot.starts_at, unit_id=unit.id)
    day = slot.starts_at.astimezone(PROJECT_TZ).date()
    result = demo.signing.print_batch(supervisor, day, tmp_path)
    assert result.total == len(demo.appointments.signing_schedule().signings_on(day))
    ours = [f for f in result.files if "1-1501" in f.name]
    assert len(ours) == 1
    text = compact(pdf_text(ours[0]))
    assert booking.appointment.desk_no is not None
    assert "1-1501" in text and compact(desk_label(booking.appointment.desk_no)) in text
    # The reminder for that signing lists this customer's own materials.
    lines = demo.reminders.materials.materials_to_bring(customer.id, unit.id)
    assert lines and demo.reminders.materials is demo.signing


def test_checkin_of_a_booked_visit_goes_to_its_consultant_and_marks_it_arrived(
        demo: Services, reception, clock) -> None:
    """Reception asks the real appointments service (one-to-one service, seed strategy)."""
    from salesdesk.services.reception import CheckInRequest
    from tests.conftest import staff_actor

    consultant = staff_actor(demo, "C204")
    customer = demo.customers.register(reception, phone="13577778888", salutation="孙女士",
                                       consent=True)
    free = None
    for minutes in range(60, 600, 30):
        try:
            free = demo.appointments.book_visit(
                consultant, customer_id=customer.id, consultant_id=consultant.staff_id,
                starts_at=demo.db.now() + timedelta(minutes=minutes), minutes=30)
            break
        except Exception:
            continue
    assert free is not None
    appointment_id = free.appointment.id
    head_before = demo.reception.floor(reception).rotation[0].staff_id
    result = demo.reception.check_in(reception, CheckInRequest("13577778888", 2))
    assert result.route == "appointment" and result.consultant_id == consultant.staff_id
    assert demo.appointments.get(consultant, appointment_id).status.value == "arrived"
    # A booked visit does not take a walk-in's turn from the rotation.
    assert demo.reception.floor(reception).rotation[0].staff_id == head_before

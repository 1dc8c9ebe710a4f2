"""The hooks fit the capabilities that use them: signing materials prints the day's signing
bookings from our schedule, and our reminders take their materials list from it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from salesdesk.domain.roles import Actor
from salesdesk.services.appointments import ReminderService
from salesdesk.services.container import Services

TOMORROW = date(2026, 11, 25)


def test_signing_materials_batch_reads_our_schedule(demo: Services, supervisor: Actor,
                                                   tmp_path: Path) -> None:
    demo.signing.schedule = demo.appointments.signing_schedule()
    expected = demo.appointments.signing_schedule().signings_on(TOMORROW)
    assert expected
    result = demo.signing.print_batch(supervisor, TOMORROW, tmp_path)
    assert result.total == len(expected)
    assert len(result.files) + len(result.skipped) == len(expected)


def test_reminders_use_the_signing_materials_source(demo: Services, consultant: Actor) -> None:
    reminders = ReminderService(demo.db, materials=demo.signing)
    items = [i for i in reminders.due(consultant) if i.appointment.kind.value == "signing"]
    assert items
    for item in items:
        assert "请携带以下材料" in item.text  # the source's list, or the default when it has none

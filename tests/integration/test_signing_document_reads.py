"""What a printed signing document says about the people around a checklist, now read in one
query: the customer's own consultant (else the one who built the checklist), who received each
item, the masked phone, the unit with its building and price; an unknown checklist prints
nothing and logs nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from salesdesk.domain.errors import NotFound
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.roles import Role
from salesdesk.services.container import Services
from salesdesk.store.models.audit import AuditEvent
from tests.factories import Kit
from tests.integration.test_signing_materials import SINGLE_NON_LOCAL_FULL, unit_id

OWNER_PHONE = "0571-88000001"
BUILDER_PHONE = "0571-88000002"


def audit_rows(services: Services) -> int:
    with services.db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_the_document_names_the_owner_the_receiver_and_the_unit(services: Services,
                                                                 kit: Kit) -> None:
    owner = kit.staff(Role.CONSULTANT, name="周敏", phone=OWNER_PHONE)
    builder = kit.staff(Role.CONSULTANT, name="吴刚", phone=BUILDER_PHONE)
    cid = kit.customer(phone="13912345678", name="钱女士", owner=owner)
    unit = unit_id(services, builder, subscriber=cid)
    view = services.signing.save_interview(builder, cid, SINGLE_NON_LOCAL_FULL, unit)
    services.signing.tick(builder, view.items[0].id)

    data = services.signing.document_data(builder, view.id)
    assert (data.consultant_name, data.consultant_phone) == ("周敏", OWNER_PHONE)
    assert data.customer_name == "钱女士" and data.customer_phone == "139****5678"
    number = next(u for u in services.projects.units(builder) if u.id == unit)
    assert data.unit_label.startswith(f"{number.number}（") and "㎡" in data.unit_label
    assert data.total_price == f"¥{number.total_price:,}"
    received = services.db.now().astimezone(PROJECT_TZ).strftime("%m-%d")
    lines = [line for stage in data.stages for line in stage.lines]
    assert lines[0].received == f"{received} 吴刚"
    assert all(line.received == "" for line in lines[1:])


def test_without_an_owner_the_builder_is_named(services: Services, kit: Kit) -> None:
    builder = kit.staff(Role.CONSULTANT, name="吴刚", phone=BUILDER_PHONE)
    cid = services.customers.register(builder, phone="13912345679", name="孙先生",
                                      consent=True).id
    view = services.signing.save_interview(builder, cid, SINGLE_NON_LOCAL_FULL)
    data = services.signing.document_data(builder, view.id)
    assert (data.consultant_name, data.consultant_phone) == ("吴刚", BUILDER_PHONE)
    assert data.unit_label == "待定" and data.total_price == ""


def test_an_unknown_checklist_prints_nothing(services: Services, kit: Kit,
                                             tmp_path: Path) -> None:
    consultant = kit.staff_cached(Role.CONSULTANT)
    before = audit_rows(services)
    with pytest.raises(NotFound):
        services.signing.print_document(consultant, "no-such-checklist", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    assert audit_rows(services) == before

"""Services hand codes to the screens and the screens name them: an English screen shows no
Chinese in the cells that name a code, and the Chinese screen reads as it did before."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.care.complaints import GROUP_LABELS_ZH, STEP_LABELS_ZH, GroupKind, Step
from salesdesk.domain.care.satisfaction import ITEM_SHORT_ZH
from salesdesk.domain.disclosure import ESCALATION_LEVEL_ZH, ROUND_KIND_ZH, EscalationLevel
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.queue import SOURCE_ZH, Source
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.reception import ArrivingAppointment, CheckInRequest
from salesdesk.store.models.sync import SyncConflict
from salesdesk.ui.care.complaints_view import ComplaintsView
from salesdesk.ui.care.escalations_view import EscalationsView
from salesdesk.ui.care.handover_view import InactiveOwnerCheck
from salesdesk.ui.care.messages_view import MessagesView
from salesdesk.ui.care.satisfaction_view import SatisfactionView
from salesdesk.ui.disclosure.audit_page import AuditPage
from salesdesk.ui.disclosure.labels import round_kind_label
from salesdesk.ui.i18n import install_translations
from salesdesk.ui.reception.labels import appointment_text
from salesdesk.ui.reception.page import ReceptionPage
from salesdesk.ui.sync.conflicts_page import ConflictsPage
from tests.conftest import FakeClock, staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


@pytest.fixture(params=["en", "zh_CN"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    install_translations(qapp, request.param)
    yield request.param  # the autouse fixture puts Chinese back for the next test


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def column(model: QAbstractItemModel, col: int) -> list[str]:
    return [str(model.data(model.index(r, col), Qt.ItemDataRole.DisplayRole))
            for r in range(model.rowCount())]


def test_queue_sources_are_named_in_the_screen_language(
        qtbot: Any, demo: Services, clock: FakeClock, lang: str) -> None:
    clock.advance(days=1)  # a day the demo has not touched: nobody on duty, both parties wait
    front = staff_actor(demo, "R001")
    demo.reception.check_in(front, CheckInRequest("13900003131", 2, consent=True))
    demo.reception.check_in(front, CheckInRequest(
        "13900003232", 3, source=Source.PHONE_INVITE.value, consent=True))
    page = ReceptionPage(make_ctx(demo, front, lang=lang))
    qtbot.addWidget(page)
    page.show()
    model = page.floor_panel.queue_model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10000)
    sources = column(model, 3)
    if lang == "en":
        assert sources == ["Walk-in", "Phone invitation"]
    else:
        assert sources == [SOURCE_ZH[Source.WALK_IN], SOURCE_ZH[Source.PHONE_INVITE]]


def test_an_arriving_appointment_is_described_in_the_screen_language(lang: str) -> None:
    at = datetime(2026, 3, 2, 10, 30, tzinfo=PROJECT_TZ)
    signing = ArrivingAppointment("a1", "signing", None, at, 2)
    visit = ArrivingAppointment("a2", "visit", "c1", at, None, "王磊")
    texts = [appointment_text(signing), appointment_text(visit)]
    if lang == "en":
        assert texts == ["10:30 signing · desk 2", "10:30 visit · 王磊"]
    else:  # as the service wrote it before the screen composed it
        assert texts == ["10:30 签约 · 2 号签约台", "10:30 到访 · 王磊"]


def _care_scene(demo: Services, supervisor: Actor, admin: Actor, consultant: Actor
                ) -> dict[str, str]:
    """A customer's low score, a group complaint, a queued message, and a disabled consultant
    who still owns a message, a complaint, a named backup and a desk shift."""
    leaver, colleague = staff_actor(demo, "C202"), staff_actor(demo, "C203")
    cid = demo.customers.register(consultant, phone="13812348101", name="柯文", consent=True,
                                  owner_staff_id=consultant.staff_id).id
    demo.follow_up.record_call(staff_actor(demo, "K001"), customer_id=cid, told_factors=True,
                               told_sunshine=True, told_certificates=True,
                               told_contract=True, score=2)
    others = [demo.customers.register(supervisor, phone=f"1381234810{i}", consent=True).id
              for i in (2, 3)]
    complaints = [demo.complaints.log(supervisor, customer_id=c, channel="on_site",
                                      summary="楼间距与沙盘不符", demands=["guarantee"])
                  for c in others]
    demo.complaints.link_group(supervisor, title="Spacing", kind=GroupKind.CORE,
                               complaint_ids=[c.id for c in complaints],
                               leader_customer_id=others[0])
    demo.complaints.record_step(supervisor, complaints[0].id, Step.LISTEN, "heard")
    with demo.db.uow(supervisor) as uow:
        message_id = demo.messages.queue_message(
            uow, customer_id=cid, staff_id=leaver.staff_id, kind="care.after_signing",
            text="您好", dedupe_key="test:labels:message")
        uow.commit()
    demo.reception.set_backup(colleague, colleague.staff_id, leaver.staff_id)
    day = date(2026, 12, 7)
    demo.appointments.set_day(supervisor, day, desks=2)
    demo.appointments.set_roster(supervisor, day, 2, leaver.staff_id, "09:00", "12:00")
    demo.auth.set_active(admin, leaver.staff_id, False)
    return {"message": message_id, "complaint": complaints[0].id, "colleague": colleague.name}


def test_care_screens_name_the_codes_in_the_screen_language(
        qtbot: Any, demo: Services, supervisor: Actor, admin: Actor, consultant: Actor,
        lang: str) -> None:
    scene = _care_scene(demo, supervisor, admin, consultant)
    en = lang == "en"

    messages = MessagesView(make_ctx(demo, supervisor, lang=lang))
    qtbot.addWidget(messages)
    messages.refresh()
    qtbot.waitUntil(lambda: any(m.id == scene["message"] for m in messages.model.rows),
                    timeout=10000)
    row = next(i for i, m in enumerate(messages.model.rows) if m.id == scene["message"])
    assert column(messages.model, 1)[row] == ("Call after signing" if en else "签约后回访")
    if en:
        assert not [t for t in column(messages.model, 1) if has_cjk(t)]

    complaints = ComplaintsView(make_ctx(demo, supervisor, lang=lang))
    qtbot.addWidget(complaints)
    complaints.show()
    complaints.refresh()
    qtbot.waitUntil(lambda: any(c.id == scene["complaint"] for c in complaints.model.rows),
                    timeout=10000)
    row = next(i for i, c in enumerate(complaints.model.rows) if c.id == scene["complaint"])
    next_step, group = column(complaints.model, 4)[row], column(complaints.model, 5)[row]
    complaints.view.selectRow(row)
    detail, step = complaints.detail.text(), complaints.step_label.text()
    if en:
        assert next_step == "Make the setting right for the talk (change the scene, place or way)"
        assert group == "Group complaint with a leader: Spacing (group)"
        assert "1. Listen to what the customer asks" in detail and step.startswith("Next: Make")
        assert not has_cjk(next_step + group + step)
    else:
        assert next_step == STEP_LABELS_ZH[Step.SETTING]
        assert group == f"{GROUP_LABELS_ZH[GroupKind.CORE]}：Spacing"
        assert f"1. {STEP_LABELS_ZH[Step.LISTEN]}" in detail
        assert STEP_LABELS_ZH[Step.SETTING] in step

    check = InactiveOwnerCheck(make_ctx(demo, supervisor, lang=lang))
    qtbot.addWidget(check)
    check.refresh()
    qtbot.waitUntil(lambda: check.model.rowCount() >= 4, timeout=10000)
    items = dict(zip((i.kind for i in check.model.rows), column(check.model, 2), strict=True))
    kinds = column(check.model, 0)
    if en:
        assert not [k for k in kinds if has_cjk(k)], kinds
        assert {"Unsent text message", "Named backup", "Signing desk shift"} <= set(kinds)
        assert items["message"].endswith(" · Call after signing")
        assert items["consultant_backup"] == f"backup for {scene['colleague']}"
        assert items["desk_roster"] == "12-07 desk 2 09:00–12:00"
    else:
        assert {"未发短信", "备岗", "签约台排班"} <= set(kinds)
        assert items["message"].endswith(" · 签约后回访")
        assert items["consultant_backup"] == f"{scene['colleague']} 的备岗"
        assert items["desk_roster"] == "12-07 2 号台 09:00–12:00"

    escalations = EscalationsView(make_ctx(demo, consultant, lang=lang))
    qtbot.addWidget(escalations)
    escalations.show()
    escalations.refresh()
    qtbot.waitUntil(lambda: escalations.loaded and escalations.model.rowCount() > 0,
                    timeout=10000)
    levels = set(column(escalations.model, 2))
    assert levels == ({"Consultant level"} if en
                      else {ESCALATION_LEVEL_ZH[EscalationLevel.CONSULTANT]})

    audit = AuditPage(make_ctx(demo, supervisor, lang=lang))
    qtbot.addWidget(audit)
    audit.show()
    qtbot.waitUntil(lambda: audit.escalations.rowCount() > 0, timeout=15000)
    now_with, owners = set(column(audit.escalations, 4)), set(column(audit.escalations, 5))
    if en:
        assert now_with <= {"Consultant level", "Sales manager level", "Sales director level",
                            "Customer-service centre"} and now_with
        assert "Consultant or Senior consultant" in owners
        assert not [t for t in owners if has_cjk(t)], owners
    else:
        assert now_with <= set(ESCALATION_LEVEL_ZH.values()) and now_with
        assert "置业顾问、资深置业顾问" in owners
    for w in (messages, complaints, check, escalations, audit):
        w.ctx.runner.wait()


def test_a_round_kind_is_named_in_the_screen_language(lang: str) -> None:
    names = [round_kind_label("round", k) for k in ("reception", "pre_deposit", "re_cover")]
    names.append(round_kind_label("gate_override", ""))
    if lang == "en":
        assert not [n for n in names if has_cjk(n)], names
    else:
        assert names == [*ROUND_KIND_ZH.values(), "主管放行"]


def test_sync_conflicts_and_ledger_alarms_are_named_in_the_screen_language(
        qtbot: Any, demo: Services, supervisor: Actor, lang: str) -> None:
    with demo.db.uow() as uow:
        uow.add(SyncConflict(kind="field", entity="customer", row_id="c-1", field="name",
                             kept_value=json.dumps("甲"), current_value=json.dumps("乙"),
                             losing_device="dev-b", detail="{}"))
        uow.add(SyncConflict(kind="ledger_fork", entity="disclosure_record",
                             row_id="0b1c2d3e-0000-4000-8000-000000000006",
                             kept_value="null", current_value="null", losing_device="dev-b",
                             detail=json.dumps({"chain": "dev-a", "chain_seq": 6,
                                                "reason": "ledger fork"})))
        uow.commit()
    en = lang == "en"
    inbox = ConflictsPage(make_ctx(demo, supervisor, lang=lang))
    qtbot.addWidget(inbox)
    inbox.show()
    qtbot.waitUntil(lambda: any(c.kind == "field" for c in inbox.model.rows), timeout=10000)
    kinds = dict(zip((c.kind for c in inbox.model.rows), column(inbox.model, 0), strict=True))
    assert kinds["field"] == ("The same field changed on two devices" if en
                              else "同一字段被两台设备同时修改")

    audit = AuditPage(make_ctx(demo, supervisor, lang=lang))
    qtbot.addWidget(audit)
    audit.show()
    qtbot.waitUntil(lambda: getattr(audit, "alarms_loaded", False), timeout=15000)
    (alarm,) = column(audit.alarms, 1)
    if en:
        assert alarm.startswith("Disclosure record chain forked") and not has_cjk(alarm)
    else:
        assert alarm == "告知记录链分叉：同一设备同一序号出现另一条记录，总部已拒收"
    for w in (inbox, audit):
        w.ctx.runner.wait()


def test_the_satisfaction_chart_names_its_items_in_the_screen_language(
        qtbot: Any, demo: Services, supervisor: Actor, lang: str) -> None:
    view = SatisfactionView(make_ctx(demo, supervisor, lang=lang))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.report is not None and bool(view.chart.bars), timeout=10000)
    names = [b.label for b in view.chart.bars]
    if lang == "en":
        assert names == ["Showroom", "Understood needs", "Easy paperwork", "After-sale care",
                         "Trustworthy"]
    else:
        assert names == list(ITEM_SHORT_ZH.values())
    low = column(view.low, 4)
    assert low  # the demo has cards below 4
    if lang == "en":
        assert not [t for t in low if has_cjk(t)], low
    else:
        assert all(set(t.split("、")) <= set(ITEM_SHORT_ZH.values()) for t in low), low
    view.chart_choice.setCurrentIndex(view.chart_choice.findData("consultant"))
    consultants = [b.label for b in view.chart.bars] + column(view.consultants, 0)
    assert consultants
    if lang == "en":  # the names are data; only the word for nobody is the screen's
        assert "（未分配）" not in consultants
    view.ctx.runner.wait()

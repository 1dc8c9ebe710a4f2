"""The complaint log: demands, the six steps in order with dates and owner, group complaints."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from salesdesk.domain.care.complaints import DEMAND_LABELS_ZH, ComplaintChannel, GroupKind, Step
from salesdesk.domain.errors import PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services


def _customer(demo: Services, owner: Actor, phone: str, salutation: str) -> str:
    return demo.customers.register(owner, phone=phone, name="某某", salutation=salutation,
                                   consent=True, owner_staff_id=owner.staff_id).id


def test_a_complaint_goes_through_the_procedure_in_order(demo: Services, consultant: Actor,
                                                         supervisor: Actor,
                                                         reception: Actor) -> None:
    cid = _customer(demo, consultant, "13812342001", "冯先生")
    with pytest.raises(PermissionDenied):
        demo.complaints.log(reception, customer_id=cid, channel="phone", summary="车位价格不透明",
                            demands=["fix"])
    with pytest.raises(ValidationError) as err:
        demo.complaints.log(consultant, customer_id=cid, channel="phone", summary="差",
                            demands=["fix"])
    assert err.value.field == "summary"
    c = demo.complaints.log(consultant, customer_id=cid, channel=ComplaintChannel.PHONE,
                            summary="车位价格与宣传不一致", demands=["compensation", "respect"],
                            received_at=datetime(2026, 11, 19, 6, 0, tzinfo=UTC))
    assert tuple(DEMAND_LABELS_ZH[d] for d in c.demands) == ("得到尊重", "得到赔偿") and c.next_step is Step.LISTEN
    with pytest.raises(ValidationError) as err:
        demo.complaints.record_step(consultant, c.id, Step.PROPOSAL, "提出九折方案")
    assert "认真听取客户诉求" in err.value.message
    with pytest.raises(ValidationError):
        demo.complaints.close(supervisor, c.id, "已解决")
    with pytest.raises(ValidationError) as err:
        demo.complaints.record_step(consultant, c.id, Step.LISTEN, "听取", date(2026, 11, 18))
    assert err.value.field == "done_on"
    day = date(2026, 11, 20)
    for step in Step:
        c = demo.complaints.record_step(supervisor if step is Step.PROPOSAL else consultant,
                                        c.id, step, f"完成：{step.value}", done_on=day)
    assert [s.step for s in c.steps] == list(Step)
    assert c.steps[4].owner == supervisor.name and c.steps[0].done_on == day
    assert c.next_step is None
    closed = demo.complaints.close(supervisor, c.id, "退还车位差价，客户接受")
    assert closed.status == "closed"


def test_a_group_complaint_with_its_leader(demo: Services, supervisor: Actor,
                                           consultant: Actor) -> None:
    ids = [_customer(demo, consultant, f"1381234300{i}", s) for i, s in
           enumerate(("甲先生", "乙女士", "丙先生"))]
    complaints = [demo.complaints.log(supervisor, customer_id=i, channel="on_site",
                                      summary="楼间距与沙盘不符", demands=["guarantee"])
                  for i in ids]
    with pytest.raises(ValidationError) as err:
        demo.complaints.link_group(supervisor, title="楼间距", kind=GroupKind.CORE,
                                   complaint_ids=[c.id for c in complaints])
    assert err.value.field == "leader"
    g = demo.complaints.link_group(supervisor, title="楼间距", kind=GroupKind.CORE,
                                   complaint_ids=[c.id for c in complaints],
                                   leader_customer_id=ids[1])
    assert (g.kind_label, g.leader, len(g.members)) == ("核心型群诉", "乙女士", 3)
    assert "领军人物" in g.advice
    listed = {c.id: c for c in demo.complaints.complaints(supervisor)}
    assert all((listed[c.id].group_kind, listed[c.id].group_title) == (GroupKind.CORE, "楼间距")
               for c in complaints)
    assert any(x.kind is GroupKind.CORE for x in demo.complaints.groups(supervisor))

"""Score cards from the kiosk: bad scores change nothing, low scores escalate through the
EscalationOpener, supervisors read the figures and export the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from salesdesk.domain.care.plan import CareEventKind
from salesdesk.domain.errors import PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor, Role
from salesdesk.services import audit
from salesdesk.services.container import Services
from salesdesk.store.models.audit import AuditEvent
from salesdesk.store.models.care import ScoreCard
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.uow import UnitOfWork
from tests.conftest import staff_actor
from tests.factories import Kit
from tests.pdfcheck import assert_cjk_embedded, compact, pdf_text

KEYS = ("layout", "needs", "process", "after_sale", "trust")


class AuditedEscalations:
    """A small real EscalationOpener: writes its escalation as an audit event in the caller's
    unit of work (so it commits or rolls back with the card)."""

    def __init__(self) -> None:
        self.opened: list[tuple[str, str | None, str]] = []

    def open_escalation(self, uow: UnitOfWork, *, customer_id: str, consultant_id: str | None,
                        reason: str, source: str, source_id: str) -> str:
        audit.record(uow, "escalation.open", source, source_id, reason)
        self.opened.append((customer_id, consultant_id, reason))
        return f"esc-{len(self.opened)}"


def _count(services: Services, model: type) -> int:
    with services.db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def _customer(services: Services, owner: Actor, phone: str) -> str:
    return services.customers.register(owner, phone=phone, name="郑好", salutation="郑女士",
                                   consent=True, owner_staff_id=owner.staff_id).id


@pytest.mark.parametrize("bad", [0, 6])
def test_a_score_of_0_or_6_is_refused_and_nothing_is_stored(
        kit: Kit, services: Services, bad: int) -> None:
    reception, consultant = kit.staff(Role.RECEPTION), kit.staff(Role.CONSULTANT)
    cid = _customer(services, consultant, "13812341001")
    cards, outbox = _count(services, ScoreCard), _count(services, OutboxEntry)
    scores = dict.fromkeys(KEYS, 5) | {"process": bad}
    with pytest.raises(ValidationError) as err:
        services.satisfaction.submit_card(reception, cid, scores)
    assert err.value.field == "process" and "1–5" in err.value.message
    assert (_count(services, ScoreCard), _count(services, OutboxEntry)) == (cards, outbox)


def test_a_low_score_opens_the_escalation_and_a_follow_up(kit: Kit, services: Services) -> None:
    reception, consultant = kit.staff(Role.RECEPTION), kit.staff(Role.CONSULTANT)
    opener = AuditedEscalations()
    services.satisfaction.opener = opener
    cid = _customer(services, consultant, "13812341002")
    receipt = services.satisfaction.submit_card(reception, cid,
                                                dict.fromkeys(KEYS, 5) | {"needs": 3})
    assert receipt.escalated and receipt.score100 == 92.0
    assert opener.opened == [(cid, consultant.staff_id, "满意度评分低于4分：理解需求")]
    (task,) = [t for t in services.care.tasks(consultant) if t.customer_id == cid]
    assert task.event is CareEventKind.LOW_SCORE and task.escalation_id == "esc-1"
    with services.db.reader() as uow:
        card = uow.session.get(ScoreCard, receipt.card_id)
        assert card is not None and card.escalation_id == "esc-1" and card.low
        assert uow.session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "escalation.open", AuditEvent.row_id == card.id)) == 1
    fine = services.satisfaction.submit_card(reception, cid, dict.fromkeys(KEYS, 4))
    assert not fine.escalated and len(opener.opened) == 1


def test_without_an_opener_a_low_score_still_reaches_the_consultant(
        kit: Kit, services: Services) -> None:
    reception, consultant = kit.staff(Role.RECEPTION), kit.staff(Role.CONSULTANT)
    cid = _customer(services, consultant, "13812341003")
    services.satisfaction.submit_card(reception, cid, dict.fromkeys(KEYS, 2))
    assert [t.event for t in services.care.tasks(consultant) if t.customer_id == cid] == [
        CareEventKind.LOW_SCORE]


def test_figures_and_permissions(demo: Services) -> None:
    # The demo's months of cards and tasks give the overdue and low-card figures to check.
    supervisor, reception = staff_actor(demo, "S001"), staff_actor(demo, "R001")
    consultant = staff_actor(demo, "C102")
    with pytest.raises(PermissionDenied):
        demo.satisfaction.report(reception)
    with pytest.raises(PermissionDenied):
        demo.satisfaction.report(consultant)
    before = demo.satisfaction.report(supervisor)
    cid = _customer(demo, consultant, "13812341004")
    demo.satisfaction.submit_card(reception, cid, dict.fromkeys(KEYS, 5))
    after = demo.satisfaction.report(supervisor)
    assert after.figures.overall.cards == before.figures.overall.cards + 1
    assert after.figures.target == 90
    assert [f.key for f in after.figures.by_item] == list(KEYS)
    mine = next(f for f in after.figures.by_consultant if f.key == consultant.staff_id)
    assert mine.cards >= 1
    assert any(o.overdue for o in after.on_time)
    assert after.low_cards  # the demo has cards below 4


def test_the_satisfaction_pdf_reads_back(demo: Services, tmp_path: Path) -> None:
    supervisor = staff_actor(demo, "S001")
    out = demo.satisfaction.export_pdf(supervisor, tmp_path / "satisfaction.pdf")
    text = compact(pdf_text(out))
    for expected in ("客户满意度报告", "各项满意度（百分制）", "目标90", "现场布置", "手续便捷",
                     "各置业顾问满意度", "月度满意度", "回访任务按时完成情况", "低于4分的评分卡"):
        assert expected in text, expected
    assert_cjk_embedded(out)

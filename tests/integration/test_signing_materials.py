"""Signing materials on a real SQLite file: interview → checklist → ticks → PDFs → batch."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, text

from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from salesdesk.services.hooks import SigningBooking, first_signing_by_day
from salesdesk.services.signing import DEFAULT_PACK_PATH
from salesdesk.store.models.local import OutboxEntry
from salesdesk.store.models.signing import (
    BuyerProfileRecord,
    ChecklistItem,
    MaterialChecklist,
    RulePackVersion,
)
from tests.factories import Kit
from tests.pdfcheck import assert_cjk_embedded, compact
from tests.pdfcheck import pdf_text as poppler_text

MARRIED_HK_COMBINED = {
    "household": "non_local", "marital": "married", "region": "hong_kong",
    "payment": "combined", "signing": "in_person", "age_band": "36_50", "homes_owned": 0,
    "co_owners": ["spouse"],
}
SINGLE_NON_LOCAL_FULL = {
    "household": "non_local", "marital": "single", "region": "mainland", "payment": "full",
    "signing": "in_person", "age_band": "18_35", "homes_owned": 0, "co_owners": [],
}
WIDOWED_ELDERLY_MINOR_PROXY = {
    "household": "local", "marital": "widowed", "region": "mainland",
    "payment": "commercial_loan", "signing": "proxy", "age_band": "over_60", "homes_owned": 0,
    "co_owners": ["minor_child"],
}
FOREIGN_FUND_SECOND_HOME = {
    "household": "non_local", "marital": "divorced", "region": "foreign",
    "payment": "housing_fund", "signing": "in_person", "age_band": "51_60", "homes_owned": 1,
    "co_owners": [],
}
LOCAL_MARRIED_LOAN_TWO_HOMES = {
    "household": "local", "marital": "married", "region": "mainland",
    "payment": "commercial_loan", "signing": "in_person", "age_band": "36_50",
    "homes_owned": 2, "co_owners": ["spouse", "minor_child"],
}

# Exactly what each profile's checklist PDF lists (from the default pack / PRODUCT.md table).
EXPECTED: dict[str, set[str]] = {
    "married_hk_combined": {
        "港澳居民来往内地通行证（回乡证）", "家庭住房情况申报表 / 购房承诺书",
        "在内地工作、学习或居住证明", "在内地无其他住房声明", "认购书及定金收据", "购房人结婚证",
        "配偶身份证件及户口簿", "购房人收入证明", "近 6 个月银行流水", "个人征信报告",
        "公积金缴存证明", "首付款收据"},
    "single_non_local_full": {
        "购房人身份证", "家庭住房情况申报表 / 购房承诺书", "本市社保或个税缴纳证明",
        "认购书及定金收据", "购房人户口簿", "未婚声明", "全额房款付款凭证"},
    "widowed_elderly_minor_proxy": {
        "购房人身份证", "家庭住房情况申报表 / 购房承诺书", "认购书及定金收据", "购房人户口簿",
        "配偶死亡证明", "未成年子女出生医学证明", "未成年人父母身份证件及婚姻证明",
        "经公证的授权委托书", "受托人身份证", "购房人收入证明", "近 6 个月银行流水",
        "个人征信报告", "首付款收据", "共同还款人身份证件及收入证明"},
    "foreign_fund_second_home": {
        "护照及经公证的中文译本", "家庭住房情况申报表 / 购房承诺书", "境内工作或学习满一年证明",
        "自用单套住房承诺书", "认购书及定金收据", "离婚证及离婚协议或法院判决书",
        "公积金缴存证明", "首付款收据", "家庭住房套数查询证明"},
    "local_married_loan_two_homes": {
        "购房人身份证", "家庭住房情况申报表 / 购房承诺书", "认购书及定金收据", "购房人户口簿",
        "购房人结婚证", "配偶身份证件及户口簿", "未成年子女出生医学证明",
        "未成年人父母身份证件及婚姻证明", "购房人收入证明", "近 6 个月银行流水", "个人征信报告",
        "首付款收据", "家庭住房套数查询证明"},
}
PROFILES = {
    "married_hk_combined": MARRIED_HK_COMBINED,
    "single_non_local_full": SINGLE_NON_LOCAL_FULL,
    "widowed_elderly_minor_proxy": WIDOWED_ELDERLY_MINOR_PROXY,
    "foreign_fund_second_home": FOREIGN_FUND_SECOND_HOME,
    "local_married_loan_two_homes": LOCAL_MARRIED_LOAN_TWO_HOMES,
}
ALL_NAMES = {m["name"] for m in json.loads(DEFAULT_PACK_PATH.read_text("utf-8"))["materials"]}


def squash(s: str) -> str:
    return "".join(s.split())


def pdf_text(path: Path) -> str:
    return squash("".join(page.extract_text() or "" for page in PdfReader(path).pages))


def listed(path: Path) -> set[str]:
    body = pdf_text(path)
    return {n for n in ALL_NAMES if squash(n) in body}


_n = 0


def new_customer(services: Services, actor: Actor, name: str = "李明华") -> str:
    global _n
    _n += 1
    info = services.customers.register(actor, phone=f"139{_n:08d}", name=name, consent=True,
                                       owner_staff_id=actor.staff_id)
    return info.id


def unit_id(services: Services, actor: Actor, number: str = "1-201",
            subscriber: str | None = None) -> str:
    """The unit's id; with ``subscriber``, that customer first subscribes it (rule 13: signing
    materials for a unit only for its subscriber), after a complete pre-deposit round."""
    for u in services.projects.units(actor):
        if u.number == number:
            if subscriber is not None:
                from salesdesk.domain.disclosure import RoundKind

                cl = services.disclosure.checklist(actor, subscriber, u.id)
                services.disclosure.record_round(
                    actor, customer_id=subscriber, unit_id=u.id, kind=RoundKind.PRE_DEPOSIT,
                    ticks={i.code: services.db.now() for i in cl.items}, paper_form=True)
                services.subscriptions.subscribe(actor, customer_id=subscriber, unit_id=u.id,
                                                 price=u.total_price, deposit=50_000)
            return u.id
    raise LookupError(number)


# A small project from the test kit: the materials need a consultant, a unit and a customer,
# not the demo's months of activity.
@pytest.fixture
def consultant(kit: Kit) -> Actor:
    return kit.staff_cached(Role.CONSULTANT)


@pytest.fixture
def reception(kit: Kit) -> Actor:
    return kit.staff_cached(Role.RECEPTION)


@pytest.fixture
def admin(kit: Kit) -> Actor:
    return kit.staff_cached(Role.ADMIN)


def count(services: Services, model: Any) -> int:
    with services.db.reader() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


@dataclass
class ListSchedule:
    """A small real SigningSchedule: bookings kept in a list, filtered by Shanghai day."""

    bookings: list[SigningBooking] = field(default_factory=list)

    def signings_on(self, day: date) -> list[SigningBooking]:
        from zoneinfo import ZoneInfo

        sh = ZoneInfo("Asia/Shanghai")
        return [b for b in self.bookings if b.starts_at.astimezone(sh).date() == day
                and b.status != "cancelled"]

    def next_signing_for(self, customer_id: str, unit_id: str | None, first_day: date,
                         days: int) -> SigningBooking | None:
        return first_signing_by_day(self, customer_id, unit_id, first_day, days)


# ---- interview and checklist ---------------------------------------------------------------

def test_interview_builds_a_checklist_grouped_by_stage(services: Services, consultant: Actor) -> None:
    cid = new_customer(services, consultant)
    view = services.signing.save_interview(consultant, cid, MARRIED_HK_COMBINED,
                                       unit_id(services, consultant, subscriber=cid))
    assert {i.name for i in view.items} == EXPECTED["married_hk_combined"]
    assert [s.value for s, _ in view.by_stage()] == ["subscription", "signing", "mortgage"]
    assert view.unit_label.startswith("1-201")
    assert view.consultant_name == consultant.name
    assert view.pack_label == "通用签约资料规则（默认） · 2026.1"
    codes = [f.code for f in view.flow]
    assert codes.index("credit_check") < codes.index("subscription_agreement") \
        < codes.index("mortgage_contract") < codes.index("down_payment") \
        < codes.index("purchase_contract")
    assert len(view.missing) == len(view.items)


def test_contradictory_answers_change_nothing(services: Services, consultant: Actor) -> None:
    cid = new_customer(services, consultant)
    before = [count(services, m) for m in (BuyerProfileRecord, MaterialChecklist, ChecklistItem,
                                       OutboxEntry)]
    bad = SINGLE_NON_LOCAL_FULL | {"co_owners": ["spouse"]}
    with pytest.raises(ValidationError) as e:
        services.signing.save_interview(consultant, cid, bad)
    assert e.value.field == "co_owners"
    assert "配偶" in e.value.message
    with pytest.raises(NotFound):
        services.signing.save_interview(consultant, cid, SINGLE_NON_LOCAL_FULL, "no-such-unit")
    after = [count(services, m) for m in (BuyerProfileRecord, MaterialChecklist, ChecklistItem,
                                      OutboxEntry)]
    assert before == after


def test_reception_may_not_run_the_interview(services: Services, reception: Actor,
                                             consultant: Actor) -> None:
    cid = new_customer(services, consultant)
    with pytest.raises(PermissionDenied):
        services.signing.save_interview(reception, cid, SINGLE_NON_LOCAL_FULL)


def test_ticking_records_who_and_when_and_shrinks_missing(services: Services, consultant: Actor,
                                                          clock: Any) -> None:
    cid = new_customer(services, consultant)
    view = services.signing.save_interview(consultant, cid, SINGLE_NON_LOCAL_FULL)
    first = view.items[0]
    clock.advance(hours=1)
    after = services.signing.tick(consultant, first.id)
    got = next(i for i in after.items if i.id == first.id)
    assert got.received_at == clock.now and got.received_by == consultant.name
    assert len(after.missing) == len(view.items) - 1
    assert first.name not in {i.name for i in after.missing}
    # Ticking twice is harmless; unticking puts it back on the missing list.
    services.signing.tick(consultant, first.id)
    back = services.signing.tick(consultant, first.id, received=False)
    assert len(back.missing) == len(view.items)
    lines = services.signing.materials_to_bring(cid, None)
    assert len(lines) == len(view.items)
    assert "购房人身份证（原件 + 复印件 2 份）" in lines


def test_changing_the_profile_keeps_receipts_and_tombstones_dropped_items(
        services: Services, consultant: Actor) -> None:
    cid = new_customer(services, consultant)
    u = unit_id(services, consultant, subscriber=cid)
    view = services.signing.save_interview(consultant, cid, SINGLE_NON_LOCAL_FULL, u)
    ids = {i.code: i.id for i in view.items}
    services.signing.tick(consultant, ids["id_card"])
    services.signing.tick(consultant, ids["unmarried_statement"])
    married = SINGLE_NON_LOCAL_FULL | {"marital": "married", "payment": "commercial_loan"}
    again = services.signing.save_interview(consultant, cid, married, u)
    assert again.id == view.id  # same customer and unit: same checklist, refreshed
    codes = {i.code: i for i in again.items}
    assert codes["id_card"].received and codes["id_card"].id == ids["id_card"]
    assert "unmarried_statement" not in codes and "marriage_certificate" in codes
    with services.db.reader() as uow:
        dropped = uow.session.get(ChecklistItem, ids["unmarried_statement"])
        assert dropped is not None and dropped.deleted and dropped.received_at is not None


def test_materials_to_bring_without_a_checklist_is_empty(services: Services,
                                                         consultant: Actor) -> None:
    assert services.signing.materials_to_bring(new_customer(services, consultant), None) == []


def test_find_by_phone(services: Services, consultant: Actor) -> None:
    info = services.customers.register(consultant, phone="13700001111", name="周建国", consent=True)
    services.signing.save_interview(consultant, info.id, WIDOWED_ELDERLY_MINOR_PROXY)
    found = services.signing.find_by_phone(consultant, "137 0000 1111")
    assert found.customer_name == "周建国" and found.customer_phone == "137****1111"
    assert found.profile is not None and len(found.checklists) == 1
    with pytest.raises(NotFound):
        services.signing.find_by_phone(consultant, "13700002222")


# ---- rule packs ----------------------------------------------------------------------------

def head_office_pack() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEFAULT_PACK_PATH.read_text("utf-8"))
    data = copy.deepcopy(data)
    data.update(pack_id="hangzhou", city="杭州", version="2026.2", title="杭州市签约资料规则")
    data["materials"].append({"code": "hz_qualification", "name": "杭州市购房资格证明",
                              "stage": "subscription", "original": True, "copies": 0})
    return data


def test_import_adds_a_version_and_never_rewrites_an_older_one(
        services: Services, consultant: Actor, admin: Actor, tmp_path: Path) -> None:
    cid = new_customer(services, consultant)
    old = services.signing.save_interview(consultant, cid, SINGLE_NON_LOCAL_FULL)
    with services.db.reader() as uow:
        old_row = uow.session.get(RulePackVersion, old.pack_version_id)
        assert old_row is not None
        old_content, old_hash = old_row.content, old_row.content_hash
    f = tmp_path / "hz.json"
    f.write_text(json.dumps(head_office_pack(), ensure_ascii=False), "utf-8")
    info = services.signing.import_rule_pack(admin, f)
    assert info.created and info.city == "杭州" and info.materials == len(ALL_NAMES) + 1
    assert not services.signing.import_rule_pack(admin, f).created  # same file again: no-op
    # The existing checklist still points at the version it was built from...
    assert services.signing.checklist(consultant, old.id).pack_version_id == old.pack_version_id
    # ...until it is refreshed, which picks the city's pack (the kit's project, like the demo's, is in 杭州).
    fresh = services.signing.refresh(consultant, old.id)
    assert fresh.pack_version_id == info.id
    assert "杭州市购房资格证明" in {i.name for i in fresh.items}
    with services.db.reader() as uow:
        again = uow.session.get(RulePackVersion, old.pack_version_id)
        assert again is not None
        assert (again.content, again.content_hash) == (old_content, old_hash)
    # Same version, other content: refused.
    changed = head_office_pack()
    changed["materials"][0]["note"] = "改过的说明"
    with pytest.raises(Conflict):
        services.signing.import_rule_pack_data(admin, changed)


def test_the_file_refuses_to_rewrite_a_pack_version(services: Services, consultant: Actor) -> None:
    services.signing.save_interview(consultant, new_customer(services, consultant), SINGLE_NON_LOCAL_FULL)
    with services.db.write_engine.connect() as conn, pytest.raises(Exception, match="never"):
        conn.execute(text("UPDATE rule_pack_version SET content = '{}'"))
    with services.db.write_engine.connect() as conn, pytest.raises(Exception, match="never"):
        conn.execute(text("DELETE FROM checklist_item"))


@pytest.mark.parametrize("mutate, word", [
    (lambda d: d.update(city=""), "city"),
    (lambda d: d["materials"][0].update(when={"colour": "red"}), "colour"),
    (lambda d: d["materials"].append({"code": "dead", "name": "永远用不到", "stage": "signing",
                                      "when": {"marital": "single",
                                               "co_owners": "spouse"}}), "dead"),
])
def test_bad_packs_change_nothing(services: Services, admin: Actor, mutate: Any, word: str) -> None:
    data = head_office_pack()
    mutate(data)
    before = count(services, RulePackVersion), count(services, OutboxEntry)
    with pytest.raises(ValidationError) as e:
        services.signing.import_rule_pack_data(admin, data)
    assert word in e.value.en
    assert (count(services, RulePackVersion), count(services, OutboxEntry)) == before


def test_only_admins_import_packs(services: Services, consultant: Actor) -> None:
    with pytest.raises(PermissionDenied):
        services.signing.import_rule_pack_data(consultant, head_office_pack())


# ---- PDFs: acceptance profiles -------------------------------------------------------------

@pytest.mark.parametrize("key", sorted(PROFILES))
def test_checklist_pdf_lists_exactly_the_expected_materials(
        services: Services, consultant: Actor, tmp_path: Path, key: str) -> None:
    cid = new_customer(services, consultant, "王秀英")
    view = services.signing.save_interview(consultant, cid, PROFILES[key],
                                       unit_id(services, consultant, subscriber=cid))
    out = services.signing.print_document(consultant, view.id, tmp_path / f"{key}.pdf")
    assert listed(out) == EXPECTED[key]
    assert_cjk_embedded(out)
    # poppler reads the same list as pypdf does.
    assert {n for n in ALL_NAMES if squash(n) in compact(poppler_text(out))} == EXPECTED[key]
    body = pdf_text(out)
    for word in ("签约资料清单", "王秀英", "1-201", consultant.name, "认购阶段", view.id[:8]):
        assert squash(word) in body
    assert "139" not in body or "****" in body  # the phone is masked on paper too


def test_mortgage_list_and_flow_sheet(services: Services, consultant: Actor, tmp_path: Path) -> None:
    cid = new_customer(services, consultant)
    view = services.signing.save_interview(consultant, cid, MARRIED_HK_COMBINED,
                                       unit_id(services, consultant, subscriber=cid))
    m = services.signing.print_document(consultant, view.id, tmp_path / "m.pdf", "mortgage")
    assert listed(m) == {"购房人收入证明", "近 6 个月银行流水", "个人征信报告", "公积金缴存证明",
                         "首付款收据"}
    f = pdf_text(services.signing.print_document(consultant, view.id, tmp_path / "f.pdf", "flow"))
    order = [squash(s) for s in ("查资信", "签订认购书", "签订按揭合同", "支付首期款",
                                 "签订商品房买卖合同")]
    positions = [f.index(s) for s in order]
    assert positions == sorted(positions)
    full = services.signing.save_interview(consultant, new_customer(services, consultant),
                                       SINGLE_NON_LOCAL_FULL)
    f2 = pdf_text(services.signing.print_document(consultant, full.id, tmp_path / "f2.pdf", "flow"))
    assert "按揭合同" not in f2 and "全款" in f2


def test_pdf_shows_received_items_and_warning(services: Services, consultant: Actor,
                                              tmp_path: Path) -> None:
    cid = new_customer(services, consultant)
    view = services.signing.save_interview(consultant, cid, LOCAL_MARRIED_LOAN_TWO_HOMES)
    services.signing.tick(consultant, view.items[0].id)
    body = pdf_text(services.signing.print_document(consultant, view.id, tmp_path / "w.pdf"))
    assert squash("预检提示") in body and squash("以住建部门审核结果为准") in body
    assert consultant.name in body.split(squash(view.items[0].name), 1)[1][:80]


# ---- batch ---------------------------------------------------------------------------------

def booking(customer_id: str, unit: str | None, at: datetime, desk: int) -> SigningBooking:
    return SigningBooking(f"appt-{customer_id[:6]}-{desk}", customer_id, unit, None, at,
                          f"{desk} 号签约台", "booked")


def test_batch_prints_tomorrows_checklists(services: Services, consultant: Actor,
                                           tmp_path: Path, clock: Any) -> None:
    schedule = ListSchedule()
    services.signing.schedule = schedule
    tomorrow = (clock.now + timedelta(days=1)).date()
    at = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 2, 30, tzinfo=UTC)  # 10:30
    c1 = new_customer(services, consultant, "陈志强")
    u = unit_id(services, consultant, subscriber=c1)
    services.signing.save_interview(consultant, c1, MARRIED_HK_COMBINED, u)
    c2 = new_customer(services, consultant, "刘芳")
    services.signing.save_interview(consultant, c2, SINGLE_NON_LOCAL_FULL)
    c3 = new_customer(services, consultant, "黄伟")  # booked, but no interview yet
    schedule.bookings += [booking(c1, u, at, 1), booking(c2, None, at + timedelta(hours=1), 2),
                          booking(c3, None, at, 3),
                          booking(c2, None, at + timedelta(days=1), 1)]  # another day
    seen: list[tuple[int, int, str]] = []
    result = services.signing.print_batch(consultant, tomorrow, tmp_path / "batch",
                                      lambda d, t, s: seen.append((d, t, s)))
    assert result.total == 3 and len(result.files) == 2
    assert result.skipped == ("1030 3 号签约台 黄伟",)
    assert seen[0] == (0, 3, "") and seen[-1][0] == 3
    first = pdf_text(result.files[0])
    assert squash("陈志强") in first and squash("1 号签约台") in first
    assert squash(f"{tomorrow:%Y-%m-%d}10:30") in first
    # The single print finds the booked slot through the same schedule.
    one = services.signing.print_for_phone(consultant, services.customers.get(consultant, c2)
                                       .phones[0].e164, tmp_path / "one.pdf")
    assert squash("2 号签约台") in pdf_text(one)


class Stop(Exception):
    pass


def test_batch_can_be_cancelled(services: Services, consultant: Actor, tmp_path: Path,
                                clock: Any) -> None:
    schedule = ListSchedule()
    services.signing.schedule = schedule
    day = (clock.now + timedelta(days=1)).date()
    for k in range(4):
        c = new_customer(services, consultant)
        services.signing.save_interview(consultant, c, SINGLE_NON_LOCAL_FULL)
        schedule.bookings.append(booking(c, None, datetime(day.year, day.month, day.day, 1 + k,
                                                           tzinfo=UTC), k + 1))

    def progress(done: int, total: int, label: str) -> None:
        if done == 2:
            raise Stop()

    with pytest.raises(Stop):
        services.signing.print_batch(consultant, day, tmp_path / "b", progress)
    assert len(list((tmp_path / "b").glob("*.pdf"))) == 2


def test_batch_without_bookings_says_so(services: Services, consultant: Actor,
                                        tmp_path: Path) -> None:
    services.signing.schedule = None
    with pytest.raises(ValidationError):
        services.signing.print_batch(consultant, date(2026, 11, 25), tmp_path)


def test_recent_lists_the_last_checklists_with_missing_counts(services: Services,
                                                              consultant: Actor,
                                                              clock: Any) -> None:
    # An older checklist first (the demo's own played this part): the newest must come first.
    older = services.signing.save_interview(consultant, new_customer(services, consultant),
                                            MARRIED_HK_COMBINED)
    clock.advance(minutes=5)
    cid = new_customer(services, consultant, "苏婉清")
    view = services.signing.save_interview(consultant, cid, SINGLE_NON_LOCAL_FULL,
                                       unit_id(services, consultant, "1-202", subscriber=cid))
    services.signing.tick(consultant, view.items[0].id)
    top = services.signing.recent(consultant)[0]
    assert (top.id, top.customer_name, top.unit_number) == (view.id, "苏婉清", "1-202")
    assert older.id in [r.id for r in services.signing.recent(consultant)[1:]]
    assert (top.missing, top.total) == (len(view.items) - 1, len(view.items))
    assert "****" in top.customer_phone


def test_notes_print_on_the_checklist(services: Services, consultant: Actor, tmp_path: Path) -> None:
    view = services.signing.save_interview(consultant, new_customer(services, consultant),
                                       MARRIED_HK_COMBINED)
    with pytest.raises(ValidationError):
        services.signing.set_notes(consultant, view.id, "长" * 501)
    noted = services.signing.set_notes(consultant, view.id, "  请配偶一同到场签字  ")
    assert noted.notes == "请配偶一同到场签字"
    body = pdf_text(services.signing.print_document(consultant, view.id, tmp_path / "n.pdf"))
    assert squash("请配偶一同到场签字") in body

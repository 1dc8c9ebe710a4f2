"""The customer's data on one device (issue 15 §1): export (JSON + PDF), erasure down to the bytes
of the database files (WAL and backups included), refusal and restriction while a sale is open,
consent withdrawal, retention of idle prospects, the export log, and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from salesdesk.domain.care.complaints import Step
from salesdesk.domain.customer_rights import ERASED_TEXT
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.errors import Conflict, NotFound, PermissionDenied, ValidationError
from salesdesk.domain.project import UnitStatus
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.container import Services
from salesdesk.services.customers import CustomerInfo
from salesdesk.store.database import DB_FILE_NAME, backup
from salesdesk.store.models.appointments import ReminderMessage
from salesdesk.store.models.customer import Customer
from tests.conftest import FakeClock, copy_demo
from tests.factories import Kit
from tests.integration.test_cli import _table_counts, run
from tests.pdfcheck import compact, pdf_text

NAME = "欧阳娜娜"
PHONE = "13911112222"
NOTE_TEXT = f"{NAME}您好，本周六有样板间开放"
COMPLAINT = "楼下烧烤油烟直冲阳台"
STEP_NOTE = "物业油烟答复"
ESCALATION_STEP = "嫌顾问态度冷淡要换人"


@pytest.fixture
def consultant(kit: Kit) -> Actor:
    return kit.staff_cached(Role.CONSULTANT)


@pytest.fixture
def supervisor(kit: Kit) -> Actor:
    return kit.staff_cached(Role.SUPERVISOR)


def _register(s: Services, who: Actor, phone: str = PHONE, name: str = NAME) -> CustomerInfo:
    return s.customers.register(who, phone=phone, name=name, salutation="欧阳女士",
                                id_number="110101199003074514", consent=True,
                                owner_staff_id=who.staff_id)


def _queue(s: Services, who: Actor, customer_id: str, key: str) -> str:
    with s.db.uow(who) as uow:
        mid = s.messages.queue_message(uow, customer_id=customer_id, staff_id=who.staff_id,
                                       kind="care.holiday", text=NOTE_TEXT, dedupe_key=key)
        uow.commit()
    return mid


def _complain(s: Services, who: Actor, customer_id: str) -> tuple[str, str]:
    """A complaint with a step, and a low score card whose escalation the consultant moved up
    in words. Returns (complaint id, escalation id)."""
    c = s.complaints.log(who, customer_id=customer_id, channel="phone", summary=COMPLAINT,
                         demands=["fix"])
    s.complaints.record_step(who, c.id, Step.LISTEN, STEP_NOTE)
    assert s.satisfaction.submit_card(who, customer_id, {
        "layout": 5, "needs": 2, "process": 5, "after_sale": 5, "trust": 5}).escalated
    [task] = [e for e in s.follow_up.open_escalations(who, mine=True)
              if e.customer.id == customer_id]
    s.follow_up.record_outcome(who, task.id, ESCALATION_STEP, resolved=False)
    return c.id, task.id


def _care_texts(s: Services, who: Actor, complaint_id: str,
                escalation_id: str) -> tuple[str, str, str, str]:
    """(complaint summary, its first step's note, the escalation's level and history)."""
    [c] = [c for c in s.complaints.complaints(who) if c.id == complaint_id]
    [e] = [e for e in s.follow_up.open_escalations(who) if e.id == escalation_id]
    return c.summary, c.steps[0].note, e.level.value, e.history


def _told(s: Services, who: Actor, customer_id: str, unit_id: str) -> None:
    cl = s.disclosure.checklist(who, customer_id, unit_id)
    s.disclosure.record_round(who, customer_id=customer_id, unit_id=unit_id,
                              kind=RoundKind.PRE_DEPOSIT,
                              ticks={i.code: s.db.now() for i in cl.items}, paper_form=True)


def _subscribe(s: Services, who: Actor, customer_id: str) -> str:
    for unit in s.projects.units(who):
        if not unit.sellable or unit.status != UnitStatus.AVAILABLE:
            continue
        _told(s, who, customer_id, unit.id)
        try:
            return s.subscriptions.subscribe(who, customer_id=customer_id, unit_id=unit.id,
                                             price=3_000_000, deposit=50_000).id
        except Conflict:
            continue
    raise AssertionError("no unit for sale in the project")


def _files_hold(folder: Path, *needles: str) -> list[str]:
    """Every file under ``folder`` (database, WAL, shm, backups) holding any needle as bytes."""
    found = []
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            raw = f.read_bytes()
            found += [f"{f.name}: {n}" for n in needles if n.encode("utf-8") in raw]
    return found


def test_erasure_leaves_no_bytes_and_the_ledger_verifies(
        services: Services, supervisor: Actor, consultant: Actor, data_dir: Path) -> None:
    c = _register(services, consultant)
    unit = next(u for u in services.projects.units(consultant) if u.sellable)
    _told(services, consultant, c.id, unit.id)  # a ledger record naming the customer by id
    _queue(services, consultant, c.id, "holiday-1")
    complaint_id, escalation_id = _complain(services, consultant, c.id)
    before = _care_texts(services, supervisor, complaint_id, escalation_id)
    backup(services.db.path, data_dir / "backups", "before-upgrade-test")
    texts = (COMPLAINT, STEP_NOTE, ESCALATION_STEP)
    # The check can find them: in the database, its outbox (nothing synced) and the backup;
    # the number is sealed at rest, so not even the backup holds it in clear.
    held = _files_hold(data_dir / "backups", NAME, PHONE, *texts)
    assert len(held) == 4 and not [h for h in held if PHONE in h]
    assert _files_hold(data_dir, NAME, PHONE, *texts)

    result = services.customer_rights.erase(supervisor, c.id, "客户书面要求删除")

    assert result.erased and not result.restricted
    assert result.pseudonym.startswith("客户#") and len(result.pseudonym) == 7
    assert result.backups_scrubbed == 1
    assert _files_hold(data_dir, NAME, PHONE, "110101199003074514", "欧阳女士", *texts) == []
    # What was said is gone; the complaint, its step and the escalation's level and lines stay.
    summary, note, level, history = _care_texts(services, supervisor, complaint_id,
                                                escalation_id)
    assert (summary, note, level) == (ERASED_TEXT, ERASED_TEXT, before[2])
    assert history.count("\n") == before[3].count("\n") and ERASED_TEXT in history
    assert history.split("\n")[0] == before[3].split("\n")[0]  # the program's line stays
    after = services.customers.get(supervisor, c.id)
    assert after.name == result.pseudonym and after.phones == () and not after.has_id_number
    assert after.erased and not after.restricted
    assert services.customers.find_by_phone(supervisor, PHONE) is None
    assert services.maintenance.verify().ok
    entry = next(e for e in services.audit.recent(supervisor) if e.action == "customer.erase")
    assert (entry.row_id, entry.detail, entry.staff_id) == (c.id, "客户书面要求删除",
                                                            supervisor.staff_id)
    # The pseudonymous customer still gets nothing.
    assert _queue(services, consultant, c.id, "holiday-2") == ""
    services.close()
    assert _files_hold(data_dir, NAME, PHONE) == []


def test_erasure_is_refused_while_a_subscription_is_open_and_processing_restricted(
        services: Services, supervisor: Actor, consultant: Actor) -> None:
    c = _register(services, consultant)
    _subscribe(services, consultant, c.id)
    complaint_id, escalation_id = _complain(services, consultant, c.id)
    texts = _care_texts(services, supervisor, complaint_id, escalation_id)

    result = services.customer_rights.erase(supervisor, c.id, "客户要求删除")

    assert not result.erased and result.restricted
    assert "认购" in result.reason
    kept = services.customers.get(supervisor, c.id)
    assert kept.name == NAME and kept.phones[0].e164.endswith(PHONE)
    assert kept.restricted and not kept.erased
    assert services.customers.find_by_phone(supervisor, PHONE) is None
    assert services.customers.search_last4(supervisor, PHONE[-4:]) == []
    assert _queue(services, consultant, c.id, "after-restriction") == ""
    with services.db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(ReminderMessage).where(
            ReminderMessage.customer_id == c.id, ReminderMessage.kind == "care.holiday")) == 0
    entry = next(e for e in services.audit.recent(supervisor) if e.action == "customer.restrict")
    assert "认购" in entry.detail and "客户要求删除" in entry.detail
    assert _care_texts(services, supervisor, complaint_id, escalation_id) == texts
    assert COMPLAINT in texts[0] and ESCALATION_STEP in texts[3]
    assert services.maintenance.verify().ok


def test_bad_requests_change_nothing(services: Services, supervisor: Actor,
                                     consultant: Actor) -> None:
    c = _register(services, consultant)
    with pytest.raises(PermissionDenied):
        services.customer_rights.erase(consultant, c.id, "顾问想删")
    with pytest.raises(ValidationError):
        services.customer_rights.erase(supervisor, c.id, "   ")
    with pytest.raises(NotFound):
        services.customer_rights.erase(supervisor, "no-such-id", "原因")
    with services.db.reader() as uow:
        row = uow.session.get(Customer, c.id)
        assert row is not None and row.name == NAME and row.erased_at is None
        assert row.restricted_at is None
    services.customer_rights.erase(supervisor, c.id, "客户要求")
    with pytest.raises(Conflict):
        services.customer_rights.erase(supervisor, c.id, "再删一次")


def test_consent_withdrawal_stops_a_queued_message(services: Services, supervisor: Actor,
                                                   consultant: Actor, clock: FakeClock) -> None:
    c = _register(services, consultant)
    mid = _queue(services, consultant, c.id, "holiday-1")
    assert services.customers.get(consultant, c.id).consent_version == "2026.1"
    clock.advance(hours=1)
    services.customer_rights.withdraw_consent(consultant, c.id)
    assert services.customers.get(consultant, c.id).consent_withdrawn

    with pytest.raises(Conflict) as refused:
        services.messages.send(consultant, mid)
    assert "撤回同意" in refused.value.message
    assert services.messages.item(consultant, mid).status == "pending"
    assert services.messages.item(consultant, mid).attempts == 0
    assert _queue(services, consultant, c.id, "holiday-2") == ""

    # Consent given again, with the wording's version and the time: messages go again.
    clock.advance(hours=1)
    services.customer_rights.record_consent(consultant, c.id, "2026.2")
    info = services.customers.get(consultant, c.id)
    assert (info.consent_version, info.consent_at) == ("2026.2", clock.now)
    assert services.messages.send(consultant, mid).status == "sent"


def test_export_json_pdf_and_the_export_log(services: Services, supervisor: Actor,
                                            consultant: Actor, tmp_path: Path) -> None:
    c = _register(services, consultant)
    _subscribe(services, consultant, c.id)
    _queue(services, consultant, c.id, "holiday-1")
    out = tmp_path / "export.json"

    result = services.customer_rights.export(consultant, c.id, out)

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["customer"]["name"] == NAME
    assert data["customer"]["id_number"] == "110101199003074514"
    assert data["customer"]["consent_version"] == "2026.1"
    assert [p["e164"] for p in data["phones"]] == [f"+86{PHONE}"]
    assert len(data["records"]["subscription"]) == 1
    assert data["records"]["subscription"][0]["deposit"] == 50_000
    assert len(data["records"]["disclosure_record"]) == 1
    assert [m["text"] for m in data["records"]["reminder_message"]
            if m["kind"] == "care.holiday"] == [NOTE_TEXT]
    text = compact(pdf_text(result.pdf_path))
    assert NAME in text and "139****2222" in text and "认购" in text
    assert PHONE not in text  # the summary may be printed: numbers masked
    logged = services.audit.exports(supervisor)
    assert [(e.entity, e.row_id, e.staff_id) for e in logged][:1] == [
        ("customer_data", c.id, consultant.staff_id)]
    assert "customers=1" in logged[0].detail

    with pytest.raises(ValidationError):
        services.customer_rights.export(consultant, c.id, tmp_path / "export.txt")
    assert not (tmp_path / "export.txt").exists()
    assert len(services.audit.exports(supervisor)) == 1


def test_retention_anonymises_only_idle_prospects_a_supervisor_saw(
        services: Services, supervisor: Actor, consultant: Actor, clock: FakeClock) -> None:
    idle = _register(services, consultant)
    buyer = _register(services, consultant, phone="13911113333", name="司马光明")
    _subscribe(services, consultant, buyer.id)
    clock.advance(days=365 * 2 + 40)
    rights = services.customer_rights
    assert rights.retention_months() == 24

    assert rights.run_retention(supervisor) == 0  # nobody saw a list yet
    assert services.customers.get(supervisor, idle.id).name == NAME

    listed = {c.customer_id for c in rights.retention_candidates(supervisor)}
    assert idle.id in listed and buyer.id not in listed
    assert rights.run_retention(supervisor) >= 1
    assert services.customers.get(supervisor, idle.id).name.startswith("客户#")
    assert services.customers.get(supervisor, buyer.id).name == "司马光明"
    assert services.maintenance.verify().ok
    with pytest.raises(ValidationError):
        rights.set_retention_months(supervisor, 2)
    assert rights.retention_months() == 24


@pytest.fixture
def folder(demo_template: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    data, keys = tmp_path / "data", tmp_path / "keys"
    copy_demo(demo_template, data, keys)
    (tmp_path / "out").mkdir()
    return data, keys


def _cli_customer(data: Path) -> str:
    """A prospect of the demo registered through the services (not a demo fixture's phone)."""
    from salesdesk.bootstrap import open_services

    s = open_services(data)  # the key folder comes from SALESDESK_KEY_DIR (monkeypatched)
    try:
        who = next(e for e in s.auth.signin_list() if e.code == "C102")
        return _register(s, s.auth.actor_for(who.id)).id
    finally:
        s.close()


def test_cli_export_and_erase(folder: tuple[Path, Path], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    data, keys = folder
    monkeypatch.setenv("SALESDESK_KEY_DIR", str(keys))
    cid = _cli_customer(data)
    out = tmp_path / "out" / "c.json"
    before = _table_counts(data / DB_FILE_NAME)

    no_pin = run(data, keys, "customer", "export", "--phone", PHONE, "--out", str(out),
                 "--staff", "S001")
    assert no_pin.returncode == 2 and "SALESDESK_PIN" in no_pin.stderr
    assert "Traceback" not in no_pin.stderr and not out.exists()
    no_pin = run(data, keys, "customer", "erase", "--phone", PHONE, "--reason", "要求",
                 "--staff", "S001")
    assert no_pin.returncode == 2 and "Traceback" not in no_pin.stderr
    assert _table_counts(data / DB_FILE_NAME) == before

    done = run(data, keys, "customer", "export", "--phone", PHONE, "--out", str(out),
               "--staff", "S001", pin="8001")
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["customer"]["id"] == cid
    assert out.with_suffix(".pdf").exists()

    consultant = run(data, keys, "customer", "erase", "--phone", PHONE, "--reason", "要求",
                     "--staff", "C102", pin="2102")
    assert consultant.returncode == 2 and "Traceback" not in consultant.stderr
    erased = run(data, keys, "customer", "erase", "--phone", PHONE, "--reason", "客户要求删除",
                 "--staff", "S001", pin="8001")
    assert erased.returncode == 0, erased.stderr
    assert "客户#" in erased.stdout
    assert PHONE not in erased.stdout + erased.stderr
    assert _files_hold(data, NAME, PHONE) == []
    again = run(data, keys, "customer", "export", "--phone", PHONE, "--out", str(out),
                "--staff", "S001", pin="8001")
    assert again.returncode == 2 and "没有使用该号码的客户" in again.stderr


def test_existing_exports_are_in_the_export_log(services: Services, supervisor: Actor,
                                                tmp_path: Path, clock: FakeClock) -> None:
    from datetime import date

    services.satisfaction.export_pdf(supervisor, tmp_path / "s.pdf")
    services.disclosure_audit.export(supervisor, date(2026, 1, 1), date(2026, 12, 31),
                                 csv_path=tmp_path / "d.csv")
    logged = {e.entity: e for e in services.audit.exports(supervisor)}
    assert set(logged) == {"satisfaction_report", "disclosure_report"}
    assert logged["disclosure_report"].detail.startswith("csv customers=")
    assert all(e.staff_id == supervisor.staff_id for e in logged.values())
    # The capability's own entry is still the newest of its transaction.
    assert services.audit.recent(supervisor)[0].action == "disclosure.export"

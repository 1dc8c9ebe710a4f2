"""A service-level test kit: a small project, and only the rows a test asks for.

Most service tests need a sales centre, a few staff and a unit or two, not the whole demo (202
units, 15 staff, months of activity). ``Kit`` imports a one-building project through the real
project importer into the test's own SQLite file, then makes staff, customers and units on
demand. Staff PINs are hashed once per run (scrypt is slow on purpose)."""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from salesdesk.domain import pin as pin_rules
from salesdesk.domain.care.plan import CareEvent, CareEventKind
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.project import (
    AdverseFactorSpec,
    BuildingSpec,
    CertificateKind,
    CertificateSpec,
    FactorSide,
    ProjectConfig,
    StaffSpec,
    TextVersionSpec,
    UnitSpec,
    UnitStatus,
)
from salesdesk.domain.roles import Actor, Role
from salesdesk.services.appointments import Booking
from salesdesk.services.care import TaskInfo
from salesdesk.services.container import Services
from salesdesk.services.disclosure import RoundRecord
from salesdesk.services.reception import CheckInRequest, CheckInResult
from salesdesk.services.signing import SubscriptionInfo

PIN = "2580"
BUILDING = "1"


@functools.cache
def pin_hash() -> str:
    return pin_rules.hash_pin(PIN)


def unit_spec(number: str, floor: int = 2, status: UnitStatus = UnitStatus.AVAILABLE,
              building: str = BUILDING) -> UnitSpec:
    return UnitSpec(building=building, number=number, floor=floor, layout="三室两厅",
                    orientation="南北", build_area=98.5, inner_area=80.1, unit_price=21000,
                    total_price=2068500, status=status)


def staff_spec(code: str, name: str, role: Role, senior: bool = False,
               phone: str = "") -> StaffSpec:
    return StaffSpec(code=code, name=name, role=role.value, agency="", senior=senior,
                     phone=phone, pin=None, pin_hash=pin_hash())


def small_project(units: tuple[UnitSpec, ...] = (), staff: tuple[StaffSpec, ...] = (),
                  ) -> ProjectConfig:
    """One building of six floors, the five certificates (the presale permit covering the
    building), a declaration, a contract template and one adverse factor on each side."""
    issued = date(2025, 3, 1)
    certificates = tuple(
        CertificateSpec(kind=kind, number=f"KIT-{kind.value}", issuer="市住建局",
                        issued_on=issued, valid_until=None, buildings=(BUILDING,))
        for kind in CertificateKind)
    factors = (
        AdverseFactorSpec(code="F-IN", side=FactorSide.INSIDE, category="substation",
                          title="小区内配电房", description="1号楼北侧配电房", direction="北",
                          distance_m=20.0, project_wide=True, buildings=(), units=(),
                          contract_annex=True),
        AdverseFactorSpec(code="F-OUT", side=FactorSide.OUTSIDE, category="elevated_road",
                          title="东侧高架", description="项目东侧规划高架路", direction="东",
                          distance_m=150.0, project_wide=True, buildings=(), units=(),
                          contract_annex=True),
    )
    return ProjectConfig(
        config_version="kit-1", company_code="KIT", company_name="测试置业",
        centre_code="KIT-C", centre_name="测试售楼处", centre_address="测试路 1 号",
        code="KIT-P", name="测试花园", city="杭州", district="西湖区", address="测试路 1 号",
        developer="测试置业有限公司", price_complaint_phone="12345",
        buildings=(BuildingSpec(code=BUILDING, name="1号楼", floors=6),),
        units=units or (unit_spec("1-201"), unit_spec("1-202"),
                        unit_spec("1-301", floor=3, status=UnitStatus.SIGNED)),
        certificates=certificates,
        sunshine_declaration=TextVersionSpec(version="1", title="阳光宣言",
                                             text="本项目承诺明码标价，不捂盘惜售。"),
        contract_template=TextVersionSpec(version="1", title="商品房买卖合同（示范文本）",
                                          text="合同范本正文。"),
        adverse_factors=factors,
        staff=staff,
    )


@dataclass
class Kit:
    """Rows on demand in a test's own database: ``kit.staff(Role.RECEPTION)`` is an actor."""

    services: Services
    config: ProjectConfig = field(default_factory=small_project)
    _codes: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        self.services.importer.import_config(None, self.config)

    def staff(self, role: Role, name: str | None = None, senior: bool = False,
              phone: str = "") -> Actor:
        """A new staff member of that role (PIN ``PIN``, code K001, K002, ...), signed in (as
        the app would after the PIN); ``phone`` is the work number customers are given."""
        n = next(self._codes)
        code = f"K{n:03d}"
        spec = staff_spec(code, name or f"员工{n}", role, senior, phone)
        self.config = replace(self.config, staff=(*self.config.staff, spec))
        self.services.importer.import_config(None, self.config)
        entry = next(e for e in self.services.auth.signin_list() if e.code == code)
        return self.services.auth.actor_for(entry.id)

    def unit(self, number: str, status: UnitStatus = UnitStatus.AVAILABLE,
             floor: int = 2, building: str = BUILDING) -> str:
        """Adds a unit to the project (as head office's next project file would); its id."""
        spec = unit_spec(number, floor, status, building)
        self.config = replace(self.config, units=(*self.config.units, spec))
        self.services.importer.import_config(None, self.config)
        return self.unit_id(number)

    def building(self, code: str, floors: int = 6, presale: bool = True) -> None:
        """Adds a building; ``presale=False`` leaves it outside the presale permit (not for
        sale, as a building still under construction is)."""
        certificates = tuple(
            replace(c, buildings=(*c.buildings, code)) if presale else c
            for c in self.config.certificates)
        self.config = replace(
            self.config, certificates=certificates,
            buildings=(*self.config.buildings,
                       BuildingSpec(code=code, name=f"{code}号楼", floors=floors)))
        self.services.importer.import_config(None, self.config)

    def factor(self, code: str, title: str, buildings: tuple[str, ...] = (BUILDING,),
               side: FactorSide = FactorSide.INSIDE, category: str = "other") -> None:
        """Adds an adverse factor that applies to the given buildings' units."""
        spec = AdverseFactorSpec(code=code, side=side, category=category, title=title,
                                 description=title, direction="", distance_m=None,
                                 project_wide=False, buildings=buildings, units=(),
                                 contract_annex=False)
        self.config = replace(self.config, adverse_factors=(*self.config.adverse_factors, spec))
        self.services.importer.import_config(None, self.config)

    def disclosure_round(self, actor: Actor, customer_id: str, unit_id: str,
                         kind: RoundKind = RoundKind.PRE_DEPOSIT, skip: tuple[str, ...] = (),
                         signature_png: bytes | None = None) -> RoundRecord:
        """A round through the disclosure service, every item ticked but ``skip``; on the
        paper form unless a signature is given."""
        return self.services.disclosure.record_round(
            actor, customer_id=customer_id, unit_id=unit_id, kind=kind,
            ticks=self.ticks(actor, customer_id, unit_id, skip),
            signature_png=signature_png, paper_form=signature_png is None)

    def ticks(self, actor: Actor, customer_id: str, unit_id: str,
              skip: tuple[str, ...] = ()) -> dict[str, datetime]:
        """Every checklist item of that customer and unit ticked now, but ``skip``."""
        checklist = self.services.disclosure.checklist(actor, customer_id, unit_id)
        now = self.services.db.now()
        return {i.code: now for i in checklist.items if i.code not in skip}

    def subscription(self, actor: Actor, customer_id: str, unit_id: str,
                     price: int = 2_800_000, deposit: int = 50_000) -> SubscriptionInfo:
        """A subscription after a complete pre-deposit round, as at the desk."""
        self.disclosure_round(actor, customer_id, unit_id)
        return self.services.subscriptions.subscribe(
            actor, customer_id=customer_id, unit_id=unit_id, price=price, deposit=deposit)

    def signing(self, actor: Actor, customer_id: str, on: date,
                unit_id: str | None = None) -> Booking:
        """A signing appointment in the first free slot of that day at the signing centre;
        with ``unit_id`` the customer must hold the unit's active subscription (rule 13)."""
        board = self.services.appointments.day_board(actor, on)
        slot = next(r.slot for r in board.rows if r.free)
        return self.services.appointments.book_signing(
            actor, customer_id=customer_id, starts_at=slot.starts_at,
            consultant_id=actor.staff_id, unit_id=unit_id)

    def visit(self, reception: Actor, phone: str, consultants: tuple[Actor, ...] = (),
              party_size: int = 1) -> CheckInResult:
        """A walk-in checked in at the desk (consent given); ``consultants`` join the rotation
        first, in that order, so one of them receives the visitor."""
        if consultants:
            self.services.reception.join(reception, [c.staff_id for c in consultants])
        return self.services.reception.check_in(
            reception, CheckInRequest(phone, party_size, consent=True))

    def follow_up_task(self, actor: Actor, customer_id: str, on: date,
                       ref: str = "kit-sub", unit: str = "") -> TaskInfo:
        """The call task a subscription makes for whoever received the customer."""
        (task,) = self.services.care.on_event(
            actor, CareEvent(CareEventKind.SUBSCRIBED, customer_id, on, ref=ref, unit=unit))
        return task

    def unit_id(self, number: str) -> str:
        admin = self.staff_cached(Role.ADMIN)
        return next(u.id for u in self.services.projects.units(admin) if u.number == number)

    def customer(self, phone: str | None = None, name: str = "测试客户",
                 owner: Actor | None = None) -> str:
        """A registered customer (consent given) owned by ``owner``; their id."""
        consultant = owner or self.staff_cached(Role.CONSULTANT)
        number = phone or f"1390000{next(self._codes):04d}"
        info = self.services.customers.register(
            consultant, phone=number, name=name, consent=True,
            owner_staff_id=consultant.staff_id)
        return info.id

    @functools.cached_property
    def _cached(self) -> dict[Role, Actor]:
        return {}

    def staff_cached(self, role: Role) -> Actor:
        """One member of that role for the whole test (made on first use)."""
        if role not in self._cached:
            self._cached[role] = self.staff(role)
        return self._cached[role]

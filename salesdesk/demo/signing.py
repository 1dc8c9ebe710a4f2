"""Demo signing materials: buyer interviews and checklists for several customers, the kinds of
buyers the seeds call special (Hong Kong, elderly, second home, foreign), some materials already
received. Uses services only."""

from __future__ import annotations

from datetime import date, timedelta

from salesdesk.demo.actors import demo_actor
from salesdesk.domain.disclosure import RoundKind
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.container import Services

# (consultant, name, salutation, phone, unit, answers, how many items already received)
DEMO_BUYERS: list[tuple[str, str, str, str, str | None, dict[str, object], int]] = [
    ("C102", "陈嘉豪", "陈先生", "13557160101", "1-1204",
     {"household": "non_local", "marital": "married", "region": "hong_kong",
      "payment": "combined", "signing": "in_person", "age_band": "36_50", "homes_owned": 0,
      "co_owners": ["spouse"]}, 4),
    ("C102", "刘思雨", "刘女士", "15857160202", "2-604",
     {"household": "non_local", "marital": "single", "region": "mainland", "payment": "full",
      "signing": "in_person", "age_band": "18_35", "homes_owned": 0, "co_owners": []}, 7),
    ("C101", "王桂兰", "王阿姨", "13957160303", "1-802",
     {"household": "local", "marital": "widowed", "region": "mainland",
      "payment": "commercial_loan", "signing": "proxy", "age_band": "over_60",
      "homes_owned": 0, "co_owners": ["minor_child"]}, 2),
    ("C201", "张伟", "张先生", "18657160404", "2-1501",
     {"household": "local", "marital": "married", "region": "mainland",
      "payment": "commercial_loan", "signing": "in_person", "age_band": "36_50",
      "homes_owned": 1, "co_owners": ["spouse", "minor_child"]}, 0),
    ("C203", "李安娜", "李女士", "13757160505", "1-1605",
     {"household": "non_local", "marital": "divorced", "region": "foreign",
      "payment": "housing_fund", "signing": "in_person", "age_band": "51_60",
      "homes_owned": 0, "co_owners": []}, 3),
    ("C104", "林志明", "林先生", "15157160606", None,
     {"household": "non_local", "marital": "married", "region": "taiwan",
      "payment": "commercial_loan", "signing": "in_person", "age_band": "51_60",
      "homes_owned": 0, "co_owners": ["spouse"]}, 0),
    ("C202", "赵晓东", "赵先生", "18857160707", "2-1102",
     {"household": "non_local", "marital": "married", "region": "mainland",
      "payment": "commercial_loan", "signing": "in_person", "age_band": "36_50",
      "homes_owned": 1, "co_owners": ["spouse"]}, 1),
]


def subscribed_on(services: Services, i: int) -> date:
    """The day demo buyer ``i`` paid the deposit (customer care's demo uses the same days)."""
    return services.db.now().astimezone(PROJECT_TZ).date() - timedelta(days=2 + i)


def seed(services: Services) -> None:
    units = {u.number: u for u in services.projects.units(demo_actor(services))}
    for i, (code, name, salutation, phone, unit, answers, received) in enumerate(DEMO_BUYERS):
        actor = demo_actor(services, code)
        found = services.customers.find_by_phone(actor, phone)
        customer = found or services.customers.register(
            actor, phone=phone, name=name, salutation=salutation, consent=True,
            owner_staff_id=actor.staff_id)
        chosen = units.get(unit) if unit else None
        unit_id = chosen.id if chosen else None
        if chosen is not None and unit_id is not None and not any(
                s.unit_id == unit_id and s.status == "active"
                for s in services.subscriptions.list(actor, customer.id)):
            # Signing materials are for a unit's subscriber only (rule 13): the buyer was told
            # every item before the deposit, then subscribed.
            cl = services.disclosure.checklist(actor, customer.id, unit_id)
            services.disclosure.record_round(
                actor, customer_id=customer.id, unit_id=unit_id, kind=RoundKind.PRE_DEPOSIT,
                ticks={item.code: services.db.now() for item in cl.items}, paper_form=True)
            services.subscriptions.subscribe(actor, customer_id=customer.id, unit_id=unit_id,
                                             price=chosen.total_price, deposit=50_000,
                                             subscribed_on=subscribed_on(services, i))
        view = services.signing.save_interview(actor, customer.id, answers, unit_id)
        for item in view.items[:received]:
            services.signing.tick(actor, item.id)

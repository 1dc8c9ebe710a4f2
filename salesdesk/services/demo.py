"""The demo sales centre: the demo project file plus realistic activity from each capability.

Idempotent: loading it twice changes nothing the second time."""

from __future__ import annotations

from collections.abc import Callable

from salesdesk.domain.errors import NotFound
from salesdesk.domain.roles import Actor
from salesdesk.services.container import Services
from salesdesk.services.project import DEMO_PATH, ImportSummary
from salesdesk.store.database import get_local_meta, set_local_meta

DEMO_FLAG = "demo_loaded"
DEMO_SUPERVISOR_CODE = "S001"

# A seeder adds one capability's demo activity. It runs once per database (its name is
# remembered in local_meta) and uses services only.
Seeder = Callable[[Services], None]


def seeders() -> list[tuple[str, Seeder]]:
    """One line per capability, in dependency order."""
    from salesdesk.services import (
        demo_appointments,
        demo_care,
        demo_disclosure,
        demo_reception,
        demo_signing,
    )

    return [
        # Disclosure first: its ledger is the demo's oldest history, and the signing buyers'
        # own pre-deposit rounds and subscriptions (rule 13) come after it.
        ("disclosure", demo_disclosure.seed),
        ("signing", demo_signing.seed),
        ("appointments", demo_appointments.seed),
        ("reception", demo_reception.seed),
        ("care", demo_care.seed),
    ]


def load_demo(services: Services) -> ImportSummary:
    summary = services.importer.import_file(None, DEMO_PATH)
    set_local_meta(services.db, DEMO_FLAG, "1")
    for name, seed in seeders():
        key = f"demo_seeded.{name}"
        if get_local_meta(services.db, key) is None:
            seed(services)
            set_local_meta(services.db, key, "1")
    return summary


def is_demo(services: Services) -> bool:
    return get_local_meta(services.db, DEMO_FLAG) == "1"


def demo_actor(services: Services, code: str = DEMO_SUPERVISOR_CODE) -> Actor:
    """Act as a demo staff member without a PIN: only on a demo database (screenshots, seeds)."""
    if not is_demo(services):
        raise NotFound("这不是演示数据库", en="This is not a demo database")
    for entry in services.auth.signin_list():
        if entry.code == code:
            return services.auth.actor_for(entry.id)
    raise NotFound(f"演示员工 {code} 不存在", en=f"No demo staff {code}")

"""Loading the demo: the demo project file, then each capability's seeder in order.

Idempotent: loading it twice changes nothing the second time."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from salesdesk.demo import appointments, care, disclosure, reception, signing
from salesdesk.demo.actors import DEMO_FLAG
from salesdesk.services.project import DEMO_PATH, ImportSummary
from salesdesk.store.database import get_local_meta, set_local_meta

if TYPE_CHECKING:
    from salesdesk.services.container import Services

# A seeder adds one capability's demo activity. It runs once per database (its name is
# remembered in local_meta) and uses services only.
Seeder = Callable[["Services"], None]

# One line per capability, in dependency order.
SEEDERS: tuple[tuple[str, Seeder], ...] = (
    # Disclosure first: its ledger is the demo's oldest history, and the signing buyers' own
    # pre-deposit rounds and subscriptions (rule 13) come after it.
    ("disclosure", disclosure.seed),
    ("signing", signing.seed),
    ("appointments", appointments.seed),
    ("reception", reception.seed),
    ("care", care.seed),
)


def load_demo(services: Services) -> ImportSummary:
    summary = services.importer.import_file(None, DEMO_PATH)
    set_local_meta(services.db, DEMO_FLAG, "1")
    for name, seed in SEEDERS:
        key = f"demo_seeded.{name}"
        if get_local_meta(services.db, key) is None:
            seed(services)
            set_local_meta(services.db, key, "1")
    return summary

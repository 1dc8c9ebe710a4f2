"""Whether a database is the demo, and acting as one of the demo's staff without a PIN. The
seeders and the screenshots need these; nothing here seeds anything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesdesk.domain.errors import NotFound
from salesdesk.domain.roles import Actor
from salesdesk.store.database import get_local_meta

if TYPE_CHECKING:
    from salesdesk.services.container import Services

DEMO_FLAG = "demo_loaded"
DEMO_SUPERVISOR_CODE = "S001"


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

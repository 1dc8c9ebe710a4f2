"""The demo sales centre: the demo project file plus realistic activity from each capability.

``load.py`` runs one seeder per capability (``appointments.py``, ``care.py``, ...) in order;
the seeders use the services only and share nothing but ``actors.py``."""

from __future__ import annotations

from salesdesk.demo.actors import DEMO_FLAG, DEMO_SUPERVISOR_CODE, demo_actor, is_demo
from salesdesk.demo.load import load_demo

__all__ = ["DEMO_FLAG", "DEMO_SUPERVISOR_CODE", "demo_actor", "is_demo", "load_demo"]

"""The sign-in screen's list of staff, as it is shown before the rest of SalesDesk has loaded.

Light on purpose: the standard library reads the roster (``store.signin_roster``), so the
window paints its sign-in screen without SQLAlchemy, the models or the other services; those
load in the background while the PIN is typed. ``AuthService.signin_list`` gives the same
entries from the open database once it is there."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from salesdesk.domain.roles import ROLE_LABELS_ZH, Role
from salesdesk.store.signin_roster import read_roster


@dataclass(frozen=True)
class StaffEntry:
    id: str
    code: str
    name: str
    role: Role
    agency: str
    senior: bool
    active: bool
    phone: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS_ZH[self.role]


def signin_order(entries: Iterable[StaffEntry]) -> list[StaffEntry]:
    """The order the sign-in screen shows: by role, then agency, then code."""
    order = {r: i for i, r in enumerate(Role)}
    return sorted(entries, key=lambda e: (order[e.role], e.agency, e.code))


@dataclass(frozen=True)
class QuickSignin:
    """Enough to paint the sign-in screen: who may sign in, the centre, the language."""

    staff: list[StaffEntry]
    centre_name: str
    lang: str


def quick_signin(data_dir: Path) -> QuickSignin | None:
    """The sign-in screen's data read straight from the file, or None when the database must be
    opened (created, upgraded, refused) first or has nobody to sign in: then the caller opens
    it the usual way before showing anything."""
    roster = read_roster(data_dir)
    if roster is None:
        return None
    try:
        staff = [StaffEntry(r.id, r.code, r.name, Role(r.role), r.agency, r.senior, r.active,
                            r.phone) for r in roster.staff]
    except ValueError:
        return None  # a role this code does not know: let the full opening deal with it
    return QuickSignin(signin_order(staff), roster.centre_name, roster.lang)

"""Customer care's questions to the store: its settings (the plan, edited templates), care
profiles, follow-up tasks, score cards, and the few customer facts a care message needs.

Complaints, the handover and the escalation chain have their own modules (care_*.py)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, inspect, select

from salesdesk.store.models.appointments import ReminderMessage
from salesdesk.store.models.care import CareProfile, CareSetting, FollowUpTask, ScoreCard
from salesdesk.store.models.customer import Customer, CustomerPhone
from salesdesk.store.models.project import Project, Unit
from salesdesk.store.queries import common, synced
from salesdesk.store.uow import UnitOfWork

# Lookups every capability shares, written once in common.py.
customer_row = common.customer_row

# --- customers, project ---------------------------------------------------------------------


phone_number = common.phone_number

_CUSTOMER_OWNER = select(Customer.deleted, Customer.owner_staff_id).where(
    Customer.id == bindparam("customer_id"))


def customer_owner(uow: UnitOfWork, customer_id: str) -> tuple[bool, str | None] | None:
    """(deleted, owner staff id) of the customer, None if there is none: all an event's tasks
    need, without loading the row."""
    row = synced.read(uow, _CUSTOMER_OWNER, {"customer_id": customer_id}).first()
    return None if row is None else (bool(row[0]), row[1])


def phones_ending(uow: UnitOfWork, last4: str, limit: int = 20) -> list[CustomerPhone]:
    return list(uow.session.scalars(select(CustomerPhone).where(
        CustomerPhone.last4_hash == uow.phones.last4_hash(last4),
        CustomerPhone.deleted.is_(False)).limit(limit)))


def project_name(uow: UnitOfWork) -> str:
    name = uow.session.scalar(select(Project.name).where(Project.deleted.is_(False))
                              .order_by(Project.created_at).limit(1))
    return name or ""


def unit_number(uow: UnitOfWork, unit_id: str | None) -> str:
    unit = uow.session.get(Unit, unit_id) if unit_id else None
    return unit.number if unit is not None else ""


# --- settings -------------------------------------------------------------------------------


def setting_row(uow: UnitOfWork, key: str) -> CareSetting | None:
    """The newest live row of a setting (two devices may each have saved one)."""
    return uow.session.scalar(select(CareSetting).where(
        CareSetting.key == key, CareSetting.deleted.is_(False)
    ).order_by(CareSetting.created_at.desc()).limit(1))


_SETTING_VALUE = select(CareSetting.value).where(
    CareSetting.key == bindparam("key"), CareSetting.deleted.is_(False)
).order_by(CareSetting.created_at.desc()).limit(1)


def setting_value(uow: UnitOfWork, key: str) -> str | None:
    """``setting_row``'s value alone (the plan is read on every signing booking)."""
    value: str | None = synced.read(uow, _SETTING_VALUE, {"key": key}).scalar()
    return value


def settings_with_prefix(uow: UnitOfWork, prefix: str) -> list[CareSetting]:
    """Oldest first, so a later save of the same key wins when folded in order."""
    return list(uow.session.scalars(select(CareSetting).where(
        CareSetting.key.startswith(prefix), CareSetting.deleted.is_(False)
    ).order_by(CareSetting.created_at)))


def add_setting(uow: UnitOfWork, key: str, value: str) -> CareSetting:
    row = CareSetting(key=key, value=value)
    uow.add(row)
    return row


# --- care profiles --------------------------------------------------------------------------


_PROFILE_OF = select(CareProfile).where(
    CareProfile.customer_id == bindparam("customer_id"), CareProfile.deleted.is_(False)).limit(1)


def profile_of(uow: UnitOfWork, customer_id: str) -> CareProfile | None:
    return uow.session.scalar(_PROFILE_OF, {"customer_id": customer_id})


def live_profiles(uow: UnitOfWork) -> list[CareProfile]:
    return list(uow.session.scalars(select(CareProfile).where(CareProfile.deleted.is_(False))))


def add_profile(uow: UnitOfWork, customer_id: str) -> CareProfile:
    row = CareProfile(customer_id=customer_id)
    uow.add(row)
    return row


# --- follow-up tasks ------------------------------------------------------------------------


def task_row(uow: UnitOfWork, task_id: str) -> FollowUpTask | None:
    return uow.session.get(FollowUpTask, task_id)


def add_task(uow: UnitOfWork, **fields: Any) -> FollowUpTask:
    row = FollowUpTask(**fields)
    uow.add(row)
    return row


_PROFILE_VALUES = select(*(getattr(CareProfile, a.key) for a in inspect(CareProfile).column_attrs)
                         ).where(CareProfile.customer_id == bindparam("customer_id"),
                                 CareProfile.deleted.is_(False)).limit(1)


def profile_values(uow: UnitOfWork, customer_id: str) -> dict[str, Any] | None:
    """The customer's live profile as plain values (every column, by name), None without
    one: an event's tasks update it without loading the row."""
    row = synced.read(uow, _PROFILE_VALUES, {"customer_id": customer_id}).first()
    return None if row is None else dict(row._mapping)


def insert_plan_rows(uow: UnitOfWork, profile: dict[str, Any] | None,
                     tasks: list[dict[str, Any]],
                     profile_update: tuple[dict[str, Any], dict[str, Any]] | None = None
                     ) -> None:
    """An event's new profile (if any) and tasks (ids set by the caller) as Core inserts, and
    its changes to an existing profile (``profile_values``, new values) as a Core update, with
    their outbox entries in one executemany (store/queries/synced.py)."""
    updates = []
    if profile_update is not None:
        current, changes = profile_update
        held = uow.session.identity_map.get(
            uow.session.identity_key(CareProfile, current["id"]))
        if held is not None:
            # Loaded earlier in this unit of work: changed through the session, or its copy
            # would overwrite the update at the next flush.
            for name, value in changes.items():
                setattr(held, name, value)
        else:
            updates.append(synced.RowUpdate(CareProfile, current, changes))
    synced.insert_batches(uow, [(CareProfile, [profile] if profile else []),
                                (FollowUpTask, tasks)], updates)


def task_id_by_key(uow: UnitOfWork, dedupe_key: str, *, live_only: bool = True) -> str | None:
    """The task made for this key; ``live_only=False`` also finds a deleted one (a task
    somebody removed is not made again)."""
    q = select(FollowUpTask.id).where(FollowUpTask.dedupe_key == dedupe_key)
    if live_only:
        q = q.where(FollowUpTask.deleted.is_(False))
    return uow.session.scalar(q)


_TASK_IDS_BY_KEYS = select(FollowUpTask.dedupe_key, FollowUpTask.id).where(
    FollowUpTask.dedupe_key.in_(bindparam("keys", expanding=True)),
    FollowUpTask.deleted.is_(False))
# An event of one task (a signing's day-before text) asks for one key: a plain parameter, as
# an expanding IN is rewritten on every run.
_TASK_ID_BY_KEY = select(FollowUpTask.dedupe_key, FollowUpTask.id).where(
    FollowUpTask.dedupe_key == bindparam("key"), FollowUpTask.deleted.is_(False))


def task_ids_by_keys(uow: UnitOfWork, dedupe_keys: Collection[str]) -> dict[str, str]:
    """dedupe key -> id of the live task made for it, for the keys that have one."""
    if not dedupe_keys:
        return {}
    keys = list(dedupe_keys)
    rows = synced.read(uow, _TASK_ID_BY_KEY, {"key": keys[0]}) if len(keys) == 1 \
        else synced.read(uow, _TASK_IDS_BY_KEYS, {"keys": keys})
    return {str(r[0]): str(r[1]) for r in rows}


def open_tasks_with_key_prefix(uow: UnitOfWork, prefix: str) -> list[FollowUpTask]:
    return list(uow.session.scalars(select(FollowUpTask).where(
        FollowUpTask.dedupe_key.startswith(prefix, autoescape=True),
        FollowUpTask.status == "open", FollowUpTask.deleted.is_(False))))


def tasks_of_withdrawn_messages(uow: UnitOfWork, prefix: str) -> list[FollowUpTask]:
    """Done tasks of the key prefix whose message was withdrawn before it went out."""
    return list(uow.session.scalars(select(FollowUpTask).join(
        ReminderMessage, ReminderMessage.id == FollowUpTask.message_id).where(
        FollowUpTask.dedupe_key.startswith(prefix, autoescape=True),
        FollowUpTask.status == "done", FollowUpTask.deleted.is_(False),
        ReminderMessage.deleted.is_(True))))


def open_tasks_starting_by(uow: UnitOfWork, channel: str, day: date,
                           only: Collection[str] | None = None) -> list[FollowUpTask]:
    """Open, started by ``day`` and due no earlier than the day before it (a greeting days
    late is not sent); ``only`` limits it to those task ids."""
    query = select(FollowUpTask).where(
        FollowUpTask.status == "open", FollowUpTask.channel == channel,
        FollowUpTask.starts_on <= day, FollowUpTask.due_on >= day - timedelta(days=1),
        FollowUpTask.deleted.is_(False))
    if only is not None:
        query = query.where(FollowUpTask.id.in_(list(only)))
    return list(uow.session.scalars(query))


def task_ids(uow: UnitOfWork, *, owner_staff_id: str | None, include_done: bool,
             limit: int) -> list[str]:
    """By due day; ``owner_staff_id`` None means everyone's."""
    q = select(FollowUpTask.id).where(FollowUpTask.deleted.is_(False))
    if owner_staff_id is not None:
        q = q.where(FollowUpTask.owner_staff_id == owner_staff_id)
    if not include_done:
        q = q.where(FollowUpTask.status == "open")
    return list(uow.session.scalars(q.order_by(FollowUpTask.due_on).limit(limit)))


def tasks_due_between(uow: UnitOfWork, start: date, end: date) -> list[FollowUpTask]:
    """Live, not cancelled, due in [start, end]."""
    return list(uow.session.scalars(select(FollowUpTask).where(
        FollowUpTask.deleted.is_(False), FollowUpTask.status != "cancelled",
        FollowUpTask.due_on >= start, FollowUpTask.due_on <= end)))


def open_tasks_owned_by(uow: UnitOfWork, staff_ids: list[str]) -> list[FollowUpTask]:
    return list(uow.session.scalars(select(FollowUpTask).where(
        FollowUpTask.owner_staff_id.in_(staff_ids), FollowUpTask.status == "open",
        FollowUpTask.deleted.is_(False))))


# --- score cards ----------------------------------------------------------------------------


def add_score_card(uow: UnitOfWork, **fields: Any) -> ScoreCard:
    row = ScoreCard(**fields)
    uow.add(row)
    return row


def score_cards_between(uow: UnitOfWork, start: date, end: date) -> list[ScoreCard]:
    return list(uow.session.scalars(select(ScoreCard).where(
        ScoreCard.deleted.is_(False), ScoreCard.scored_on >= start,
        ScoreCard.scored_on <= end).order_by(ScoreCard.scored_on)))

"""What a write changed (Anki's ``OpChanges``): the one record every open screen refreshes from.

A write runs through ``UiContext.run_op``; once it has succeeded, ``AppEvents.op_executed``
carries its ``OpChanges`` and the screen it came from (the origin, which has already shown the
result itself). Other screens refresh when a flag they show is set; no screen announces a change
by hand, and the origin does not load the same data a second time."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Literal

Area = Literal["reception", "appointments", "disclosure", "signing", "care", "customers",
               "project", "staff", "sync", "preferences"]


@dataclass(frozen=True)
class OpChanges:
    reception: bool = False  # the floor, the rotation, the queue, the board
    appointments: bool = False
    disclosure: bool = False  # rounds, subscriptions, follow-ups, the ledger
    signing: bool = False
    care: bool = False
    customers: bool = False
    project: bool = False  # units, texts, the project file
    staff: bool = False
    sync: bool = False  # the outbox, conflicts, the sync state
    preferences: bool = False

    def touches(self, areas: frozenset[Area]) -> bool:
        """Whether any of ``areas`` (what a screen shows) was changed."""
        return any(getattr(self, area) for area in areas)

    def __or__(self, other: OpChanges) -> OpChanges:
        return replace(self, **{f.name: True for f in fields(other) if getattr(other, f.name)})

    @classmethod
    def of(cls, *areas: Area) -> OpChanges:
        return cls(**{area: True for area in areas})


# A sync round that pulled rows: another device may have changed anything.
EVERYTHING = OpChanges(**{f.name: True for f in fields(OpChanges)})

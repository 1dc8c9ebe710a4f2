"""One device for the chaos run, as its own process (so it can be killed at any moment).

Usage: chaos_device.py DATA KEYS SEED SECONDS [--clock-offset S] [--offline] [--ack-early]
[--eager] [--pusher].
Works like a busy sales centre: new records, edits, bookings of scarce signing desks, and a
sync round now and then. Each action writes its outbox change id to the ground-truth log in
the same transaction as the action itself."""

from __future__ import annotations

import argparse
import contextlib
import faulthandler
import os
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from salesdesk.store.database import open_database
from salesdesk.store.models.local import OutboxEntry
from salesdesk.sync.client.engine import SyncClient
from salesdesk.sync.client.errors import SyncError
from tests.e2e.chaos_models import SLOTS, ChaosBase, ChaosBooking, ChaosNote, action_log


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("keys")
    p.add_argument("seed", type=int)
    p.add_argument("seconds", type=float)
    p.add_argument("--clock-offset", type=float, default=0.0)
    p.add_argument("--offline", action="store_true")
    p.add_argument("--ack-early", action="store_true")
    p.add_argument("--eager", action="store_true", help="sync after every action")
    p.add_argument("--pusher", action="store_true",
                   help="only new records, each pushed at once (keeps pushes in flight)")
    args = p.parse_args(argv)
    os.environ["SALESDESK_NO_KEYRING"] = "1"
    faulthandler.dump_traceback_later(args.seconds + 4, exit=True)
    offset = timedelta(seconds=args.clock_offset)
    db = open_database(Path(args.data), Path(args.keys),
                       clock=lambda: datetime.now(UTC) + offset)
    client = SyncClient(db.path, Path(args.keys), local_device_id=db.device_id, clock=db.clock,
                        extra_metadata=(ChaosBase.metadata,), ack_before_reply=args.ack_early,
                        batch_size=20)
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        with db.uow() as uow:
            s = uow.session
            roll = rng.random()
            # Mostly one's own records (a consultant edits their customers), sometimes anyone's.
            mine = rng.random() < 0.7
            q = select(ChaosNote.id).order_by(ChaosNote.created_at.desc()).limit(50)
            if mine:
                q = q.where(ChaosNote.created_by_device == db.device_id)
            notes = s.scalars(q).all()
            if args.pusher or roll < 0.4 or not notes:
                obj: object = ChaosNote(title=f"{db.device_id[:6]}-{args.seed}-{n}", body="")
                s.add(obj)
                kind = "insert"
            elif roll < 0.85:
                obj = s.get(ChaosNote, rng.choice(notes))
                obj.body = f"{db.device_id[:6]} edit {n}"  # type: ignore[union-attr]
                kind = "edit"
            else:
                day, slot = rng.choice(SLOTS)
                obj = ChaosBooking(slot_day=day, slot_time=slot, customer=f"c{n}")
                s.add(obj)
                kind = "book"
            s.flush()
            row_id = obj.id  # type: ignore[union-attr]
            change_id = s.scalar(select(OutboxEntry.change_id).where(
                OutboxEntry.row_id == row_id).order_by(OutboxEntry.seq.desc()).limit(1))
            s.execute(insert(action_log).values(change_id=change_id,
                                                entity=type(obj).__tablename__,
                                                row_id=row_id, kind=kind))
            uow.commit()
        if not args.offline and (args.eager or args.pusher or rng.random() < 0.4):
            with contextlib.suppress(SyncError):
                client.sync_round(max_batches=20)
        time.sleep(rng.random() * 0.02)
    client.close()
    db.close()


if __name__ == "__main__":
    main()

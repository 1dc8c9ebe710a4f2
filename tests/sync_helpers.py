"""Building raw pushes for protocol tests (what a device would send), without a device."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from salesdesk.sync.hlc import Hlc


class RawDevice:
    """Speaks the protocol directly, so tests can send exactly the batches they mean."""

    def __init__(self, base_url: str, code: str, centre_id: str | None = None) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30)
        reply = self.http.post("/v1/enrol", json={"code": code, "label": "raw",
                                                  "first_seq": 1}).json()
        self.device_id = reply["device_id"]
        self.secret = reply["secret"]
        self.centre_id = centre_id or reply["sales_centre_id"]
        self.token = self.new_token()
        self.seq = 0

    def new_token(self) -> str:
        return str(self.http.post("/v1/token", json={"device_id": self.device_id,
                                                     "secret": self.secret}).json()["token"])

    def row(self, **values: Any) -> dict[str, Any]:
        now = datetime.now(UTC).isoformat()
        base = {"id": str(uuid.uuid4()), "sales_centre_id": self.centre_id, "server_seq": 0,
                "deleted": False, "row_version": 1, "created_at": now, "updated_at": now,
                "created_by_device": self.device_id, "updated_by_device": self.device_id,
                "created_by_staff": None, "updated_by_staff": None}
        base.update(values)
        return base

    def change(self, entity: str, payload: dict[str, Any], *, operation: str = "insert",
               fields: list[str] | None = None, base_version: int = 0,
               seq: int | None = None) -> dict[str, Any]:
        if seq is None:
            self.seq += 1
            seq = self.seq
        return {"seq": seq, "change_id": str(uuid.uuid4()), "entity": entity,
                "row_id": payload["id"], "operation": operation, "base_version": base_version,
                "fields": fields or [], "payload": payload,
                "hlc": Hlc(int(datetime.now(UTC).timestamp() * 1000), 0, "x").encode()}

    def push(self, changes: list[dict[str, Any]], batch_id: str = "b") -> httpx.Response:
        return self.http.post("/v1/push", json={"batch_id": batch_id, "changes": changes},
                              headers={"Authorization": f"Bearer {self.token}"})

    def pull(self, cursor: int = 0, limit: int = 1000) -> dict[str, Any]:
        r = self.http.get("/v1/pull", params={"cursor": cursor, "limit": limit},
                          headers={"Authorization": f"Bearer {self.token}"})
        r.raise_for_status()
        data: dict[str, Any] = r.json()
        return data

"""HTTP to the sync service (httpx). Holds the short-lived token and refreshes it when the
server says it expired; maps refusals to the errors the rest of the client acts on."""

from __future__ import annotations

import functools
import os
import ssl
from collections.abc import Callable
from typing import Any

import httpx

from salesdesk.sync.client.errors import (
    SyncNeedsReenrol,
    SyncRefused,
    SyncRevoked,
    SyncUnavailable,
)


@functools.lru_cache(maxsize=4)
def _default_tls(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    # Loading the trusted certificates takes tens of milliseconds, and a transport is made
    # for each enrolment and sync session: one context serves them all (it is thread-safe).
    # Keyed on the variables httpx reads, so changing them still takes effect.
    return httpx.create_ssl_context()


def _tls(verify: bool | str) -> bool | str | ssl.SSLContext:
    if verify is True:
        return _default_tls(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR"))
    return verify


class Transport:
    def __init__(self, base_url: str, *, timeout: float = 30.0, verify: bool | str = True,
                 client: httpx.Client | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = client or httpx.Client(base_url=self.base_url, timeout=timeout,
                                              verify=_tls(verify))
        self.token: str | None = None
        self.credentials: Callable[[], tuple[str, str]] | None = None

    def close(self) -> None:
        self._client.close()

    def _send(self, method: str, path: str, *, json: Any = None, content: bytes | None = None,
              params: dict[str, Any] | None = None, auth: bool = True) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if auth and self.token else {}
        if content is not None:
            headers["Content-Type"] = "application/json"
        try:
            return self._client.request(method, path, json=json, content=content,
                                        params=params, headers=headers)
        except httpx.HTTPError as exc:
            raise SyncUnavailable("无法连接总部同步服务，稍后自动重试",
                                  en=f"Cannot reach the sync service ({type(exc).__name__}); "
                                  "will retry") from exc

    def _check(self, resp: httpx.Response) -> dict[str, Any]:
        if resp.status_code == 200:
            try:
                data: dict[str, Any] = resp.json()
            except ValueError as exc:
                raise SyncUnavailable("同步服务应答无效", en="Invalid reply from sync") from exc
            return data
        try:
            err = resp.json()
            code, message = str(err.get("error", "")), str(err.get("message", ""))
        except ValueError:
            code, message = "", resp.text[:200]
        if resp.status_code == 409:
            raise SyncNeedsReenrol(
                "本机数据库似乎从旧备份恢复，需要重新登记设备后才能同步（本机数据不会丢失）",
                en=f"This device must re-enrol: {message}")
        if code == "revoked":
            raise SyncRevoked("本设备已被总部停用，无法同步",
                              en="This device was revoked by head office")
        if resp.status_code >= 500 or code == "retry":
            raise SyncUnavailable("同步服务暂时不可用，稍后自动重试",
                                  en=f"Sync service unavailable ({resp.status_code})")
        raise SyncRefused(f"同步被拒绝：{message}", en=f"Sync refused ({code}): {message}")

    def refresh_token(self) -> None:
        if self.credentials is None:
            raise SyncRefused("设备未登记", en="This device is not enrolled")
        device_id, secret = self.credentials()
        data = self._check(self._send("POST", "/v1/token", auth=False,
                                      json={"device_id": device_id, "secret": secret}))
        self.token = str(data["token"])

    def call(self, method: str, path: str, *, json: Any = None, content: bytes | None = None,
             params: dict[str, Any] | None = None) -> dict[str, Any]:
        """An authenticated call; an expired or missing token is refreshed once."""
        if self.token is None:
            self.refresh_token()
        resp = self._send(method, path, json=json, content=content, params=params)
        if resp.status_code == 401:
            self.refresh_token()
            resp = self._send(method, path, json=json, content=content, params=params)
        return self._check(resp)

    def enrol(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._check(self._send("POST", "/v1/enrol", json=body, auth=False))

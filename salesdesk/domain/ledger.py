"""The disclosure ledger's hash chain: one chain per device, each record carrying the SHA-256 of
its canonical JSON content, which includes the previous record's hash.

An edited record no longer matches its hash; a deleted one leaves a gap in the sequence and a
broken link; records whose order was swapped fail both. ``verify_chain`` streams the records
(millions of them) and names each bad one."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64

# The hashed content, in this order. Every value is a string or an integer; times are the
# stored UTC text ("2026-11-24 02:00:00.000000"). ``reason`` is free text and always last.
HASH_FIELDS: tuple[str, ...] = (
    "id", "sales_centre_id", "created_by_device", "chain_seq", "prev_hash", "record_type",
    "round_kind", "customer_id", "unit_id", "consultant_id", "recorded_by", "started_at",
    "recorded_at", "checklist_id", "checklist_hash", "coverage", "n_items", "n_covered",
    "sunshine_ok", "certificates_ok", "contract_ok", "factors_ok", "signature_id",
    "signature_hash", "paper_form", "supersedes_id", "reason",
)
INT_FIELDS = frozenset({"chain_seq", "n_items", "n_covered", "sunshine_ok", "certificates_ok",
                        "contract_ok", "factors_ok", "paper_form"})
F = {name: i for i, name in enumerate(HASH_FIELDS)}
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def canonical(values: Sequence[Any]) -> str:
    """The canonical JSON of a record's content: an array in HASH_FIELDS order."""
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


def record_hash(values: Sequence[Any]) -> str:
    if len(values) != len(HASH_FIELDS):
        raise ValueError("a record has exactly the hashed fields")
    return hashlib.sha256(canonical(values).encode("utf-8")).hexdigest()


# A faster way to the same bytes for the verifier (millions of rows): every field but the
# reason is an id, a hex digest, a fixed word, digits or a time, so "%s" inside quotes gives
# exactly what json.dumps gives — unless a value holds a quote or backslash, which the quote
# count and backslash test catch; such rows (and any of odd type) take json.dumps instead.
_HEAD_FIELDS = HASH_FIELDS[:-1]
_HEAD = "[" + ",".join("%s" if f in INT_FIELDS else '"%s"' for f in _HEAD_FIELDS) + ","
_QUOTES = 2 * sum(1 for f in _HEAD_FIELDS if f not in INT_FIELDS)
_STR_IDX = tuple(i for i, f in enumerate(_HEAD_FIELDS) if f not in INT_FIELDS)
_INT_IDX = tuple(i for i, f in enumerate(_HEAD_FIELDS) if f in INT_FIELDS)
_sha256 = hashlib.sha256


def fast_record_hash(values: Sequence[Any]) -> str:
    reason = values[-1]
    head = values[:-1]
    try:
        text = _HEAD % tuple(head)
    except TypeError:
        return record_hash(values)
    if (text.count('"') != _QUOTES or "\\" in text or not isinstance(reason, str)
            or any(type(head[i]) is not int for i in _INT_IDX)
            or any(type(head[i]) is not str for i in _STR_IDX)):
        return record_hash(values)
    if reason:
        text += json.dumps(reason, ensure_ascii=False) + "]"
    else:
        text += '""]'
    return _sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    record_id: str
    device_id: str
    chain_seq: int
    recorded_at: str
    problem: str  # altered | missing_before | out_of_order | broken_link | tail_missing | ...
    detail_zh: str
    detail_en: str

    def text(self) -> str:
        where = f"设备 {self.device_id[:8]} 第 {self.chain_seq} 条"
        if self.recorded_at:
            where += f"，{self.recorded_at[:19]} UTC"
        return f"记录 {self.record_id}（{where}）：{self.detail_zh} / {self.detail_en}"


@dataclass(frozen=True)
class ChainHead:
    chain_seq: int
    hash: str


@dataclass
class ChainStats:
    records: int = 0
    devices: int = 0


def verify_chain(rows: Iterable[Sequence[Any]], heads: dict[str, ChainHead] | None = None,
                 stats: ChainStats | None = None,
                 checklists: dict[str, str] | None = None,
                 signatures: dict[str, str] | None = None) -> Iterator[ChainProblem]:
    """Check every record of every device chain.

    ``rows``: the HASH_FIELDS values followed by the stored hash, ordered by device then
    chain_seq. ``heads``: the last (seq, hash) each device wrote, remembered apart from the
    table, so a deleted last record is noticed too. ``checklists`` / ``signatures``: id ->
    verified content hash, to check each record points at intact evidence."""
    stats = stats if stats is not None else ChainStats()
    i_id, i_dev, i_seq, i_prev = F["id"], F["created_by_device"], F["chain_seq"], F["prev_hash"]
    i_at, i_cl, i_clh = F["recorded_at"], F["checklist_id"], F["checklist_hash"]
    i_sig, i_sigh = F["signature_id"], F["signature_hash"]
    n = len(HASH_FIELDS)
    device: str | None = None
    expected_seq = 1
    prev_hash = GENESIS
    seen_devices: set[str] = set()

    def problem(row: Sequence[Any], kind: str, zh: str, en: str) -> ChainProblem:
        return ChainProblem(str(row[i_id]), str(row[i_dev]), int(row[i_seq] or 0),
                            str(row[i_at] or ""), kind, zh, en)

    def tail_check(dev: str, last_seq: int, last_hash: str) -> Iterator[ChainProblem]:
        if heads is None or dev not in heads:
            return
        head = heads[dev]
        if head.chain_seq > last_seq:
            yield ChainProblem("?", dev, head.chain_seq, "", "tail_missing",
                               f"第 {last_seq + 1}–{head.chain_seq} 条记录已被删除（链尾缺失）",
                               f"records {last_seq + 1}-{head.chain_seq} were deleted "
                               "(end of chain missing)")
        elif head.chain_seq == last_seq and head.hash != last_hash:
            yield ChainProblem("?", dev, last_seq, "", "tail_altered",
                               "链尾记录与本机保存的链头不一致",
                               "the last record differs from the chain head kept on this device")

    last_hash = GENESIS
    for row in rows:
        values, stored = row[:n], row[n]
        dev = str(values[i_dev])
        if dev != device:
            if device is not None:
                yield from tail_check(device, expected_seq - 1, last_hash)
            device = dev
            seen_devices.add(dev)
            expected_seq, prev_hash, last_hash = 1, GENESIS, GENESIS
        stats.records += 1
        seq = values[i_seq]
        if fast_record_hash(values) != stored:
            yield problem(values, "altered", "内容与哈希不符（记录被改动）",
                          "content does not match its hash (record edited)")
        if seq != expected_seq:
            if isinstance(seq, int) and seq > expected_seq:
                gap = (f"第 {expected_seq} 条" if seq == expected_seq + 1
                       else f"第 {expected_seq}–{seq - 1} 条")
                yield problem(values, "missing_before", f"此前的{gap}记录缺失（被删除）",
                              f"record(s) {expected_seq}..{seq - 1} before it are missing "
                              "(deleted)")
            else:
                yield problem(values, "out_of_order", "序号重复或顺序被调换",
                              "sequence number repeated or order swapped")
        elif values[i_prev] != prev_hash:
            yield problem(values, "broken_link", "与前一条记录的链接断开（前一条被改动或调换）",
                          "link to the previous record broken (previous edited or swapped)")
        if checklists is not None and checklists.get(str(values[i_cl])) != values[i_clh]:
            yield problem(values, "checklist", "所指清单缺失或被改动",
                          "its checklist is missing or was edited")
        if (signatures is not None and values[i_sig]
                and signatures.get(str(values[i_sig])) != values[i_sigh]):
            yield problem(values, "signature", "客户签名图像缺失或被改动",
                          "the customer's signature image is missing or was edited")
        prev_hash = str(stored)
        last_hash = str(stored)
        expected_seq = (seq + 1) if isinstance(seq, int) else expected_seq + 1
    if device is not None:
        yield from tail_check(device, expected_seq - 1, last_hash)
    for dev, head in (heads or {}).items():
        if dev not in seen_devices and head.chain_seq > 0:
            yield ChainProblem("?", dev, head.chain_seq, "", "tail_missing",
                               f"本设备的全部 {head.chain_seq} 条记录均已被删除",
                               f"all {head.chain_seq} records of this device were deleted")
    stats.devices = len(seen_devices)

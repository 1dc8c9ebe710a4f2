"""The disclosure ledger's hash chain: one chain per device, each record carrying the SHA-256 of
its canonical JSON content, which includes the previous record's hash.

An edited record no longer matches its hash; a deleted one leaves a gap in the sequence and a
broken link; records whose order was swapped fail both. ``verify_chain`` streams the records
(millions of them) and names each bad one."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
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


@dataclass(frozen=True)
class ChainSummary:
    """One device's chain as this file holds it, and what head office acknowledged of it (the
    audit report prints it: a paper anchor)."""

    device_id: str
    records: int
    head_seq: int
    head_hash: str
    ack_seq: int
    ack_hash: str
    own: bool


@dataclass
class ChainStats:
    records: int = 0
    devices: int = 0


@dataclass(frozen=True)
class SuspectRow:
    """What the verifier knows about one record and its predecessor in the device's chain."""

    record_id: str
    device_id: str
    chain_seq: Any
    recorded_at: str
    stored_hash: str
    computed_hash: str
    prev_hash: str  # as stored in the record
    prev_seq: Any  # the previous record's chain_seq (None for the first one read)
    prev_stored_hash: str | None  # the previous record's own hash
    checklist_ok: bool = True
    signature_ok: bool = True


def classify(r: SuspectRow) -> list[ChainProblem]:
    """Every problem of one record, named."""
    out: list[ChainProblem] = []

    def add(kind: str, zh: str, en: str) -> None:
        seq = r.chain_seq if isinstance(r.chain_seq, int) else 0
        out.append(ChainProblem(r.record_id, r.device_id, seq, r.recorded_at or "", kind, zh, en))

    if r.computed_hash != r.stored_hash:
        add("altered", "内容与哈希不符（记录被改动）", "content does not match its hash (record edited)")
    expected = 1 if r.prev_seq is None else (r.prev_seq + 1 if isinstance(r.prev_seq, int)
                                             else None)
    seq = r.chain_seq
    if expected is None or not isinstance(seq, int) or seq < expected:
        add("out_of_order", "序号重复或顺序被调换", "sequence number repeated or order swapped")
    elif seq > expected:
        gap = f"第 {expected} 条" if seq == expected + 1 else f"第 {expected}–{seq - 1} 条"
        add("missing_before", f"此前的{gap}记录缺失（被删除）",
            f"record(s) {expected}..{seq - 1} before it are missing (deleted)")
    elif r.prev_hash != (r.prev_stored_hash or GENESIS):
        add("broken_link", "与前一条记录的链接断开（前一条被改动或调换）",
            "link to the previous record broken (previous edited or swapped)")
    if not r.checklist_ok:
        add("checklist", "所指清单缺失或被改动", "its checklist is missing or was edited")
    if not r.signature_ok:
        add("signature", "客户签名图像缺失或被改动",
            "the customer's signature image is missing or was edited")
    return out


def tail_problems(device: str, last_seq: int, last_hash: str,
                  head: ChainHead | None) -> list[ChainProblem]:
    """The end of a chain against the head this device remembers (a deleted last record)."""
    if head is None or head.chain_seq <= 0:
        return []
    if last_seq == 0:
        return [ChainProblem("?", device, head.chain_seq, "", "tail_missing",
                             f"本设备的全部 {head.chain_seq} 条记录均已被删除",
                             f"all {head.chain_seq} records of this device were deleted")]
    if head.chain_seq > last_seq:
        return [ChainProblem("?", device, head.chain_seq, "", "tail_missing",
                             f"第 {last_seq + 1}–{head.chain_seq} 条记录已被删除（链尾缺失）",
                             f"records {last_seq + 1}-{head.chain_seq} were deleted "
                             "(end of chain missing)")]
    if head.chain_seq == last_seq and head.hash != last_hash:
        return [ChainProblem("?", device, last_seq, "", "tail_altered",
                             "链尾记录与本机保存的链头不一致",
                             "the last record differs from the chain head kept on this device")]
    return []


def verify_chain(rows: Iterable[Sequence[Any]], heads: dict[str, ChainHead] | None = None,
                 stats: ChainStats | None = None,
                 checklists: dict[str, str] | None = None,
                 signatures: dict[str, str] | None = None) -> Iterator[ChainProblem]:
    """Check every record of every device chain, in Python (the reference the SQL verifier in
    the store layer must agree with).

    ``rows``: the HASH_FIELDS values followed by the stored hash, ordered by device then
    chain_seq. ``heads``: the last (seq, hash) each device wrote, remembered apart from the
    table, so a deleted last record is noticed too. ``checklists`` / ``signatures``: id ->
    verified content hash, to check each record points at intact evidence."""
    stats = stats if stats is not None else ChainStats()
    heads = heads or {}
    i_id, i_dev, i_seq, i_prev = F["id"], F["created_by_device"], F["chain_seq"], F["prev_hash"]
    i_at, i_cl, i_clh = F["recorded_at"], F["checklist_id"], F["checklist_hash"]
    i_sig, i_sigh = F["signature_id"], F["signature_hash"]
    n = len(HASH_FIELDS)
    device: str | None = None
    prev_seq: Any = None
    prev_stored: str | None = None
    seen: set[str] = set()
    for row in rows:
        values, stored = row[:n], str(row[n])
        dev = str(values[i_dev])
        if dev != device:
            if device is not None:
                yield from tail_problems(device, prev_seq or 0, prev_stored or GENESIS,
                                         heads.get(device))
            device, prev_seq, prev_stored = dev, None, None
            seen.add(dev)
        stats.records += 1
        cl_ok = checklists is None or checklists.get(str(values[i_cl])) == values[i_clh]
        sig_ok = (signatures is None or not values[i_sig]
                  or signatures.get(str(values[i_sig])) == values[i_sigh])
        yield from classify(SuspectRow(
            str(values[i_id]), dev, values[i_seq], str(values[i_at] or ""), stored,
            fast_record_hash(values), str(values[i_prev]), prev_seq, prev_stored, cl_ok, sig_ok))
        prev_seq, prev_stored = values[i_seq], stored
    if device is not None:
        yield from tail_problems(device, prev_seq or 0, prev_stored or GENESIS,
                                 heads.get(device))
    for dev, head in heads.items():
        if dev not in seen:
            yield from tail_problems(dev, 0, GENESIS, head)
    stats.devices = len(seen)


# ---- anchoring outside the file (head office's copy) ----------------------------------------
#
# Anything kept in the same SQLite file can be rewritten together with the chain: recompute
# every hash after an edit, delete the last records and lower the remembered head. What the
# file cannot vouch for itself, head office can: it keeps each chain as received and
# acknowledges each record's hash; the device keeps the acknowledged head (``db verify``) and
# can compare with the server's copy record by record (``db verify --online``).

TIME_FIELDS = frozenset({"started_at", "recorded_at"})
# The key (in the file's local_meta, + the chain's device id) of the head head office
# acknowledged, as "seq:hash"; written by sync only.
ACK_KEY = "ledger_ack."


def _stored_time(value: Any) -> str:
    """A time as it travels in sync (ISO text) to the text SQLite stores and the hash covers."""
    if not isinstance(value, str):
        raise ValueError("a time is ISO text")
    at = datetime.fromisoformat(value)
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime(TIME_FORMAT)


def payload_values(payload: Mapping[str, Any]) -> list[Any]:
    """The hashed values of a record as sync carries it (its JSON row). Raises KeyError or
    ValueError for a row that is not a ledger record."""
    return [_stored_time(payload[name]) if name in TIME_FIELDS else payload[name]
            for name in HASH_FIELDS]


def payload_hash(payload: Mapping[str, Any]) -> str:
    """The hash a record's content gives, recomputed (never the one it claims)."""
    return record_hash(payload_values(payload))


def ack_problems(device: str, ack: ChainHead, record_id: str | None, at_ack: str | None,
                 last_seq: int) -> list[ChainProblem]:
    """This device's copy of a chain against the head head office acknowledged.

    ``record_id`` / ``at_ack``: the local record at the acknowledged number and its stored hash
    (None when it is gone); ``last_seq``: the last number the chain has here. The links up to
    the acknowledged record are checked by the chain pass, so an intact acknowledged record
    vouches for everything before it."""
    if ack.chain_seq <= 0:
        return []
    if at_ack is None:
        first = last_seq + 1 if last_seq < ack.chain_seq else ack.chain_seq
        span = f"第 {first} 条" if first == ack.chain_seq else f"第 {first}–{ack.chain_seq} 条"
        return [ChainProblem("?", device, ack.chain_seq, "", "ack_missing",
                             f"总部已确认的{span}记录在本机缺失（被删除）",
                             f"record(s) {first}..{ack.chain_seq} acknowledged by head office "
                             "are missing here (deleted)")]
    if at_ack != ack.hash:
        return [ChainProblem(record_id or "?", device, ack.chain_seq, "", "ack_altered",
                             f"与总部确认的第 {ack.chain_seq} 条哈希不符：此条或此前的记录被改写",
                             f"differs from record {ack.chain_seq} as head office acknowledged "
                             "it: this record or one before it was rewritten")]
    return []


@dataclass(frozen=True)
class LocalEntry:
    """One record of a chain as this file holds it."""

    chain_seq: int
    record_id: str
    stored_hash: str
    computed_hash: str
    recorded_at: str = ""
    pending: bool = False  # still in the outbox: head office has not seen it yet


@dataclass(frozen=True)
class ServerEntry:
    """One record of a chain as head office holds it."""

    chain_seq: int
    record_id: str
    hash: str


def compare_with_server(device: str, local: Iterable[LocalEntry], server: Iterable[ServerEntry],
                        *, own: bool, local_last: int, ack_seq: int = 0
                        ) -> Iterator[ChainProblem]:
    """Every record where this file and head office's copy of one chain disagree, named.

    Both inputs are ordered by chain number. ``own``: the chain is this device's (it sent every
    record itself, so one head office has that is missing here was deleted here); another
    device's records beyond what was pulled are only not pulled yet. ``altered``: same record,
    other content; ``forked``: another record in that place; ``deleted``: head office has it,
    this file does not; ``extra``: this file has a record head office never accepted and that is
    not waiting to be sent."""
    li, si = iter(local), iter(server)
    lo, so = next(li, None), next(si, None)
    pulled_up_to = max(local_last, ack_seq)

    def problem(kind: str, seq: int, rid: str, at: str, zh: str, en: str) -> ChainProblem:
        return ChainProblem(rid, device, seq, at, kind, zh, en)

    while lo is not None or so is not None:
        if so is None or (lo is not None and lo.chain_seq < so.chain_seq):
            assert lo is not None
            if not lo.pending:
                yield problem("extra", lo.chain_seq, lo.record_id, lo.recorded_at,
                              "总部没有此记录，且它不在待上传队列中（事后插入或被总部拒收）",
                              "head office does not have this record and it is not waiting "
                              "to be sent (inserted afterwards, or refused by head office)")
            lo = next(li, None)
        elif lo is None or so.chain_seq < lo.chain_seq:
            if own or so.chain_seq <= pulled_up_to:
                yield problem("deleted", so.chain_seq, so.record_id, "",
                              "总部保存了此记录，本机已缺失（被删除）",
                              "head office holds this record; it is missing here (deleted)")
            so = next(si, None)
        else:
            if lo.record_id != so.record_id:
                yield problem("forked", lo.chain_seq, lo.record_id, lo.recorded_at,
                              f"此位置在总部是另一条记录 {so.record_id}（链被分叉替换）",
                              f"head office holds another record here, {so.record_id} "
                              "(the chain was forked)")
            elif lo.stored_hash != so.hash or lo.computed_hash != so.hash:
                yield problem("altered", lo.chain_seq, lo.record_id, lo.recorded_at,
                              "与总部保存的副本不同（记录被改写）",
                              "differs from head office's copy (record rewritten)")
            lo, so = next(li, None), next(si, None)

"""The disclosure audit report a supervisor files: figures per consultant, subscriptions without
complete disclosure, ledger vs follow-up mismatches, open escalations and the pre-opening list
of serious customers with their disclosure status per item."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from salesdesk.domain.ledger import ChainSummary
from salesdesk.pdf.layout import MARGIN, PAGE, Styles, build_document, esc, grid, sign_off

PAGE_L = landscape(PAGE)


@dataclass(frozen=True)
class ReportConsultant:
    name: str
    agency: str
    receptions: int
    rounds: int
    rounds_complete: int
    items_missed: int
    overrides: int
    subscriptions: int
    subscriptions_incomplete: int
    mismatches: int


@dataclass(frozen=True)
class ReportSubscription:
    subscribed_on: str
    customer: str
    unit_number: str
    consultant: str
    override_by: str
    reason: str
    missing: int


@dataclass(frozen=True)
class ReportMismatch:
    called_at: str
    customer: str
    unit_number: str
    consultant: str
    description: str
    recorded_by: str = ""  # who took the follow-up answer (customer service, not sales)


@dataclass(frozen=True)
class ReportPreOpening:
    customer: str
    unit_number: str
    consultant: str
    sunshine: str
    certificates: str
    contract: str
    factors: str
    missing: str
    follow_up: str


@dataclass(frozen=True)
class ReportEscalation:
    opened_at: str
    customer: str
    consultant: str
    level: str
    score: int


@dataclass(frozen=True)
class ReportData:
    date_from: str
    date_to: str
    generated_at: str
    consultants: tuple[ReportConsultant, ...]
    subscriptions: tuple[ReportSubscription, ...]
    mismatches: tuple[ReportMismatch, ...]
    pre_opening: tuple[ReportPreOpening, ...]
    escalations: tuple[ReportEscalation, ...]
    chains: tuple[ChainSummary, ...] = ()


def _short(h: str) -> str:
    # 16 hex digits (64 bits) are enough to compare by eye and impossible to forge to order.
    return h[:16] if h else "—"


def _widths(total: float, parts: tuple[float, ...]) -> list[float]:
    s = sum(parts)
    return [total * p / s for p in parts]


def build_disclosure_report(data: ReportData, out: Path) -> Path:
    st = Styles()
    width = PAGE_L[0] - 2 * MARGIN
    story: list[object] = [
        Paragraph("告知审计报告", st.title),
        Paragraph(esc(f"统计期间 {data.date_from} 至 {data.date_to}　·　生成于 {data.generated_at}"),
                  st.subtitle),
    ]
    total = ReportConsultant("合计", "", *(sum(getattr(c, f) for c in data.consultants) for f in (
        "receptions", "rounds", "rounds_complete", "items_missed", "overrides", "subscriptions",
        "subscriptions_incomplete", "mismatches")))
    story.append(Paragraph("一、按置业顾问统计", st.h2))
    rows: list[list[object]] = [["置业顾问", "所属", "接待次数", "告知轮次", "完整轮次",
                                 "漏告项目", "主管放行", "认购", "未完整告知认购", "回访不一致"]]
    for c in (*data.consultants, total):
        rows.append([c.name, c.agency, str(c.receptions), str(c.rounds), str(c.rounds_complete),
                     str(c.items_missed), str(c.overrides), str(c.subscriptions),
                     str(c.subscriptions_incomplete), str(c.mismatches)])
    story.append(grid(rows, _widths(width, (14, 18, 9, 9, 9, 9, 9, 8, 12, 10)), st))

    story.append(Paragraph("二、未完整告知即认购（主管放行）", st.h2))
    if data.subscriptions:
        rows = [["认购日期", "客户", "房号", "置业顾问", "放行主管", "缺项", "放行原因"]]
        rows += [[s.subscribed_on, s.customer, s.unit_number, s.consultant, s.override_by,
                  str(s.missing), s.reason] for s in data.subscriptions]
        story.append(grid(rows, _widths(width, (11, 18, 8, 10, 10, 6, 37)), st))
    else:
        story.append(Paragraph("本期无。", st.body))

    story.append(Paragraph("三、告知记录与回访答复不一致", st.h2))
    story.append(Paragraph("双向比对：记录为已告知而客户称未被告知，以及记录为未告知而客户称已被告知。",
                           st.small))
    story.append(Spacer(1, 2 * mm))
    if data.mismatches:
        rows = [["回访时间", "客户", "房号", "置业顾问", "不一致之处", "回访记录人"]]
        rows += [[m.called_at, m.customer, m.unit_number, m.consultant, m.description,
                  m.recorded_by] for m in data.mismatches]
        story.append(grid(rows, _widths(width, (14, 18, 8, 10, 36, 14)), st))
    else:
        story.append(Paragraph("本期无。", st.body))

    story.append(Paragraph("四、未关闭的回访升级任务（评分低于 4 分）", st.h2))
    if data.escalations:
        rows = [["开启时间", "客户", "置业顾问", "当前层级", "评分"]]
        rows += [[e.opened_at, e.customer, e.consultant, e.level, str(e.score)]
                 for e in data.escalations]
        story.append(grid(rows, _widths(width, (16, 30, 16, 16, 8)), st))
    else:
        story.append(Paragraph("无。", st.body))

    story.append(Paragraph("五、开盘前诚意客户告知情况（存档，与回访记录比对）", st.h2))
    if data.pre_opening:
        rows = [["客户", "房号", "置业顾问", "阳光宣言", "五证", "合同范本", "不利因素",
                 "未告知项目", "最近回访"]]
        rows += [[p.customer, p.unit_number, p.consultant, p.sunshine, p.certificates,
                  p.contract, p.factors, p.missing or "—", p.follow_up]
                 for p in data.pre_opening]
        story.append(grid(rows, _widths(width, (16, 7, 8, 7, 6, 7, 7, 22, 24)), st))
    else:
        story.append(Paragraph("本期无。", st.body))

    story.append(Paragraph("六、告知记录哈希链（纸面存证）", st.h2))
    story.append(Paragraph(
        "每台设备告知记录链的链头与记录数，以及总部已确认的链头。请签字存档：日后若有人改写或删除"
        "链头之前的任何记录，链头哈希即与本页不符。", st.small))
    story.append(Spacer(1, 2 * mm))
    if data.chains:
        rows = [["设备", "记录数", "链头序号", "链头哈希", "总部确认至", "总部确认哈希"]]
        rows += [[c.device_id[:8] + ("（本机）" if c.own else ""), str(c.records),
                  str(c.head_seq), _short(c.head_hash), str(c.ack_seq) if c.ack_seq else "—",
                  _short(c.ack_hash)] for c in data.chains]
        story.append(grid(rows, _widths(width, (16, 9, 9, 26, 11, 26)), st))
    else:
        story.append(Paragraph("无告知记录。", st.body))


    story.append(sign_off(st))
    return build_document(out, story, pagesize=PAGE_L,
                          header=f"告知审计报告 · {data.date_from} 至 {data.date_to}",
                          footer=f"生成于 {data.generated_at} · 内含客户信息，请妥善保管",
                          title="告知审计报告", subject=f"{data.date_from} – {data.date_to}")


"""The disclosure audit as files: the PDF's plain data, and the CSV (UTF-8 with BOM, so Excel
opens it in Chinese)."""

from __future__ import annotations

import csv
from pathlib import Path

from salesdesk.domain.disclosure import ItemKind
from salesdesk.pdf.disclosure_report import (
    ReportConsultant,
    ReportData,
    ReportEscalation,
    ReportMismatch,
    ReportPreOpening,
    ReportSubscription,
)
from salesdesk.services.disclosure.checklist import local_text
from salesdesk.services.disclosure.results import DisclosureAudit


def report_data(a: DisclosureAudit) -> ReportData:
    return ReportData(
        date_from=a.date_from.isoformat(), date_to=a.date_to.isoformat(),
        generated_at=local_text(a.generated_at),
        consultants=tuple(ReportConsultant(c.name, c.agency, c.receptions, c.rounds,
                                           c.rounds_complete, c.items_missed, c.overrides,
                                           c.subscriptions, c.subscriptions_incomplete,
                                           c.mismatches) for c in a.consultants),
        subscriptions=tuple(ReportSubscription(s.subscribed_on.isoformat(), s.customer,
                                               s.unit_number, s.consultant_name, s.override_by,
                                               s.reason, s.missing)
                            for s in a.incomplete_subscriptions),
        mismatches=tuple(ReportMismatch(local_text(m.called_at), m.customer, m.unit_number,
                                        m.consultant_name, m.description, m.recorded_by)
                         for m in a.mismatches),
        pre_opening=tuple(ReportPreOpening(
            p.customer, p.unit_number, p.consultant_name,
            p.kind_status(ItemKind.SUNSHINE), p.kind_status(ItemKind.CERTIFICATE),
            p.kind_status(ItemKind.CONTRACT), p.kind_status(ItemKind.FACTOR),
            p.missing_text, p.follow_up) for p in a.pre_opening),
        escalations=tuple(ReportEscalation(local_text(e.opened_at), e.customer.label,
                                           e.consultant_name, e.level_label, e.score)
                          for e in a.open_escalations),
        chains=a.chains,
    )


def write_csv(a: DisclosureAudit, path: Path) -> Path:
    yes = {True: "是", False: "否"}
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["告知审计报告", f"{a.date_from.isoformat()} 至 {a.date_to.isoformat()}",
                    f"生成于 {local_text(a.generated_at)}"])
        w.writerow([])
        w.writerow(["# 按置业顾问"])
        w.writerow(["置业顾问", "所属", "接待次数", "告知轮次", "完整轮次", "漏告项目数",
                    "主管放行", "认购", "未完整告知的认购", "回访不一致"])
        for c in a.consultants:
            w.writerow([c.name, c.agency, c.receptions, c.rounds, c.rounds_complete,
                        c.items_missed, c.overrides, c.subscriptions,
                        c.subscriptions_incomplete, c.mismatches])
        w.writerow([])
        w.writerow(["# 未完整告知即认购"])
        w.writerow(["认购日期", "客户", "房号", "置业顾问", "放行主管", "放行原因", "缺项数"])
        for s in a.incomplete_subscriptions:
            w.writerow([s.subscribed_on.isoformat(), s.customer, s.unit_number,
                        s.consultant_name, s.override_by, s.reason, s.missing])
        w.writerow([])
        w.writerow(["# 告知记录与回访答复不一致"])
        w.writerow(["回访时间", "客户", "房号", "置业顾问", "项目", "记录为已告知", "客户称已告知",
                    "说明", "回访记录人"])
        for m in a.mismatches:
            w.writerow([local_text(m.called_at), m.customer, m.unit_number, m.consultant_name,
                        m.topic, yes[m.ledger_told], yes[m.customer_says_told], m.description,
                        m.recorded_by])
        w.writerow([])
        w.writerow(["# 开盘前诚意客户告知情况"])
        w.writerow(["客户", "房号", "置业顾问", "阳光宣言", "五证", "合同范本", "不利因素",
                    "未告知项目", "回访"])
        for p in a.pre_opening:
            w.writerow([p.customer, p.unit_number, p.consultant_name,
                        p.kind_status(ItemKind.SUNSHINE), p.kind_status(ItemKind.CERTIFICATE),
                        p.kind_status(ItemKind.CONTRACT), p.kind_status(ItemKind.FACTOR),
                        p.missing_text, p.follow_up])
        w.writerow([])
        w.writerow(["# 未关闭的回访升级任务"])
        w.writerow(["开启时间", "客户", "置业顾问", "当前层级", "评分"])
        for e in a.open_escalations:
            w.writerow([local_text(e.opened_at), e.customer.label, e.consultant_name,
                        e.level_label, e.score])
        w.writerow([])
        w.writerow(["# 告知记录哈希链（纸面存证）"])
        w.writerow(["设备", "本机", "记录数", "链头序号", "链头哈希", "总部确认至", "总部确认哈希"])
        for ch in a.chains:
            w.writerow([ch.device_id, yes[ch.own], ch.records, ch.head_seq, ch.head_hash,
                        ch.ack_seq, ch.ack_hash])
    return path

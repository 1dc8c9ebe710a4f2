"""The supervisor's satisfaction report: figures per item, per consultant and per month on the
100 scale against the target, with a bar chart (reportlab graphics), on-time follow-ups and the
cards that opened an escalation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from salesdesk.domain.care.satisfaction import Figure, OnTimeFigure, SatisfactionFigures
from salesdesk.pdf.fonts import register_cjk_font
from salesdesk.pdf.layout import ACCENT, MARGIN, PAGE, build_document, grid, para, styles

GOOD = colors.HexColor("#2f855a")
BAD = colors.HexColor("#c05621")
TARGET = colors.HexColor("#b42318")


@dataclass(frozen=True)
class LowRow:
    customer: str
    consultant: str
    scored_on: date
    score100: float
    low_items: str
    escalated: bool


@dataclass(frozen=True)
class SatisfactionReportData:
    project: str
    start: date
    end: date
    figures: SatisfactionFigures
    on_time: tuple[OnTimeFigure, ...]
    low_rows: tuple[LowRow, ...]
    occasions: Mapping[str, str] = field(default_factory=dict)
    printed_at: str = ""


def _score(f: Figure) -> str:
    return "—" if f.score100 is None else f"{f.score100:.1f}"


def bar_chart(figures: tuple[Figure, ...], target: float, width: float, height: float,
              title: str) -> Drawing:
    """Bars on the 100 scale, green at or above the target, orange below, with the target
    as a red line across."""
    font = register_cjk_font()
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 34
    chart.width, chart.height = width - 50, height - 62
    values = [f.score100 or 0 for f in figures]
    chart.data = [values]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7.5
    chart.categoryAxis.categoryNames = [f.label for f in figures]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.barWidth = 8
    chart.groupSpacing = 10
    chart.bars.strokeColor = None
    for i, f in enumerate(figures):
        chart.bars[(0, i)].fillColor = GOOD if f.meets_target else BAD
    chart.barLabelFormat = "%.0f"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7.5
    chart.barLabels.fillColor = colors.white
    chart.barLabels.boxAnchor = "n"
    chart.barLabels.dy = -10  # inside the bar's top, clear of the target line
    d.add(chart)
    y = chart.y + chart.height * target / 100
    d.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=TARGET, strokeWidth=1,
               strokeDashArray=[3, 2]))
    d.add(String(chart.x + chart.width, y + 3, f"目标 {target:.0f}", fontName=font,
                 fontSize=7.5, fillColor=TARGET, textAnchor="end"))
    d.add(String(width / 2, height - 14, title, fontName=font, fontSize=10.5,
                 fillColor=ACCENT, textAnchor="middle"))
    return d


def render_satisfaction_report(data: SatisfactionReportData, out: Path) -> Path:
    st = styles()
    width = PAGE[0] - 2 * MARGIN
    fig = data.figures
    overall = "—" if fig.overall.score100 is None else f"{fig.overall.score100:.1f}"
    verdict = "达标" if fig.overall.meets_target else "未达标"
    story: list[object] = [
        para(f"{data.project} 客户满意度报告", st.title),
        para(f"统计期间 {data.start:%Y-%m-%d} 至 {data.end:%Y-%m-%d}　·　"
             f"评分卡 {fig.overall.cards} 张　·　目标 {fig.target:.0f} 分", st.subtitle),
        para(f"整体满意度 {overall} 分（百分制，{verdict}）；有 {fig.overall.low_cards} "
             "张评分卡含低于 4 分的项目，已按 置业顾问→销售经理→销售主任→客服中心 "
             "逐级跟进。", st.body),
        para("说明：每项 1–5 分，百分制得分 = 感受值 / 期望值 × 100（期望值取满分 5 分）。",
             st.small),
        Spacer(1, 3 * mm),
        bar_chart(fig.by_item, fig.target, width, 62 * mm, "各项满意度（百分制）"),
        para("一、分项满意度", st.h2),
    ]
    rows: list[list[object]] = [["项目", "评分卡", "得分", "目标", "是否达标"]]
    rows += [[f.label, str(f.cards), _score(f), f"{fig.target:.0f}",
              "达标" if f.meets_target else "未达标"] for f in fig.by_item]
    story.append(grid(rows, [w * mm for w in (70, 25, 25, 25, 33)], st))

    story.append(para("二、各置业顾问满意度", st.h2))
    rows = [["置业顾问", "评分卡", "得分", "低分卡", "是否达标"]]
    rows += [[f.label, str(f.cards), _score(f), str(f.low_cards),
              "达标" if f.meets_target else "未达标"] for f in fig.by_consultant]
    story.append(grid(rows, [w * mm for w in (70, 25, 25, 25, 33)], st))

    if fig.by_month:
        story.append(KeepTogether([
            para("三、月度走势", st.h2),
            bar_chart(fig.by_month[-12:], fig.target, width, 58 * mm, "月度满意度（百分制）"),
        ]))

    story.append(para("四、回访任务按时完成情况", st.h2))
    rows = [["置业顾问", "已完成", "按时完成", "按时率", "未完成", "已逾期"]]
    for o in data.on_time:
        rate = "—" if o.on_time_rate is None else f"{o.on_time_rate:.0f}%"
        rows.append([o.label, str(o.done), str(o.done_on_time), rate, str(o.open),
                     str(o.overdue)])
    story.append(grid(rows, [w * mm for w in (48, 26, 26, 26, 26, 26)], st))

    story.append(para("五、低于 4 分的评分卡", st.h2))
    if data.low_rows:
        rows = [["日期", "客户", "置业顾问", "得分", "低分项", "已升级"]]
        rows += [[f"{r.scored_on:%Y-%m-%d}", r.customer, r.consultant, f"{r.score100:.0f}",
                  r.low_items, "是" if r.escalated else "待升级"] for r in data.low_rows]
        story.append(grid(rows, [w * mm for w in (24, 26, 26, 16, 60, 26)], st))
    else:
        story.append(para("本期没有低于 4 分的评分卡。", st.body))

    return build_document(out, story, header=f"{data.project} · 客户满意度报告",
                          footer=f"统计期间 {data.start:%Y-%m-%d} 至 {data.end:%Y-%m-%d}"
                          + (f" · 打印于 {data.printed_at}" if data.printed_at else ""),
                          title=f"{data.project} 客户满意度报告", subject="客户满意度")

"""The public notice board (公示): sunshine declaration, the five certificates with their scope,
every adverse factor with location, direction and distance, the contract template, prices."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from salesdesk.pdf.layout import MARGIN, PAGE, build_document, grid, para, styles


@dataclass(frozen=True)
class NoticeCertificate:
    label: str
    number: str
    issuer: str
    issued_on: str
    valid_until: str
    scope: str


@dataclass(frozen=True)
class NoticeFactor:
    code: str
    side: str  # 红线内 / 红线外
    category: str
    title: str
    description: str
    direction: str
    distance: str
    scope: str
    contract_annex: bool


@dataclass(frozen=True)
class NoticeData:
    project_name: str
    developer: str
    address: str
    config_version: str
    printed_at: str
    sunshine_title: str
    sunshine_version: str
    sunshine_text: str
    certificates: tuple[NoticeCertificate, ...]
    not_for_sale: tuple[str, ...]  # buildings outside every presale permit
    factors: tuple[NoticeFactor, ...]
    contract_title: str
    contract_version: str
    price_complaint_phone: str
    units_for_sale: int


def _code_key(code: str) -> tuple[tuple[int, int | str], ...]:
    # F2 before F10: digits compare as numbers
    return tuple((0, int(p)) if p.isdigit() else (1, p)
                 for p in re.findall(r"\d+|\D+", code))


def configured_order(factors: tuple[NoticeFactor, ...]) -> list[NoticeFactor]:
    """The factors in the project's own order (F01, F02, ...), not grouped inside/outside
    the red line: the board, the sand table and the contract annex all number them so."""
    return sorted(factors, key=lambda f: _code_key(f.code))


def build_notice(data: NoticeData, out: Path) -> Path:
    st = styles()
    width = PAGE[0] - 2 * MARGIN
    story: list[object] = [
        para(f"{data.project_name} 项目公示", st.title),
        para(f"{data.developer}　·　{data.address}", st.subtitle),
    ]

    story.append(para(f"一、{data.sunshine_title}（版本 {data.sunshine_version}）", st.h2))
    for line in data.sunshine_text.split("\n"):
        if line.strip():
            story.append(para(line.strip(), st.body))

    story.append(para("二、五证公示", st.h2))
    # The number gets the widest column: it is never split across lines, and the dates share
    # one column so each stays whole too.
    rows: list[list[object]] = [["证件名称", "证号", "发证机关", "发证日期 / 有效期至", "范围"]]
    rows += [[c.label, c.number, c.issuer, f"{c.issued_on}\n至 {c.valid_until or '长期'}",
              c.scope] for c in data.certificates]
    story.append(grid(rows, [w * mm for w in (30, 58, 36, 26, 28)], st))
    if data.not_for_sale:
        story.append(Spacer(1, 2 * mm))
        story.append(para(
            f"特别提示：{'、'.join(data.not_for_sale)} 不在任何商品房预售许可证范围内，"
            "暂不销售，不收取任何定金或意向金。", st.body))

    story.append(para("三、红线内外不利因素公示", st.h2))
    story.append(para(
        "以下因素均已在沙盘及区位图上标注；置业顾问将在接待时及交定前逐项向您说明。"
        "标注“入合同附件”的因素将写入《商品房买卖合同》附件。", st.small))
    story.append(Spacer(1, 2 * mm))
    frows: list[list[object]] = [["编号", "位置", "不利因素", "方位 / 距离", "影响范围", "具体说明"]]
    for f in configured_order(data.factors):
        title = f.title + ("（入合同附件）" if f.contract_annex else "")
        frows.append([f.code, f.side, f"{title}\n{f.category}", f"{f.direction} {f.distance}",
                      f.scope, f.description])
    story.append(grid(frows, [w * mm for w in (11, 14, 36, 20, 27, 70)], st))

    story.append(KeepTogether([
        para("四、合同范本", st.h2),
        para(f"《{data.contract_title}》（版本 {data.contract_version}）全文在售楼处公示，"
             "签约前可随时索取阅读。", st.body),
        para("五、明码标价", st.h2),
        para(f"本项目可售房源 {data.units_for_sale} 套，一套一标，价格表在售楼处公示。"
             f"价格举报电话：{data.price_complaint_phone}。", st.body),
    ]))
    assert abs(width - (PAGE[0] - 2 * MARGIN)) < 1
    return build_document(out, story, header=f"{data.project_name} · 项目公示",
                          footer=f"资料版本 {data.config_version} · 打印于 {data.printed_at}",
                          title=f"{data.project_name} 项目公示", subject="项目公示",
                          author=data.developer)

"""The short summary handed to a customer with the export of everything held about them
(issue 15 §1): who they are on record, and how many records of each kind the JSON file holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm

from salesdesk.pdf.layout import build_document, grid, para, styles


@dataclass(frozen=True)
class CustomerExportSummary:
    customer_label: str  # name (or pseudonym) and salutation
    phones: tuple[str, ...]  # masked: the file may be printed where others see it
    id_number: str  # masked
    consent: str
    status: str  # "", restricted, erased
    sections: tuple[tuple[str, int], ...]  # (what, how many records)
    json_name: str
    exported_at: str
    exported_by: str
    centre: str


def build(data: CustomerExportSummary, out: Path) -> Path:
    st = styles()
    story = [
        para("个人信息查询结果", st.title),
        para(f"{data.centre} · 导出时间 {data.exported_at} · 经办人 {data.exported_by}",
             st.subtitle),
        para("客户", st.h2),
        grid([["项目", "内容"],
              ["姓名", data.customer_label],
              ["电话", "、".join(data.phones) or "—"],
              ["身份证号", data.id_number or "—"],
              ["同意记录", data.consent or "—"],
              ["状态", data.status or "正常"]],
             [40 * mm, 130 * mm], st),
        para("我们保存的记录", st.h2),
        grid([["类别", "条数"], *[[what, str(n)] for what, n in data.sections]],
             [120 * mm, 50 * mm], st),
        para(f"全部内容见随附文件 {data.json_name}（JSON，可用任何文本编辑器打开）。", st.body),
    ]
    return build_document(out, story, header="个人信息查询结果", footer=data.centre,
                          title="个人信息查询结果", subject="customer data export")

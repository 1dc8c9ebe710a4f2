"""The mortgage material list (按揭资料清单): the mortgage-stage materials on their own sheet,
for the customer to take to the bank, with what happens after the bank receives them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from salesdesk.pdf.layout import para, styles
from salesdesk.pdf.signing_checklist import (
    SigningDocData,
    build_signing_document,
    header_block,
    stage_table,
    warning_box,
)

MORTGAGE_STAGE_TITLE = "按揭阶段"


def build_mortgage_list(data: SigningDocData, out: Path) -> Path:
    st = styles()
    title = "按揭资料清单"
    stages = [s for s in data.stages if s.title == MORTGAGE_STAGE_TITLE]
    story: list[Any] = [
        para(title, st.title),
        para(f"{data.project_name}　·　{data.payment or '贷款'}　·　请在签约后按银行通知办理",
             st.subtitle),
        header_block(data, st),
        Spacer(1, 3 * mm),
    ]
    if data.warnings:
        story += [warning_box(data.warnings, st), Spacer(1, 2 * mm)]
    if not stages:
        story.append(para("本次购房为全款支付，无需办理按揭。", st.body))
    for stage in stages:
        story.append(para(f"按揭资料（{len(stage.lines)} 项）", st.h2_keep))
        story.append(stage_table(stage, st, 1))
    story.append(para("办理流程", st.h2))
    steps = [
        "签约后，置业顾问将您提供的按揭资料交给贷款银行，并电话通知您到银行面签的时间。",
        "资料不齐全的，请按银行要求尽快补交；银行审核通过后出具回执至销售中心。",
        "置业顾问通知您办理网签手续；银行放款后请按时还款，避免逾期。",
    ]
    story += [para(f"{i}. {t}", st.body) for i, t in enumerate(steps, start=1)]
    return build_signing_document(out, title, data, story)

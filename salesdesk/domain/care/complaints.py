"""Complaints (004, 如何处理客户投诉): what the customer wants, the six handling steps, and
group complaints (群诉) by how the customers are organised."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from salesdesk.domain.errors import ValidationError


class Demand(StrEnum):
    """投诉客户的一般要求."""

    RESPECT = "respect"
    FIX = "fix"
    COMPENSATION = "compensation"
    PUNISH = "punish"
    GUARANTEE = "guarantee"


DEMAND_LABELS_ZH: dict[Demand, str] = {
    Demand.RESPECT: "得到尊重",
    Demand.FIX: "立即解决问题",
    Demand.COMPENSATION: "得到赔偿",
    Demand.PUNISH: "惩罚过失者",
    Demand.GUARANTEE: "保证不再发生",
}


class Step(StrEnum):
    """处理客户投诉的基本程序, in order."""

    LISTEN = "listen"
    SETTING = "setting"
    ACKNOWLEDGE = "acknowledge"
    LOWER_EXPECTATIONS = "lower_expectations"
    PROPOSAL = "proposal"
    EXECUTION_PLAN = "execution_plan"


STEPS: tuple[Step, ...] = tuple(Step)

STEP_LABELS_ZH: dict[Step, str] = {
    Step.LISTEN: "认真听取客户诉求",
    Step.SETTING: "营造适宜的谈话氛围（改变情景、地点、方式）",
    Step.ACKNOWLEDGE: "引起共鸣，平息不满",
    Step.LOWER_EXPECTATIONS: "降低不合理的期望值",
    Step.PROPOSAL: "提出解决方案",
    Step.EXECUTION_PLAN: "制订执行计划",
}


class ComplaintChannel(StrEnum):
    ON_SITE = "on_site"
    PHONE = "phone"
    FOLLOW_UP = "follow_up"
    ONLINE = "online"
    LETTER = "letter"


CHANNEL_LABELS_ZH: dict[ComplaintChannel, str] = {
    ComplaintChannel.ON_SITE: "现场",
    ComplaintChannel.PHONE: "电话",
    ComplaintChannel.FOLLOW_UP: "回访中提出",
    ComplaintChannel.ONLINE: "网络/12345",
    ComplaintChannel.LETTER: "来函",
}


class GroupKind(StrEnum):
    """群体性投诉 by the organisation of the customers."""

    CORE = "core"  # 核心型: a leader; win the leader's co-operation
    TEAM = "team"  # 团队型: a small team; lower expectations, then split it
    SCATTERED = "scattered"  # 散沙型: loose; handle the key cases first


GROUP_LABELS_ZH: dict[GroupKind, str] = {
    GroupKind.CORE: "核心型群诉",
    GroupKind.TEAM: "团队型群诉",
    GroupKind.SCATTERED: "散沙型群诉",
}

GROUP_ADVICE_ZH: dict[GroupKind, str] = {
    GroupKind.CORE: "找到领军人物并取得其合作，解决其问题，再通过他做其他客户的工作。",
    GroupKind.TEAM: "让成员认识到义气解决不了问题；期望值降低时分化瓦解，先处理外围客户。",
    GroupKind.SCATTERED: "把握重点，逐一处理关键客户的问题。",
}


def parse_demands(values: Iterable[str]) -> tuple[Demand, ...]:
    try:
        demands = tuple(dict.fromkeys(Demand(v) for v in values))
    except ValueError as exc:
        raise ValidationError("未知的客户诉求", en=f"Unknown demand: {exc}",
                              field="demands") from exc
    if not demands:
        raise ValidationError("请至少选择一项客户诉求",
                              en="Pick at least one thing the customer wants", field="demands")
    return tuple(d for d in Demand if d in demands)  # the seeds' order


def require_summary(text: str) -> str:
    body = text.strip()
    if len(body) < 4:
        raise ValidationError("请写明投诉内容（至少四个字）",
                              en="Describe the complaint (at least four characters)",
                              field="summary")
    return body


def next_step(done: Iterable[Step]) -> Step | None:
    """The procedure is followed in order: the first step not yet done."""
    finished = set(done)
    for step in STEPS:
        if step not in finished:
            return step
    return None


def check_step_order(step: Step, done: Iterable[Step]) -> None:
    expected = next_step(done)
    if expected is None:
        raise ValidationError("处理程序的六个步骤均已完成", en="All six steps are done",
                              field="step")
    if step != expected:
        raise ValidationError(
            f"请按程序处理：下一步是“{STEP_LABELS_ZH[expected]}”",
            en=f"Follow the procedure in order: next is '{expected.value}'", field="step")


def check_group(kind: GroupKind, leader_customer_id: str | None,
                member_customer_ids: Iterable[str]) -> None:
    members = set(member_customer_ids)
    if len(members) < 2:
        raise ValidationError("群诉至少关联两位客户的投诉",
                              en="A group complaint links at least two customers",
                              field="members")
    if kind is GroupKind.CORE and not leader_customer_id:
        raise ValidationError("核心型群诉须指明领军人物", en="A core group needs its leader",
                              field="leader")
    if leader_customer_id and leader_customer_id not in members:
        raise ValidationError("领军人物须是群诉中的客户之一",
                              en="The leader must be one of the group's customers",
                              field="leader")

"""Codes from the domain are named by the UI in the UI language: an English screen shows no
Chinese label dictionary, and the Chinese screen says what it said before."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from salesdesk.domain.care.complaints import (
    CHANNEL_LABELS_ZH,
    DEMAND_LABELS_ZH,
    GROUP_LABELS_ZH,
    ComplaintChannel,
    Demand,
    GroupKind,
)
from salesdesk.domain.care.plan import CHANNEL_LABELS_ZH as TASK_CHANNEL_LABELS_ZH
from salesdesk.domain.care.plan import EVENT_LABELS_ZH, CareEventKind, Channel
from salesdesk.domain.care.satisfaction import OCCASION_LABELS_ZH, Occasion
from salesdesk.domain.project import FACTOR_CATEGORIES_ZH
from salesdesk.domain.roles import ROLE_LABELS_ZH, Actor, Role
from salesdesk.domain.rotation import REASON_ZH
from salesdesk.services.container import Services
from salesdesk.ui.care.complaints_view import NewComplaintDialog
from salesdesk.ui.care.labels import (
    care_event_label,
    complaint_channel_label,
    demand_label,
    group_label,
    occasion_label,
    task_channel_label,
)
from salesdesk.ui.care.page import ScoreCardLauncher
from salesdesk.ui.i18n import TRANSLATIONS, install_translations
from salesdesk.ui.labels import factor_category_label, role_label
from salesdesk.ui.main_window import Workspace
from salesdesk.ui.reception.labels import reason_label
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_translations(qapp, "en")
    yield  # the autouse fixture puts Chinese back for the next test


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_an_english_screen_names_codes_in_english(qtbot: Any, demo: Services, supervisor: Actor,
                                                   english: None) -> None:
    ctx = make_ctx(demo, supervisor, lang="en")
    workspace = Workspace(ctx, supervisor, lambda: None)
    qtbot.addWidget(workspace)
    assert workspace.user_label.text().endswith("· Sales supervisor")

    launcher = ScoreCardLauncher(ctx)
    qtbot.addWidget(launcher)
    occasions = [launcher.occasion.itemText(i) for i in range(launcher.occasion.count())]
    assert occasions == ["Opening day", "After signing", "Follow-up"]

    dialog = NewComplaintDialog(ctx)
    qtbot.addWidget(dialog)
    channels = [dialog.channel.itemText(i) for i in range(dialog.channel.count())]
    assert channels[:2] == ["On site", "Phone"]
    texts = channels + [cb.text() for cb in dialog.demands.values()]
    assert not [t for t in texts if _has_cjk(t)], texts


def test_every_code_has_an_english_label(english: None) -> None:
    labels = ([role_label(r) for r in Role] + [occasion_label(o) for o in Occasion]
              + [complaint_channel_label(c) for c in ComplaintChannel]
              + [demand_label(d) for d in Demand] + [group_label(k) for k in GroupKind]
              + [factor_category_label(c) for c in FACTOR_CATEGORIES_ZH]
              + [reason_label(c) for c in REASON_ZH]
              + [care_event_label(e) for e in CareEventKind]
              + [task_channel_label(c) for c in Channel])
    assert not [t for t in labels if _has_cjk(t) or "_" in t], labels


def test_the_chinese_labels_are_the_words_the_domain_uses(qapp: QApplication) -> None:
    if not list(TRANSLATIONS.glob("*_zh_CN.qm")):
        pytest.skip("the .qm catalogues are not built (make translations)")
    install_translations(qapp, "zh_CN")
    assert {r: role_label(r) for r in Role} == ROLE_LABELS_ZH
    assert {o: occasion_label(o) for o in Occasion} == OCCASION_LABELS_ZH
    assert {c: complaint_channel_label(c) for c in ComplaintChannel} == CHANNEL_LABELS_ZH
    assert {d: demand_label(d) for d in Demand} == DEMAND_LABELS_ZH
    assert {k: group_label(k) for k in GroupKind} == GROUP_LABELS_ZH
    assert {c: factor_category_label(c) for c in FACTOR_CATEGORIES_ZH} == FACTOR_CATEGORIES_ZH
    assert {c: reason_label(c) for c in REASON_ZH} == REASON_ZH
    assert {e: care_event_label(e) for e in CareEventKind} == EVENT_LABELS_ZH
    assert {c: task_channel_label(c) for c in Channel} == TASK_CHANNEL_LABELS_ZH
    assert role_label("no_such_role") == "no_such_role"

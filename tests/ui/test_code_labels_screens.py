"""Services hand codes to the screens and the screens name them: an English screen shows no
Chinese in the cells that name a code, and the Chinese screen reads as it did before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.domain.queue import SOURCE_ZH, Source
from salesdesk.services.container import Services
from salesdesk.services.reception import ArrivingAppointment, CheckInRequest
from salesdesk.ui.i18n import install_translations
from salesdesk.ui.reception.labels import appointment_text
from salesdesk.ui.reception.page import ReceptionPage
from tests.conftest import FakeClock, staff_actor
from tests.ui.helpers import make_ctx

pytestmark = pytest.mark.ui


@pytest.fixture(params=["en", "zh_CN"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    install_translations(qapp, request.param)
    yield request.param  # the autouse fixture puts Chinese back for the next test


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def column(model: QAbstractItemModel, col: int) -> list[str]:
    return [str(model.data(model.index(r, col), Qt.ItemDataRole.DisplayRole))
            for r in range(model.rowCount())]


def test_queue_sources_are_named_in_the_screen_language(
        qtbot: Any, demo: Services, clock: FakeClock, lang: str) -> None:
    clock.advance(days=1)  # a day the demo has not touched: nobody on duty, both parties wait
    front = staff_actor(demo, "R001")
    demo.reception.check_in(front, CheckInRequest("13900003131", 2, consent=True))
    demo.reception.check_in(front, CheckInRequest(
        "13900003232", 3, source=Source.PHONE_INVITE.value, consent=True))
    page = ReceptionPage(make_ctx(demo, front, lang=lang))
    qtbot.addWidget(page)
    page.show()
    model = page.floor_panel.queue_model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10000)
    sources = column(model, 3)
    if lang == "en":
        assert sources == ["Walk-in", "Phone invitation"]
    else:
        assert sources == [SOURCE_ZH[Source.WALK_IN], SOURCE_ZH[Source.PHONE_INVITE]]


def test_an_arriving_appointment_is_described_in_the_screen_language(lang: str) -> None:
    at = datetime(2026, 3, 2, 10, 30, tzinfo=PROJECT_TZ)
    signing = ArrivingAppointment("a1", "signing", None, at, 2)
    visit = ArrivingAppointment("a2", "visit", "c1", at, None, "王磊")
    texts = [appointment_text(signing), appointment_text(visit)]
    if lang == "en":
        assert texts == ["10:30 signing · desk 2", "10:30 visit · 王磊"]
    else:  # as the service wrote it before the screen composed it
        assert texts == ["10:30 签约 · 2 号签约台", "10:30 到访 · 王磊"]

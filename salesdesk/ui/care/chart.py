"""A bar chart on the 100 scale with the target line, painted with QPainter (QtCharts is not
part of pyside6-essentials)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

GOOD = QColor("#2f855a")
BAD = QColor("#dd6b20")
EMPTY = QColor("#cbd2d9")
TARGET = QColor("#b42318")
AXIS = QColor("#9aa5b1")
INK = QColor("#243b53")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # 0-100, None when there are no cards
    count: int = 0


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._target = 90.0
        self._title = ""
        self._target_text = ""
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, title: str, bars: list[Bar], target: float, target_text: str) -> None:
        self._title, self._bars, self._target = title, bars, target
        self._target_text = target_text
        self.update()

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF()))
        p.setFont(font)
        fm = p.fontMetrics()
        left, right, top, bottom = 40.0, 16.0, 30.0, 2.4 * fm.height() + 6
        area = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        p.setPen(INK)
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(0, 4, self.width(), top - 6), Qt.AlignmentFlag.AlignCenter,
                   self._title)
        p.setFont(font)
        # Grid and value axis
        for v in range(0, 101, 20):
            y = area.bottom() - area.height() * v / 100
            p.setPen(QPen(QColor("#edf1f5") if v else AXIS, 1))
            p.drawLine(int(area.left()), int(y), int(area.right()), int(y))
            p.setPen(AXIS)
            p.drawText(QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(v))
        # The target line behind the bars (a bar above target covers it, its label stays
        # readable); its caption at the right end.
        y = area.bottom() - area.height() * self._target / 100
        p.setPen(QPen(TARGET, 1.5, Qt.PenStyle.DashLine))
        p.drawLine(int(area.left()), int(y), int(area.right()), int(y))
        p.setPen(TARGET)
        p.drawText(QRectF(area.right() - 160, y - fm.height() - 2, 160, fm.height()),
                   Qt.AlignmentFlag.AlignRight, self._target_text)
        n = max(1, len(self._bars))
        slot = area.width() / n
        width = min(56.0, slot * 0.55)
        for i, bar in enumerate(self._bars):
            cx = area.left() + slot * (i + 0.5)
            value = bar.value or 0.0
            h = area.height() * value / 100
            rect = QRectF(cx - width / 2, area.bottom() - h, width, h)
            colour = EMPTY if bar.value is None else (GOOD if value >= self._target else BAD)
            p.fillRect(rect, colour)
            label = "—" if bar.value is None else f"{value:.0f}"
            if h > 2 * fm.height():  # inside the bar's top
                p.setPen(QColor("white"))
                p.drawText(QRectF(cx - slot / 2, rect.top() + 3, slot, fm.height()),
                           Qt.AlignmentFlag.AlignCenter, label)
            else:
                p.setPen(INK)
                p.drawText(QRectF(cx - slot / 2, rect.top() - fm.height() - 2, slot,
                                  fm.height()), Qt.AlignmentFlag.AlignCenter, label)
            p.setPen(INK)
            p.drawText(QRectF(cx - slot / 2, area.bottom() + 4, slot, 2.2 * fm.height()),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                       | Qt.TextFlag.TextWordWrap, bar.label)
        p.end()

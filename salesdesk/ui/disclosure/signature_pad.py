"""A signature pad: the customer signs with a finger, a stylus or the mouse.

Strokes are kept as point lists and drawn with QPainter; ``to_png`` renders them on white, so
the saved image does not depend on the screen's colours or scale."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor("#1f2933")


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setMinimumSize(QSize(360, 160))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self._strokes: list[list[QPointF]] = []
        self._drawing = False

    # ---- state ---------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self.update()
        self.changed.emit()

    def stroke_count(self) -> int:
        return len([s for s in self._strokes if len(s) > 1])

    # ---- input: a finger or stylus arrives as synthesised mouse events (Qt's default for
    # widgets that do not take touch events themselves), so one code path serves all three.

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drawing = True
            self._strokes.append([event.position()])
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing and self._strokes:
            self._strokes[-1].append(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drawing:
            self._drawing = False
            if self._strokes:
                self._strokes[-1].append(event.position())
            self.update()
            self.changed.emit()

    # ---- drawing -------------------------------------------------------------------------

    def _paint_strokes(self, painter: QPainter, scale: float = 1.0) -> None:
        pen = QPen(INK, 2.6 * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) < 2:
                continue
            path = QPainterPath(stroke[0] * scale)
            for p in stroke[1:]:
                path.lineTo(p * scale)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#bcccdc"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        base = self.height() - 36
        painter.setPen(QPen(QColor("#d9e2ec"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(24, base, self.width() - 24, base)
        if self.is_empty():
            painter.setPen(QColor("#9fb3c8"))
            painter.drawText(self.rect().adjusted(0, 0, 0, -44),
                             Qt.AlignmentFlag.AlignCenter, self.tr("Customer signs here"))
        self._paint_strokes(painter)
        painter.end()

    def to_png(self, scale: float = 2.0) -> bytes:
        """The signature on white, at ``scale`` times the pad's size, as PNG bytes."""
        size = self.size() * scale
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_strokes(painter, scale)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        buffer.close()
        return bytes(data.data())

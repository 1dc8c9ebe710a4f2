"""Editing the message templates (supervisors): the placeholders are listed so nothing is
typed that the service cannot fill."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.care.templates import PLACEHOLDERS
from salesdesk.services.care import TemplateInfo
from salesdesk.ui.care.common import section
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.widgets import error_label


class TemplatesView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("plain")
        self.list.setMaximumWidth(260)
        self.list.currentItemChanged.connect(lambda _a, _b: self._show())
        layout.addWidget(self.list)
        right = QVBoxLayout()
        self.title = section(self.tr("Select a template"))
        right.addWidget(self.title)
        self.text = QPlainTextEdit()
        right.addWidget(self.text, 1)
        fields = "　".join(f"{{{k}}} {v}" for k, v in PLACEHOLDERS.items())
        hint = QLabel(self.tr("Placeholders: %1").replace("%1", fields))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        right.addWidget(hint)
        self.error = error_label()
        right.addWidget(self.error)
        self.saved = QLabel(self.tr("Saved."))
        self.saved.setObjectName("okLabel")
        self.saved.setVisible(False)
        right.addWidget(self.saved)
        self.save_button = QPushButton(self.tr("Save template"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(right, 1)

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        svc = self.ctx.services.care
        self.ctx.runner.run(lambda: svc.templates(actor), self._loaded, self._failed,
                            owner=self)

    def _loaded(self, templates: list[TemplateInfo]) -> None:
        chosen = self.current()
        key = chosen.key if chosen is not None else None
        self.list.clear()
        for t in templates:
            item = QListWidgetItem(t.title + (self.tr(" (edited)") if t.edited else ""))
            item.setData(Qt.ItemDataRole.UserRole, t)
            self.list.addItem(item)
            if t.key == key:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def current(self) -> TemplateInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        info: TemplateInfo = item.data(Qt.ItemDataRole.UserRole)
        return info

    def _show(self) -> None:
        t = self.current()
        self.error.setVisible(False)
        self.saved.setVisible(False)
        if t is not None:
            self.title.setText(t.title)
            self.text.setPlainText(t.text)

    def save(self) -> None:
        t = self.current()
        if t is None:
            return
        actor = self.ctx.require_actor()
        text = self.text.toPlainText()
        svc = self.ctx.services.care
        self.ctx.run_op(lambda: svc.set_template(actor, t.key, text), OpChanges(care=True),
                        self._saved, self._failed, origin=self)

    def _saved(self, _t: TemplateInfo) -> None:
        self.saved.setVisible(True)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

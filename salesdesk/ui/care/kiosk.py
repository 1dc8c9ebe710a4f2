"""The score card on the kiosk's touch screen: the customer taps 1-5 for each item. Nothing
about staff is on screen; the card ends on a thank-you that staff dismiss."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.care.satisfaction import ITEMS, Occasion
from salesdesk.services.care import CardReceipt
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.widgets import error_label

KIOSK_STYLE = """
QDialog#scoreKiosk { background: #f4f6f9; }
QLabel#kioskTitle { font-size: 30px; font-weight: bold; color: #102a43; }
QLabel#kioskHint { font-size: 17px; color: #486581; }
QLabel#kioskItem { font-size: 20px; color: #243b53; }
QPushButton#scoreButton { font-size: 24px; min-width: 72px; min-height: 64px;
    border-radius: 10px; background: white; border: 2px solid #bcccdc; color: #243b53; }
QPushButton#scoreButton:checked { background: #1f6feb; color: white; border-color: #1f6feb; }
QLabel#kioskThanks { font-size: 40px; font-weight: bold; color: #05603a; }
"""


class ScoreCardKiosk(QDialog):
    """Shown full screen on the kiosk for one customer."""

    submitted = Signal(object)  # CardReceipt

    def __init__(self, ctx: UiContext, customer_id: str, greeting: str,
                 occasion: Occasion = Occasion.SIGNING, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.occasion = occasion
        self.setObjectName("scoreKiosk")
        self.setStyleSheet(KIOSK_STYLE)
        self.setWindowTitle(self.tr("Satisfaction score card"))
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_card(greeting))
        self.stack.addWidget(self._build_thanks())
        self._update_submit()

    def _build_card(self, greeting: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 32, 48, 32)
        title = QLabel(self.tr("%1, please score our service").replace("%1", greeting))
        title.setObjectName("kioskTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Tap 1 (very dissatisfied) to 5 (very satisfied) for each item. "
                              "Your answers go straight to the project's customer service."))
        hint.setObjectName("kioskHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(16)
        grid = QGridLayout()
        grid.setVerticalSpacing(18)
        self.groups: dict[str, QButtonGroup] = {}
        labels = self._item_labels()
        for row, item in enumerate(ITEMS):
            text = QLabel(f"{row + 1}. {labels[item.value]}")
            text.setObjectName("kioskItem")
            text.setWordWrap(True)
            text.setMinimumWidth(380)
            grid.addWidget(text, row, 0)
            buttons = QHBoxLayout()
            group = QButtonGroup(self)
            group.setExclusive(True)
            for score in range(1, 6):
                b = QPushButton(str(score))
                b.setObjectName("scoreButton")
                b.setCheckable(True)
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                group.addButton(b, score)
                buttons.addWidget(b)
            group.idClicked.connect(lambda _id: self._update_submit())
            self.groups[item.value] = group
            grid.addLayout(buttons, row, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.error = error_label()
        layout.addWidget(self.error)
        actions = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("bigButton")
        self.cancel_button.clicked.connect(self.reject)
        self.submit_button = QPushButton(self.tr("Submit my scores"))
        self.submit_button.setObjectName("primary")
        self.submit_button.setMinimumHeight(64)
        self.submit_button.setStyleSheet("font-size: 22px; padding: 12px 36px;")
        self.submit_button.clicked.connect(self.submit)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.submit_button)
        layout.addLayout(actions)
        return page

    def _item_labels(self) -> dict[str, str]:
        return {
            "layout": self.tr("The sales centre is comfortable and well organised"),
            "needs": self.tr("The consultant understood my needs and gave sound advice"),
            "process": self.tr("Subscription, signing, payment and mortgage steps are "
                               "clear and easy"),
            "after_sale": self.tr("I feel cared for after the sale"),
            "trust": self.tr("The developer is trustworthy throughout the purchase"),
        }

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        thanks = QLabel(self.tr("Thank you for your scores!"))
        thanks.setObjectName("kioskThanks")
        thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note = QLabel(self.tr("Please hand the screen back to our staff."))
        note.setObjectName("kioskHint")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("bigButton")
        self.done_button.clicked.connect(self.accept)
        layout.addWidget(thanks)
        layout.addWidget(note)
        layout.addSpacing(24)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        return page

    def scores(self) -> dict[str, int]:
        return {k: g.checkedId() for k, g in self.groups.items() if g.checkedId() > 0}

    def _update_submit(self) -> None:
        self.submit_button.setEnabled(len(self.scores()) == len(ITEMS))

    @property
    def thanked(self) -> bool:
        return self.stack.currentIndex() == 1

    def submit(self) -> None:
        actor = self.ctx.require_actor()
        scores = self.scores()
        self.submit_button.setEnabled(False)
        svc = self.ctx.services.satisfaction
        # The care page that opened the kiosk shows no list of cards: it has nothing to reload.
        self.ctx.run_op(
            lambda: svc.submit_card(actor, self.customer_id, scores, self.occasion),
            OpChanges(care=True), self._done, self._failed, origin=self)

    def _done(self, receipt: CardReceipt) -> None:
        self.stack.setCurrentIndex(1)
        self.submitted.emit(receipt)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)
        self._update_submit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.thanked:
                self.accept()
            elif self.submit_button.isEnabled():
                self.submit()
            return
        super().keyPressEvent(event)  # Esc cancels

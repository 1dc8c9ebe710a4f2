"""The complaint log: what the customer wants, the handling procedure step by step, and
linking several complaints as a group complaint."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.care.complaints import (
    ComplaintChannel,
    Demand,
    GroupKind,
)
from salesdesk.domain.local_time import PROJECT_TZ
from salesdesk.services.care import ComplaintInfo
from salesdesk.services.customers import CustomerInfo
from salesdesk.ui.care.common import section, table
from salesdesk.ui.care.labels import (
    complaint_channel_label,
    complaint_group_text,
    demand_label,
    group_label,
    staff_or_unassigned,
    step_label,
)
from salesdesk.ui.context import UiContext
from salesdesk.ui.ops import OpChanges
from salesdesk.ui.table_model import Column, RecordTableModel
from salesdesk.ui.widgets import error_label


class NewComplaintDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New complaint"))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.last4 = QLineEdit()
        self.last4.setMaxLength(4)
        self.last4.setPlaceholderText(self.tr("last 4 digits"))
        find = QPushButton(self.tr("Find"))
        find.clicked.connect(self.find_customer)
        row.addWidget(self.last4)
        row.addWidget(find)
        form.addRow(self.tr("Customer's phone"), row)
        self.customer = QComboBox()
        form.addRow(self.tr("Customer"), self.customer)
        self.channel = QComboBox()
        for ch in ComplaintChannel:
            self.channel.addItem(complaint_channel_label(ch), ch.value)
        form.addRow(self.tr("Channel"), self.channel)
        self.summary = QPlainTextEdit()
        self.summary.setMaximumHeight(90)
        form.addRow(self.tr("What happened"), self.summary)
        self.demands: dict[Demand, QCheckBox] = {}
        box = QVBoxLayout()
        for d in Demand:
            cb = QCheckBox(demand_label(d))
            self.demands[d] = cb
            box.addWidget(cb)
        form.addRow(self.tr("The customer wants"), box)
        self.error = error_label()
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def find_customer(self) -> None:
        actor = self.ctx.require_actor()
        digits = self.last4.text().strip()
        svc = self.ctx.services.customers
        self.ctx.runner.run(lambda: svc.search_last4(actor, digits), self._found, self._failed,
                            owner=self)

    def _found(self, customers: list[CustomerInfo]) -> None:
        self.customer.clear()
        for c in customers:
            self.customer.addItem(f"{c.display_name} {c.masked_phone}", c.id)
        if not customers:
            self._show(self.tr("No customer with these digits"))

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _failed(self, exc: BaseException) -> None:
        self._show(self.ctx.error_text(exc))

    def save(self) -> None:
        cid = self.customer.currentData()
        if not cid:
            self._show(self.tr("Find the customer first"))
            return
        actor = self.ctx.require_actor()
        channel = self.channel.currentData()
        summary = self.summary.toPlainText()
        demands = [d.value for d, cb in self.demands.items() if cb.isChecked()]
        svc = self.ctx.services.complaints
        # The complaints list behind the dialog reloads when the dialog is accepted.
        self.ctx.run_op(
            lambda: svc.log(actor, customer_id=cid, channel=channel, summary=summary,
                            demands=demands),
            OpChanges(care=True), lambda _c: self.accept(), self._failed, origin=self)


class GroupDialog(QDialog):
    def __init__(self, ctx: UiContext, members: list[ComplaintInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.members = members
        self.setWindowTitle(self.tr("Link as a group complaint"))
        form = QFormLayout(self)
        form.addRow(QLabel("、".join(m.customer for m in members)))
        self.title = QLineEdit()
        form.addRow(self.tr("Common grievance"), self.title)
        self.kind = QComboBox()
        for k in GroupKind:
            self.kind.addItem(group_label(k), k.value)
        form.addRow(self.tr("Type"), self.kind)
        self.leader = QComboBox()
        self.leader.addItem(self.tr("(no leader)"), None)
        for m in members:
            self.leader.addItem(m.customer, m.customer_id)
        form.addRow(self.tr("Leader"), self.leader)
        self.error = error_label()
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        actor = self.ctx.require_actor()
        title, kind, leader = self.title.text(), self.kind.currentData(), self.leader.currentData()
        ids = [m.id for m in self.members]
        svc = self.ctx.services.complaints
        self.ctx.run_op(
            lambda: svc.link_group(actor, title=title, kind=kind, complaint_ids=ids,
                                   leader_customer_id=leader),
            OpChanges(care=True), lambda _g: self.accept(), self._failed, origin=self)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)


class ComplaintsView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        hint = QLabel(self.tr("Handle every complaint through the six steps, in order."))
        hint.setObjectName("hint")
        bar.addWidget(hint, 1)
        self.group_button = QPushButton(self.tr("Link selected as group complaint"))
        self.group_button.clicked.connect(self.link_group)
        self.new_button = QPushButton(self.tr("New complaint"))
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(self.new_complaint)
        bar.addWidget(self.group_button)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.model: RecordTableModel[ComplaintInfo] = RecordTableModel([
            Column(self.tr("Received"),
                   lambda c: f"{c.received_at.astimezone(PROJECT_TZ):%m-%d %H:%M}"),
            Column(self.tr("Customer"), lambda c: c.customer),
            Column(self.tr("Channel"), lambda c: complaint_channel_label(c.channel)),
            Column(self.tr("Owner"), lambda c: staff_or_unassigned(c.owner_staff_id or "", c.owner)),
            Column(self.tr("Next step"), self._next_text,
                   colour=lambda c: "#b54708" if c.status == "open" else "#7b8794"),
            Column(self.tr("Group"), complaint_group_text),
            Column(self.tr("Complaint"), lambda c: c.summary),
        ])
        self.view = table(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((92, 64, 84, 64, 180, 170)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        detail = QWidget()
        d = QVBoxLayout(detail)
        self.detail_title = section(self.tr("Select a complaint"))
        self.detail_title.setWordWrap(True)
        d.addWidget(self.detail_title)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        d.addWidget(self.detail)
        self.step_label = QLabel()
        self.step_label.setObjectName("sectionTitle")
        d.addWidget(self.step_label)
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(90)
        self.note.setPlaceholderText(self.tr("What was done in this step"))
        d.addWidget(self.note)
        self.error = error_label()
        d.addWidget(self.error)
        self.step_button = QPushButton(self.tr("Record this step"))
        self.step_button.setObjectName("primary")
        self.step_button.setEnabled(False)
        self.step_button.clicked.connect(self.record_step)
        self.close_button = QPushButton(self.tr("Close with this outcome"))
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.close_complaint)
        d.addWidget(self.step_button)
        d.addWidget(self.close_button)
        d.addStretch(1)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

    def _next_text(self, c: ComplaintInfo) -> str:
        if c.status == "closed":
            return self.tr("closed")
        return step_label(c.next_step) if c.next_step else self.tr("ready to close")

    def refresh(self) -> None:
        actor = self.ctx.require_actor()
        svc = self.ctx.services.complaints
        self.ctx.runner.run(lambda: svc.complaints(actor), self.model.set_rows, self._failed,
                            owner=self)

    def selected(self) -> list[ComplaintInfo]:
        return [self.model.row(i.row()) for i in self.view.selectionModel().selectedRows()]

    def _selected(self, _a: QItemSelection, _b: QItemSelection) -> None:
        rows = self.selected()
        self.error.setVisible(False)
        c = rows[0] if len(rows) == 1 else None
        self.step_button.setEnabled(c is not None and c.status == "open"
                                    and c.next_step is not None)
        self.close_button.setEnabled(c is not None and c.status == "open"
                                     and c.next_step is None)
        if c is None:
            return
        self.detail_title.setText(f"{c.customer} · {c.summary}")
        lines = [self.tr("Wants: %1").replace("%1", "、".join(demand_label(d) for d in c.demands))]
        if c.group_kind is not None:
            lines.append(complaint_group_text(c))
        for i, s in enumerate(c.steps, 1):
            lines.append(f"{i}. {step_label(s.step)}　{s.done_on:%m-%d}　{s.owner}：{s.note}")
        if c.outcome:
            lines.append(self.tr("Outcome: %1").replace("%1", c.outcome))
        self.detail.setText("\n".join(lines))
        self.step_label.setText(self.tr("Next: %1").replace("%1", step_label(c.next_step))
                                if c.next_step else "")

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(self.ctx.error_text(exc))
        self.error.setVisible(True)

    def _changed(self, _value: object) -> None:
        self.note.setPlainText("")
        self.refresh()

    def record_step(self) -> None:
        rows = self.selected()
        if len(rows) != 1 or rows[0].next_step is None:
            return
        c, note = rows[0], self.note.toPlainText()
        actor = self.ctx.require_actor()
        step = rows[0].next_step
        assert step is not None
        svc = self.ctx.services.complaints
        self.ctx.run_op(lambda: svc.record_step(actor, c.id, step, note), OpChanges(care=True),
                        self._changed, self._failed, origin=self)

    def close_complaint(self) -> None:
        rows = self.selected()
        if len(rows) != 1:
            return
        c, outcome = rows[0], self.note.toPlainText()
        actor = self.ctx.require_actor()
        svc = self.ctx.services.complaints
        self.ctx.run_op(lambda: svc.close(actor, c.id, outcome), OpChanges(care=True),
                        self._changed, self._failed, origin=self)

    def new_complaint(self) -> None:
        dialog = NewComplaintDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._changed(None))
        dialog.open()

    def link_group(self) -> None:
        rows = self.selected()
        if len(rows) < 2:
            self._failed_text(self.tr("Select two or more complaints first"))
            return
        dialog = GroupDialog(self.ctx, rows, self)
        dialog.accepted.connect(lambda: self._changed(None))
        dialog.open()

    def _failed_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

"""The one-minute buyer-profile interview: a compact form of closed choices.

Contradictions (a single buyer with a spouse as co-owner...) come back from the domain rule as a
ValidationError and are shown under the form, next to the field they are about."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.buyer_profile import MAX_HOMES, BuyerProfile
from salesdesk.services.project import UnitInfo
from salesdesk.ui.unit_picker import UnitPicker
from salesdesk.ui.widgets import error_label


class InterviewForm(QWidget):
    """Emits ``submitted(answers, unit_id)`` when the consultant saves."""

    submitted = Signal(dict, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewForm")
        self.household = self._combo("household", [
            ("local", self.tr("Local household")),
            ("non_local", self.tr("Non-local household")),
        ])
        self.marital = self._combo("marital", [
            ("married", self.tr("Married")), ("single", self.tr("Single")),
            ("divorced", self.tr("Divorced")), ("widowed", self.tr("Widowed")),
        ])
        self.region = self._combo("region", [
            ("mainland", self.tr("Mainland")), ("hong_kong", self.tr("Hong Kong")),
            ("macau", self.tr("Macau")), ("taiwan", self.tr("Taiwan")),
            ("foreign", self.tr("Foreign national")),
        ])
        self.payment = self._combo("payment", [
            ("full", self.tr("Full payment")), ("commercial_loan", self.tr("Commercial loan")),
            ("housing_fund", self.tr("Housing-fund loan")),
            ("combined", self.tr("Combined loan")),
        ])
        self.signing = self._combo("signing", [
            ("in_person", self.tr("In person")), ("proxy", self.tr("By proxy")),
        ])
        self.age_band = self._combo("age_band", [
            ("18_35", self.tr("18–35")), ("36_50", self.tr("36–50")),
            ("51_60", self.tr("51–60")), ("over_60", self.tr("Over 60")),
        ])
        self.homes = QSpinBox()
        self.homes.setObjectName("homes_owned")
        self.homes.setRange(0, MAX_HOMES)
        self.spouse = QCheckBox(self.tr("Spouse"))
        self.spouse.setObjectName("co_owner_spouse")
        self.minor = QCheckBox(self.tr("Minor child"))
        self.minor.setObjectName("co_owner_minor")
        owners = QHBoxLayout()
        owners.addWidget(self.spouse)
        owners.addWidget(self.minor)
        owners.addStretch(1)
        self.unit = UnitPicker()
        self.unit.setObjectName("unit")
        self.unit.edit.setPlaceholderText(self.tr("Not chosen yet"))  # a narrow column

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Household"), self.household)
        form.addRow(self.tr("Marital status"), self.marital)
        form.addRow(self.tr("Co-owners"), owners)
        form.addRow(self.tr("Payment"), self.payment)
        form.addRow(self.tr("Who signs"), self.signing)
        form.addRow(self.tr("Age"), self.age_band)
        form.addRow(self.tr("Homes owned in the city"), self.homes)
        self.error = error_label()
        self.save = QPushButton(self.tr("Save and build the checklist"))
        self.save.setObjectName("primary")
        self.save.setDefault(True)
        self.save.clicked.connect(self._submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save)
        # A non-mainland buyer has no household registration: steer the answer, the rule still
        # checks it.
        self.region.currentIndexChanged.connect(self._region_changed)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        for value, label in items:
            box.addItem(label, value)
        return box

    def _region_changed(self) -> None:
        if self.region.currentData() != "mainland":
            self.household.setCurrentIndex(self.household.findData("non_local"))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
            return
        super().keyPressEvent(event)

    def set_units(self, units: list[UnitInfo]) -> None:
        """The units to pick from; the current choice stays when it is still there."""
        self.unit.set_units(units)

    def select_unit(self, unit_id: str | None) -> None:
        self.unit.select(unit_id)

    def answers(self) -> dict[str, Any]:
        owners = []
        if self.spouse.isChecked():
            owners.append("spouse")
        if self.minor.isChecked():
            owners.append("minor_child")
        return {
            "household": self.household.currentData(), "marital": self.marital.currentData(),
            "region": self.region.currentData(), "payment": self.payment.currentData(),
            "signing": self.signing.currentData(), "age_band": self.age_band.currentData(),
            "homes_owned": self.homes.value(), "co_owners": owners,
        }

    def load(self, profile: BuyerProfile | None) -> None:
        if profile is None:
            return
        self.region.setCurrentIndex(self.region.findData(profile.region.value))
        for box, value in ((self.household, profile.household), (self.marital, profile.marital),
                           (self.payment, profile.payment), (self.signing, profile.signing),
                           (self.age_band, profile.age_band)):
            box.setCurrentIndex(box.findData(value.value))
        self.homes.setValue(profile.homes_owned)
        self.spouse.setChecked(any(c.value == "spouse" for c in profile.co_owners))
        self.minor.setChecked(any(c.value == "minor_child" for c in profile.co_owners))

    def show_error(self, text: str, field: str | None) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
        target = {"co_owners": self.spouse, "homes_owned": self.homes}.get(field or "")
        if target is None and field:
            target = self.findChild(QWidget, field)
        if target is not None:
            target.setFocus()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.setVisible(False)

    def _submit(self) -> None:
        self.clear_error()
        if not self.unit.resolve():  # a unit typed that is no unit: refused under the field
            self.unit.setFocus()
            return
        self.submitted.emit(self.answers(), self.unit.unit_id)

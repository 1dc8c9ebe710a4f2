# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'disclosure_page.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFrame, QGridLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

from salesdesk.ui.disclosure.signature_pad import SignaturePad
from salesdesk.ui.unit_picker import UnitPicker

class Ui_DisclosurePageForm(object):
    def setupUi(self, DisclosurePageForm):
        if not DisclosurePageForm.objectName():
            DisclosurePageForm.setObjectName(u"DisclosurePageForm")
        self.root = QVBoxLayout(DisclosurePageForm)
        self.root.setObjectName(u"root")
        self.titleRow = QHBoxLayout()
        self.titleRow.setSpacing(16)
        self.titleRow.setObjectName(u"titleRow")
        self.titleLabel = QLabel(DisclosurePageForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titleRow.addWidget(self.titleLabel)

        self.ownerBanner = QLabel(DisclosurePageForm)
        self.ownerBanner.setObjectName(u"ownerBanner")
        self.ownerBanner.setWordWrap(True)

        self.titleRow.addWidget(self.ownerBanner)

        self.titleRow.setStretch(1, 1)

        self.root.addLayout(self.titleRow)

        self.pickGrid = QGridLayout()
        self.pickGrid.setObjectName(u"pickGrid")
        self.customerLabel = QLabel(DisclosurePageForm)
        self.customerLabel.setObjectName(u"customerLabel")

        self.pickGrid.addWidget(self.customerLabel, 0, 0, 1, 1)

        self.phoneEdit = QLineEdit(DisclosurePageForm)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.pickGrid.addWidget(self.phoneEdit, 0, 1, 1, 1)

        self.findButton = QPushButton(DisclosurePageForm)
        self.findButton.setObjectName(u"findButton")

        self.pickGrid.addWidget(self.findButton, 0, 2, 1, 1)

        self.customerBox = QComboBox(DisclosurePageForm)
        self.customerBox.setObjectName(u"customerBox")
        self.customerBox.setMinimumSize(QSize(220, 0))

        self.pickGrid.addWidget(self.customerBox, 0, 3, 1, 1)

        self.unitLabel = QLabel(DisclosurePageForm)
        self.unitLabel.setObjectName(u"unitLabel")
        self.unitLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.unitLabel.setMargin(8)

        self.pickGrid.addWidget(self.unitLabel, 1, 0, 1, 1)

        self.unitPicker = UnitPicker(DisclosurePageForm)
        self.unitPicker.setObjectName(u"unitPicker")
        self.unitPicker.setMinimumSize(QSize(200, 0))

        self.pickGrid.addWidget(self.unitPicker, 1, 1, 1, 1)

        self.roundLabel = QLabel(DisclosurePageForm)
        self.roundLabel.setObjectName(u"roundLabel")
        self.roundLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.roundLabel.setMargin(8)

        self.pickGrid.addWidget(self.roundLabel, 1, 2, 1, 1)

        self.kindBox = QComboBox(DisclosurePageForm)
        self.kindBox.setObjectName(u"kindBox")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.kindBox.sizePolicy().hasHeightForWidth())
        self.kindBox.setSizePolicy(sizePolicy)

        self.pickGrid.addWidget(self.kindBox, 1, 3, 1, 1)

        self.pickGrid.setColumnStretch(1, 1)

        self.root.addLayout(self.pickGrid)

        self.errorLabel = QLabel(DisclosurePageForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.root.addWidget(self.errorLabel)

        self.problemBanner = QLabel(DisclosurePageForm)
        self.problemBanner.setObjectName(u"problemBanner")
        self.problemBanner.setWordWrap(True)

        self.root.addWidget(self.problemBanner)

        self.splitter = QSplitter(DisclosurePageForm)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.leftPane = QWidget(self.splitter)
        self.leftPane.setObjectName(u"leftPane")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(3)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.leftPane.sizePolicy().hasHeightForWidth())
        self.leftPane.setSizePolicy(sizePolicy1)
        self.leftColumn = QVBoxLayout(self.leftPane)
        self.leftColumn.setObjectName(u"leftColumn")
        self.leftColumn.setContentsMargins(0, 0, 0, 0)
        self.summaryLabel = QLabel(self.leftPane)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.leftColumn.addWidget(self.summaryLabel)

        self.checklistTable = QTableWidget(self.leftPane)
        if (self.checklistTable.columnCount() < 4):
            self.checklistTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.checklistTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.checklistTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.checklistTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.checklistTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.checklistTable.setObjectName(u"checklistTable")
        self.checklistTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.checklistTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.checklistTable.setWordWrap(True)
        self.checklistTable.verticalHeader().setVisible(False)

        self.leftColumn.addWidget(self.checklistTable)

        self.explainLabel = QLabel(self.leftPane)
        self.explainLabel.setObjectName(u"explainLabel")
        self.explainLabel.setMinimumSize(QSize(0, 48))
        self.explainLabel.setTextFormat(Qt.PlainText)
        self.explainLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.explainLabel.setWordWrap(True)

        self.leftColumn.addWidget(self.explainLabel)

        self.historyTitle = QLabel(self.leftPane)
        self.historyTitle.setObjectName(u"historyTitle")

        self.leftColumn.addWidget(self.historyTitle)

        self.historyTable = QTableWidget(self.leftPane)
        if (self.historyTable.columnCount() < 6):
            self.historyTable.setColumnCount(6)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(0, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(1, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(2, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(3, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(4, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.historyTable.setHorizontalHeaderItem(5, __qtablewidgetitem9)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setMaximumSize(QSize(16777215, 150))
        self.historyTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.historyTable.horizontalHeader().setStretchLastSection(True)
        self.historyTable.verticalHeader().setVisible(False)

        self.leftColumn.addWidget(self.historyTable)

        self.messageTitle = QLabel(self.leftPane)
        self.messageTitle.setObjectName(u"messageTitle")

        self.leftColumn.addWidget(self.messageTitle)

        self.messageRow = QHBoxLayout()
        self.messageRow.setObjectName(u"messageRow")
        self.messageEdit = QPlainTextEdit(self.leftPane)
        self.messageEdit.setObjectName(u"messageEdit")
        self.messageEdit.setMinimumSize(QSize(0, 70))
        self.messageEdit.setMaximumSize(QSize(16777215, 80))
        self.messageEdit.setReadOnly(True)

        self.messageRow.addWidget(self.messageEdit)

        self.copyButton = QPushButton(self.leftPane)
        self.copyButton.setObjectName(u"copyButton")

        self.messageRow.addWidget(self.copyButton, 0, Qt.AlignBottom)

        self.messageRow.setStretch(0, 1)

        self.leftColumn.addLayout(self.messageRow)

        self.leftColumn.setStretch(1, 3)
        self.leftColumn.setStretch(4, 1)
        self.splitter.addWidget(self.leftPane)
        self.rightCard = QFrame(self.splitter)
        self.rightCard.setObjectName(u"rightCard")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        sizePolicy2.setHorizontalStretch(2)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.rightCard.sizePolicy().hasHeightForWidth())
        self.rightCard.setSizePolicy(sizePolicy2)
        self.rightColumn = QVBoxLayout(self.rightCard)
        self.rightColumn.setObjectName(u"rightColumn")
        self.signatureTitle = QLabel(self.rightCard)
        self.signatureTitle.setObjectName(u"signatureTitle")

        self.rightColumn.addWidget(self.signatureTitle)

        self.pad = SignaturePad(self.rightCard)
        self.pad.setObjectName(u"pad")

        self.rightColumn.addWidget(self.pad)

        self.clearRow = QHBoxLayout()
        self.clearRow.setObjectName(u"clearRow")
        self.clearButton = QPushButton(self.rightCard)
        self.clearButton.setObjectName(u"clearButton")

        self.clearRow.addWidget(self.clearButton)

        self.clearSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.clearRow.addItem(self.clearSpacer)


        self.rightColumn.addLayout(self.clearRow)

        self.paperCheck = QCheckBox(self.rightCard)
        self.paperCheck.setObjectName(u"paperCheck")

        self.rightColumn.addWidget(self.paperCheck)

        self.correctButton = QPushButton(self.rightCard)
        self.correctButton.setObjectName(u"correctButton")

        self.rightColumn.addWidget(self.correctButton)

        self.reasonEdit = QLineEdit(self.rightCard)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.rightColumn.addWidget(self.reasonEdit)

        self.saveButton = QPushButton(self.rightCard)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setMinimumSize(QSize(0, 44))

        self.rightColumn.addWidget(self.saveButton)

        self.savedLabel = QLabel(self.rightCard)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setWordWrap(True)
        self.savedLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.rightColumn.addWidget(self.savedLabel)

        self.paperRow = QHBoxLayout()
        self.paperRow.setObjectName(u"paperRow")
        self.collectedButton = QPushButton(self.rightCard)
        self.collectedButton.setObjectName(u"collectedButton")

        self.paperRow.addWidget(self.collectedButton)

        self.paperSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.paperRow.addItem(self.paperSpacer)


        self.rightColumn.addLayout(self.paperRow)

        self.printRow = QHBoxLayout()
        self.printRow.setObjectName(u"printRow")
        self.subscribeButton = QPushButton(self.rightCard)
        self.subscribeButton.setObjectName(u"subscribeButton")

        self.printRow.addWidget(self.subscribeButton)


        self.rightColumn.addLayout(self.printRow)

        self.printStatus = QLabel(self.rightCard)
        self.printStatus.setObjectName(u"printStatus")
        self.printStatus.setWordWrap(True)
        self.printStatus.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.rightColumn.addWidget(self.printStatus)

        self.rightSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)

        self.rightColumn.setStretch(1, 2)
        self.rightColumn.setStretch(11, 1)
        self.splitter.addWidget(self.rightCard)

        self.root.addWidget(self.splitter)

        self.root.setStretch(4, 1)
        QWidget.setTabOrder(self.phoneEdit, self.findButton)
        QWidget.setTabOrder(self.findButton, self.customerBox)
        QWidget.setTabOrder(self.customerBox, self.unitPicker)
        QWidget.setTabOrder(self.unitPicker, self.kindBox)
        QWidget.setTabOrder(self.kindBox, self.checklistTable)
        QWidget.setTabOrder(self.checklistTable, self.saveButton)

        self.retranslateUi(DisclosurePageForm)

        QMetaObject.connectSlotsByName(DisclosurePageForm)
    # setupUi

    def retranslateUi(self, DisclosurePageForm):
        self.titleLabel.setText(QCoreApplication.translate("DisclosurePageForm", u"Disclosure checklist", None))
        self.customerLabel.setText(QCoreApplication.translate("DisclosurePageForm", u"Customer", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("DisclosurePageForm", u"Customer's mobile number (or last 4 digits)", None))
        self.findButton.setText(QCoreApplication.translate("DisclosurePageForm", u"Find", None))
        self.unitLabel.setText(QCoreApplication.translate("DisclosurePageForm", u"Unit", None))
        self.roundLabel.setText(QCoreApplication.translate("DisclosurePageForm", u"Round", None))
        self.summaryLabel.setText(QCoreApplication.translate("DisclosurePageForm", u"Find the customer and pick a unit to see the checklist.", None))
        ___qtablewidgetitem = self.checklistTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("DisclosurePageForm", u"Told", None))
        ___qtablewidgetitem1 = self.checklistTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("DisclosurePageForm", u"Kind", None))
        ___qtablewidgetitem2 = self.checklistTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("DisclosurePageForm", u"Item", None))
        ___qtablewidgetitem3 = self.checklistTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("DisclosurePageForm", u"Number / version", None))
        self.historyTitle.setText(QCoreApplication.translate("DisclosurePageForm", u"Rounds recorded for this customer and unit", None))
        ___qtablewidgetitem4 = self.historyTable.horizontalHeaderItem(0)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("DisclosurePageForm", u"Time", None))
        ___qtablewidgetitem5 = self.historyTable.horizontalHeaderItem(1)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("DisclosurePageForm", u"Round", None))
        ___qtablewidgetitem6 = self.historyTable.horizontalHeaderItem(2)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("DisclosurePageForm", u"Consultant", None))
        ___qtablewidgetitem7 = self.historyTable.horizontalHeaderItem(3)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("DisclosurePageForm", u"Told", None))
        ___qtablewidgetitem8 = self.historyTable.horizontalHeaderItem(4)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("DisclosurePageForm", u"Paper form", None))
        ___qtablewidgetitem9 = self.historyTable.horizontalHeaderItem(5)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("DisclosurePageForm", u"Note", None))
        self.messageTitle.setText(QCoreApplication.translate("DisclosurePageForm", u"Courtesy message after the visit", None))
        self.copyButton.setText(QCoreApplication.translate("DisclosurePageForm", u"Copy message", None))
        self.signatureTitle.setText(QCoreApplication.translate("DisclosurePageForm", u"Customer's acknowledgement", None))
        self.clearButton.setText(QCoreApplication.translate("DisclosurePageForm", u"Clear signature", None))
        self.paperCheck.setText(QCoreApplication.translate("DisclosurePageForm", u"Paper feedback form signed and collected", None))
        self.correctButton.setText(QCoreApplication.translate("DisclosurePageForm", u"Correct the selected round\u2026", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("DisclosurePageForm", u"Why is the earlier round corrected?", None))
        self.saveButton.setText(QCoreApplication.translate("DisclosurePageForm", u"Save round to the ledger", None))
#if QT_CONFIG(tooltip)
        self.collectedButton.setToolTip(QCoreApplication.translate("DisclosurePageForm", u"The customer signed the paper form of the round selected in the list (or just saved)", None))
#endif // QT_CONFIG(tooltip)
        self.collectedButton.setText(QCoreApplication.translate("DisclosurePageForm", u"Paper form collected", None))
        self.subscribeButton.setText(QCoreApplication.translate("DisclosurePageForm", u"Subscription\u2026", None))
        pass
    # retranslateUi


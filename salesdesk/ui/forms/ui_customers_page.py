# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customers_page.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

from salesdesk.ui.customers.record_view import RecordTabs

class Ui_CustomersPage(object):
    def setupUi(self, CustomersPage):
        if not CustomersPage.objectName():
            CustomersPage.setObjectName(u"CustomersPage")
        CustomersPage.resize(1100, 680)
        self.pageLayout = QVBoxLayout(CustomersPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(CustomersPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.customerSearch = QLineEdit(CustomersPage)
        self.customerSearch.setObjectName(u"customerSearch")

        self.searchRow.addWidget(self.customerSearch)

        self.findButton = QPushButton(CustomersPage)
        self.findButton.setObjectName(u"findButton")

        self.searchRow.addWidget(self.findButton)

        self.searchRow.setStretch(0, 1)

        self.pageLayout.addLayout(self.searchRow)

        self.searchError = QLabel(CustomersPage)
        self.searchError.setObjectName(u"searchError")
        self.searchError.setWordWrap(True)
        self.searchError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.pageLayout.addWidget(self.searchError)

        self.body = QHBoxLayout()
        self.body.setObjectName(u"body")
        self.customerResults = QListWidget(CustomersPage)
        self.customerResults.setObjectName(u"customerResults")
        self.customerResults.setMinimumSize(QSize(200, 0))
        self.customerResults.setMaximumSize(QSize(200, 16777215))

        self.body.addWidget(self.customerResults)

        self.recordColumn = QVBoxLayout()
        self.recordColumn.setObjectName(u"recordColumn")
        self.customerHeader = QLabel(CustomersPage)
        self.customerHeader.setObjectName(u"customerHeader")
        self.customerHeader.setWordWrap(True)
        self.customerHeader.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.recordColumn.addWidget(self.customerHeader)

        self.noteLabel = QLabel(CustomersPage)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.recordColumn.addWidget(self.noteLabel)

        self.actionsGrid = QGridLayout()
        self.actionsGrid.setObjectName(u"actionsGrid")
        self.roundButton = QPushButton(CustomersPage)
        self.roundButton.setObjectName(u"roundButton")

        self.actionsGrid.addWidget(self.roundButton, 0, 0, 1, 1)

        self.materialsButton = QPushButton(CustomersPage)
        self.materialsButton.setObjectName(u"materialsButton")

        self.actionsGrid.addWidget(self.materialsButton, 0, 1, 1, 1)

        self.signingButton = QPushButton(CustomersPage)
        self.signingButton.setObjectName(u"signingButton")

        self.actionsGrid.addWidget(self.signingButton, 0, 2, 1, 1)

        self.phoneButton = QPushButton(CustomersPage)
        self.phoneButton.setObjectName(u"phoneButton")

        self.actionsGrid.addWidget(self.phoneButton, 1, 0, 1, 1)

        self.ownerButton = QPushButton(CustomersPage)
        self.ownerButton.setObjectName(u"ownerButton")

        self.actionsGrid.addWidget(self.ownerButton, 1, 1, 1, 1)

        self.eraseButton = QPushButton(CustomersPage)
        self.eraseButton.setObjectName(u"eraseButton")

        self.actionsGrid.addWidget(self.eraseButton, 1, 3, 1, 1)

        self.actionsGrid.setColumnStretch(0, 1)
        self.actionsGrid.setColumnStretch(1, 1)
        self.actionsGrid.setColumnStretch(2, 1)
        self.actionsGrid.setColumnStretch(3, 1)

        self.recordColumn.addLayout(self.actionsGrid)

        self.recordTabs = RecordTabs(CustomersPage)
        self.recordTabs.setObjectName(u"recordTabs")

        self.recordColumn.addWidget(self.recordTabs)

        self.recordColumn.setStretch(3, 1)

        self.body.addLayout(self.recordColumn)

        self.body.setStretch(1, 1)

        self.pageLayout.addLayout(self.body)

        self.pageLayout.setStretch(3, 1)

        self.retranslateUi(CustomersPage)

        QMetaObject.connectSlotsByName(CustomersPage)
    # setupUi

    def retranslateUi(self, CustomersPage):
        self.titleLabel.setText(QCoreApplication.translate("CustomersPage", u"Customers", None))
        self.customerSearch.setPlaceholderText(QCoreApplication.translate("CustomersPage", u"Mobile number, its last 4 digits, a name or a ticket (A031)", None))
        self.findButton.setText(QCoreApplication.translate("CustomersPage", u"Find", None))
        self.customerHeader.setText(QCoreApplication.translate("CustomersPage", u"Find a customer to see their record.", None))
        self.roundButton.setText(QCoreApplication.translate("CustomersPage", u"Disclosure round", None))
        self.materialsButton.setText(QCoreApplication.translate("CustomersPage", u"Materials checklist", None))
        self.signingButton.setText(QCoreApplication.translate("CustomersPage", u"Book a signing slot", None))
        self.phoneButton.setText(QCoreApplication.translate("CustomersPage", u"Add a number", None))
        self.ownerButton.setText(QCoreApplication.translate("CustomersPage", u"Change the owner", None))
        self.eraseButton.setText(QCoreApplication.translate("CustomersPage", u"Erase personal data", None))
        pass
    # retranslateUi


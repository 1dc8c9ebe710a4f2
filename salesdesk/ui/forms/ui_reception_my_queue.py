# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reception_my_queue.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

from salesdesk.ui.reception.call_alert import CallBanner

class Ui_MyQueuePanel(object):
    def setupUi(self, MyQueuePanel):
        if not MyQueuePanel.objectName():
            MyQueuePanel.setObjectName(u"MyQueuePanel")
        self.outer = QVBoxLayout(MyQueuePanel)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.statusCard = QFrame(MyQueuePanel)
        self.statusCard.setObjectName(u"statusCard")
        self.statusRow = QHBoxLayout(self.statusCard)
        self.statusRow.setObjectName(u"statusRow")
        self.statusLabel = QLabel(self.statusCard)
        self.statusLabel.setObjectName(u"statusLabel")

        self.statusRow.addWidget(self.statusLabel)

        self.joinButton = QPushButton(self.statusCard)
        self.joinButton.setObjectName(u"joinButton")

        self.statusRow.addWidget(self.joinButton)

        self.availableButton = QPushButton(self.statusCard)
        self.availableButton.setObjectName(u"availableButton")

        self.statusRow.addWidget(self.availableButton)

        self.breakButton = QPushButton(self.statusCard)
        self.breakButton.setObjectName(u"breakButton")

        self.statusRow.addWidget(self.breakButton)

        self.meetingButton = QPushButton(self.statusCard)
        self.meetingButton.setObjectName(u"meetingButton")

        self.statusRow.addWidget(self.meetingButton)

        self.statusRow.setStretch(0, 1)

        self.outer.addWidget(self.statusCard)

        self.callBanner = CallBanner(MyQueuePanel)
        self.callBanner.setObjectName(u"callBanner")

        self.outer.addWidget(self.callBanner)

        self.noticesLabel = QLabel(MyQueuePanel)
        self.noticesLabel.setObjectName(u"noticesLabel")
        self.noticesLabel.setWordWrap(True)

        self.outer.addWidget(self.noticesLabel)

        self.currentCard = QFrame(MyQueuePanel)
        self.currentCard.setObjectName(u"currentCard")
        self.currentLayout = QVBoxLayout(self.currentCard)
        self.currentLayout.setObjectName(u"currentLayout")
        self.currentTitle = QLabel(self.currentCard)
        self.currentTitle.setObjectName(u"currentTitle")

        self.currentLayout.addWidget(self.currentTitle)

        self.currentLabel = QLabel(self.currentCard)
        self.currentLabel.setObjectName(u"currentLabel")

        self.currentLayout.addWidget(self.currentLabel)

        self.currentDetail = QLabel(self.currentCard)
        self.currentDetail.setObjectName(u"currentDetail")

        self.currentLayout.addWidget(self.currentDetail)

        self.intentRow = QHBoxLayout()
        self.intentRow.setObjectName(u"intentRow")
        self.intentLabel = QLabel(self.currentCard)
        self.intentLabel.setObjectName(u"intentLabel")

        self.intentRow.addWidget(self.intentLabel)

        self.intentAButton = QPushButton(self.currentCard)
        self.intentAButton.setObjectName(u"intentAButton")
        self.intentAButton.setStyleSheet(u"min-height: 34px;")
        self.intentAButton.setCheckable(True)

        self.intentRow.addWidget(self.intentAButton)

        self.intentBButton = QPushButton(self.currentCard)
        self.intentBButton.setObjectName(u"intentBButton")
        self.intentBButton.setStyleSheet(u"min-height: 34px;")
        self.intentBButton.setCheckable(True)

        self.intentRow.addWidget(self.intentBButton)

        self.intentCButton = QPushButton(self.currentCard)
        self.intentCButton.setObjectName(u"intentCButton")
        self.intentCButton.setStyleSheet(u"min-height: 34px;")
        self.intentCButton.setCheckable(True)

        self.intentRow.addWidget(self.intentCButton)


        self.currentLayout.addLayout(self.intentRow)

        self.detailsRow = QHBoxLayout()
        self.detailsRow.setObjectName(u"detailsRow")
        self.unitsEdit = QLineEdit(self.currentCard)
        self.unitsEdit.setObjectName(u"unitsEdit")

        self.detailsRow.addWidget(self.unitsEdit, 0, Qt.AlignTop)

        self.notesEdit = QPlainTextEdit(self.currentCard)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.detailsRow.addWidget(self.notesEdit)

        self.detailsRow.setStretch(0, 1)
        self.detailsRow.setStretch(1, 1)

        self.currentLayout.addLayout(self.detailsRow)

        self.actionsGrid = QGridLayout()
        self.actionsGrid.setObjectName(u"actionsGrid")
        self.finishButton = QPushButton(self.currentCard)
        self.finishButton.setObjectName(u"finishButton")

        self.actionsGrid.addWidget(self.finishButton, 0, 0, 1, 1)

        self.parkButton = QPushButton(self.currentCard)
        self.parkButton.setObjectName(u"parkButton")

        self.actionsGrid.addWidget(self.parkButton, 0, 1, 1, 1)

        self.invalidButton = QPushButton(self.currentCard)
        self.invalidButton.setObjectName(u"invalidButton")

        self.actionsGrid.addWidget(self.invalidButton, 0, 2, 1, 1)

        self.transferCombo = QComboBox(self.currentCard)
        self.transferCombo.setObjectName(u"transferCombo")

        self.actionsGrid.addWidget(self.transferCombo, 1, 0, 1, 2)

        self.transferButton = QPushButton(self.currentCard)
        self.transferButton.setObjectName(u"transferButton")

        self.actionsGrid.addWidget(self.transferButton, 1, 2, 1, 1)


        self.currentLayout.addLayout(self.actionsGrid)


        self.outer.addWidget(self.currentCard)

        self.nextCard = QFrame(MyQueuePanel)
        self.nextCard.setObjectName(u"nextCard")
        self.nextLayout = QVBoxLayout(self.nextCard)
        self.nextLayout.setObjectName(u"nextLayout")
        self.nextHead = QHBoxLayout()
        self.nextHead.setObjectName(u"nextHead")
        self.nextTitle = QLabel(self.nextCard)
        self.nextTitle.setObjectName(u"nextTitle")

        self.nextHead.addWidget(self.nextTitle)

        self.nextHeadStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nextHead.addItem(self.nextHeadStretch)

        self.callButton = QPushButton(self.nextCard)
        self.callButton.setObjectName(u"callButton")

        self.nextHead.addWidget(self.callButton)

        self.startButton = QPushButton(self.nextCard)
        self.startButton.setObjectName(u"startButton")

        self.nextHead.addWidget(self.startButton)

        self.recallButton = QPushButton(self.nextCard)
        self.recallButton.setObjectName(u"recallButton")

        self.nextHead.addWidget(self.recallButton)

        self.noShowButton = QPushButton(self.nextCard)
        self.noShowButton.setObjectName(u"noShowButton")

        self.nextHead.addWidget(self.noShowButton)

        self.nextHead.setStretch(1, 1)

        self.nextLayout.addLayout(self.nextHead)

        self.nextView = QTableView(self.nextCard)
        self.nextView.setObjectName(u"nextView")
        self.nextView.setMinimumSize(QSize(0, 84))

        self.nextLayout.addWidget(self.nextView)


        self.outer.addWidget(self.nextCard)

        self.formError = QLabel(MyQueuePanel)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.formError)

        self.outer.setStretch(4, 1)

        self.retranslateUi(MyQueuePanel)

        QMetaObject.connectSlotsByName(MyQueuePanel)
    # setupUi

    def retranslateUi(self, MyQueuePanel):
        self.joinButton.setText(QCoreApplication.translate("MyQueuePanel", u"Start duty", None))
        self.availableButton.setText(QCoreApplication.translate("MyQueuePanel", u"Back, free", None))
        self.breakButton.setText(QCoreApplication.translate("MyQueuePanel", u"Break", None))
        self.meetingButton.setText(QCoreApplication.translate("MyQueuePanel", u"Meeting", None))
        self.currentTitle.setText(QCoreApplication.translate("MyQueuePanel", u"Receiving now", None))
        self.intentLabel.setText(QCoreApplication.translate("MyQueuePanel", u"Intent", None))
        self.intentAButton.setText(QCoreApplication.translate("MyQueuePanel", u"A \u00b7 strong", None))
        self.intentBButton.setText(QCoreApplication.translate("MyQueuePanel", u"B \u00b7 considering", None))
        self.intentCButton.setText(QCoreApplication.translate("MyQueuePanel", u"C \u00b7 just looking", None))
        self.unitsEdit.setPlaceholderText(QCoreApplication.translate("MyQueuePanel", u"Units of interest, e.g. 1-1203, 2-801", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("MyQueuePanel", u"Notes", None))
        self.finishButton.setText(QCoreApplication.translate("MyQueuePanel", u"Finish reception", None))
        self.parkButton.setText(QCoreApplication.translate("MyQueuePanel", u"Park\u2026", None))
        self.invalidButton.setText(QCoreApplication.translate("MyQueuePanel", u"Invalid (directions, delivery)\u2026", None))
        self.transferButton.setText(QCoreApplication.translate("MyQueuePanel", u"Transfer", None))
        self.nextTitle.setText(QCoreApplication.translate("MyQueuePanel", u"My next parties", None))
        self.callButton.setText(QCoreApplication.translate("MyQueuePanel", u"Call next", None))
        self.startButton.setText(QCoreApplication.translate("MyQueuePanel", u"Start reception", None))
        self.recallButton.setText(QCoreApplication.translate("MyQueuePanel", u"Recall", None))
        self.noShowButton.setText(QCoreApplication.translate("MyQueuePanel", u"No-show", None))
        pass
    # retranslateUi


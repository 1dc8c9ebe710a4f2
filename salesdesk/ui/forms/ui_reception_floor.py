# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reception_floor.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_FloorPanel(object):
    def setupUi(self, FloorPanel):
        if not FloorPanel.objectName():
            FloorPanel.setObjectName(u"FloorPanel")
        self.outer = QVBoxLayout(FloorPanel)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.rotationCard = QFrame(FloorPanel)
        self.rotationCard.setObjectName(u"rotationCard")
        self.rotationLayout = QVBoxLayout(self.rotationCard)
        self.rotationLayout.setObjectName(u"rotationLayout")
        self.rotationHead = QHBoxLayout()
        self.rotationHead.setObjectName(u"rotationHead")
        self.rotationTitle = QLabel(self.rotationCard)
        self.rotationTitle.setObjectName(u"rotationTitle")

        self.rotationHead.addWidget(self.rotationTitle)

        self.rotationHeadStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rotationHead.addItem(self.rotationHeadStretch)

        self.joinButton = QPushButton(self.rotationCard)
        self.joinButton.setObjectName(u"joinButton")

        self.rotationHead.addWidget(self.joinButton)

        self.rotationHead.setStretch(1, 1)

        self.rotationLayout.addLayout(self.rotationHead)

        self.rotationView = QTableView(self.rotationCard)
        self.rotationView.setObjectName(u"rotationView")

        self.rotationLayout.addWidget(self.rotationView)

        self.statusRow = QHBoxLayout()
        self.statusRow.setObjectName(u"statusRow")
        self.freeButton = QPushButton(self.rotationCard)
        self.freeButton.setObjectName(u"freeButton")

        self.statusRow.addWidget(self.freeButton)

        self.breakButton = QPushButton(self.rotationCard)
        self.breakButton.setObjectName(u"breakButton")

        self.statusRow.addWidget(self.breakButton)

        self.meetingButton = QPushButton(self.rotationCard)
        self.meetingButton.setObjectName(u"meetingButton")

        self.statusRow.addWidget(self.meetingButton)

        self.offButton = QPushButton(self.rotationCard)
        self.offButton.setObjectName(u"offButton")

        self.statusRow.addWidget(self.offButton)

        self.upButton = QPushButton(self.rotationCard)
        self.upButton.setObjectName(u"upButton")

        self.statusRow.addWidget(self.upButton)


        self.rotationLayout.addLayout(self.statusRow)

        self.formError = QLabel(self.rotationCard)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.rotationLayout.addWidget(self.formError)


        self.outer.addWidget(self.rotationCard)

        self.queueCard = QFrame(FloorPanel)
        self.queueCard.setObjectName(u"queueCard")
        self.queueLayout = QVBoxLayout(self.queueCard)
        self.queueLayout.setObjectName(u"queueLayout")
        self.queueHead = QHBoxLayout()
        self.queueHead.setObjectName(u"queueHead")
        self.queueTitle = QLabel(self.queueCard)
        self.queueTitle.setObjectName(u"queueTitle")

        self.queueHead.addWidget(self.queueTitle)

        self.queueHeadStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.queueHead.addItem(self.queueHeadStretch)

        self.waitLabel = QLabel(self.queueCard)
        self.waitLabel.setObjectName(u"waitLabel")

        self.queueHead.addWidget(self.waitLabel)

        self.reassignButton = QPushButton(self.queueCard)
        self.reassignButton.setObjectName(u"reassignButton")

        self.queueHead.addWidget(self.reassignButton)

        self.queueHead.setStretch(1, 1)

        self.queueLayout.addLayout(self.queueHead)

        self.queueView = QTableView(self.queueCard)
        self.queueView.setObjectName(u"queueView")

        self.queueLayout.addWidget(self.queueView)


        self.outer.addWidget(self.queueCard)

        self.outer.setStretch(0, 3)
        self.outer.setStretch(1, 2)

        self.retranslateUi(FloorPanel)

        QMetaObject.connectSlotsByName(FloorPanel)
    # setupUi

    def retranslateUi(self, FloorPanel):
        self.rotationTitle.setText(QCoreApplication.translate("FloorPanel", u"Rotation (\u8f6e\u5e8f)", None))
        self.joinButton.setText(QCoreApplication.translate("FloorPanel", u"On duty\u2026", None))
        self.freeButton.setText(QCoreApplication.translate("FloorPanel", u"Free", None))
        self.breakButton.setText(QCoreApplication.translate("FloorPanel", u"Break", None))
        self.meetingButton.setText(QCoreApplication.translate("FloorPanel", u"Meeting", None))
        self.offButton.setText(QCoreApplication.translate("FloorPanel", u"Off", None))
        self.upButton.setText(QCoreApplication.translate("FloorPanel", u"Move up\u2026", None))
        self.queueTitle.setText(QCoreApplication.translate("FloorPanel", u"Waiting and called", None))
        self.reassignButton.setText(QCoreApplication.translate("FloorPanel", u"Reassign\u2026", None))
        pass
    # retranslateUi


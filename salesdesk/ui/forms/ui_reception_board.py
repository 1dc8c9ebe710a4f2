# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reception_board.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QLayout, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_DisplayBoardWindow(object):
    def setupUi(self, DisplayBoardWindow):
        if not DisplayBoardWindow.objectName():
            DisplayBoardWindow.setObjectName(u"DisplayBoardWindow")
        DisplayBoardWindow.resize(1280, 720)
        self.outer = QVBoxLayout(DisplayBoardWindow)
        self.outer.setObjectName(u"outer")
        self.outer.setSizeConstraint(QLayout.SetNoConstraint)
        self.outer.setContentsMargins(36, 24, 36, 24)
        self.head = QHBoxLayout()
        self.head.setObjectName(u"head")
        self.boardTitle = QLabel(DisplayBoardWindow)
        self.boardTitle.setObjectName(u"boardTitle")

        self.head.addWidget(self.boardTitle)

        self.headStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.head.addItem(self.headStretch)

        self.boardClock = QLabel(DisplayBoardWindow)
        self.boardClock.setObjectName(u"boardClock")

        self.head.addWidget(self.boardClock)

        self.head.setStretch(1, 1)

        self.outer.addLayout(self.head)

        self.body = QHBoxLayout()
        self.body.setSpacing(28)
        self.body.setObjectName(u"body")
        self.nowColumn = QVBoxLayout()
        self.nowColumn.setObjectName(u"nowColumn")
        self.nowHead = QHBoxLayout()
        self.nowHead.setObjectName(u"nowHead")
        self.nowHeadLabel = QLabel(DisplayBoardWindow)
        self.nowHeadLabel.setObjectName(u"nowHeadLabel")

        self.nowHead.addWidget(self.nowHeadLabel)

        self.nowHeadStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nowHead.addItem(self.nowHeadStretch)

        self.nowPageLabel = QLabel(DisplayBoardWindow)
        self.nowPageLabel.setObjectName(u"nowPageLabel")

        self.nowHead.addWidget(self.nowPageLabel)

        self.nowHead.setStretch(1, 1)

        self.nowColumn.addLayout(self.nowHead)

        self.nowGrid = QGridLayout()
        self.nowGrid.setObjectName(u"nowGrid")
        self.nowGrid.setHorizontalSpacing(18)
        self.nowGrid.setVerticalSpacing(12)

        self.nowColumn.addLayout(self.nowGrid)

        self.nowStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.nowColumn.addItem(self.nowStretch)

        self.nowColumn.setStretch(2, 1)

        self.body.addLayout(self.nowColumn)

        self.waitColumn = QVBoxLayout()
        self.waitColumn.setObjectName(u"waitColumn")
        self.waitingCard = QFrame(DisplayBoardWindow)
        self.waitingCard.setObjectName(u"waitingCard")
        self.waitingCardLayout = QVBoxLayout(self.waitingCard)
        self.waitingCardLayout.setObjectName(u"waitingCardLayout")
        self.waitingCardLayout.setContentsMargins(24, 12, 24, 12)
        self.waitHead = QHBoxLayout()
        self.waitHead.setObjectName(u"waitHead")
        self.waitingHeadLabel = QLabel(self.waitingCard)
        self.waitingHeadLabel.setObjectName(u"waitingHeadLabel")

        self.waitHead.addWidget(self.waitingHeadLabel)

        self.waitingCount = QLabel(self.waitingCard)
        self.waitingCount.setObjectName(u"waitingCount")
        self.waitingCount.setText(u"0")

        self.waitHead.addWidget(self.waitingCount)

        self.waitHeadStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.waitHead.addItem(self.waitHeadStretch)

        self.waitPageLabel = QLabel(self.waitingCard)
        self.waitPageLabel.setObjectName(u"waitPageLabel")

        self.waitHead.addWidget(self.waitPageLabel)

        self.waitHead.setStretch(2, 1)

        self.waitingCardLayout.addLayout(self.waitHead)

        self.estimateLabel = QLabel(self.waitingCard)
        self.estimateLabel.setObjectName(u"estimateLabel")
        self.estimateLabel.setWordWrap(True)

        self.waitingCardLayout.addWidget(self.estimateLabel)

        self.waitGrid = QGridLayout()
        self.waitGrid.setObjectName(u"waitGrid")
        self.waitGrid.setHorizontalSpacing(16)
        self.waitGrid.setVerticalSpacing(6)

        self.waitingCardLayout.addLayout(self.waitGrid)


        self.waitColumn.addWidget(self.waitingCard)

        self.lastCalledLabel = QLabel(DisplayBoardWindow)
        self.lastCalledLabel.setObjectName(u"lastCalledLabel")

        self.waitColumn.addWidget(self.lastCalledLabel)

        self.calledList = QVBoxLayout()
        self.calledList.setObjectName(u"calledList")

        self.waitColumn.addLayout(self.calledList)

        self.waitStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.waitColumn.addItem(self.waitStretch)

        self.waitColumn.setStretch(3, 1)

        self.body.addLayout(self.waitColumn)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 2)

        self.outer.addLayout(self.body)

        self.outer.setStretch(1, 1)

        self.retranslateUi(DisplayBoardWindow)

        QMetaObject.connectSlotsByName(DisplayBoardWindow)
    # setupUi

    def retranslateUi(self, DisplayBoardWindow):
        DisplayBoardWindow.setWindowTitle(QCoreApplication.translate("DisplayBoardWindow", u"Reception board", None))
        self.boardTitle.setText(QCoreApplication.translate("DisplayBoardWindow", u"Welcome \u00b7 please wait to be called", None))
        self.nowHeadLabel.setText(QCoreApplication.translate("DisplayBoardWindow", u"Now being received", None))
        self.waitingHeadLabel.setText(QCoreApplication.translate("DisplayBoardWindow", u"Waiting", None))
        self.lastCalledLabel.setText(QCoreApplication.translate("DisplayBoardWindow", u"Last called", None))
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reception_on_duty.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QListWidget, QListWidgetItem, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_OnDutyDialog(object):
    def setupUi(self, OnDutyDialog):
        if not OnDutyDialog.objectName():
            OnDutyDialog.setObjectName(u"OnDutyDialog")
        self.outer = QVBoxLayout(OnDutyDialog)
        self.outer.setObjectName(u"outer")
        self.tickLabel = QLabel(OnDutyDialog)
        self.tickLabel.setObjectName(u"tickLabel")

        self.outer.addWidget(self.tickLabel)

        self.staffList = QListWidget(OnDutyDialog)
        self.staffList.setObjectName(u"staffList")

        self.outer.addWidget(self.staffList)

        self.buttonBox = QDialogButtonBox(OnDutyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(OnDutyDialog)

        QMetaObject.connectSlotsByName(OnDutyDialog)
    # setupUi

    def retranslateUi(self, OnDutyDialog):
        OnDutyDialog.setWindowTitle(QCoreApplication.translate("OnDutyDialog", u"Who is on duty today", None))
        self.tickLabel.setText(QCoreApplication.translate("OnDutyDialog", u"Tick the consultants who join the rotation (in order):", None))
    # retranslateUi


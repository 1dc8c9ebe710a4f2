# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unit_grid_dialog.ui'
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
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

from salesdesk.ui.unit_grid import UnitGrid

class Ui_UnitGridDialog(object):
    def setupUi(self, UnitGridDialog):
        if not UnitGridDialog.objectName():
            UnitGridDialog.setObjectName(u"UnitGridDialog")
        UnitGridDialog.resize(880, 560)
        self.outer = QVBoxLayout(UnitGridDialog)
        self.outer.setObjectName(u"outer")
        self.hintLabel = QLabel(UnitGridDialog)
        self.hintLabel.setObjectName(u"hintLabel")

        self.outer.addWidget(self.hintLabel)

        self.unitGrid = UnitGrid(UnitGridDialog)
        self.unitGrid.setObjectName(u"unitGrid")

        self.outer.addWidget(self.unitGrid)

        self.buttonBox = QDialogButtonBox(UnitGridDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel)

        self.outer.addWidget(self.buttonBox)

        self.outer.setStretch(1, 1)

        self.retranslateUi(UnitGridDialog)

        QMetaObject.connectSlotsByName(UnitGridDialog)
    # setupUi

    def retranslateUi(self, UnitGridDialog):
        UnitGridDialog.setWindowTitle(QCoreApplication.translate("UnitGridDialog", u"Sales-control grid", None))
        self.hintLabel.setText(QCoreApplication.translate("UnitGridDialog", u"Tap a unit to pick it. The colour is its sale status.", None))
    # retranslateUi


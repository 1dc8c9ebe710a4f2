# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unit_grid.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_UnitGrid(object):
    def setupUi(self, UnitGrid):
        if not UnitGrid.objectName():
            UnitGrid.setObjectName(u"UnitGrid")
        self.outer = QVBoxLayout(UnitGrid)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.buildingLabel = QLabel(UnitGrid)
        self.buildingLabel.setObjectName(u"buildingLabel")

        self.top.addWidget(self.buildingLabel)

        self.buildingCombo = QComboBox(UnitGrid)
        self.buildingCombo.setObjectName(u"buildingCombo")

        self.top.addWidget(self.buildingCombo)

        self.legendGap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.top.addItem(self.legendGap)

        self.legend = QHBoxLayout()
        self.legend.setObjectName(u"legend")

        self.top.addLayout(self.legend)

        self.topStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.top.addItem(self.topStretch)

        self.top.setStretch(4, 1)

        self.outer.addLayout(self.top)

        self.unitTable = QTableWidget(UnitGrid)
        self.unitTable.setObjectName(u"unitTable")

        self.outer.addWidget(self.unitTable)

        self.outer.setStretch(1, 1)

        self.retranslateUi(UnitGrid)

        QMetaObject.connectSlotsByName(UnitGrid)
    # setupUi

    def retranslateUi(self, UnitGrid):
        self.buildingLabel.setText(QCoreApplication.translate("UnitGrid", u"Building", None))
        pass
    # retranslateUi


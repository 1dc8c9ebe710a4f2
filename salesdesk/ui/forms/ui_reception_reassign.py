# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reception_reassign.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ReassignDialog(object):
    def setupUi(self, ReassignDialog):
        if not ReassignDialog.objectName():
            ReassignDialog.setObjectName(u"ReassignDialog")
        self.outer = QVBoxLayout(ReassignDialog)
        self.outer.setObjectName(u"outer")
        self.summaryLabel = QLabel(ReassignDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.outer.addWidget(self.summaryLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.toLabel = QLabel(ReassignDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.toCombo = QComboBox(ReassignDialog)
        self.toCombo.setObjectName(u"toCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.toCombo)

        self.reasonLabel = QLabel(ReassignDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(ReassignDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.outer.addLayout(self.form)

        self.formError = QLabel(ReassignDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(ReassignDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(ReassignDialog)

        QMetaObject.connectSlotsByName(ReassignDialog)
    # setupUi

    def retranslateUi(self, ReassignDialog):
        self.toLabel.setText(QCoreApplication.translate("ReassignDialog", u"Give to", None))
        self.reasonLabel.setText(QCoreApplication.translate("ReassignDialog", u"Reason", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ReassignDialog", u"e.g. the consultant is not on the floor", None))
        pass
    # retranslateUi


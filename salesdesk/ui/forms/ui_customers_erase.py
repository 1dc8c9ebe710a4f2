# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customers_erase.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_EraseDialog(object):
    def setupUi(self, EraseDialog):
        if not EraseDialog.objectName():
            EraseDialog.setObjectName(u"EraseDialog")
        EraseDialog.setMinimumSize(QSize(440, 0))
        EraseDialog.setModal(True)
        self.outer = QVBoxLayout(EraseDialog)
        self.outer.setObjectName(u"outer")
        self.headingLabel = QLabel(EraseDialog)
        self.headingLabel.setObjectName(u"headingLabel")

        self.outer.addWidget(self.headingLabel)

        self.hintLabel = QLabel(EraseDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.outer.addWidget(self.hintLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.eraseReasonLabel = QLabel(EraseDialog)
        self.eraseReasonLabel.setObjectName(u"eraseReasonLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.eraseReasonLabel)

        self.eraseReason = QLineEdit(EraseDialog)
        self.eraseReason.setObjectName(u"eraseReason")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.eraseReason)


        self.outer.addLayout(self.form)

        self.formError = QLabel(EraseDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(EraseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(EraseDialog)

        QMetaObject.connectSlotsByName(EraseDialog)
    # setupUi

    def retranslateUi(self, EraseDialog):
        EraseDialog.setWindowTitle(QCoreApplication.translate("EraseDialog", u"Erase the customer's personal data", None))
        self.headingLabel.setText(QCoreApplication.translate("EraseDialog", u"Erase the customer's personal data", None))
        self.hintLabel.setText(QCoreApplication.translate("EraseDialog", u"Name, numbers, ID number, notes, message texts and what staff wrote about the customer (complaints, escalations, visit and appointment notes) are erased here, at head office and on every device; a pseudonym keeps the disclosure ledger and figures whole. While a subscription or signing is open, processing is restricted instead.", None))
        self.eraseReasonLabel.setText(QCoreApplication.translate("EraseDialog", u"Reason", None))
        self.eraseReason.setPlaceholderText(QCoreApplication.translate("EraseDialog", u"e.g. the customer's written request of 12-01", None))
    # retranslateUi


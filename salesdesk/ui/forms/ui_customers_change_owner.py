# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customers_change_owner.ui'
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
        ReassignDialog.setMinimumSize(QSize(440, 0))
        ReassignDialog.setModal(True)
        self.outer = QVBoxLayout(ReassignDialog)
        self.outer.setObjectName(u"outer")
        self.headingLabel = QLabel(ReassignDialog)
        self.headingLabel.setObjectName(u"headingLabel")

        self.outer.addWidget(self.headingLabel)

        self.hintLabel = QLabel(ReassignDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.outer.addWidget(self.hintLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.newOwnerLabel = QLabel(ReassignDialog)
        self.newOwnerLabel.setObjectName(u"newOwnerLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.newOwnerLabel)

        self.newOwner = QComboBox(ReassignDialog)
        self.newOwner.setObjectName(u"newOwner")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.newOwner)

        self.reasonLabel = QLabel(ReassignDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(ReassignDialog)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason)


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
        ReassignDialog.setWindowTitle(QCoreApplication.translate("ReassignDialog", u"Change the owner", None))
        self.headingLabel.setText(QCoreApplication.translate("ReassignDialog", u"Change the owner", None))
        self.hintLabel.setText(QCoreApplication.translate("ReassignDialog", u"The customer's history keeps who owned them before, who decided and why.", None))
        self.newOwnerLabel.setText(QCoreApplication.translate("ReassignDialog", u"New owner", None))
        self.reasonLabel.setText(QCoreApplication.translate("ReassignDialog", u"Reason", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("ReassignDialog", u"e.g. first registered by the agency's consultant on 11-02", None))
    # retranslateUi


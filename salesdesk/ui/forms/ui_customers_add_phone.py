# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customers_add_phone.ui'
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

class Ui_AddPhoneDialog(object):
    def setupUi(self, AddPhoneDialog):
        if not AddPhoneDialog.objectName():
            AddPhoneDialog.setObjectName(u"AddPhoneDialog")
        AddPhoneDialog.setMinimumSize(QSize(440, 0))
        AddPhoneDialog.setModal(True)
        self.outer = QVBoxLayout(AddPhoneDialog)
        self.outer.setObjectName(u"outer")
        self.headingLabel = QLabel(AddPhoneDialog)
        self.headingLabel.setObjectName(u"headingLabel")

        self.outer.addWidget(self.headingLabel)

        self.hintLabel = QLabel(AddPhoneDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.outer.addWidget(self.hintLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setLabelAlignment(Qt.AlignRight|Qt.AlignTrailing|Qt.AlignVCenter)
        self.newPhoneLabel = QLabel(AddPhoneDialog)
        self.newPhoneLabel.setObjectName(u"newPhoneLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.newPhoneLabel)

        self.newPhone = QLineEdit(AddPhoneDialog)
        self.newPhone.setObjectName(u"newPhone")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.newPhone)

        self.whoseComboLabel = QLabel(AddPhoneDialog)
        self.whoseComboLabel.setObjectName(u"whoseComboLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.whoseComboLabel)

        self.whoseCombo = QComboBox(AddPhoneDialog)
        self.whoseCombo.addItem("")
        self.whoseCombo.addItem("")
        self.whoseCombo.addItem("")
        self.whoseCombo.setObjectName(u"whoseCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.whoseCombo)


        self.outer.addLayout(self.form)

        self.formError = QLabel(AddPhoneDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(AddPhoneDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.outer.addWidget(self.buttonBox)


        self.retranslateUi(AddPhoneDialog)

        QMetaObject.connectSlotsByName(AddPhoneDialog)
    # setupUi

    def retranslateUi(self, AddPhoneDialog):
        AddPhoneDialog.setWindowTitle(QCoreApplication.translate("AddPhoneDialog", u"Add a number", None))
        self.headingLabel.setText(QCoreApplication.translate("AddPhoneDialog", u"Add a number", None))
        self.hintLabel.setText(QCoreApplication.translate("AddPhoneDialog", u"A spouse's or second number: a visitor giving it is this customer, with the same owner.", None))
        self.newPhoneLabel.setText(QCoreApplication.translate("AddPhoneDialog", u"Number", None))
        self.newPhone.setPlaceholderText(QCoreApplication.translate("AddPhoneDialog", u"Mobile number", None))
        self.whoseComboLabel.setText(QCoreApplication.translate("AddPhoneDialog", u"Whose", None))
        self.whoseCombo.setItemText(0, QCoreApplication.translate("AddPhoneDialog", u"Spouse", None))
        self.whoseCombo.setItemText(1, QCoreApplication.translate("AddPhoneDialog", u"Other", None))
        self.whoseCombo.setItemText(2, QCoreApplication.translate("AddPhoneDialog", u"Customer's own", None))

    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_admin.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_FirstAdminForm(object):
    def setupUi(self, FirstAdminForm):
        if not FirstAdminForm.objectName():
            FirstAdminForm.setObjectName(u"FirstAdminForm")
        FirstAdminForm.resize(640, 520)
        self.outer = QVBoxLayout(FirstAdminForm)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(60, 40, 60, 40)
        self.titleLabel = QLabel(FirstAdminForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.outer.addWidget(self.titleLabel)

        self.introLabel = QLabel(FirstAdminForm)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.outer.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setVerticalSpacing(12)
        self.centreCaption = QLabel(FirstAdminForm)
        self.centreCaption.setObjectName(u"centreCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.centreCaption)

        self.centreEdit = QLineEdit(FirstAdminForm)
        self.centreEdit.setObjectName(u"centreEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.centreEdit)

        self.nameCaption = QLabel(FirstAdminForm)
        self.nameCaption.setObjectName(u"nameCaption")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameCaption)

        self.nameEdit = QLineEdit(FirstAdminForm)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.pinCaption = QLabel(FirstAdminForm)
        self.pinCaption.setObjectName(u"pinCaption")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pinCaption)

        self.pinEdit = QLineEdit(FirstAdminForm)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.Password)
        self.pinEdit.setMaxLength(8)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.pinEdit)

        self.pinAgainCaption = QLabel(FirstAdminForm)
        self.pinAgainCaption.setObjectName(u"pinAgainCaption")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pinAgainCaption)

        self.pinAgainEdit = QLineEdit(FirstAdminForm)
        self.pinAgainEdit.setObjectName(u"pinAgainEdit")
        self.pinAgainEdit.setEchoMode(QLineEdit.Password)
        self.pinAgainEdit.setMaxLength(8)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pinAgainEdit)


        self.outer.addLayout(self.form)

        self.errorLabel = QLabel(FirstAdminForm)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.outer.addWidget(self.errorLabel)

        self.createButton = QPushButton(FirstAdminForm)
        self.createButton.setObjectName(u"createButton")

        self.outer.addWidget(self.createButton)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer)

        QWidget.setTabOrder(self.centreEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.pinAgainEdit)
        QWidget.setTabOrder(self.pinAgainEdit, self.createButton)

        self.retranslateUi(FirstAdminForm)

        self.createButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstAdminForm)
    # setupUi

    def retranslateUi(self, FirstAdminForm):
        FirstAdminForm.setWindowTitle(QCoreApplication.translate("FirstAdminForm", u"First start", None))
        self.titleLabel.setText(QCoreApplication.translate("FirstAdminForm", u"Welcome to SalesDesk", None))
        self.introLabel.setText(QCoreApplication.translate("FirstAdminForm", u"This database is empty. Create the administrator of this sales centre; the administrator then imports the project file from head office (or loads the demo project) and creates the staff accounts.", None))
        self.centreCaption.setText(QCoreApplication.translate("FirstAdminForm", u"Sales centre name", None))
        self.nameCaption.setText(QCoreApplication.translate("FirstAdminForm", u"Administrator name", None))
        self.pinCaption.setText(QCoreApplication.translate("FirstAdminForm", u"PIN (4 to 8 digits)", None))
        self.pinAgainCaption.setText(QCoreApplication.translate("FirstAdminForm", u"PIN again", None))
        self.createButton.setText(QCoreApplication.translate("FirstAdminForm", u"Create administrator", None))
    # retranslateUi


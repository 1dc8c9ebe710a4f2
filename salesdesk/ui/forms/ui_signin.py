# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signin.ui'
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
    QLabel, QLineEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SignInForm(object):
    def setupUi(self, SignInForm):
        if not SignInForm.objectName():
            SignInForm.setObjectName(u"SignInForm")
        SignInForm.resize(1100, 720)
        self.outer = QHBoxLayout(SignInForm)
        self.outer.setSpacing(24)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(40, 32, 40, 32)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.centreLabel = QLabel(SignInForm)
        self.centreLabel.setObjectName(u"centreLabel")

        self.leftColumn.addWidget(self.centreLabel)

        self.subtitleLabel = QLabel(SignInForm)
        self.subtitleLabel.setObjectName(u"subtitleLabel")

        self.leftColumn.addWidget(self.subtitleLabel)

        self.filterEdit = QLineEdit(SignInForm)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.leftColumn.addWidget(self.filterEdit)

        self.staffArea = QScrollArea(SignInForm)
        self.staffArea.setObjectName(u"staffArea")
        self.staffArea.setWidgetResizable(True)
        self.staffArea.setFrameShape(QFrame.NoFrame)
        self.staffContainer = QWidget()
        self.staffContainer.setObjectName(u"staffContainer")
        self.staffGrid = QGridLayout(self.staffContainer)
        self.staffGrid.setSpacing(10)
        self.staffGrid.setObjectName(u"staffGrid")
        self.staffArea.setWidget(self.staffContainer)

        self.leftColumn.addWidget(self.staffArea)

        self.leftColumn.setStretch(3, 1)

        self.outer.addLayout(self.leftColumn)

        self.pinCard = QFrame(SignInForm)
        self.pinCard.setObjectName(u"pinCard")
        self.pinCard.setMinimumSize(QSize(340, 0))
        self.pinCard.setMaximumSize(QSize(380, 16777215))
        self.pinColumn = QVBoxLayout(self.pinCard)
        self.pinColumn.setSpacing(12)
        self.pinColumn.setObjectName(u"pinColumn")
        self.pinColumn.setContentsMargins(24, 24, 24, 24)
        self.selectedLabel = QLabel(self.pinCard)
        self.selectedLabel.setObjectName(u"selectedLabel")

        self.pinColumn.addWidget(self.selectedLabel)

        self.pinEdit = QLineEdit(self.pinCard)
        self.pinEdit.setObjectName(u"pinEdit")
        self.pinEdit.setEchoMode(QLineEdit.Password)
        self.pinEdit.setMaxLength(8)
        self.pinEdit.setAlignment(Qt.AlignCenter)

        self.pinColumn.addWidget(self.pinEdit)

        self.keypad = QWidget(self.pinCard)
        self.keypad.setObjectName(u"keypad")
        self.keypadGrid = QGridLayout(self.keypad)
        self.keypadGrid.setSpacing(8)
        self.keypadGrid.setObjectName(u"keypadGrid")

        self.pinColumn.addWidget(self.keypad)

        self.errorLabel = QLabel(self.pinCard)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.pinColumn.addWidget(self.errorLabel)

        self.signInButton = QPushButton(self.pinCard)
        self.signInButton.setObjectName(u"signInButton")

        self.pinColumn.addWidget(self.signInButton)

        self.pinSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pinColumn.addItem(self.pinSpacer)


        self.outer.addWidget(self.pinCard)

        QWidget.setTabOrder(self.filterEdit, self.pinEdit)
        QWidget.setTabOrder(self.pinEdit, self.signInButton)

        self.retranslateUi(SignInForm)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(SignInForm)
    # setupUi

    def retranslateUi(self, SignInForm):
        SignInForm.setWindowTitle(QCoreApplication.translate("SignInForm", u"Sign in", None))
        self.centreLabel.setText(QCoreApplication.translate("SignInForm", u"Sales centre", None))
        self.subtitleLabel.setText(QCoreApplication.translate("SignInForm", u"Tap your name, then enter your PIN.", None))
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("SignInForm", u"Search by name or staff code", None))
        self.selectedLabel.setText(QCoreApplication.translate("SignInForm", u"Nobody selected", None))
        self.pinEdit.setPlaceholderText(QCoreApplication.translate("SignInForm", u"PIN", None))
        self.signInButton.setText(QCoreApplication.translate("SignInForm", u"Sign in", None))
    # retranslateUi


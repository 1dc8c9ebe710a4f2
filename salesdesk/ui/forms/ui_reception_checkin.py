# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reception_checkin.ui'
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
from PySide6.QtWidgets import (QApplication, QButtonGroup, QCheckBox, QFrame,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_CheckInPanel(object):
    def setupUi(self, CheckInPanel):
        if not CheckInPanel.objectName():
            CheckInPanel.setObjectName(u"CheckInPanel")
        CheckInPanel.setStyleSheet(u"QCheckBox { font-size: 15px; spacing: 8px; }QCheckBox::indicator { width: 26px; height: 26px; }")
        self.outer = QVBoxLayout(CheckInPanel)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(18, 14, 18, 14)
        self.titleLabel = QLabel(CheckInPanel)
        self.titleLabel.setObjectName(u"titleLabel")

        self.outer.addWidget(self.titleLabel)

        self.resultLabel = QLabel(CheckInPanel)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setStyleSheet(u"font-size: 18px; font-weight: 600; padding: 8px 10px;")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setProperty(u"banner", True)

        self.outer.addWidget(self.resultLabel)

        self.phoneEdit = QLineEdit(CheckInPanel)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setInputMethodHints(Qt.ImhDialableCharactersOnly)
        self.phoneEdit.setMaxLength(16)

        self.outer.addWidget(self.phoneEdit)

        self.phoneError = QLabel(CheckInPanel)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)
        self.phoneError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.phoneError)

        self.keypadGrid = QGridLayout()
        self.keypadGrid.setSpacing(6)
        self.keypadGrid.setObjectName(u"keypadGrid")
        self.key1 = QPushButton(CheckInPanel)
        self.key1.setObjectName(u"key1")
        self.key1.setMinimumSize(QSize(0, 52))
        self.key1.setMaximumSize(QSize(16777215, 52))
        self.key1.setFocusPolicy(Qt.NoFocus)
        self.key1.setText(u"1")

        self.keypadGrid.addWidget(self.key1, 0, 0, 1, 1)

        self.key2 = QPushButton(CheckInPanel)
        self.key2.setObjectName(u"key2")
        self.key2.setMinimumSize(QSize(0, 52))
        self.key2.setMaximumSize(QSize(16777215, 52))
        self.key2.setFocusPolicy(Qt.NoFocus)
        self.key2.setText(u"2")

        self.keypadGrid.addWidget(self.key2, 0, 1, 1, 1)

        self.key3 = QPushButton(CheckInPanel)
        self.key3.setObjectName(u"key3")
        self.key3.setMinimumSize(QSize(0, 52))
        self.key3.setMaximumSize(QSize(16777215, 52))
        self.key3.setFocusPolicy(Qt.NoFocus)
        self.key3.setText(u"3")

        self.keypadGrid.addWidget(self.key3, 0, 2, 1, 1)

        self.key4 = QPushButton(CheckInPanel)
        self.key4.setObjectName(u"key4")
        self.key4.setMinimumSize(QSize(0, 52))
        self.key4.setMaximumSize(QSize(16777215, 52))
        self.key4.setFocusPolicy(Qt.NoFocus)
        self.key4.setText(u"4")

        self.keypadGrid.addWidget(self.key4, 1, 0, 1, 1)

        self.key5 = QPushButton(CheckInPanel)
        self.key5.setObjectName(u"key5")
        self.key5.setMinimumSize(QSize(0, 52))
        self.key5.setMaximumSize(QSize(16777215, 52))
        self.key5.setFocusPolicy(Qt.NoFocus)
        self.key5.setText(u"5")

        self.keypadGrid.addWidget(self.key5, 1, 1, 1, 1)

        self.key6 = QPushButton(CheckInPanel)
        self.key6.setObjectName(u"key6")
        self.key6.setMinimumSize(QSize(0, 52))
        self.key6.setMaximumSize(QSize(16777215, 52))
        self.key6.setFocusPolicy(Qt.NoFocus)
        self.key6.setText(u"6")

        self.keypadGrid.addWidget(self.key6, 1, 2, 1, 1)

        self.key7 = QPushButton(CheckInPanel)
        self.key7.setObjectName(u"key7")
        self.key7.setMinimumSize(QSize(0, 52))
        self.key7.setMaximumSize(QSize(16777215, 52))
        self.key7.setFocusPolicy(Qt.NoFocus)
        self.key7.setText(u"7")

        self.keypadGrid.addWidget(self.key7, 2, 0, 1, 1)

        self.key8 = QPushButton(CheckInPanel)
        self.key8.setObjectName(u"key8")
        self.key8.setMinimumSize(QSize(0, 52))
        self.key8.setMaximumSize(QSize(16777215, 52))
        self.key8.setFocusPolicy(Qt.NoFocus)
        self.key8.setText(u"8")

        self.keypadGrid.addWidget(self.key8, 2, 1, 1, 1)

        self.key9 = QPushButton(CheckInPanel)
        self.key9.setObjectName(u"key9")
        self.key9.setMinimumSize(QSize(0, 52))
        self.key9.setMaximumSize(QSize(16777215, 52))
        self.key9.setFocusPolicy(Qt.NoFocus)
        self.key9.setText(u"9")

        self.keypadGrid.addWidget(self.key9, 2, 2, 1, 1)

        self.keyClear = QPushButton(CheckInPanel)
        self.keyClear.setObjectName(u"keyClear")
        self.keyClear.setMinimumSize(QSize(0, 52))
        self.keyClear.setMaximumSize(QSize(16777215, 52))
        self.keyClear.setFocusPolicy(Qt.NoFocus)

        self.keypadGrid.addWidget(self.keyClear, 3, 0, 1, 1)

        self.key0 = QPushButton(CheckInPanel)
        self.key0.setObjectName(u"key0")
        self.key0.setMinimumSize(QSize(0, 52))
        self.key0.setMaximumSize(QSize(16777215, 52))
        self.key0.setFocusPolicy(Qt.NoFocus)
        self.key0.setText(u"0")

        self.keypadGrid.addWidget(self.key0, 3, 1, 1, 1)

        self.keyBack = QPushButton(CheckInPanel)
        self.keyBack.setObjectName(u"keyBack")
        self.keyBack.setMinimumSize(QSize(0, 52))
        self.keyBack.setMaximumSize(QSize(16777215, 52))
        self.keyBack.setFocusPolicy(Qt.NoFocus)
        self.keyBack.setText(u"\u232b")

        self.keypadGrid.addWidget(self.keyBack, 3, 2, 1, 1)


        self.outer.addLayout(self.keypadGrid)

        self.foundLabel = QLabel(CheckInPanel)
        self.foundLabel.setObjectName(u"foundLabel")
        self.foundLabel.setMinimumSize(QSize(0, 40))
        self.foundLabel.setWordWrap(True)

        self.outer.addWidget(self.foundLabel)

        self.ownerBox = QWidget(CheckInPanel)
        self.ownerBox.setObjectName(u"ownerBox")
        self.ownerRow = QHBoxLayout(self.ownerBox)
        self.ownerRow.setObjectName(u"ownerRow")
        self.ownerRow.setContentsMargins(0, 0, 0, 0)
        self.waitButton = QPushButton(self.ownerBox)
        self.ownerGroup = QButtonGroup(CheckInPanel)
        self.ownerGroup.setObjectName(u"ownerGroup")
        self.ownerGroup.addButton(self.waitButton)
        self.waitButton.setObjectName(u"waitButton")
        self.waitButton.setCheckable(True)
        self.waitButton.setStyleSheet(u"min-width: 0px;")

        self.ownerRow.addWidget(self.waitButton)

        self.backupButton = QPushButton(self.ownerBox)
        self.ownerGroup.addButton(self.backupButton)
        self.backupButton.setObjectName(u"backupButton")
        self.backupButton.setCheckable(True)
        self.backupButton.setStyleSheet(u"min-width: 0px;")

        self.ownerRow.addWidget(self.backupButton)

        self.rotationButton = QPushButton(self.ownerBox)
        self.ownerGroup.addButton(self.rotationButton)
        self.rotationButton.setObjectName(u"rotationButton")
        self.rotationButton.setCheckable(True)
        self.rotationButton.setStyleSheet(u"min-width: 0px;")

        self.ownerRow.addWidget(self.rotationButton)


        self.outer.addWidget(self.ownerBox)

        self.ownerError = QLabel(CheckInPanel)
        self.ownerError.setObjectName(u"ownerError")
        self.ownerError.setWordWrap(True)
        self.ownerError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.ownerError)

        self.partyRow = QHBoxLayout()
        self.partyRow.setObjectName(u"partyRow")
        self.partyLabel = QLabel(CheckInPanel)
        self.partyLabel.setObjectName(u"partyLabel")

        self.partyRow.addWidget(self.partyLabel)

        self.minusButton = QPushButton(CheckInPanel)
        self.minusButton.setObjectName(u"minusButton")
        self.minusButton.setMinimumSize(QSize(56, 48))
        self.minusButton.setMaximumSize(QSize(56, 48))
        self.minusButton.setStyleSheet(u"font-size: 24px; padding: 0px;")
        self.minusButton.setText(u"\u2212")

        self.partyRow.addWidget(self.minusButton)

        self.partyEdit = QLineEdit(CheckInPanel)
        self.partyEdit.setObjectName(u"partyEdit")
        self.partyEdit.setMinimumSize(QSize(84, 48))
        self.partyEdit.setMaximumSize(QSize(84, 48))
        self.partyEdit.setStyleSheet(u"font-size: 22px;")
        self.partyEdit.setText(u"2")
        self.partyEdit.setAlignment(Qt.AlignCenter)

        self.partyRow.addWidget(self.partyEdit)

        self.plusButton = QPushButton(CheckInPanel)
        self.plusButton.setObjectName(u"plusButton")
        self.plusButton.setMinimumSize(QSize(56, 48))
        self.plusButton.setMaximumSize(QSize(56, 48))
        self.plusButton.setStyleSheet(u"font-size: 24px; padding: 0px;")
        self.plusButton.setText(u"+")

        self.partyRow.addWidget(self.plusButton)

        self.partyGap = QSpacerItem(12, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.partyRow.addItem(self.partyGap)

        self.salutationLabel = QLabel(CheckInPanel)
        self.salutationLabel.setObjectName(u"salutationLabel")

        self.partyRow.addWidget(self.salutationLabel)

        self.salutationEdit = QLineEdit(CheckInPanel)
        self.salutationEdit.setObjectName(u"salutationEdit")
        self.salutationEdit.setMaxLength(16)

        self.partyRow.addWidget(self.salutationEdit)

        self.partyRow.setStretch(6, 1)

        self.outer.addLayout(self.partyRow)

        self.partyError = QLabel(CheckInPanel)
        self.partyError.setObjectName(u"partyError")
        self.partyError.setWordWrap(True)
        self.partyError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.partyError)

        self.sourceRow = QHBoxLayout()
        self.sourceRow.setObjectName(u"sourceRow")
        self.walkInButton = QPushButton(CheckInPanel)
        self.sourceGroup = QButtonGroup(CheckInPanel)
        self.sourceGroup.setObjectName(u"sourceGroup")
        self.sourceGroup.addButton(self.walkInButton)
        self.walkInButton.setObjectName(u"walkInButton")
        self.walkInButton.setCheckable(True)
        self.walkInButton.setChecked(True)
        self.walkInButton.setStyleSheet(u"min-width: 0px;")

        self.sourceRow.addWidget(self.walkInButton)

        self.referralButton = QPushButton(CheckInPanel)
        self.sourceGroup.addButton(self.referralButton)
        self.referralButton.setObjectName(u"referralButton")
        self.referralButton.setCheckable(True)
        self.referralButton.setStyleSheet(u"min-width: 0px;")

        self.sourceRow.addWidget(self.referralButton)

        self.agencyButton = QPushButton(CheckInPanel)
        self.sourceGroup.addButton(self.agencyButton)
        self.agencyButton.setObjectName(u"agencyButton")
        self.agencyButton.setCheckable(True)
        self.agencyButton.setStyleSheet(u"min-width: 0px;")

        self.sourceRow.addWidget(self.agencyButton)

        self.phoneInviteButton = QPushButton(CheckInPanel)
        self.sourceGroup.addButton(self.phoneInviteButton)
        self.phoneInviteButton.setObjectName(u"phoneInviteButton")
        self.phoneInviteButton.setCheckable(True)
        self.phoneInviteButton.setStyleSheet(u"min-width: 0px;")

        self.sourceRow.addWidget(self.phoneInviteButton)


        self.outer.addLayout(self.sourceRow)

        self.agencyBox = QWidget(CheckInPanel)
        self.agencyBox.setObjectName(u"agencyBox")
        self.agencyRow = QHBoxLayout(self.agencyBox)
        self.agencyRow.setObjectName(u"agencyRow")
        self.agencyRow.setContentsMargins(0, 0, 0, 0)
        self.agencyEdit = QLineEdit(self.agencyBox)
        self.agencyEdit.setObjectName(u"agencyEdit")

        self.agencyRow.addWidget(self.agencyEdit)

        self.agentEdit = QLineEdit(self.agencyBox)
        self.agentEdit.setObjectName(u"agentEdit")

        self.agencyRow.addWidget(self.agentEdit)


        self.outer.addWidget(self.agencyBox)

        self.agentError = QLabel(CheckInPanel)
        self.agentError.setObjectName(u"agentError")
        self.agentError.setWordWrap(True)
        self.agentError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.agentError)

        self.flags = QVBoxLayout()
        self.flags.setObjectName(u"flags")
        self.importantCheck = QCheckBox(CheckInPanel)
        self.importantCheck.setObjectName(u"importantCheck")

        self.flags.addWidget(self.importantCheck)

        self.veryImportantCheck = QCheckBox(CheckInPanel)
        self.veryImportantCheck.setObjectName(u"veryImportantCheck")

        self.flags.addWidget(self.veryImportantCheck)

        self.consentCheck = QCheckBox(CheckInPanel)
        self.consentCheck.setObjectName(u"consentCheck")

        self.flags.addWidget(self.consentCheck)


        self.outer.addLayout(self.flags)

        self.consentError = QLabel(CheckInPanel)
        self.consentError.setObjectName(u"consentError")
        self.consentError.setWordWrap(True)
        self.consentError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.consentError)

        self.submitButton = QPushButton(CheckInPanel)
        self.submitButton.setObjectName(u"submitButton")
        self.submitButton.setMinimumSize(QSize(0, 56))
        self.submitButton.setStyleSheet(u"font-size: 20px;")
        self.submitButton.setProperty(u"big", True)

        self.outer.addWidget(self.submitButton)

        self.formError = QLabel(CheckInPanel)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.formError)

        self.bottomStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomStretch)


        self.retranslateUi(CheckInPanel)

        QMetaObject.connectSlotsByName(CheckInPanel)
    # setupUi

    def retranslateUi(self, CheckInPanel):
        self.titleLabel.setText(QCoreApplication.translate("CheckInPanel", u"Check in a visitor", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("CheckInPanel", u"Mobile number", None))
        self.keyClear.setText(QCoreApplication.translate("CheckInPanel", u"Clear", None))
        self.waitButton.setText(QCoreApplication.translate("CheckInPanel", u"Wait for them", None))
        self.backupButton.setText(QCoreApplication.translate("CheckInPanel", u"Their backup", None))
        self.rotationButton.setText(QCoreApplication.translate("CheckInPanel", u"Next in rotation", None))
        self.partyLabel.setText(QCoreApplication.translate("CheckInPanel", u"Party size", None))
        self.salutationLabel.setText(QCoreApplication.translate("CheckInPanel", u"Salutation", None))
        self.salutationEdit.setPlaceholderText(QCoreApplication.translate("CheckInPanel", u"e.g. \u738b\u5148\u751f (optional)", None))
        self.walkInButton.setText(QCoreApplication.translate("CheckInPanel", u"Walk-in", None))
        self.referralButton.setText(QCoreApplication.translate("CheckInPanel", u"Owner referral", None))
        self.agencyButton.setText(QCoreApplication.translate("CheckInPanel", u"Agency", None))
        self.phoneInviteButton.setText(QCoreApplication.translate("CheckInPanel", u"Phone invite", None))
        self.agencyEdit.setPlaceholderText(QCoreApplication.translate("CheckInPanel", u"Agency", None))
        self.agentEdit.setPlaceholderText(QCoreApplication.translate("CheckInPanel", u"Agent's name", None))
        self.importantCheck.setText(QCoreApplication.translate("CheckInPanel", u"Important visitor (senior consultants only)", None))
        self.veryImportantCheck.setText(QCoreApplication.translate("CheckInPanel", u"Very important visitor (sales manager)", None))
        self.consentCheck.setText(QCoreApplication.translate("CheckInPanel", u"Customer agrees we record the number", None))
        self.submitButton.setText(QCoreApplication.translate("CheckInPanel", u"Check in (Enter)", None))
        pass
    # retranslateUi


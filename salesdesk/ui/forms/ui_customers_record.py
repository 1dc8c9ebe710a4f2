# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'customers_record.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QSizePolicy,
    QTabWidget, QTableView, QWidget)

class Ui_RecordTabs(object):
    def setupUi(self, RecordTabs):
        if not RecordTabs.objectName():
            RecordTabs.setObjectName(u"RecordTabs")
        RecordTabs.setUsesScrollButtons(True)
        self.visitsView = QTableView()
        self.visitsView.setObjectName(u"visitsView")
        self.visitsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.visitsView.setAlternatingRowColors(True)
        self.visitsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.visitsView.setWordWrap(True)
        RecordTabs.addTab(self.visitsView, "")
        self.visitsView.horizontalHeader().setStretchLastSection(True)
        self.visitsView.verticalHeader().setVisible(False)
        self.roundsView = QTableView()
        self.roundsView.setObjectName(u"roundsView")
        self.roundsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.roundsView.setAlternatingRowColors(True)
        self.roundsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.roundsView.setWordWrap(True)
        RecordTabs.addTab(self.roundsView, "")
        self.roundsView.horizontalHeader().setStretchLastSection(True)
        self.roundsView.verticalHeader().setVisible(False)
        self.subscriptionsView = QTableView()
        self.subscriptionsView.setObjectName(u"subscriptionsView")
        self.subscriptionsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.subscriptionsView.setAlternatingRowColors(True)
        self.subscriptionsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.subscriptionsView.setWordWrap(True)
        RecordTabs.addTab(self.subscriptionsView, "")
        self.subscriptionsView.horizontalHeader().setStretchLastSection(True)
        self.subscriptionsView.verticalHeader().setVisible(False)
        self.appointmentsView = QTableView()
        self.appointmentsView.setObjectName(u"appointmentsView")
        self.appointmentsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.appointmentsView.setAlternatingRowColors(True)
        self.appointmentsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.appointmentsView.setWordWrap(True)
        RecordTabs.addTab(self.appointmentsView, "")
        self.appointmentsView.horizontalHeader().setStretchLastSection(True)
        self.appointmentsView.verticalHeader().setVisible(False)
        self.materialsView = QTableView()
        self.materialsView.setObjectName(u"materialsView")
        self.materialsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.materialsView.setAlternatingRowColors(True)
        self.materialsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.materialsView.setWordWrap(True)
        RecordTabs.addTab(self.materialsView, "")
        self.materialsView.horizontalHeader().setStretchLastSection(True)
        self.materialsView.verticalHeader().setVisible(False)
        self.tasksView = QTableView()
        self.tasksView.setObjectName(u"tasksView")
        self.tasksView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tasksView.setAlternatingRowColors(True)
        self.tasksView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tasksView.setWordWrap(True)
        RecordTabs.addTab(self.tasksView, "")
        self.tasksView.horizontalHeader().setStretchLastSection(True)
        self.tasksView.verticalHeader().setVisible(False)
        self.scoreCardsView = QTableView()
        self.scoreCardsView.setObjectName(u"scoreCardsView")
        self.scoreCardsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.scoreCardsView.setAlternatingRowColors(True)
        self.scoreCardsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.scoreCardsView.setWordWrap(True)
        RecordTabs.addTab(self.scoreCardsView, "")
        self.scoreCardsView.horizontalHeader().setStretchLastSection(True)
        self.scoreCardsView.verticalHeader().setVisible(False)
        self.complaintsView = QTableView()
        self.complaintsView.setObjectName(u"complaintsView")
        self.complaintsView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.complaintsView.setAlternatingRowColors(True)
        self.complaintsView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.complaintsView.setWordWrap(True)
        RecordTabs.addTab(self.complaintsView, "")
        self.complaintsView.horizontalHeader().setStretchLastSection(True)
        self.complaintsView.verticalHeader().setVisible(False)
        self.attributionView = QTableView()
        self.attributionView.setObjectName(u"attributionView")
        self.attributionView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.attributionView.setAlternatingRowColors(True)
        self.attributionView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.attributionView.setWordWrap(True)
        RecordTabs.addTab(self.attributionView, "")
        self.attributionView.horizontalHeader().setStretchLastSection(True)
        self.attributionView.verticalHeader().setVisible(False)

        self.retranslateUi(RecordTabs)

        QMetaObject.connectSlotsByName(RecordTabs)
    # setupUi

    def retranslateUi(self, RecordTabs):
        RecordTabs.setTabText(RecordTabs.indexOf(self.visitsView), QCoreApplication.translate("RecordTabs", u"Visits", None))
        RecordTabs.setTabText(RecordTabs.indexOf(self.roundsView), QCoreApplication.translate("RecordTabs", u"Disclosure", None))
        RecordTabs.setTabText(RecordTabs.indexOf(self.subscriptionsView), QCoreApplication.translate("RecordTabs", u"Subscriptions", None))
        RecordTabs.setTabText(RecordTabs.indexOf(self.appointmentsView), QCoreApplication.translate("RecordTabs", u"Appointments", None))
        RecordTabs.setTabText(RecordTabs.indexOf(self.materialsView), QCoreApplication.translate("RecordTabs", u"Materials", None))
        RecordTabs.setTabText(RecordTabs.indexOf(self.tasksView), QCoreApplication.translate("RecordTabs", u"Follow-ups", None))
        RecordTabs.setTabText(RecordTabs.indexOf(self.scoreCardsView), QCoreApplication.translate("RecordTabs", u"Score cards", None))
        RecordTabs.setTabText(RecordTabs.indexOf(self.complaintsView), QCoreApplication.translate("RecordTabs", u"Complaints", None))
        RecordTabs.setTabText(RecordTabs.indexOf(self.attributionView), QCoreApplication.translate("RecordTabs", u"Owner history", None))
        pass
    # retranslateUi


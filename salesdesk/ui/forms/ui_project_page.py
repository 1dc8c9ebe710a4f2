# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'project_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

from salesdesk.ui.unit_grid import UnitGrid

class Ui_ProjectPage(object):
    def setupUi(self, ProjectPage):
        if not ProjectPage.objectName():
            ProjectPage.setObjectName(u"ProjectPage")
        self.outer = QVBoxLayout(ProjectPage)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.head = QHBoxLayout()
        self.head.setObjectName(u"head")
        self.titles = QVBoxLayout()
        self.titles.setObjectName(u"titles")
        self.titleLabel = QLabel(ProjectPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.titles.addWidget(self.titleLabel)

        self.subtitleLabel = QLabel(ProjectPage)
        self.subtitleLabel.setObjectName(u"subtitleLabel")

        self.titles.addWidget(self.subtitleLabel)


        self.head.addLayout(self.titles)

        self.head.setStretch(0, 1)

        self.outer.addLayout(self.head)

        self.formError = QLabel(ProjectPage)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)
        self.formError.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.outer.addWidget(self.formError)

        self.tabs = QTabWidget(ProjectPage)
        self.tabs.setObjectName(u"tabs")
        self.overviewTab = QWidget()
        self.overviewTab.setObjectName(u"overviewTab")
        self.overviewLayout = QVBoxLayout(self.overviewTab)
        self.overviewLayout.setObjectName(u"overviewLayout")
        self.cardsGrid = QGridLayout()
        self.cardsGrid.setObjectName(u"cardsGrid")
        self.forSaleCard = QFrame(self.overviewTab)
        self.forSaleCard.setObjectName(u"forSaleCard")
        self.forSaleCardLayout = QVBoxLayout(self.forSaleCard)
        self.forSaleCardLayout.setObjectName(u"forSaleCardLayout")
        self.forSaleValue = QLabel(self.forSaleCard)
        self.forSaleValue.setObjectName(u"forSaleValue")
        self.forSaleValue.setText(u"\u2014")

        self.forSaleCardLayout.addWidget(self.forSaleValue)

        self.forSaleCaption = QLabel(self.forSaleCard)
        self.forSaleCaption.setObjectName(u"forSaleCaption")

        self.forSaleCardLayout.addWidget(self.forSaleCaption)


        self.cardsGrid.addWidget(self.forSaleCard, 0, 0, 1, 1)

        self.soldCard = QFrame(self.overviewTab)
        self.soldCard.setObjectName(u"soldCard")
        self.soldCardLayout = QVBoxLayout(self.soldCard)
        self.soldCardLayout.setObjectName(u"soldCardLayout")
        self.soldValue = QLabel(self.soldCard)
        self.soldValue.setObjectName(u"soldValue")
        self.soldValue.setText(u"\u2014")

        self.soldCardLayout.addWidget(self.soldValue)

        self.soldCaption = QLabel(self.soldCard)
        self.soldCaption.setObjectName(u"soldCaption")

        self.soldCardLayout.addWidget(self.soldCaption)


        self.cardsGrid.addWidget(self.soldCard, 0, 1, 1, 1)

        self.withheldCard = QFrame(self.overviewTab)
        self.withheldCard.setObjectName(u"withheldCard")
        self.withheldCardLayout = QVBoxLayout(self.withheldCard)
        self.withheldCardLayout.setObjectName(u"withheldCardLayout")
        self.withheldValue = QLabel(self.withheldCard)
        self.withheldValue.setObjectName(u"withheldValue")
        self.withheldValue.setText(u"\u2014")

        self.withheldCardLayout.addWidget(self.withheldValue)

        self.withheldCaption = QLabel(self.withheldCard)
        self.withheldCaption.setObjectName(u"withheldCaption")

        self.withheldCardLayout.addWidget(self.withheldCaption)


        self.cardsGrid.addWidget(self.withheldCard, 0, 2, 1, 1)

        self.factorsCard = QFrame(self.overviewTab)
        self.factorsCard.setObjectName(u"factorsCard")
        self.factorsCardLayout = QVBoxLayout(self.factorsCard)
        self.factorsCardLayout.setObjectName(u"factorsCardLayout")
        self.factorsValue = QLabel(self.factorsCard)
        self.factorsValue.setObjectName(u"factorsValue")
        self.factorsValue.setText(u"\u2014")

        self.factorsCardLayout.addWidget(self.factorsValue)

        self.factorsCaption = QLabel(self.factorsCard)
        self.factorsCaption.setObjectName(u"factorsCaption")

        self.factorsCardLayout.addWidget(self.factorsCaption)


        self.cardsGrid.addWidget(self.factorsCard, 0, 3, 1, 1)


        self.overviewLayout.addLayout(self.cardsGrid)

        self.buildingsTitle = QLabel(self.overviewTab)
        self.buildingsTitle.setObjectName(u"buildingsTitle")

        self.overviewLayout.addWidget(self.buildingsTitle)

        self.buildingsView = QTableView(self.overviewTab)
        self.buildingsView.setObjectName(u"buildingsView")

        self.overviewLayout.addWidget(self.buildingsView)

        self.overviewLayout.setStretch(2, 1)
        self.tabs.addTab(self.overviewTab, "")
        self.gridTab = QWidget()
        self.gridTab.setObjectName(u"gridTab")
        self.gridTabLayout = QVBoxLayout(self.gridTab)
        self.gridTabLayout.setObjectName(u"gridTabLayout")
        self.gridTabLayout.setContentsMargins(0, 0, 0, 0)
        self.unitGrid = UnitGrid(self.gridTab)
        self.unitGrid.setObjectName(u"unitGrid")

        self.gridTabLayout.addWidget(self.unitGrid)

        self.tabs.addTab(self.gridTab, "")
        self.unitsTab = QWidget()
        self.unitsTab.setObjectName(u"unitsTab")
        self.unitsLayout = QVBoxLayout(self.unitsTab)
        self.unitsLayout.setObjectName(u"unitsLayout")
        self.filtersRow = QHBoxLayout()
        self.filtersRow.setObjectName(u"filtersRow")
        self.buildingFilterLabel = QLabel(self.unitsTab)
        self.buildingFilterLabel.setObjectName(u"buildingFilterLabel")

        self.filtersRow.addWidget(self.buildingFilterLabel)

        self.buildingFilter = QComboBox(self.unitsTab)
        self.buildingFilter.setObjectName(u"buildingFilter")

        self.filtersRow.addWidget(self.buildingFilter)

        self.statusFilterLabel = QLabel(self.unitsTab)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.filtersRow.addWidget(self.statusFilterLabel)

        self.statusFilter = QComboBox(self.unitsTab)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filtersRow.addWidget(self.statusFilter)

        self.filtersStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filtersRow.addItem(self.filtersStretch)

        self.unitsCount = QLabel(self.unitsTab)
        self.unitsCount.setObjectName(u"unitsCount")

        self.filtersRow.addWidget(self.unitsCount)

        self.filtersRow.setStretch(4, 1)

        self.unitsLayout.addLayout(self.filtersRow)

        self.unitsView = QTableView(self.unitsTab)
        self.unitsView.setObjectName(u"unitsView")

        self.unitsLayout.addWidget(self.unitsView)

        self.unitsLayout.setStretch(1, 1)
        self.tabs.addTab(self.unitsTab, "")
        self.certificatesTab = QWidget()
        self.certificatesTab.setObjectName(u"certificatesTab")
        self.certificatesTabLayout = QVBoxLayout(self.certificatesTab)
        self.certificatesTabLayout.setObjectName(u"certificatesTabLayout")
        self.certificatesTabLayout.setContentsMargins(0, 0, 0, 0)
        self.certificatesView = QTableView(self.certificatesTab)
        self.certificatesView.setObjectName(u"certificatesView")

        self.certificatesTabLayout.addWidget(self.certificatesView)

        self.tabs.addTab(self.certificatesTab, "")
        self.factorsTab = QWidget()
        self.factorsTab.setObjectName(u"factorsTab")
        self.factorsTabLayout = QVBoxLayout(self.factorsTab)
        self.factorsTabLayout.setObjectName(u"factorsTabLayout")
        self.factorsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.factorsView = QTableView(self.factorsTab)
        self.factorsView.setObjectName(u"factorsView")

        self.factorsTabLayout.addWidget(self.factorsView)

        self.tabs.addTab(self.factorsTab, "")
        self.sunshineTab = QWidget()
        self.sunshineTab.setObjectName(u"sunshineTab")
        self.sunshineTabLayout = QVBoxLayout(self.sunshineTab)
        self.sunshineTabLayout.setObjectName(u"sunshineTabLayout")
        self.sunshineTabLayout.setContentsMargins(0, 0, 0, 0)
        self.sunshineText = QPlainTextEdit(self.sunshineTab)
        self.sunshineText.setObjectName(u"sunshineText")
        self.sunshineText.setReadOnly(True)

        self.sunshineTabLayout.addWidget(self.sunshineText)

        self.tabs.addTab(self.sunshineTab, "")
        self.contractTab = QWidget()
        self.contractTab.setObjectName(u"contractTab")
        self.contractTabLayout = QVBoxLayout(self.contractTab)
        self.contractTabLayout.setObjectName(u"contractTabLayout")
        self.contractTabLayout.setContentsMargins(0, 0, 0, 0)
        self.contractText = QPlainTextEdit(self.contractTab)
        self.contractText.setObjectName(u"contractText")
        self.contractText.setReadOnly(True)

        self.contractTabLayout.addWidget(self.contractText)

        self.tabs.addTab(self.contractTab, "")

        self.outer.addWidget(self.tabs)

        self.outer.setStretch(2, 1)

        self.retranslateUi(ProjectPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ProjectPage)
    # setupUi

    def retranslateUi(self, ProjectPage):
        self.forSaleCaption.setText(QCoreApplication.translate("ProjectPage", u"Units for sale", None))
        self.soldCaption.setText(QCoreApplication.translate("ProjectPage", u"Subscribed or signed", None))
        self.withheldCaption.setText(QCoreApplication.translate("ProjectPage", u"Not for sale (outside presale permits)", None))
        self.factorsCaption.setText(QCoreApplication.translate("ProjectPage", u"Adverse factors disclosed", None))
        self.buildingsTitle.setText(QCoreApplication.translate("ProjectPage", u"Buildings", None))
        self.tabs.setTabText(self.tabs.indexOf(self.overviewTab), QCoreApplication.translate("ProjectPage", u"Overview", None))
        self.tabs.setTabText(self.tabs.indexOf(self.gridTab), QCoreApplication.translate("ProjectPage", u"Sales control (\u9500\u63a7)", None))
        self.buildingFilterLabel.setText(QCoreApplication.translate("ProjectPage", u"Building", None))
        self.statusFilterLabel.setText(QCoreApplication.translate("ProjectPage", u"Status", None))
        self.tabs.setTabText(self.tabs.indexOf(self.unitsTab), QCoreApplication.translate("ProjectPage", u"Units and prices", None))
        self.tabs.setTabText(self.tabs.indexOf(self.certificatesTab), QCoreApplication.translate("ProjectPage", u"Five certificates", None))
        self.tabs.setTabText(self.tabs.indexOf(self.factorsTab), QCoreApplication.translate("ProjectPage", u"Adverse factors", None))
        self.tabs.setTabText(self.tabs.indexOf(self.sunshineTab), QCoreApplication.translate("ProjectPage", u"Sunshine declaration", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contractTab), QCoreApplication.translate("ProjectPage", u"Contract template", None))
        pass
    # retranslateUi


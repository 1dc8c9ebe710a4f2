"""The application style: calm colours, big touch targets, the bundled CJK font."""

from __future__ import annotations

STYLE = """
* { font-family: "WenQuanYi Micro Hei"; }
QMainWindow, QWidget#workspace { background: #f4f6f9; }
QWidget#navPanel { background: #13294b; }
QListWidget#nav { background: #13294b; color: #dbe4f0; border: none; font-size: 15px;
                  outline: none; }
QListWidget#nav::item { padding: 12px 14px; border-radius: 6px; margin: 2px 8px; }
QListWidget#nav::item:selected { background: #1f6feb; color: white; }
QListWidget#nav::item:hover:!selected { background: #1c3a66; }
QWidget#staffContainer { background: transparent; }
QScrollArea { background: transparent; }
QLabel#brand { color: white; font-size: 18px; font-weight: bold; padding: 16px 14px 4px 14px; }
QLabel#brandSub { color: #8fa3bf; font-size: 12px; padding: 0 14px 12px 14px; }
QWidget#topBar { background: white; border-bottom: 1px solid #dde3ea; }
QLabel#userLabel { color: #243b53; font-size: 14px; }
QLabel#syncStatus { color: #52606d; font-size: 12px; padding: 2px 8px; border-radius: 9px;
                    background: #eef2f7; }
QLabel#pageTitle { font-size: 22px; font-weight: bold; color: #102a43; padding: 4px 0 8px 0; }
QLabel#sectionTitle { font-size: 16px; font-weight: bold; color: #243b53; padding: 8px 0 4px 0; }
QLabel#hint { color: #627d98; font-size: 13px; }
QLabel#itemDetail { font-size: 15px; padding: 6px 8px; background: #f0f4f8;
                   border-radius: 6px; }
QLabel#errorLabel { color: #b42318; background: #fef3f2; border: 1px solid #fecdca;
                    border-radius: 6px; padding: 6px 10px; font-size: 13px; }
QLabel#okLabel { color: #05603a; background: #ecfdf3; border: 1px solid #abefc6;
                 border-radius: 6px; padding: 6px 10px; font-size: 13px; }
QPushButton { background: white; border: 1px solid #bcccdc; border-radius: 6px;
              padding: 7px 16px; font-size: 14px; color: #243b53; min-height: 22px; }
QPushButton:hover { background: #f0f4f8; }
QPushButton:disabled { color: #9fb3c8; border-color: #d9e2ec; }
QPushButton#primary { background: #1f6feb; color: white; border: 1px solid #1f6feb;
                      font-weight: bold; }
QPushButton#primary:hover { background: #1a5fd0; }
QToolButton#printButton, QToolButton#primary { background: white; border: 1px solid #bcccdc;
              border-radius: 6px; padding: 7px 28px 7px 16px; font-size: 14px; color: #243b53;
              min-height: 22px; }
QToolButton#printButton:hover { background: #f0f4f8; }
QToolButton#printButton:disabled { color: #9fb3c8; border-color: #d9e2ec; }
QToolButton#primary { background: #1f6feb; color: white; border: 1px solid #1f6feb;
                      font-weight: bold; }
QToolButton::menu-button { border-left: 1px solid #bcccdc; width: 20px; }
QPushButton#danger { background: #fff; color: #b42318; border: 1px solid #fda29b; }
QPushButton#danger:disabled { color: #9fb3c8; border-color: #d9e2ec; }
QPushButton#bigButton { font-size: 18px; padding: 14px 20px; min-height: 40px; }
QPushButton#staffButton { font-size: 16px; padding: 10px; min-height: 56px; min-width: 120px;
                          text-align: center; }
QPushButton#staffButton:checked { background: #1f6feb; color: white; border-color: #1f6feb; }
QPushButton#keypad { font-size: 22px; min-height: 48px; min-width: 64px; }
QLineEdit, QComboBox, QSpinBox, QDateEdit, QTimeEdit, QPlainTextEdit, QTextEdit {
    background: white; border: 1px solid #bcccdc; border-radius: 6px; padding: 6px 8px;
    font-size: 14px; }
QLineEdit:focus, QComboBox:focus, QSpinBox:focus { border: 2px solid #1f6feb; }
QLineEdit#bigInput { font-size: 24px; padding: 10px; letter-spacing: 2px; }
QTableView, QTreeView, QListView#plain { background: white; border: 1px solid #dde3ea;
    gridline-color: #edf1f5; font-size: 13px; selection-background-color: #d6e4ff;
    selection-color: #102a43; alternate-background-color: #f8fafc; }
QHeaderView::section { background: #eef2f7; color: #334e68; border: none;
    border-right: 1px solid #dde3ea; padding: 6px; font-weight: bold; }
QTabWidget::pane { border: 1px solid #dde3ea; background: white; border-radius: 4px; }
QTabBar::tab { padding: 8px 16px; font-size: 14px; color: #486581; }
QTabBar::tab:selected { color: #1f6feb; border-bottom: 2px solid #1f6feb; }
QGroupBox { background: white; border: 1px solid #dde3ea; border-radius: 10px;
            margin-top: 22px; padding: 16px 14px 12px 14px; font-size: 15px; font-weight: bold;
            color: #243b53; }
QGroupBox::title { subcontrol-origin: margin; subcontrol-position: top left; left: 12px;
                   padding: 0 4px; }
QGroupBox QLabel, QGroupBox QCheckBox { font-weight: normal; font-size: 14px; }
QComboBox::drop-down { border: none; width: 26px; }
QWidget#scrollBody { background: transparent; }
QFrame#card { background: white; border: 1px solid #dde3ea; border-radius: 10px; }
QLabel#cardValue { font-size: 26px; font-weight: bold; color: #102a43; }
QLabel#cardLabel { font-size: 13px; color: #627d98; }
QLabel#badge { background: #fff4e5; color: #b54708; border-radius: 8px; padding: 2px 8px; }
QLabel#badgeRed { background: #fef3f2; color: #b42318; border-radius: 8px; padding: 2px 8px; }
QLabel#badgeGreen { background: #ecfdf3; color: #05603a; border-radius: 8px; padding: 2px 8px; }
"""

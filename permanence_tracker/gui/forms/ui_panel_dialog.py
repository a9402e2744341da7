# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'panel_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
    QDialogButtonBox, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from permanence_tracker.gui.widgets.date_edit import DateEdit

class Ui_PanelDialog(object):
    def setupUi(self, PanelDialog):
        if not PanelDialog.objectName():
            PanelDialog.setObjectName(u"PanelDialog")
        self.main_layout = QVBoxLayout(PanelDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(PanelDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.PlainText)
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(PanelDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setTextFormat(Qt.PlainText)
        self.form_error.setWordWrap(True)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(PanelDialog)
        self.conflict_box.setObjectName(u"conflict_box")
        self.conflict_box.setFrameShape(QFrame.StyledPanel)
        self.conflict_layout = QHBoxLayout(self.conflict_box)
        self.conflict_layout.setObjectName(u"conflict_layout")
        self.conflict_label = QLabel(self.conflict_box)
        self.conflict_label.setObjectName(u"conflict_label")
        self.conflict_label.setTextFormat(Qt.PlainText)
        self.conflict_label.setWordWrap(True)

        self.conflict_layout.addWidget(self.conflict_label)

        self.reload_button = QPushButton(self.conflict_box)
        self.reload_button.setObjectName(u"reload_button")

        self.conflict_layout.addWidget(self.reload_button)


        self.main_layout.addWidget(self.conflict_box)

        self.form = QGridLayout()
        self.form.setObjectName(u"form")
        self.date_label = QLabel(PanelDialog)
        self.date_label.setObjectName(u"date_label")

        self.form.addWidget(self.date_label, 0, 0, 1, 1, Qt.AlignTop)

        self.date = DateEdit(PanelDialog)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)

        self.form.addWidget(self.date, 0, 1, 1, 1)

        self.date_error = QLabel(PanelDialog)
        self.date_error.setObjectName(u"date_error")
        self.date_error.setTextFormat(Qt.PlainText)
        self.date_error.setWordWrap(True)

        self.form.addWidget(self.date_error, 1, 1, 1, 1)

        self.type_label = QLabel(PanelDialog)
        self.type_label.setObjectName(u"type_label")

        self.form.addWidget(self.type_label, 2, 0, 1, 1, Qt.AlignTop)

        self.type = QComboBox(PanelDialog)
        self.type.setObjectName(u"type")

        self.form.addWidget(self.type, 2, 1, 1, 1)

        self.type_error = QLabel(PanelDialog)
        self.type_error.setObjectName(u"type_error")
        self.type_error.setTextFormat(Qt.PlainText)
        self.type_error.setWordWrap(True)

        self.form.addWidget(self.type_error, 3, 1, 1, 1)

        self.chair_label = QLabel(PanelDialog)
        self.chair_label.setObjectName(u"chair_label")

        self.form.addWidget(self.chair_label, 4, 0, 1, 1, Qt.AlignTop)

        self.chair = QLineEdit(PanelDialog)
        self.chair.setObjectName(u"chair")

        self.form.addWidget(self.chair, 4, 1, 1, 1)

        self.chair_error = QLabel(PanelDialog)
        self.chair_error.setObjectName(u"chair_error")
        self.chair_error.setTextFormat(Qt.PlainText)
        self.chair_error.setWordWrap(True)

        self.form.addWidget(self.chair_error, 5, 1, 1, 1)

        self.members_label = QLabel(PanelDialog)
        self.members_label.setObjectName(u"members_label")

        self.form.addWidget(self.members_label, 6, 0, 1, 1, Qt.AlignTop)

        self.members = QPlainTextEdit(PanelDialog)
        self.members.setObjectName(u"members")
        self.members.setTabChangesFocus(True)

        self.form.addWidget(self.members, 6, 1, 1, 1)

        self.members_error = QLabel(PanelDialog)
        self.members_error.setObjectName(u"members_error")
        self.members_error.setTextFormat(Qt.PlainText)
        self.members_error.setWordWrap(True)

        self.form.addWidget(self.members_error, 7, 1, 1, 1)

        self.quorate_label = QLabel(PanelDialog)
        self.quorate_label.setObjectName(u"quorate_label")

        self.form.addWidget(self.quorate_label, 8, 0, 1, 1, Qt.AlignTop)

        self.quorate = QComboBox(PanelDialog)
        self.quorate.setObjectName(u"quorate")

        self.form.addWidget(self.quorate, 8, 1, 1, 1)

        self.quorate_error = QLabel(PanelDialog)
        self.quorate_error.setObjectName(u"quorate_error")
        self.quorate_error.setTextFormat(Qt.PlainText)
        self.quorate_error.setWordWrap(True)

        self.form.addWidget(self.quorate_error, 9, 1, 1, 1)

        self.venue_label = QLabel(PanelDialog)
        self.venue_label.setObjectName(u"venue_label")

        self.form.addWidget(self.venue_label, 10, 0, 1, 1, Qt.AlignTop)

        self.venue = QLineEdit(PanelDialog)
        self.venue.setObjectName(u"venue")

        self.form.addWidget(self.venue, 10, 1, 1, 1)

        self.venue_error = QLabel(PanelDialog)
        self.venue_error.setObjectName(u"venue_error")
        self.venue_error.setTextFormat(Qt.PlainText)
        self.venue_error.setWordWrap(True)

        self.form.addWidget(self.venue_error, 11, 1, 1, 1)

        self.notes_label = QLabel(PanelDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.form.addWidget(self.notes_label, 12, 0, 1, 1, Qt.AlignTop)

        self.notes = QPlainTextEdit(PanelDialog)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.form.addWidget(self.notes, 12, 1, 1, 1)

        self.notes_error = QLabel(PanelDialog)
        self.notes_error.setObjectName(u"notes_error")
        self.notes_error.setTextFormat(Qt.PlainText)
        self.notes_error.setWordWrap(True)

        self.form.addWidget(self.notes_error, 13, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(PanelDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date)
        self.type_label.setBuddy(self.type)
        self.chair_label.setBuddy(self.chair)
        self.members_label.setBuddy(self.members)
        self.quorate_label.setBuddy(self.quorate)
        self.venue_label.setBuddy(self.venue)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PanelDialog)

        QMetaObject.connectSlotsByName(PanelDialog)
    # setupUi

    def retranslateUi(self, PanelDialog):
        PanelDialog.setWindowTitle(QCoreApplication.translate("PanelDialog", u"Panel meeting", None))
        self.intro.setText(QCoreApplication.translate("PanelDialog", u"A sitting of a panel. Whether it was quorate is recorded once it has met: a panel that is not quorate makes no recommendations.", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("PanelDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("PanelDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.date_label.setText(QCoreApplication.translate("PanelDialog", u"&Date *", None))
#if QT_CONFIG(accessibility)
        self.date.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Date of the panel", None))
#endif // QT_CONFIG(accessibility)
        self.date.setDisplayFormat(QCoreApplication.translate("PanelDialog", u"dd/MM/yyyy", None))
        self.date_error.setText("")
#if QT_CONFIG(accessibility)
        self.date_error.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Problem with date of the panel", None))
#endif // QT_CONFIG(accessibility)
        self.type_label.setText(QCoreApplication.translate("PanelDialog", u"&Type *", None))
#if QT_CONFIG(accessibility)
        self.type.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Panel type", None))
#endif // QT_CONFIG(accessibility)
        self.type_error.setText("")
#if QT_CONFIG(accessibility)
        self.type_error.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Problem with panel type", None))
#endif // QT_CONFIG(accessibility)
        self.chair_label.setText(QCoreApplication.translate("PanelDialog", u"&Chair *", None))
#if QT_CONFIG(accessibility)
        self.chair.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Chair", None))
#endif // QT_CONFIG(accessibility)
        self.chair_error.setText("")
#if QT_CONFIG(accessibility)
        self.chair_error.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Problem with chair", None))
#endif // QT_CONFIG(accessibility)
        self.members_label.setText(QCoreApplication.translate("PanelDialog", u"&Members present", None))
#if QT_CONFIG(accessibility)
        self.members.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Members present, one a line", None))
#endif // QT_CONFIG(accessibility)
        self.members_error.setText("")
#if QT_CONFIG(accessibility)
        self.members_error.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Problem with members present, one a line", None))
#endif // QT_CONFIG(accessibility)
        self.quorate_label.setText(QCoreApplication.translate("PanelDialog", u"&Quorate", None))
#if QT_CONFIG(accessibility)
        self.quorate.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Quorate", None))
#endif // QT_CONFIG(accessibility)
        self.quorate_error.setText("")
#if QT_CONFIG(accessibility)
        self.quorate_error.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Problem with quorate", None))
#endif // QT_CONFIG(accessibility)
        self.venue_label.setText(QCoreApplication.translate("PanelDialog", u"&Venue", None))
#if QT_CONFIG(accessibility)
        self.venue.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Venue", None))
#endif // QT_CONFIG(accessibility)
        self.venue_error.setText("")
#if QT_CONFIG(accessibility)
        self.venue_error.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Problem with venue", None))
#endif // QT_CONFIG(accessibility)
        self.notes_label.setText(QCoreApplication.translate("PanelDialog", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notes_error.setText("")
#if QT_CONFIG(accessibility)
        self.notes_error.setAccessibleName(QCoreApplication.translate("PanelDialog", u"Problem with notes", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


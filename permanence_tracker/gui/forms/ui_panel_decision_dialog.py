# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'panel_decision_dialog.ui'
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
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from permanence_tracker.gui.widgets.date_edit import DateEdit

class Ui_PanelDecisionDialog(object):
    def setupUi(self, PanelDecisionDialog):
        if not PanelDecisionDialog.objectName():
            PanelDecisionDialog.setObjectName(u"PanelDecisionDialog")
        self.main_layout = QVBoxLayout(PanelDecisionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(PanelDecisionDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.PlainText)
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(PanelDecisionDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setTextFormat(Qt.PlainText)
        self.form_error.setWordWrap(True)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(PanelDecisionDialog)
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

        self.deadline_hint = QLabel(PanelDecisionDialog)
        self.deadline_hint.setObjectName(u"deadline_hint")
        self.deadline_hint.setWordWrap(True)

        self.main_layout.addWidget(self.deadline_hint)

        self.form = QGridLayout()
        self.form.setObjectName(u"form")
        self.minutes_received_label = QLabel(PanelDecisionDialog)
        self.minutes_received_label.setObjectName(u"minutes_received_label")

        self.form.addWidget(self.minutes_received_label, 0, 0, 1, 1, Qt.AlignTop)

        self.minutes_received = DateEdit(PanelDecisionDialog)
        self.minutes_received.setObjectName(u"minutes_received")
        self.minutes_received.setCalendarPopup(True)
        self.minutes_received.setMinimumDate(QDate(2000, 1, 1))

        self.form.addWidget(self.minutes_received, 0, 1, 1, 1)

        self.minutes_received_error = QLabel(PanelDecisionDialog)
        self.minutes_received_error.setObjectName(u"minutes_received_error")
        self.minutes_received_error.setTextFormat(Qt.PlainText)
        self.minutes_received_error.setWordWrap(True)

        self.form.addWidget(self.minutes_received_error, 1, 1, 1, 1)

        self.adm_decision_label = QLabel(PanelDecisionDialog)
        self.adm_decision_label.setObjectName(u"adm_decision_label")

        self.form.addWidget(self.adm_decision_label, 2, 0, 1, 1, Qt.AlignTop)

        self.adm_decision = QComboBox(PanelDecisionDialog)
        self.adm_decision.setObjectName(u"adm_decision")

        self.form.addWidget(self.adm_decision, 2, 1, 1, 1)

        self.adm_decision_error = QLabel(PanelDecisionDialog)
        self.adm_decision_error.setObjectName(u"adm_decision_error")
        self.adm_decision_error.setTextFormat(Qt.PlainText)
        self.adm_decision_error.setWordWrap(True)

        self.form.addWidget(self.adm_decision_error, 3, 1, 1, 1)

        self.adm_decision_date_label = QLabel(PanelDecisionDialog)
        self.adm_decision_date_label.setObjectName(u"adm_decision_date_label")

        self.form.addWidget(self.adm_decision_date_label, 4, 0, 1, 1, Qt.AlignTop)

        self.adm_decision_date = DateEdit(PanelDecisionDialog)
        self.adm_decision_date.setObjectName(u"adm_decision_date")
        self.adm_decision_date.setCalendarPopup(True)
        self.adm_decision_date.setMinimumDate(QDate(2000, 1, 1))

        self.form.addWidget(self.adm_decision_date, 4, 1, 1, 1)

        self.adm_decision_date_error = QLabel(PanelDecisionDialog)
        self.adm_decision_date_error.setObjectName(u"adm_decision_date_error")
        self.adm_decision_date_error.setTextFormat(Qt.PlainText)
        self.adm_decision_date_error.setWordWrap(True)

        self.form.addWidget(self.adm_decision_date_error, 5, 1, 1, 1)

        self.adm_notes_label = QLabel(PanelDecisionDialog)
        self.adm_notes_label.setObjectName(u"adm_notes_label")

        self.form.addWidget(self.adm_notes_label, 6, 0, 1, 1, Qt.AlignTop)

        self.adm_notes = QPlainTextEdit(PanelDecisionDialog)
        self.adm_notes.setObjectName(u"adm_notes")
        self.adm_notes.setTabChangesFocus(True)

        self.form.addWidget(self.adm_notes, 6, 1, 1, 1)

        self.adm_notes_error = QLabel(PanelDecisionDialog)
        self.adm_notes_error.setObjectName(u"adm_notes_error")
        self.adm_notes_error.setTextFormat(Qt.PlainText)
        self.adm_notes_error.setWordWrap(True)

        self.form.addWidget(self.adm_notes_error, 7, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(PanelDecisionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.minutes_received_label.setBuddy(self.minutes_received)
        self.adm_decision_label.setBuddy(self.adm_decision)
        self.adm_decision_date_label.setBuddy(self.adm_decision_date)
        self.adm_notes_label.setBuddy(self.adm_notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PanelDecisionDialog)

        QMetaObject.connectSlotsByName(PanelDecisionDialog)
    # setupUi

    def retranslateUi(self, PanelDecisionDialog):
        PanelDecisionDialog.setWindowTitle(QCoreApplication.translate("PanelDecisionDialog", u"Agency decision maker", None))
        self.intro.setText(QCoreApplication.translate("PanelDecisionDialog", u"The agency decision maker decides within 7 working days of receiving the panel minutes (Fostering NMS 2011 standard 14; Adoption NMS 2014 standard 17).", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("PanelDecisionDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("PanelDecisionDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.deadline_hint.setText("")
#if QT_CONFIG(accessibility)
        self.deadline_hint.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Decision deadline", None))
#endif // QT_CONFIG(accessibility)
        self.minutes_received_label.setText(QCoreApplication.translate("PanelDecisionDialog", u"&Minutes received *", None))
#if QT_CONFIG(accessibility)
        self.minutes_received.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Date the ADM received the minutes", None))
#endif // QT_CONFIG(accessibility)
        self.minutes_received.setDisplayFormat(QCoreApplication.translate("PanelDecisionDialog", u"dd/MM/yyyy", None))
        self.minutes_received.setSpecialValueText(QCoreApplication.translate("PanelDecisionDialog", u"Not recorded", None))
        self.minutes_received_error.setText("")
#if QT_CONFIG(accessibility)
        self.minutes_received_error.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Problem with date the adm received the minutes", None))
#endif // QT_CONFIG(accessibility)
        self.adm_decision_label.setText(QCoreApplication.translate("PanelDecisionDialog", u"&Decision", None))
#if QT_CONFIG(accessibility)
        self.adm_decision.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"ADM decision", None))
#endif // QT_CONFIG(accessibility)
        self.adm_decision_error.setText("")
#if QT_CONFIG(accessibility)
        self.adm_decision_error.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Problem with adm decision", None))
#endif // QT_CONFIG(accessibility)
        self.adm_decision_date_label.setText(QCoreApplication.translate("PanelDecisionDialog", u"Decision &date", None))
#if QT_CONFIG(accessibility)
        self.adm_decision_date.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Date of the decision", None))
#endif // QT_CONFIG(accessibility)
        self.adm_decision_date.setDisplayFormat(QCoreApplication.translate("PanelDecisionDialog", u"dd/MM/yyyy", None))
        self.adm_decision_date.setSpecialValueText(QCoreApplication.translate("PanelDecisionDialog", u"Not recorded", None))
        self.adm_decision_date_error.setText("")
#if QT_CONFIG(accessibility)
        self.adm_decision_date_error.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Problem with date of the decision", None))
#endif // QT_CONFIG(accessibility)
        self.adm_notes_label.setText(QCoreApplication.translate("PanelDecisionDialog", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.adm_notes.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Decision notes", None))
#endif // QT_CONFIG(accessibility)
        self.adm_notes_error.setText("")
#if QT_CONFIG(accessibility)
        self.adm_notes_error.setAccessibleName(QCoreApplication.translate("PanelDecisionDialog", u"Problem with decision notes", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


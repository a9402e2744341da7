# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outcome_dialog.ui'
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

class Ui_OutcomeDialog(object):
    def setupUi(self, OutcomeDialog):
        if not OutcomeDialog.objectName():
            OutcomeDialog.setObjectName(u"OutcomeDialog")
        self.main_layout = QVBoxLayout(OutcomeDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(OutcomeDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(OutcomeDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)
        self.form_error.setTextFormat(Qt.PlainText)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(OutcomeDialog)
        self.conflict_box.setObjectName(u"conflict_box")
        self.conflict_box.setFrameShape(QFrame.StyledPanel)
        self.conflict_layout = QHBoxLayout(self.conflict_box)
        self.conflict_layout.setObjectName(u"conflict_layout")
        self.conflict_label = QLabel(self.conflict_box)
        self.conflict_label.setObjectName(u"conflict_label")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setTextFormat(Qt.PlainText)

        self.conflict_layout.addWidget(self.conflict_label)

        self.reload_button = QPushButton(self.conflict_box)
        self.reload_button.setObjectName(u"reload_button")

        self.conflict_layout.addWidget(self.reload_button)


        self.main_layout.addWidget(self.conflict_box)

        self.form = QGridLayout()
        self.form.setObjectName(u"form")
        self.recorded_label = QLabel(OutcomeDialog)
        self.recorded_label.setObjectName(u"recorded_label")

        self.form.addWidget(self.recorded_label, 0, 0, 1, 1)

        self.recorded = DateEdit(OutcomeDialog)
        self.recorded.setObjectName(u"recorded")
        self.recorded.setCalendarPopup(True)

        self.form.addWidget(self.recorded, 0, 1, 1, 1)

        self.recorded_error = QLabel(OutcomeDialog)
        self.recorded_error.setObjectName(u"recorded_error")
        self.recorded_error.setTextFormat(Qt.PlainText)
        self.recorded_error.setWordWrap(True)

        self.form.addWidget(self.recorded_error, 1, 1, 1, 1)

        self.outcome_label = QLabel(OutcomeDialog)
        self.outcome_label.setObjectName(u"outcome_label")

        self.form.addWidget(self.outcome_label, 2, 0, 1, 1)

        self.outcome = QComboBox(OutcomeDialog)
        self.outcome.setObjectName(u"outcome")

        self.form.addWidget(self.outcome, 2, 1, 1, 1)

        self.outcome_error = QLabel(OutcomeDialog)
        self.outcome_error.setObjectName(u"outcome_error")
        self.outcome_error.setTextFormat(Qt.PlainText)
        self.outcome_error.setWordWrap(True)

        self.form.addWidget(self.outcome_error, 3, 1, 1, 1)

        self.notes_label = QLabel(OutcomeDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.form.addWidget(self.notes_label, 4, 0, 1, 1)

        self.notes = QPlainTextEdit(OutcomeDialog)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.form.addWidget(self.notes, 4, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(OutcomeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.recorded_label.setBuddy(self.recorded)
        self.outcome_label.setBuddy(self.outcome)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OutcomeDialog)

        QMetaObject.connectSlotsByName(OutcomeDialog)
    # setupUi

    def retranslateUi(self, OutcomeDialog):
        OutcomeDialog.setWindowTitle(QCoreApplication.translate("OutcomeDialog", u"Monitoring outcome", None))
        self.intro.setText(QCoreApplication.translate("OutcomeDialog", u"An outcome from the authority's monitoring list.", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("OutcomeDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("OutcomeDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("OutcomeDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("OutcomeDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("OutcomeDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.recorded_label.setText(QCoreApplication.translate("OutcomeDialog", u"&Recorded on *", None))
#if QT_CONFIG(accessibility)
        self.recorded.setAccessibleName(QCoreApplication.translate("OutcomeDialog", u"Date the outcome was recorded", None))
#endif // QT_CONFIG(accessibility)
        self.recorded.setDisplayFormat(QCoreApplication.translate("OutcomeDialog", u"dd/MM/yyyy", None))
        self.recorded_error.setText("")
#if QT_CONFIG(accessibility)
        self.recorded_error.setAccessibleName(QCoreApplication.translate("OutcomeDialog", u"Problem with recorded", None))
#endif // QT_CONFIG(accessibility)
        self.outcome_label.setText(QCoreApplication.translate("OutcomeDialog", u"&Outcome *", None))
#if QT_CONFIG(accessibility)
        self.outcome.setAccessibleName(QCoreApplication.translate("OutcomeDialog", u"Monitoring outcome", None))
#endif // QT_CONFIG(accessibility)
        self.outcome_error.setText("")
#if QT_CONFIG(accessibility)
        self.outcome_error.setAccessibleName(QCoreApplication.translate("OutcomeDialog", u"Problem with outcome", None))
#endif // QT_CONFIG(accessibility)
        self.notes_label.setText(QCoreApplication.translate("OutcomeDialog", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("OutcomeDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_dialog.ui'
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

class Ui_ReviewDialog(object):
    def setupUi(self, ReviewDialog):
        if not ReviewDialog.objectName():
            ReviewDialog.setObjectName(u"ReviewDialog")
        self.main_layout = QVBoxLayout(ReviewDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(ReviewDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(ReviewDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)
        self.form_error.setTextFormat(Qt.PlainText)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(ReviewDialog)
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
        self.held_label = QLabel(ReviewDialog)
        self.held_label.setObjectName(u"held_label")

        self.form.addWidget(self.held_label, 0, 0, 1, 1)

        self.held = DateEdit(ReviewDialog)
        self.held.setObjectName(u"held")
        self.held.setCalendarPopup(True)

        self.form.addWidget(self.held, 0, 1, 1, 1)

        self.held_error = QLabel(ReviewDialog)
        self.held_error.setObjectName(u"held_error")
        self.held_error.setTextFormat(Qt.PlainText)
        self.held_error.setWordWrap(True)

        self.form.addWidget(self.held_error, 1, 1, 1, 1)

        self.age_hint = QLabel(ReviewDialog)
        self.age_hint.setObjectName(u"age_hint")
        self.age_hint.setWordWrap(True)
        self.age_hint.setTextFormat(Qt.PlainText)

        self.form.addWidget(self.age_hint, 2, 1, 1, 1)

        self.participation_label = QLabel(ReviewDialog)
        self.participation_label.setObjectName(u"participation_label")

        self.form.addWidget(self.participation_label, 3, 0, 1, 1)

        self.participation = QComboBox(ReviewDialog)
        self.participation.setObjectName(u"participation")

        self.form.addWidget(self.participation, 3, 1, 1, 1)

        self.participation_error = QLabel(ReviewDialog)
        self.participation_error.setObjectName(u"participation_error")
        self.participation_error.setTextFormat(Qt.PlainText)
        self.participation_error.setWordWrap(True)

        self.form.addWidget(self.participation_error, 4, 1, 1, 1)

        self.iro_label = QLabel(ReviewDialog)
        self.iro_label.setObjectName(u"iro_label")

        self.form.addWidget(self.iro_label, 5, 0, 1, 1)

        self.iro = QComboBox(ReviewDialog)
        self.iro.setObjectName(u"iro")
        self.iro.setEditable(True)

        self.form.addWidget(self.iro, 5, 1, 1, 1)

        self.plan_in_place_label = QLabel(ReviewDialog)
        self.plan_in_place_label.setObjectName(u"plan_in_place_label")

        self.form.addWidget(self.plan_in_place_label, 6, 0, 1, 1)

        self.plan_in_place = QComboBox(ReviewDialog)
        self.plan_in_place.setObjectName(u"plan_in_place")

        self.form.addWidget(self.plan_in_place, 6, 1, 1, 1)

        self.notes_label = QLabel(ReviewDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.form.addWidget(self.notes_label, 7, 0, 1, 1)

        self.notes = QPlainTextEdit(ReviewDialog)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.form.addWidget(self.notes, 7, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(ReviewDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.held_label.setBuddy(self.held)
        self.participation_label.setBuddy(self.participation)
        self.iro_label.setBuddy(self.iro)
        self.plan_in_place_label.setBuddy(self.plan_in_place)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReviewDialog)

        QMetaObject.connectSlotsByName(ReviewDialog)
    # setupUi

    def retranslateUi(self, ReviewDialog):
        ReviewDialog.setWindowTitle(QCoreApplication.translate("ReviewDialog", u"Record a review", None))
        self.intro.setText(QCoreApplication.translate("ReviewDialog", u"A looked-after child review that has been held (Care Planning Regs 2010 reg 33).", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("ReviewDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("ReviewDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.held_label.setText(QCoreApplication.translate("ReviewDialog", u"&Date held *", None))
#if QT_CONFIG(accessibility)
        self.held.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Date the review was held", None))
#endif // QT_CONFIG(accessibility)
        self.held.setDisplayFormat(QCoreApplication.translate("ReviewDialog", u"dd/MM/yyyy", None))
        self.held_error.setText("")
#if QT_CONFIG(accessibility)
        self.held_error.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Problem with held", None))
#endif // QT_CONFIG(accessibility)
        self.age_hint.setText("")
        self.participation_label.setText(QCoreApplication.translate("ReviewDialog", u"&Participation", None))
#if QT_CONFIG(accessibility)
        self.participation.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Participation code", None))
#endif // QT_CONFIG(accessibility)
        self.participation_error.setText("")
#if QT_CONFIG(accessibility)
        self.participation_error.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Problem with participation", None))
#endif // QT_CONFIG(accessibility)
        self.iro_label.setText(QCoreApplication.translate("ReviewDialog", u"&IRO chairing", None))
#if QT_CONFIG(accessibility)
        self.iro.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"IRO who chaired the review", None))
#endif // QT_CONFIG(accessibility)
        self.plan_in_place_label.setText(QCoreApplication.translate("ReviewDialog", u"Permanence &plan in place", None))
#if QT_CONFIG(accessibility)
        self.plan_in_place.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Permanence plan in place at the review", None))
#endif // QT_CONFIG(accessibility)
        self.notes_label.setText(QCoreApplication.translate("ReviewDialog", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("ReviewDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


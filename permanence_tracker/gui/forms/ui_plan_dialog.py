# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'plan_dialog.ui'
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

class Ui_PlanDialog(object):
    def setupUi(self, PlanDialog):
        if not PlanDialog.objectName():
            PlanDialog.setObjectName(u"PlanDialog")
        self.main_layout = QVBoxLayout(PlanDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(PlanDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(PlanDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)
        self.form_error.setTextFormat(Qt.PlainText)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(PlanDialog)
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
        self.agreed_label = QLabel(PlanDialog)
        self.agreed_label.setObjectName(u"agreed_label")

        self.form.addWidget(self.agreed_label, 0, 0, 1, 1)

        self.agreed = DateEdit(PlanDialog)
        self.agreed.setObjectName(u"agreed")
        self.agreed.setCalendarPopup(True)

        self.form.addWidget(self.agreed, 0, 1, 1, 1)

        self.agreed_error = QLabel(PlanDialog)
        self.agreed_error.setObjectName(u"agreed_error")
        self.agreed_error.setTextFormat(Qt.PlainText)
        self.agreed_error.setWordWrap(True)

        self.form.addWidget(self.agreed_error, 1, 1, 1, 1)

        self.primary_label = QLabel(PlanDialog)
        self.primary_label.setObjectName(u"primary_label")

        self.form.addWidget(self.primary_label, 2, 0, 1, 1)

        self.primary = QComboBox(PlanDialog)
        self.primary.setObjectName(u"primary")

        self.form.addWidget(self.primary, 2, 1, 1, 1)

        self.primary_error = QLabel(PlanDialog)
        self.primary_error.setObjectName(u"primary_error")
        self.primary_error.setTextFormat(Qt.PlainText)
        self.primary_error.setWordWrap(True)

        self.form.addWidget(self.primary_error, 3, 1, 1, 1)

        self.parallel_label = QLabel(PlanDialog)
        self.parallel_label.setObjectName(u"parallel_label")

        self.form.addWidget(self.parallel_label, 4, 0, 1, 1)

        self.parallel = QComboBox(PlanDialog)
        self.parallel.setObjectName(u"parallel")

        self.form.addWidget(self.parallel, 4, 1, 1, 1)

        self.parallel_error = QLabel(PlanDialog)
        self.parallel_error.setObjectName(u"parallel_error")
        self.parallel_error.setTextFormat(Qt.PlainText)
        self.parallel_error.setWordWrap(True)

        self.form.addWidget(self.parallel_error, 5, 1, 1, 1)

        self.notes_label = QLabel(PlanDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.form.addWidget(self.notes_label, 6, 0, 1, 1)

        self.notes = QPlainTextEdit(PlanDialog)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)

        self.form.addWidget(self.notes, 6, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(PlanDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.agreed_label.setBuddy(self.agreed)
        self.primary_label.setBuddy(self.primary)
        self.parallel_label.setBuddy(self.parallel)
        self.notes_label.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PlanDialog)

        QMetaObject.connectSlotsByName(PlanDialog)
    # setupUi

    def retranslateUi(self, PlanDialog):
        PlanDialog.setWindowTitle(QCoreApplication.translate("PlanDialog", u"Permanence plan", None))
        self.intro.setText(QCoreApplication.translate("PlanDialog", u"A new entry in the permanence plan history; earlier plans are kept.", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("PlanDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("PlanDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.agreed_label.setText(QCoreApplication.translate("PlanDialog", u"&Agreed on *", None))
#if QT_CONFIG(accessibility)
        self.agreed.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Date the plan was agreed", None))
#endif // QT_CONFIG(accessibility)
        self.agreed.setDisplayFormat(QCoreApplication.translate("PlanDialog", u"dd/MM/yyyy", None))
        self.agreed_error.setText("")
#if QT_CONFIG(accessibility)
        self.agreed_error.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Problem with agreed", None))
#endif // QT_CONFIG(accessibility)
        self.primary_label.setText(QCoreApplication.translate("PlanDialog", u"P&rimary plan *", None))
#if QT_CONFIG(accessibility)
        self.primary.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Primary permanence plan", None))
#endif // QT_CONFIG(accessibility)
        self.primary_error.setText("")
#if QT_CONFIG(accessibility)
        self.primary_error.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Problem with primary", None))
#endif // QT_CONFIG(accessibility)
        self.parallel_label.setText(QCoreApplication.translate("PlanDialog", u"Para&llel plan", None))
#if QT_CONFIG(accessibility)
        self.parallel.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Parallel (twin-track) plan", None))
#endif // QT_CONFIG(accessibility)
        self.parallel_error.setText("")
#if QT_CONFIG(accessibility)
        self.parallel_error.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Problem with parallel", None))
#endif // QT_CONFIG(accessibility)
        self.notes_label.setText(QCoreApplication.translate("PlanDialog", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("PlanDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_care_dialog.ui'
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
    QLabel, QLayout, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from permanence_tracker.gui.widgets.date_edit import DateEdit

class Ui_StartCareDialog(object):
    def setupUi(self, StartCareDialog):
        if not StartCareDialog.objectName():
            StartCareDialog.setObjectName(u"StartCareDialog")
        self.main_layout = QVBoxLayout(StartCareDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setSizeConstraint(QLayout.SetMinimumSize)
        self.intro = QLabel(StartCareDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(StartCareDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)
        self.form_error.setTextFormat(Qt.PlainText)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(StartCareDialog)
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
        self.current = QLabel(StartCareDialog)
        self.current.setObjectName(u"current")
        self.current.setWordWrap(True)
        self.current.setTextFormat(Qt.PlainText)

        self.form.addWidget(self.current, 0, 1, 1, 1)

        self.on_label = QLabel(StartCareDialog)
        self.on_label.setObjectName(u"on_label")

        self.form.addWidget(self.on_label, 1, 0, 1, 1)

        self.on = DateEdit(StartCareDialog)
        self.on.setObjectName(u"on")
        self.on.setCalendarPopup(True)

        self.form.addWidget(self.on, 1, 1, 1, 1)

        self.on_error = QLabel(StartCareDialog)
        self.on_error.setObjectName(u"on_error")
        self.on_error.setTextFormat(Qt.PlainText)
        self.on_error.setWordWrap(True)

        self.form.addWidget(self.on_error, 2, 1, 1, 1)

        self.rne_label = QLabel(StartCareDialog)
        self.rne_label.setObjectName(u"rne_label")

        self.form.addWidget(self.rne_label, 3, 0, 1, 1)

        self.rne = QLabel(StartCareDialog)
        self.rne.setObjectName(u"rne")

        self.form.addWidget(self.rne, 3, 1, 1, 1)

        self.legal_status_label = QLabel(StartCareDialog)
        self.legal_status_label.setObjectName(u"legal_status_label")

        self.form.addWidget(self.legal_status_label, 4, 0, 1, 1)

        self.legal_status = QComboBox(StartCareDialog)
        self.legal_status.setObjectName(u"legal_status")

        self.form.addWidget(self.legal_status, 4, 1, 1, 1)

        self.legal_status_error = QLabel(StartCareDialog)
        self.legal_status_error.setObjectName(u"legal_status_error")
        self.legal_status_error.setTextFormat(Qt.PlainText)
        self.legal_status_error.setWordWrap(True)

        self.form.addWidget(self.legal_status_error, 5, 1, 1, 1)

        self.placement_label = QLabel(StartCareDialog)
        self.placement_label.setObjectName(u"placement_label")

        self.form.addWidget(self.placement_label, 6, 0, 1, 1)

        self.placement = QComboBox(StartCareDialog)
        self.placement.setObjectName(u"placement")

        self.form.addWidget(self.placement, 6, 1, 1, 1)

        self.placement_error = QLabel(StartCareDialog)
        self.placement_error.setObjectName(u"placement_error")
        self.placement_error.setTextFormat(Qt.PlainText)
        self.placement_error.setWordWrap(True)

        self.form.addWidget(self.placement_error, 7, 1, 1, 1)

        self.provider_label = QLabel(StartCareDialog)
        self.provider_label.setObjectName(u"provider_label")

        self.form.addWidget(self.provider_label, 8, 0, 1, 1)

        self.provider = QComboBox(StartCareDialog)
        self.provider.setObjectName(u"provider")

        self.form.addWidget(self.provider, 8, 1, 1, 1)

        self.provider_error = QLabel(StartCareDialog)
        self.provider_error.setObjectName(u"provider_error")
        self.provider_error.setTextFormat(Qt.PlainText)
        self.provider_error.setWordWrap(True)

        self.form.addWidget(self.provider_error, 9, 1, 1, 1)

        self.cin_label = QLabel(StartCareDialog)
        self.cin_label.setObjectName(u"cin_label")

        self.form.addWidget(self.cin_label, 10, 0, 1, 1)

        self.cin = QComboBox(StartCareDialog)
        self.cin.setObjectName(u"cin")

        self.form.addWidget(self.cin, 10, 1, 1, 1)

        self.cin_error = QLabel(StartCareDialog)
        self.cin_error.setObjectName(u"cin_error")
        self.cin_error.setTextFormat(Qt.PlainText)
        self.cin_error.setWordWrap(True)

        self.form.addWidget(self.cin_error, 11, 1, 1, 1)

        self.year_note = QLabel(StartCareDialog)
        self.year_note.setObjectName(u"year_note")
        self.year_note.setWordWrap(True)
        self.year_note.setTextFormat(Qt.PlainText)

        self.form.addWidget(self.year_note, 12, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(StartCareDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.on_label.setBuddy(self.on)
        self.legal_status_label.setBuddy(self.legal_status)
        self.placement_label.setBuddy(self.placement)
        self.provider_label.setBuddy(self.provider)
        self.cin_label.setBuddy(self.cin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StartCareDialog)

        QMetaObject.connectSlotsByName(StartCareDialog)
    # setupUi

    def retranslateUi(self, StartCareDialog):
        StartCareDialog.setWindowTitle(QCoreApplication.translate("StartCareDialog", u"Start care", None))
        self.intro.setText(QCoreApplication.translate("StartCareDialog", u"Starts a period of care: the child's first episode, or their return after leaving care (903 RNE S, started to be looked after). The review clock starts on this date: the 1st review is due within 20 working days (reg 33).", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("StartCareDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("StartCareDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.current.setText("")
#if QT_CONFIG(accessibility)
        self.current.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Where the child stands now", None))
#endif // QT_CONFIG(accessibility)
        self.on_label.setText(QCoreApplication.translate("StartCareDialog", u"Start &date *", None))
#if QT_CONFIG(accessibility)
        self.on.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Date care starts", None))
#endif // QT_CONFIG(accessibility)
        self.on.setDisplayFormat(QCoreApplication.translate("StartCareDialog", u"dd/MM/yyyy", None))
        self.on_error.setText("")
#if QT_CONFIG(accessibility)
        self.on_error.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Problem with start date", None))
#endif // QT_CONFIG(accessibility)
        self.rne_label.setText(QCoreApplication.translate("StartCareDialog", u"Reason for new episode", None))
        self.rne.setText(QCoreApplication.translate("StartCareDialog", u"S \u2013 Started to be looked after", None))
#if QT_CONFIG(accessibility)
        self.rne.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Reason for new episode (RNE): S, started to be looked after", None))
#endif // QT_CONFIG(accessibility)
        self.legal_status_label.setText(QCoreApplication.translate("StartCareDialog", u"Le&gal status *", None))
#if QT_CONFIG(accessibility)
        self.legal_status.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Legal status", None))
#endif // QT_CONFIG(accessibility)
        self.legal_status_error.setText("")
#if QT_CONFIG(accessibility)
        self.legal_status_error.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Problem with legal status", None))
#endif // QT_CONFIG(accessibility)
        self.placement_label.setText(QCoreApplication.translate("StartCareDialog", u"&Placement *", None))
#if QT_CONFIG(accessibility)
        self.placement.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Placement type", None))
#endif // QT_CONFIG(accessibility)
        self.placement_error.setText("")
#if QT_CONFIG(accessibility)
        self.placement_error.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Problem with placement", None))
#endif // QT_CONFIG(accessibility)
        self.provider_label.setText(QCoreApplication.translate("StartCareDialog", u"Placement pro&vider", None))
#if QT_CONFIG(accessibility)
        self.provider.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Placement provider", None))
#endif // QT_CONFIG(accessibility)
        self.provider_error.setText("")
#if QT_CONFIG(accessibility)
        self.provider_error.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Problem with placement provider", None))
#endif // QT_CONFIG(accessibility)
        self.cin_label.setText(QCoreApplication.translate("StartCareDialog", u"Category of &need *", None))
#if QT_CONFIG(accessibility)
        self.cin.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Category of need (CIN)", None))
#endif // QT_CONFIG(accessibility)
        self.cin_error.setText("")
#if QT_CONFIG(accessibility)
        self.cin_error.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Problem with category of need", None))
#endif // QT_CONFIG(accessibility)
        self.year_note.setText("")
#if QT_CONFIG(accessibility)
        self.year_note.setAccessibleName(QCoreApplication.translate("StartCareDialog", u"Collection year of the codes", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'change_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFrame, QGridLayout,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from permanence_tracker.gui.widgets.date_edit import DateEdit

class Ui_ChangeDialog(object):
    def setupUi(self, ChangeDialog):
        if not ChangeDialog.objectName():
            ChangeDialog.setObjectName(u"ChangeDialog")
        self.main_layout = QVBoxLayout(ChangeDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(ChangeDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(ChangeDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)
        self.form_error.setTextFormat(Qt.PlainText)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(ChangeDialog)
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
        self.current = QLabel(ChangeDialog)
        self.current.setObjectName(u"current")
        self.current.setWordWrap(True)
        self.current.setTextFormat(Qt.PlainText)

        self.form.addWidget(self.current, 0, 1, 1, 1)

        self.on_label = QLabel(ChangeDialog)
        self.on_label.setObjectName(u"on_label")

        self.form.addWidget(self.on_label, 1, 0, 1, 1)

        self.on = DateEdit(ChangeDialog)
        self.on.setObjectName(u"on")
        self.on.setCalendarPopup(True)

        self.form.addWidget(self.on, 1, 1, 1, 1)

        self.on_error = QLabel(ChangeDialog)
        self.on_error.setObjectName(u"on_error")
        self.on_error.setTextFormat(Qt.PlainText)
        self.on_error.setWordWrap(True)

        self.form.addWidget(self.on_error, 2, 1, 1, 1)

        self.leaves_care = QCheckBox(ChangeDialog)
        self.leaves_care.setObjectName(u"leaves_care")

        self.form.addWidget(self.leaves_care, 3, 0, 1, 2)

        self.legal_status_label = QLabel(ChangeDialog)
        self.legal_status_label.setObjectName(u"legal_status_label")

        self.form.addWidget(self.legal_status_label, 4, 0, 1, 1)

        self.legal_status = QComboBox(ChangeDialog)
        self.legal_status.setObjectName(u"legal_status")

        self.form.addWidget(self.legal_status, 4, 1, 1, 1)

        self.legal_status_error = QLabel(ChangeDialog)
        self.legal_status_error.setObjectName(u"legal_status_error")
        self.legal_status_error.setTextFormat(Qt.PlainText)
        self.legal_status_error.setWordWrap(True)

        self.form.addWidget(self.legal_status_error, 5, 1, 1, 1)

        self.placement_label = QLabel(ChangeDialog)
        self.placement_label.setObjectName(u"placement_label")

        self.form.addWidget(self.placement_label, 6, 0, 1, 1)

        self.placement = QComboBox(ChangeDialog)
        self.placement.setObjectName(u"placement")

        self.form.addWidget(self.placement, 6, 1, 1, 1)

        self.placement_error = QLabel(ChangeDialog)
        self.placement_error.setObjectName(u"placement_error")
        self.placement_error.setTextFormat(Qt.PlainText)
        self.placement_error.setWordWrap(True)

        self.form.addWidget(self.placement_error, 7, 1, 1, 1)

        self.rne_label = QLabel(ChangeDialog)
        self.rne_label.setObjectName(u"rne_label")

        self.form.addWidget(self.rne_label, 8, 0, 1, 1)

        self.rne = QComboBox(ChangeDialog)
        self.rne.setObjectName(u"rne")

        self.form.addWidget(self.rne, 8, 1, 1, 1)

        self.rne_error = QLabel(ChangeDialog)
        self.rne_error.setObjectName(u"rne_error")
        self.rne_error.setTextFormat(Qt.PlainText)
        self.rne_error.setWordWrap(True)

        self.form.addWidget(self.rne_error, 9, 1, 1, 1)

        self.rec_label = QLabel(ChangeDialog)
        self.rec_label.setObjectName(u"rec_label")

        self.form.addWidget(self.rec_label, 10, 0, 1, 1)

        self.rec = QComboBox(ChangeDialog)
        self.rec.setObjectName(u"rec")

        self.form.addWidget(self.rec, 10, 1, 1, 1)

        self.rec_error = QLabel(ChangeDialog)
        self.rec_error.setObjectName(u"rec_error")
        self.rec_error.setTextFormat(Qt.PlainText)
        self.rec_error.setWordWrap(True)

        self.form.addWidget(self.rec_error, 11, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(ChangeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.on_label.setBuddy(self.on)
        self.legal_status_label.setBuddy(self.legal_status)
        self.placement_label.setBuddy(self.placement)
        self.rne_label.setBuddy(self.rne)
        self.rec_label.setBuddy(self.rec)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChangeDialog)

        QMetaObject.connectSlotsByName(ChangeDialog)
    # setupUi

    def retranslateUi(self, ChangeDialog):
        ChangeDialog.setWindowTitle(QCoreApplication.translate("ChangeDialog", u"Legal status or placement change", None))
        self.intro.setText(QCoreApplication.translate("ChangeDialog", u"Ends the current episode on the date given and starts the next one the same day (903 REC X1), or records that the child left care.", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("ChangeDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("ChangeDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.current.setText("")
        self.on_label.setText(QCoreApplication.translate("ChangeDialog", u"&Date of change *", None))
#if QT_CONFIG(accessibility)
        self.on.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Date of the change", None))
#endif // QT_CONFIG(accessibility)
        self.on.setDisplayFormat(QCoreApplication.translate("ChangeDialog", u"dd/MM/yyyy", None))
        self.on_error.setText("")
#if QT_CONFIG(accessibility)
        self.on_error.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Problem with on", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.leaves_care.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"The child leaves care on this date", None))
#endif // QT_CONFIG(accessibility)
        self.leaves_care.setText(QCoreApplication.translate("ChangeDialog", u"The child l&eaves care on this date", None))
        self.legal_status_label.setText(QCoreApplication.translate("ChangeDialog", u"Le&gal status", None))
#if QT_CONFIG(accessibility)
        self.legal_status.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"New legal status", None))
#endif // QT_CONFIG(accessibility)
        self.legal_status_error.setText("")
#if QT_CONFIG(accessibility)
        self.legal_status_error.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Problem with legal status", None))
#endif // QT_CONFIG(accessibility)
        self.placement_label.setText(QCoreApplication.translate("ChangeDialog", u"&Placement", None))
#if QT_CONFIG(accessibility)
        self.placement.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"New placement type", None))
#endif // QT_CONFIG(accessibility)
        self.placement_error.setText("")
#if QT_CONFIG(accessibility)
        self.placement_error.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Problem with placement", None))
#endif // QT_CONFIG(accessibility)
        self.rne_label.setText(QCoreApplication.translate("ChangeDialog", u"&Reason for new episode", None))
#if QT_CONFIG(accessibility)
        self.rne.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Reason for new episode (RNE)", None))
#endif // QT_CONFIG(accessibility)
        self.rne_error.setText("")
#if QT_CONFIG(accessibility)
        self.rne_error.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Problem with rne", None))
#endif // QT_CONFIG(accessibility)
        self.rec_label.setText(QCoreApplication.translate("ChangeDialog", u"Reason &care ended", None))
#if QT_CONFIG(accessibility)
        self.rec.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Reason the episode ceased (REC)", None))
#endif // QT_CONFIG(accessibility)
        self.rec_error.setText("")
#if QT_CONFIG(accessibility)
        self.rec_error.setAccessibleName(QCoreApplication.translate("ChangeDialog", u"Problem with rec", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


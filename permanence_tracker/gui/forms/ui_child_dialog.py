# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'child_dialog.ui'
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
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from permanence_tracker.gui.widgets.date_edit import DateEdit

class Ui_ChildDialog(object):
    def setupUi(self, ChildDialog):
        if not ChildDialog.objectName():
            ChildDialog.setObjectName(u"ChildDialog")
        self.main_layout = QVBoxLayout(ChildDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(ChildDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(ChildDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)
        self.form_error.setTextFormat(Qt.PlainText)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(ChildDialog)
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
        self.child_id_label = QLabel(ChildDialog)
        self.child_id_label.setObjectName(u"child_id_label")

        self.form.addWidget(self.child_id_label, 0, 0, 1, 1)

        self.child_id = QLineEdit(ChildDialog)
        self.child_id.setObjectName(u"child_id")

        self.form.addWidget(self.child_id, 0, 1, 1, 1)

        self.child_id_error = QLabel(ChildDialog)
        self.child_id_error.setObjectName(u"child_id_error")
        self.child_id_error.setTextFormat(Qt.PlainText)
        self.child_id_error.setWordWrap(True)

        self.form.addWidget(self.child_id_error, 1, 1, 1, 1)

        self.forename_label = QLabel(ChildDialog)
        self.forename_label.setObjectName(u"forename_label")

        self.form.addWidget(self.forename_label, 2, 0, 1, 1)

        self.forename = QLineEdit(ChildDialog)
        self.forename.setObjectName(u"forename")

        self.form.addWidget(self.forename, 2, 1, 1, 1)

        self.surname_label = QLabel(ChildDialog)
        self.surname_label.setObjectName(u"surname_label")

        self.form.addWidget(self.surname_label, 3, 0, 1, 1)

        self.surname = QLineEdit(ChildDialog)
        self.surname.setObjectName(u"surname")

        self.form.addWidget(self.surname, 3, 1, 1, 1)

        self.dob_label = QLabel(ChildDialog)
        self.dob_label.setObjectName(u"dob_label")

        self.form.addWidget(self.dob_label, 4, 0, 1, 1)

        self.dob = DateEdit(ChildDialog)
        self.dob.setObjectName(u"dob")
        self.dob.setCalendarPopup(True)

        self.form.addWidget(self.dob, 4, 1, 1, 1)

        self.dob_error = QLabel(ChildDialog)
        self.dob_error.setObjectName(u"dob_error")
        self.dob_error.setTextFormat(Qt.PlainText)
        self.dob_error.setWordWrap(True)

        self.form.addWidget(self.dob_error, 5, 1, 1, 1)

        self.sex_label = QLabel(ChildDialog)
        self.sex_label.setObjectName(u"sex_label")

        self.form.addWidget(self.sex_label, 6, 0, 1, 1)

        self.sex = QComboBox(ChildDialog)
        self.sex.setObjectName(u"sex")

        self.form.addWidget(self.sex, 6, 1, 1, 1)

        self.sex_error = QLabel(ChildDialog)
        self.sex_error.setObjectName(u"sex_error")
        self.sex_error.setTextFormat(Qt.PlainText)
        self.sex_error.setWordWrap(True)

        self.form.addWidget(self.sex_error, 7, 1, 1, 1)

        self.upn_label = QLabel(ChildDialog)
        self.upn_label.setObjectName(u"upn_label")

        self.form.addWidget(self.upn_label, 8, 0, 1, 1)

        self.upn = QLineEdit(ChildDialog)
        self.upn.setObjectName(u"upn")

        self.form.addWidget(self.upn, 8, 1, 1, 1)

        self.upn_error = QLabel(ChildDialog)
        self.upn_error.setObjectName(u"upn_error")
        self.upn_error.setTextFormat(Qt.PlainText)
        self.upn_error.setWordWrap(True)

        self.form.addWidget(self.upn_error, 9, 1, 1, 1)

        self.iro_label = QLabel(ChildDialog)
        self.iro_label.setObjectName(u"iro_label")

        self.form.addWidget(self.iro_label, 10, 0, 1, 1)

        self.iro = QComboBox(ChildDialog)
        self.iro.setObjectName(u"iro")
        self.iro.setEditable(True)

        self.form.addWidget(self.iro, 10, 1, 1, 1)

        self.social_worker_label = QLabel(ChildDialog)
        self.social_worker_label.setObjectName(u"social_worker_label")

        self.form.addWidget(self.social_worker_label, 11, 0, 1, 1)

        self.social_worker = QLineEdit(ChildDialog)
        self.social_worker.setObjectName(u"social_worker")

        self.form.addWidget(self.social_worker, 11, 1, 1, 1)

        self.locality_label = QLabel(ChildDialog)
        self.locality_label.setObjectName(u"locality_label")

        self.form.addWidget(self.locality_label, 12, 0, 1, 1)

        self.locality = QLineEdit(ChildDialog)
        self.locality.setObjectName(u"locality")

        self.form.addWidget(self.locality, 12, 1, 1, 1)

        self.area_label = QLabel(ChildDialog)
        self.area_label.setObjectName(u"area_label")

        self.form.addWidget(self.area_label, 13, 0, 1, 1)

        self.area = QLineEdit(ChildDialog)
        self.area.setObjectName(u"area")

        self.form.addWidget(self.area, 13, 1, 1, 1)

        self.team_label = QLabel(ChildDialog)
        self.team_label.setObjectName(u"team_label")

        self.form.addWidget(self.team_label, 14, 0, 1, 1)

        self.team = QLineEdit(ChildDialog)
        self.team.setObjectName(u"team")

        self.form.addWidget(self.team, 14, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(ChildDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.child_id_label.setBuddy(self.child_id)
        self.forename_label.setBuddy(self.forename)
        self.surname_label.setBuddy(self.surname)
        self.dob_label.setBuddy(self.dob)
        self.sex_label.setBuddy(self.sex)
        self.upn_label.setBuddy(self.upn)
        self.iro_label.setBuddy(self.iro)
        self.social_worker_label.setBuddy(self.social_worker)
        self.locality_label.setBuddy(self.locality)
        self.area_label.setBuddy(self.area)
        self.team_label.setBuddy(self.team)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChildDialog)

        QMetaObject.connectSlotsByName(ChildDialog)
    # setupUi

    def retranslateUi(self, ChildDialog):
        ChildDialog.setWindowTitle(QCoreApplication.translate("ChildDialog", u"Child", None))
        self.intro.setText(QCoreApplication.translate("ChildDialog", u"The child's details. Fields marked * are required.", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("ChildDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("ChildDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.child_id_label.setText(QCoreApplication.translate("ChildDialog", u"Child &ID *", None))
#if QT_CONFIG(accessibility)
        self.child_id.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Child ID", None))
#endif // QT_CONFIG(accessibility)
        self.child_id_error.setText("")
#if QT_CONFIG(accessibility)
        self.child_id_error.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Problem with child id", None))
#endif // QT_CONFIG(accessibility)
        self.forename_label.setText(QCoreApplication.translate("ChildDialog", u"&Forename", None))
#if QT_CONFIG(accessibility)
        self.forename.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Forename", None))
#endif // QT_CONFIG(accessibility)
        self.surname_label.setText(QCoreApplication.translate("ChildDialog", u"&Surname", None))
#if QT_CONFIG(accessibility)
        self.surname.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Surname", None))
#endif // QT_CONFIG(accessibility)
        self.dob_label.setText(QCoreApplication.translate("ChildDialog", u"Date of &birth *", None))
#if QT_CONFIG(accessibility)
        self.dob.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.dob.setDisplayFormat(QCoreApplication.translate("ChildDialog", u"dd/MM/yyyy", None))
        self.dob_error.setText("")
#if QT_CONFIG(accessibility)
        self.dob_error.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Problem with dob", None))
#endif // QT_CONFIG(accessibility)
        self.sex_label.setText(QCoreApplication.translate("ChildDialog", u"Se&x", None))
#if QT_CONFIG(accessibility)
        self.sex.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Sex", None))
#endif // QT_CONFIG(accessibility)
        self.sex_error.setText("")
#if QT_CONFIG(accessibility)
        self.sex_error.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Problem with sex", None))
#endif // QT_CONFIG(accessibility)
        self.upn_label.setText(QCoreApplication.translate("ChildDialog", u"&UPN", None))
#if QT_CONFIG(accessibility)
        self.upn.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Unique pupil number", None))
#endif // QT_CONFIG(accessibility)
        self.upn.setPlaceholderText(QCoreApplication.translate("ChildDialog", u"a letter, 11 digits and a final character", None))
        self.upn_error.setText("")
#if QT_CONFIG(accessibility)
        self.upn_error.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Problem with upn", None))
#endif // QT_CONFIG(accessibility)
        self.iro_label.setText(QCoreApplication.translate("ChildDialog", u"&IRO", None))
#if QT_CONFIG(accessibility)
        self.iro.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Independent reviewing officer", None))
#endif // QT_CONFIG(accessibility)
        self.social_worker_label.setText(QCoreApplication.translate("ChildDialog", u"Social &worker", None))
#if QT_CONFIG(accessibility)
        self.social_worker.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Social worker", None))
#endif // QT_CONFIG(accessibility)
        self.locality_label.setText(QCoreApplication.translate("ChildDialog", u"&Locality", None))
#if QT_CONFIG(accessibility)
        self.locality.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Locality", None))
#endif // QT_CONFIG(accessibility)
        self.area_label.setText(QCoreApplication.translate("ChildDialog", u"&Area", None))
#if QT_CONFIG(accessibility)
        self.area.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Area", None))
#endif // QT_CONFIG(accessibility)
        self.team_label.setText(QCoreApplication.translate("ChildDialog", u"&Team", None))
#if QT_CONFIG(accessibility)
        self.team.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Team", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


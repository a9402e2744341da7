# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'panel_item_dialog.ui'
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

class Ui_PanelItemDialog(object):
    def setupUi(self, PanelItemDialog):
        if not PanelItemDialog.objectName():
            PanelItemDialog.setObjectName(u"PanelItemDialog")
        self.main_layout = QVBoxLayout(PanelItemDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(PanelItemDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.PlainText)
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(PanelItemDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setTextFormat(Qt.PlainText)
        self.form_error.setWordWrap(True)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(PanelItemDialog)
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
        self.business_label = QLabel(PanelItemDialog)
        self.business_label.setObjectName(u"business_label")

        self.form.addWidget(self.business_label, 0, 0, 1, 1, Qt.AlignTop)

        self.business = QComboBox(PanelItemDialog)
        self.business.setObjectName(u"business")

        self.form.addWidget(self.business, 0, 1, 1, 1)

        self.business_error = QLabel(PanelItemDialog)
        self.business_error.setObjectName(u"business_error")
        self.business_error.setTextFormat(Qt.PlainText)
        self.business_error.setWordWrap(True)

        self.form.addWidget(self.business_error, 1, 1, 1, 1)

        self.child_id_label = QLabel(PanelItemDialog)
        self.child_id_label.setObjectName(u"child_id_label")

        self.form.addWidget(self.child_id_label, 2, 0, 1, 1, Qt.AlignTop)

        self.child_id = QLineEdit(PanelItemDialog)
        self.child_id.setObjectName(u"child_id")

        self.form.addWidget(self.child_id, 2, 1, 1, 1)

        self.child_id_error = QLabel(PanelItemDialog)
        self.child_id_error.setObjectName(u"child_id_error")
        self.child_id_error.setTextFormat(Qt.PlainText)
        self.child_id_error.setWordWrap(True)

        self.form.addWidget(self.child_id_error, 3, 1, 1, 1)

        self.carers_label = QLabel(PanelItemDialog)
        self.carers_label.setObjectName(u"carers_label")

        self.form.addWidget(self.carers_label, 4, 0, 1, 1, Qt.AlignTop)

        self.carers = QLineEdit(PanelItemDialog)
        self.carers.setObjectName(u"carers")

        self.form.addWidget(self.carers, 4, 1, 1, 1)

        self.carers_error = QLabel(PanelItemDialog)
        self.carers_error.setObjectName(u"carers_error")
        self.carers_error.setTextFormat(Qt.PlainText)
        self.carers_error.setWordWrap(True)

        self.form.addWidget(self.carers_error, 5, 1, 1, 1)

        self.terms_label = QLabel(PanelItemDialog)
        self.terms_label.setObjectName(u"terms_label")

        self.form.addWidget(self.terms_label, 6, 0, 1, 1, Qt.AlignTop)

        self.terms = QLineEdit(PanelItemDialog)
        self.terms.setObjectName(u"terms")

        self.form.addWidget(self.terms, 6, 1, 1, 1)

        self.terms_error = QLabel(PanelItemDialog)
        self.terms_error.setObjectName(u"terms_error")
        self.terms_error.setTextFormat(Qt.PlainText)
        self.terms_error.setWordWrap(True)

        self.form.addWidget(self.terms_error, 7, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(PanelItemDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.business_label.setBuddy(self.business)
        self.child_id_label.setBuddy(self.child_id)
        self.carers_label.setBuddy(self.carers)
        self.terms_label.setBuddy(self.terms)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PanelItemDialog)

        QMetaObject.connectSlotsByName(PanelItemDialog)
    # setupUi

    def retranslateUi(self, PanelItemDialog):
        PanelItemDialog.setWindowTitle(QCoreApplication.translate("PanelItemDialog", u"Agenda item", None))
        self.intro.setText(QCoreApplication.translate("PanelItemDialog", u"What the panel considers: about a child, carers, or both.", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("PanelItemDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("PanelItemDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.business_label.setText(QCoreApplication.translate("PanelItemDialog", u"&Business *", None))
#if QT_CONFIG(accessibility)
        self.business.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Business", None))
#endif // QT_CONFIG(accessibility)
        self.business_error.setText("")
#if QT_CONFIG(accessibility)
        self.business_error.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Problem with business", None))
#endif // QT_CONFIG(accessibility)
        self.child_id_label.setText(QCoreApplication.translate("PanelItemDialog", u"C&hild ID", None))
#if QT_CONFIG(accessibility)
        self.child_id.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Child ID", None))
#endif // QT_CONFIG(accessibility)
        self.child_id_error.setText("")
#if QT_CONFIG(accessibility)
        self.child_id_error.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Problem with child id", None))
#endif // QT_CONFIG(accessibility)
        self.carers_label.setText(QCoreApplication.translate("PanelItemDialog", u"C&arers", None))
#if QT_CONFIG(accessibility)
        self.carers.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Carers", None))
#endif // QT_CONFIG(accessibility)
        self.carers_error.setText("")
#if QT_CONFIG(accessibility)
        self.carers_error.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Problem with carers", None))
#endif // QT_CONFIG(accessibility)
        self.terms_label.setText(QCoreApplication.translate("PanelItemDialog", u"&Terms of approval", None))
#if QT_CONFIG(accessibility)
        self.terms.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Terms of approval", None))
#endif // QT_CONFIG(accessibility)
        self.terms_error.setText("")
#if QT_CONFIG(accessibility)
        self.terms_error.setAccessibleName(QCoreApplication.translate("PanelItemDialog", u"Problem with terms of approval", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'panel_recommendation_dialog.ui'
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

class Ui_PanelRecommendationDialog(object):
    def setupUi(self, PanelRecommendationDialog):
        if not PanelRecommendationDialog.objectName():
            PanelRecommendationDialog.setObjectName(u"PanelRecommendationDialog")
        self.main_layout = QVBoxLayout(PanelRecommendationDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(PanelRecommendationDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.PlainText)
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.form_error = QLabel(PanelRecommendationDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setTextFormat(Qt.PlainText)
        self.form_error.setWordWrap(True)

        self.main_layout.addWidget(self.form_error)

        self.conflict_box = QFrame(PanelRecommendationDialog)
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
        self.recommendation_label = QLabel(PanelRecommendationDialog)
        self.recommendation_label.setObjectName(u"recommendation_label")

        self.form.addWidget(self.recommendation_label, 0, 0, 1, 1, Qt.AlignTop)

        self.recommendation = QComboBox(PanelRecommendationDialog)
        self.recommendation.setObjectName(u"recommendation")

        self.form.addWidget(self.recommendation, 0, 1, 1, 1)

        self.recommendation_error = QLabel(PanelRecommendationDialog)
        self.recommendation_error.setObjectName(u"recommendation_error")
        self.recommendation_error.setTextFormat(Qt.PlainText)
        self.recommendation_error.setWordWrap(True)

        self.form.addWidget(self.recommendation_error, 1, 1, 1, 1)

        self.reasons_label = QLabel(PanelRecommendationDialog)
        self.reasons_label.setObjectName(u"reasons_label")

        self.form.addWidget(self.reasons_label, 2, 0, 1, 1, Qt.AlignTop)

        self.reasons = QPlainTextEdit(PanelRecommendationDialog)
        self.reasons.setObjectName(u"reasons")
        self.reasons.setTabChangesFocus(True)

        self.form.addWidget(self.reasons, 2, 1, 1, 1)

        self.reasons_error = QLabel(PanelRecommendationDialog)
        self.reasons_error.setObjectName(u"reasons_error")
        self.reasons_error.setTextFormat(Qt.PlainText)
        self.reasons_error.setWordWrap(True)

        self.form.addWidget(self.reasons_error, 3, 1, 1, 1)

        self.dissent_label = QLabel(PanelRecommendationDialog)
        self.dissent_label.setObjectName(u"dissent_label")

        self.form.addWidget(self.dissent_label, 4, 0, 1, 1, Qt.AlignTop)

        self.dissent = QPlainTextEdit(PanelRecommendationDialog)
        self.dissent.setObjectName(u"dissent")
        self.dissent.setTabChangesFocus(True)

        self.form.addWidget(self.dissent, 4, 1, 1, 1)

        self.dissent_error = QLabel(PanelRecommendationDialog)
        self.dissent_error.setObjectName(u"dissent_error")
        self.dissent_error.setTextFormat(Qt.PlainText)
        self.dissent_error.setWordWrap(True)

        self.form.addWidget(self.dissent_error, 5, 1, 1, 1)


        self.main_layout.addLayout(self.form)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(PanelRecommendationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.recommendation_label.setBuddy(self.recommendation)
        self.reasons_label.setBuddy(self.reasons)
        self.dissent_label.setBuddy(self.dissent)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PanelRecommendationDialog)

        QMetaObject.connectSlotsByName(PanelRecommendationDialog)
    # setupUi

    def retranslateUi(self, PanelRecommendationDialog):
        PanelRecommendationDialog.setWindowTitle(QCoreApplication.translate("PanelRecommendationDialog", u"Panel recommendation", None))
        self.intro.setText(QCoreApplication.translate("PanelRecommendationDialog", u"The panel's recommendation is unconditional; the minutes record its reasons.", None))
        self.form_error.setText("")
#if QT_CONFIG(accessibility)
        self.form_error.setAccessibleName(QCoreApplication.translate("PanelRecommendationDialog", u"Problems", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflict_box.setAccessibleName(QCoreApplication.translate("PanelRecommendationDialog", u"Someone else changed this record", None))
#endif // QT_CONFIG(accessibility)
        self.conflict_label.setText("")
        self.reload_button.setText(QCoreApplication.translate("PanelRecommendationDialog", u"Re&load", None))
#if QT_CONFIG(tooltip)
        self.reload_button.setToolTip(QCoreApplication.translate("PanelRecommendationDialog", u"Read the record again as the other person saved it; your changes in this dialog are replaced", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.reload_button.setAccessibleName(QCoreApplication.translate("PanelRecommendationDialog", u"Reload the record", None))
#endif // QT_CONFIG(accessibility)
        self.recommendation_label.setText(QCoreApplication.translate("PanelRecommendationDialog", u"&Recommendation *", None))
#if QT_CONFIG(accessibility)
        self.recommendation.setAccessibleName(QCoreApplication.translate("PanelRecommendationDialog", u"Recommendation", None))
#endif // QT_CONFIG(accessibility)
        self.recommendation_error.setText("")
#if QT_CONFIG(accessibility)
        self.recommendation_error.setAccessibleName(QCoreApplication.translate("PanelRecommendationDialog", u"Problem with recommendation", None))
#endif // QT_CONFIG(accessibility)
        self.reasons_label.setText(QCoreApplication.translate("PanelRecommendationDialog", u"R&easons", None))
#if QT_CONFIG(accessibility)
        self.reasons.setAccessibleName(QCoreApplication.translate("PanelRecommendationDialog", u"Reasons", None))
#endif // QT_CONFIG(accessibility)
        self.reasons_error.setText("")
#if QT_CONFIG(accessibility)
        self.reasons_error.setAccessibleName(QCoreApplication.translate("PanelRecommendationDialog", u"Problem with reasons", None))
#endif // QT_CONFIG(accessibility)
        self.dissent_label.setText(QCoreApplication.translate("PanelRecommendationDialog", u"&Dissent", None))
#if QT_CONFIG(accessibility)
        self.dissent.setAccessibleName(QCoreApplication.translate("PanelRecommendationDialog", u"Dissent", None))
#endif // QT_CONFIG(accessibility)
        self.dissent_error.setText("")
#if QT_CONFIG(accessibility)
        self.dissent_error.setAccessibleName(QCoreApplication.translate("PanelRecommendationDialog", u"Problem with dissent", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


"""The record window's header: the facts an IRO needs first, in words (flags with markers)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.words import days_phrase
from permanence_tracker.services.records.child_record import ChildRecord

FACTS = (
    ("dob", "Date of birth"), ("sex", "Sex"), ("upn", "UPN"),
    ("looked_after", "Looked after"), ("legal_status", "Legal status"),
    ("placement", "Placement"), ("iro", "IRO"),
    ("next_review", "Next review"), ("plan", "Permanence plan"),
    ("plan_status", "Permanence by 2nd review"), ("flags", "Flags"),
)
COLUMNS = ((0, 3), (3, 7), (7, 10))  # facts in each of the three form columns; flags below


def _next_review(record: ChildRecord) -> str:
    s = record.standing
    if s.no_review_before_18:
        return f"none: care ends on the 18th birthday ({uk_date(s.care_ends)})"
    if s.next_review_due is None:
        return "none: not looked after" if not s.looked_after else ""
    days = s.days_left or 0
    when = "due today" if days == 0 else days_phrase(days)
    return f"Review {s.next_review_number} due by {uk_date(s.next_review_due)} ({when})"


LATE_TIP = ("Counted in the statutory measure (no plan by the 2nd review: IRO Handbook; Care "
            "Planning Regs 2010 reg 5) but not flagged: a plan has been agreed since.")


def _plan_status(record: ChildRecord) -> str:
    """Permanence by the 2nd review in words: a plan agreed late is told apart from still no
    plan, the action flag (issue 10 item 2)."""
    s = record.standing
    if s.plan_late_on is not None:
        return s.plan_late_words
    if s.still_no_plan:
        reason = f"; {s.reason_group}" if s.reason_group else ""
        return f"Still no permanence plan (2nd review was on {uk_date(s.second_review_on)}{reason})"
    return s.plan_status + (f" ({s.reason_group})" if s.reason_group else "")


def facts(record: ChildRecord) -> dict[str, str]:
    """The header's text, fact by fact (tested without drawing anything)."""
    s, child = record.standing, record.child
    looked = s.care_words  # between short breaks is not "left care" (issue 8 §2.1)
    if s.looked_after and s.leaves_care:
        looked += f"; {s.leaves_care[0].lower()}{s.leaves_care[1:]}"
    plan = s.plan or "none recorded"
    if s.parallel_plan:
        plan += f"; parallel: {s.parallel_plan}"
    status = _plan_status(record)
    legal = f"{s.legal_status} – {s.legal_status_name}" if s.legal_status else ""
    return {
        "dob": f"{uk_date(child.dob)} (age {s.age})",
        "sex": s.sex or "not recorded",  # in words, from the SEX list's labels
        "upn": child.upn or "not recorded",
        "looked_after": looked,
        "legal_status": legal,
        "placement": s.placement,
        "iro": child.iro or "none allocated",
        "next_review": _next_review(record),
        "plan": plan,
        "plan_status": status,
        "flags": "; ".join(f"⚑ {f.label}" for f in s.flags) or "none",
        "warnings": "\n".join(f"⚠ {w.explanation}" for w in s.warnings),
    }


class RecordHeader(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Child summary")
        self.title = QLabel()
        self.title.setAccessibleName("Child")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.values: dict[str, QLabel] = {}
        row = QHBoxLayout()
        for first, last in COLUMNS:
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            for key, caption in FACTS[first:last]:
                value = QLabel()
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setAccessibleName(caption)
                self.values[key] = value
                form.addRow(f"{caption}:", value)
            row.addLayout(form, 1)
        flags = QLabel()
        flags.setWordWrap(True)  # the one fact that can run long: its own full-width row
        flags.setTextFormat(Qt.TextFormat.PlainText)
        flags.setAccessibleName("Flags")
        self.values["flags"] = flags
        flag_row = QHBoxLayout()
        flag_row.addWidget(QLabel("Flags:"))
        flag_row.addWidget(flags, 1)
        warnings = QLabel()  # records that disagree (issue 8 item 7), with both dates
        warnings.setWordWrap(True)
        warnings.setTextFormat(Qt.TextFormat.PlainText)
        warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        warnings.setAccessibleName("Warnings")
        self.values["warnings"] = warnings
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addLayout(flag_row)
        layout.addWidget(warnings)

    def show_record(self, record: ChildRecord) -> None:
        child = record.child
        self.title.setText(f"{child.name or '(no name)'} — {child.child_id}"
                           f"   as of {uk_date(record.as_of)}")
        for key, text in facts(record).items():
            self.values[key].setText(text)
        self.values["warnings"].setVisible(bool(record.standing.warnings))
        flags = record.standing.flags
        self.values["flags"].setToolTip("\n\n".join(f"{f.label}: {f.explanation}"
                                                    for f in flags))
        overdue = next((f for f in flags if f.code == "OVERDUE"), None)
        self.values["next_review"].setToolTip(overdue.explanation if overdue else "")
        no_plan = next((f for f in flags if f.code in ("NO_PLAN", "PLAN_DUE_SOON")), None)
        late = LATE_TIP if record.standing.plan_late_on else ""
        self.values["plan_status"].setToolTip(no_plan.explanation if no_plan else late)

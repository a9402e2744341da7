"""Report ``review-prep``: one child's preparation sheet for the IRO chairing the next review.

Made from ``services.records.child_record.ChildRecord`` (the record window's read): the child's
standing on the as-of date with every flag explained, then the chronology of legal status and
placements, reviews held (numbered within their period of care, with due date and whether in
timescale, Care Planning Regs 2010 reg 33) and the next one due, the permanence plan and
parallel plan history, adoption milestones with the scorecard's A1/A2 days, missing episodes
and monitoring outcomes. Lists run oldest first, as a chronology does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.pseudonym import month_year
from permanence_tracker.domain.words import days_phrase
from permanence_tracker.reports.base import ReportMeta, build_pdf, frame_width
from permanence_tracker.reports.tables import facts, table
from permanence_tracker.reports.text import NOTE, count, gap, heading, para, title

if TYPE_CHECKING:
    from permanence_tracker.services.permanence.rows import ChildRow
    from permanence_tracker.services.records.child_record import ChildRecord

TITLE = "Review preparation sheet"
MISSING_KINDS = {"M": "Missing", "A": "Away without authorisation"}


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def legal_status(code: str, name: str) -> str:
    """"C2 Full care order": the code and the short name the service put in the row."""
    return f"{code} {name}" if name else code


def next_review_text(s: ChildRow, pseudonymised: bool = False) -> str:
    if s.no_review_before_18:  # the 18th birthday gives the day of birth: month and year only
        day = month_year(s.care_ends) if pseudonymised else uk_date(s.care_ends)
        return f"none: care ends on the 18th birthday ({day})"
    if s.next_review_due is None:
        return "none due (not looked after)" if not s.looked_after else ""
    return f"no. {s.next_review_number}, due {uk_date(s.next_review_due)} ({_when(s)})"


def _when(s: ChildRow) -> str:
    """How far off the next review is: "3 days overdue", "today", "in 12 days"."""
    days = s.days_left
    if days is None:  # set with next_review_due (child_row): None only when none is due
        return ""
    return days_phrase(days)


def _standing(record: ChildRecord, width: float, pseudonymised: bool) -> list[Flowable]:
    s = record.standing
    child = record.child
    status = s.plan_status + (f" ({s.reason_group})" if s.reason_group else "")
    if s.short_breaks:
        status = "short breaks (reg 48): no permanence measure"
    care = (f"from {uk_date(s.start_of_care)}" if s.looked_after
            else f"between short breaks (last ended {uk_date(s.between_breaks)})"
            if s.between_breaks  # a short break ending is not leaving care (issue 8 §2.1)
            else f"left care {uk_date(s.left_care)}" if s.left_care else "not looked after")
    if s.leaves_care:
        care += f". {s.leaves_care}"
    pairs = [
        ("Child ID", child.child_id), ("Name", child.name or "(not recorded)"),
        ("Date of birth", f"{month_year(child.dob) if pseudonymised else uk_date(child.dob)} "
                          f"(age {s.age})"),
        ("Sex", s.sex or "not recorded"), ("IRO", s.iro),
        ("Legal status", legal_status(s.legal_status, s.legal_status_name)),
        ("Placement", s.placement),
        ("Social worker", child.social_worker), ("Team", " / ".join(
            t for t in (child.locality, child.area, child.team) if t)),
        ("Looked after", care), ("Last review", uk_date(s.last_review)),
        ("Next review", next_review_text(s, pseudonymised)), ("Permanence", status),
        ("Plan", s.plan), ("Parallel plan", s.parallel_plan),
    ]
    items: list[Flowable] = [facts(pairs, width)]
    if s.flags:
        items.extend(heading("Flags"))
        items.append(table(["Flag", "Why"], [[f.label, f.explanation] for f in s.flags],
                           [0.22 * width, 0.78 * width], zebra=False))
    if s.warnings:
        items.extend(heading("Warnings: records to put right"))
        items.append(table(["Warning", "Why"], [[w.label, w.explanation] for w in s.warnings],
                           [0.22 * width, 0.78 * width], zebra=False))
    return items


def _chronology(record: ChildRecord, width: float) -> list[Flowable]:
    rows = []
    for row in sorted(record.episodes, key=lambda r: (r.episode.start, r.period)):
        e = row.episode
        rows.append([str(row.period), uk_date(e.start), uk_date(e.end), e.rne,
                     legal_status(e.legal_status, row.legal_status_name), e.placement, e.rec])
    items = heading("Chronology: legal status and placements")
    if not rows:
        return items + [para("No care episodes recorded.")]
    items.append(table(["Period", "From", "To", "RNE", "Legal status", "Placement", "Ended"],
                       rows, _w(width, 10, 13, 13, 7, 33, 12, 12), "RLLLLLL"))
    periods = [f"period {p.number}: {uk_date(p.start)} to {uk_date(p.end) or 'now'}"
               + (" (short breaks)" if p.short_breaks else "") for p in record.periods]
    items.append(para("Periods of care: " + "; ".join(periods) + ". A return to care starts a "
                      "new period and restarts the review timetable.", NOTE))
    return items


def _reviews(record: ChildRecord, width: float) -> list[Flowable]:
    items = heading("Reviews held and due")
    rows = [[uk_date(r.review.held), str(r.period or ""),
             f"{r.number} (reg 48)" if r.short_breaks and r.number else str(r.number or ""),
             uk_date(r.due), _yes_no(r.in_timescale), r.review.participation, r.review.iro]
            for r in sorted(record.reviews, key=lambda r: r.review.held)]
    s = record.standing
    if s.next_review_due is not None:
        rows.append(["next review", "", str(s.next_review_number), uk_date(s.next_review_due),
                     _when(s), "", s.iro])
    if not rows:
        return items + [para("No reviews recorded and none due.")]
    items.append(table(["Held", "Period", "Number", "Due", "In timescale", "Participation",
                        "Chaired by"], rows, _w(width, 18, 9, 9, 13, 13, 14, 24), "LRRLLLL"))
    return items


def _plans(record: ChildRecord, width: float) -> list[Flowable]:
    items = heading("Permanence plan and parallel plan")
    rows = [[uk_date(p.plan.agreed), p.plan.primary, p.plan.parallel, p.plan.notes,
             "current" if p.current else ""]
            for p in sorted(record.plans, key=lambda p: (p.plan.agreed, p.plan.id or 0))]
    if not rows:
        return items + [para("No permanence plan recorded.")]
    items.append(table(["Agreed", "Plan", "Parallel plan", "Notes", ""], rows,
                       _w(width, 13, 22, 22, 33, 10)))
    return items


def _adoption(record: ChildRecord, width: float) -> list[Flowable]:
    if not record.adoption:
        return []
    items = heading("Adoption milestones")
    for row in record.adoption:
        m = row.milestones
        a1 = "" if row.a1_days is None else \
            f"{row.a1_days}{'' if row.a1_reached else ' so far'} (care to placement)"
        a2 = "" if row.a2_days is None else \
            f"{row.a2_days}{'' if row.a2_reached else ' so far'} (order to match)"
        pairs = [("ADM decision", uk_date(m.should_be_placed)),
                 ("Placement order", uk_date(m.placement_order)),
                 ("Matched", uk_date(m.matched)), ("Placed", uk_date(m.placed)),
                 ("Adoption order", uk_date(m.adoption_order)),
                 ("Reversed", f"{uk_date(m.reversed)} {m.reversed_reason}".strip()),
                 ("A1 days", a1), ("A2 days", a2)]
        items.append(facts(pairs, width))
        items.append(gap(1.5))
    return items


def _missing(record: ChildRecord, width: float) -> list[Flowable]:
    items = heading("Missing from placement")
    episodes = sorted(record.missing, key=lambda m: m.start)
    if not episodes:
        return items + [para("No missing or away episodes recorded.")]
    rows = [[MISSING_KINDS.get(m.kind, m.kind), uk_date(m.start),
             uk_date(m.end) if m.end else "not returned",
             str((m.end - m.start).days) if m.end else ""] for m in episodes]
    items.append(para(count(len(episodes), "episode"), NOTE))
    items.append(table(["Kind", "From", "To", "Days"], rows, _w(width, 40, 20, 20, 20), "LLLR"))
    return items


def _outcomes(record: ChildRecord, width: float) -> list[Flowable]:
    items = heading("Monitoring outcomes")
    rows = [[uk_date(o.recorded), o.outcome, o.notes]
            for o in sorted(record.outcomes, key=lambda o: (o.recorded, o.id or 0))]
    if not rows:
        return items + [para("No monitoring outcomes recorded.")]
    items.append(table(["Recorded", "Outcome", "Notes"], rows, _w(width, 15, 45, 40)))
    return items


def _w(width: float, *parts: int) -> list[float]:
    return [width * p / sum(parts) for p in parts]


def render(record: ChildRecord, meta: ReportMeta) -> bytes:
    width = frame_width()
    name = record.child.name or record.child.child_id
    story = title(f"{TITLE}: {name}", f"Child {record.child.child_id}, as things stood on "
                                      f"{uk_date(record.as_of)}, for the IRO chairing the "
                                      "next review")
    story += _standing(record, width, meta.pseudonymised)
    for section in (_chronology, _reviews, _plans, _adoption, _missing, _outcomes):
        story += section(record, width)
    return build_pdf(TITLE, meta, story)

"""Checks on panel meetings and agenda items before they are stored.

Each check returns :class:`Problem` objects naming the field, what is wrong and how to fix it.
Sources: panels recommend and the agency decision maker decides, recommendations are
unconditional and the minutes record the reasons for them (Fostering NMS 2011 standard 14;
Adoption NMS 2014 standard 17); a panel conducts no business unless it is quorate (Adoption
Agencies Regs 2005 Part 2; Fostering Services (England) Regs 2011 regs 23-25).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import Problem
from permanence_tracker.domain.panels import (
    ADM_DECISIONS,
    RECOMMENDATIONS,
    AgendaItem,
    PanelMeeting,
    needs_decision,
)


def _choose(value: str, what: str, allowed: Collection[str]) -> str:
    return f"{value!r} is not {what}: choose one of " + "; ".join(allowed)


def check_panel(panel: PanelMeeting, today: date, types: Collection[str]) -> list[Problem]:
    problems = []
    if not panel.type:
        problems.append(Problem("type", "is required: choose one of " + "; ".join(types)))
    elif panel.type not in types:
        problems.append(Problem("type", _choose(panel.type, "a panel type", types)
                                + " (the list is in the settings)"))
    if not panel.chair.strip():
        problems.append(Problem("chair", "is required: name the chair (or vice chair) who "
                                         "chairs this meeting"))
    names = [m.strip() for m in panel.members]
    if any(not n for n in names):
        problems.append(Problem("members", "has a blank name: remove the empty line"))
    repeated = sorted({n for n in names if n and names.count(n) > 1})
    if repeated:
        problems.append(Problem("members", f"names {', '.join(repeated)} more than once: "
                                           "list each member present once"))
    if panel.quorate is not None and panel.date > today:
        problems.append(Problem("quorate", f"the panel meets on {uk_date(panel.date)}: record "
                                           "whether it was quorate once it has met"))
    if panel.quorate and not names:
        problems.append(Problem("members", "is empty: list the members present to record the "
                                           "panel as quorate"))
    return problems


def check_item(item: AgendaItem, panel: PanelMeeting, today: date,
               business: Collection[str], child_known: bool) -> list[Problem]:
    """Every field of ``item`` against its panel; ``child_known``: its child ID exists."""
    problems = []
    if not item.business:
        problems.append(Problem("business", "is required: choose one of "
                                + "; ".join(business)))
    elif item.business not in business:
        problems.append(Problem("business", _choose(item.business, "panel business", business)
                                + " (the list is in the settings)"))
    if item.child_id and not child_known:
        problems.append(Problem("child_id", f"no child with ID {item.child_id!r}: check the ID "
                                            "or add the child first"))
    if not item.child_id and not item.carers.strip():
        problems.append(Problem("child_id", "and carers are both blank: an item is about a "
                                            "child, carers or both; give at least one"))
    if item.terms.strip() and not item.carers.strip():
        problems.append(Problem("terms", "are the carers' terms of approval: name the carers "
                                         "too"))
    problems += _recommendation(item, panel, today)
    problems += _decision(item, panel, today)
    return problems


def _recommendation(item: AgendaItem, panel: PanelMeeting, today: date) -> list[Problem]:
    problems = []
    if not item.recommendation:
        if item.reasons.strip() or item.dissent.strip():
            problems.append(Problem("recommendation", "is blank but reasons or dissent are "
                                                      "given: choose the recommendation"))
        return problems
    if item.recommendation not in RECOMMENDATIONS:
        problems.append(Problem("recommendation", _choose(item.recommendation,
                                                          "a recommendation", RECOMMENDATIONS)))
        return problems
    if panel.date > today:
        problems.append(Problem("recommendation", f"cannot be recorded yet: the panel meets on "
                                                  f"{uk_date(panel.date)}"))
    if needs_decision(item):
        if panel.quorate is not True:
            problems.append(Problem("recommendation", "needs a quorate panel: this panel is not "
                                    "recorded as quorate. Record the panel's quorum first, or "
                                    "record the item as Deferred"))
        if not item.reasons.strip():
            problems.append(Problem("reasons", "are required: the minutes must record the "
                                               "reasons for the panel's recommendation"))
    return problems


def _decision(item: AgendaItem, panel: PanelMeeting, today: date) -> list[Problem]:
    problems = []
    received, decided = item.minutes_received, item.adm_decision_date
    if received is not None:
        if not needs_decision(item):
            problems.append(Problem("minutes_received", "is only recorded once the panel has "
                                    "recommended (either way): a deferred item or one with no "
                                    "recommendation goes to no decision maker"))
        if received < panel.date:
            problems.append(Problem("minutes_received", f"{uk_date(received)} is before the panel "
                                    f"met on {uk_date(panel.date)}"))
        if received > today:
            problems.append(Problem("minutes_received", f"{uk_date(received)} is in the future"))
    if not item.adm_decision:
        if decided is not None:
            problems.append(Problem("adm_decision", "is blank but a decision date is given: "
                                                    "choose the decision or clear the date"))
        return problems
    if item.adm_decision not in ADM_DECISIONS:
        problems.append(Problem("adm_decision", _choose(item.adm_decision, "an ADM decision",
                                                        ADM_DECISIONS)))
    if not needs_decision(item):
        problems.append(Problem("adm_decision", "has nothing to decide: record the panel's "
                                "recommendation (Recommended or Not recommended) first"))
    if decided is None:
        problems.append(Problem("adm_decision_date", "is required with a decision: enter the "
                                                     "date the ADM decided"))
        return problems
    if received is None:
        problems.append(Problem("minutes_received", "is required with a decision: enter the "
                                "date the ADM received the panel minutes (the 7 working days "
                                "run from then)"))
    elif decided < received:
        problems.append(Problem("adm_decision_date", f"{uk_date(decided)} is before the ADM "
                                f"received the minutes on {uk_date(received)}"))
    if decided < panel.date:
        problems.append(Problem("adm_decision_date", f"{uk_date(decided)} is before the panel "
                                f"met on {uk_date(panel.date)}: the ADM decides after the panel"))
    if decided > today:
        problems.append(Problem("adm_decision_date", f"{uk_date(decided)} is in the future"))
    return problems

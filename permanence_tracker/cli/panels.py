"""Headless panel commands: ``panel add``, ``panel item``, ``panel recommend``, ``panel minutes``,
``panel decision``, ``panel list`` and ``panel figures``. Each validates like the app's dialogs
and is audited; when recording a result calls for a monitoring outcome on the child it is
named, and ``--add-outcome`` adds it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from permanence_tracker.cli import clock
from permanence_tracker.cli.arguments import iso_date, item_id, panel_id
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.words import plural
from permanence_tracker.services.unit_of_work import UowFactory


def register(sub) -> None:
    """Add ``panel`` and its actions, each bound to its runner."""
    panel = sub.add_parser("panel", help="panel meetings, agenda items, recommendations and "
                           "ADM decisions").add_subparsers(dest="action", required=True)
    add = panel.add_parser("add", help="add a panel meeting")
    add.add_argument("--date", type=iso_date, required=True)
    add.add_argument("--type", required=True, help="e.g. Permanence, Fostering, Adoption")
    add.add_argument("--chair", required=True)
    add.add_argument("--member", action="append", default=[], metavar="NAME",
                     help="a member present (repeat for each)")
    quorum = add.add_mutually_exclusive_group()
    quorum.add_argument("--quorate", dest="quorate", action="store_const", const=True)
    quorum.add_argument("--not-quorate", dest="quorate", action="store_const", const=False)
    add.add_argument("--venue", default="")
    add.add_argument("--notes", default="")
    add.set_defaults(run=_add)

    item = panel.add_parser("item", help="add an agenda item to a panel")
    item.add_argument("panel_id", type=panel_id)
    item.add_argument("--business", required=True,
                      help="e.g. 'Match for permanent fostering'")
    item.add_argument("--child", default="", metavar="CHILD_ID")
    item.add_argument("--carers", default="")
    item.add_argument("--terms", default="", help="carers' terms of approval")
    item.set_defaults(run=_item)

    rec = panel.add_parser("recommend", help="record the panel's recommendation on an item")
    rec.add_argument("item_id", type=item_id)
    rec.add_argument("--recommendation", required=True,
                     help="Recommended, Not recommended or Deferred")
    rec.add_argument("--reasons", default="")
    rec.add_argument("--dissent", default="")
    _add_outcome_option(rec)
    rec.set_defaults(run=_recommend)

    minutes = panel.add_parser("minutes", help="date the minutes the ADM received for every "
                               "item of a panel awaiting them")
    minutes.add_argument("panel_id", type=panel_id)
    minutes.add_argument("--received", type=iso_date, required=True)
    minutes.set_defaults(run=_minutes)

    decision = panel.add_parser("decision", help="record the ADM's decision on an item")
    decision.add_argument("item_id", type=item_id)
    decision.add_argument("--minutes-received", type=iso_date, required=True,
                          help="the day the ADM received the minutes")
    decision.add_argument("--decision", default="", help="Agreed, Not agreed or Returned to "
                          "panel (leave out to record only the minutes)")
    decision.add_argument("--date", type=iso_date, help="the day the ADM decided")
    decision.add_argument("--notes", default="")
    _add_outcome_option(decision)
    decision.set_defaults(run=_decision)

    listing = panel.add_parser("list", help="list panels, one panel's items, or the decisions "
                               "outstanding")
    listing.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD")
    shown = listing.add_mutually_exclusive_group()
    shown.add_argument("--panel", type=panel_id, metavar="PANEL_ID", help="this panel's items")
    shown.add_argument("--outstanding", action="store_true",
                       help="ADM decisions awaited, missed deadlines first")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=_list)

    figures = panel.add_parser("figures", help="plans and matches for permanent fostering and "
                               "adoption matches recommended, per financial year or period")
    figures.add_argument("--period", nargs=2, type=iso_date, action="append",
                         metavar=("START", "END"), help="a period (both days included); "
                         "repeat for more. Default: each financial year with a panel")
    figures.add_argument("--json", action="store_true")
    figures.set_defaults(run=_figures)


def _add_outcome_option(parser) -> None:
    """Recording a result may call for a monitoring outcome: named always, added on request."""
    parser.add_argument("--add-outcome", action="store_true",
                        help="add the monitoring outcome this calls for to the child")


def _json(value: Any) -> None:
    def default(obj: Any) -> Any:
        if isinstance(obj, date):
            return obj.isoformat()
        raise TypeError(type(obj))

    print(json.dumps(value, default=default))


def _add(context, args) -> int:
    from permanence_tracker.domain.panels import PanelMeeting
    from permanence_tracker.services.panels import save_panel

    meeting = PanelMeeting(args.date, args.type, args.chair, tuple(args.member), args.quorate,
                           args.venue, args.notes)
    saved = save_panel(context.uow, meeting, clock.today())
    print(f"added panel {saved.id}: {saved.type} on {uk_date(saved.date)}")
    return 0


def _item(context, args) -> int:
    from permanence_tracker.domain.panels import AgendaItem
    from permanence_tracker.services.panels import save_item

    saved = save_item(context.uow, AgendaItem(args.panel_id, args.business, args.child or None,
                                              args.carers, args.terms), clock.today())
    print(f"added item {saved.id} to panel {saved.panel_id}: {saved.business}")
    return 0


def _offer(uow: UowFactory, recorded, add: bool, today: date) -> None:
    from permanence_tracker.services.panels import add_suggested_outcome

    offer = recorded.suggestion
    if offer is None:
        return
    if add:
        add_suggested_outcome(uow, offer, today)
        print(f"added monitoring outcome {offer.outcome!r} on {uk_date(offer.recorded)} "
              f"for {offer.child_id}")
    else:
        print(f"suggested monitoring outcome for {offer.child_id}: {offer.outcome!r} on "
              f"{uk_date(offer.recorded)} (not added: repeat with --add-outcome to add it)")


def _recommend(context, args) -> int:
    from permanence_tracker.services.panels import agenda_item, record_recommendation

    uow, today = context.uow, clock.today()
    recorded = record_recommendation(uow, agenda_item(uow, args.item_id), args.recommendation,
                                     args.reasons, args.dissent, today)
    print(f"item {recorded.item.id}: {recorded.item.recommendation}")
    _offer(uow, recorded, args.add_outcome, today)
    return 0


def _minutes(context, args) -> int:
    from permanence_tracker.services.panels import record_minutes

    changed = record_minutes(context.uow, args.panel_id, args.received, clock.today())
    print(f"minutes received {uk_date(args.received)} for {plural(len(changed), 'item')}: "
          + ", ".join(str(i.id) for i in changed))
    return 0


def _decision(context, args) -> int:
    from permanence_tracker.services.panels import agenda_item, record_decision

    uow, today = context.uow, clock.today()
    recorded = record_decision(uow, agenda_item(uow, args.item_id), args.minutes_received,
                               args.decision, args.date, today, args.notes)
    item = recorded.item
    what = (f"{item.adm_decision} on {uk_date(item.adm_decision_date)}" if item.adm_decision
            else "awaiting the ADM's decision")
    print(f"item {item.id}: minutes received {uk_date(item.minutes_received)}, {what}")
    _offer(uow, recorded, args.add_outcome, today)
    return 0


def _item_line(row) -> str:
    item = row.item
    parts = [f"{row.number:>2}. item {item.id}", item.business, row.subject or "-",
             item.recommendation or "no recommendation",
             (f"ADM {item.adm_decision} {uk_date(item.adm_decision_date)}" if item.adm_decision
              else ""), row.status.state.upper() if row.missed else row.status.state,
             f"due {uk_date(row.deadline)}" if row.deadline else ""]
    return "  ".join(p for p in parts if p)


def _list(context, args) -> int:
    """One panel's items (``--panel``), the decisions outstanding, or every panel."""
    as_of = args.as_of or clock.today()
    if args.panel is not None:
        return _list_items(context.uow, args.panel, as_of, args.json)
    if args.outstanding:
        return _list_outstanding(context.uow, as_of, args.json)
    return _list_panels(context.uow, as_of, args.json)


def _list_items(uow: UowFactory, number: int, as_of: date, as_json: bool) -> int:
    from permanence_tracker.services.panels import panel_detail

    detail = panel_detail(uow, number, as_of)
    if as_json:
        _json(asdict(detail))
        return 0
    panel = detail.panel.panel
    print(f"Panel {panel.id}: {panel.type} on {uk_date(panel.date)}, chair {panel.chair}")
    for row in detail.items:
        print(_item_line(row))
    return 0


def _list_outstanding(uow: UowFactory, as_of: date, as_json: bool) -> int:
    from permanence_tracker.services.panels import outstanding_decisions

    rows = outstanding_decisions(uow, as_of)
    if as_json:
        _json([asdict(r) for r in rows])
        return 0
    print(f"ADM decisions outstanding as of {uk_date(as_of)}: {len(rows)}")
    for row in rows:
        print(f"panel {row.panel.id} {uk_date(row.panel.date)}  {_item_line(row)}")
    return 0


def _list_panels(uow: UowFactory, as_of: date, as_json: bool) -> int:
    from permanence_tracker.services.panels import panels

    listed = panels(uow, as_of)
    if as_json:
        _json(asdict(listed))
        return 0
    for title, rows in (("Upcoming panels", listed.upcoming), ("Past panels", listed.past)):
        print(f"{title} (as of {uk_date(as_of)}): {len(rows)}")
        for r in rows:
            print(f"  {r.panel.id:>4}  {uk_date(r.panel.date)}  {r.panel.type}  "
                  f"{plural(r.items, 'item')}, "
                  f"{r.to_record} to record, {plural(r.outstanding, 'decision')} outstanding, "
                  f"{plural(r.missed, 'deadline')} missed")
    return 0


def _figures(context, args) -> int:
    from permanence_tracker.services.panels import panel_figures

    periods = [tuple(p) for p in args.period] if args.period else None
    figures = panel_figures(context.uow, periods)
    if args.json:
        _json([asdict(f) for f in figures])
        return 0
    for f in figures:
        print(f"{f.label}: {f.plans_permanent_fostering} plans for permanent fostering, "
              f"{f.matches_permanent_fostering} matches for permanent fostering, "
              f"{f.adoption_matches} adoption matches ({plural(f.panels, 'panel')})")
    return 0

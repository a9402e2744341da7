"""Changes of legal status or placement inside a period of care, and the end of care.

SSDA903 guidance: a change of legal status or placement ends the open episode with REC ``X1``
and the next episode starts the same day, with a reason for new episode (RNE) saying what
changed: L legal status only; P placement and carer; T placement, same carer; B legal status
and placement and carer; U legal status and placement, same carer. The period of care goes
on, so the review clock does not restart (Care Planning Regs 2010 reg 33). Both writes happen
in one unit of work: both are stored or neither is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from permanence_tracker.domain import validation as v
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.codes import CONTINUING_REC
from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.domain.errors import ConflictError, NotFoundError, Problem, ValidationError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.records.codes import (
    code_problems,
    episode_code_problems,
    legal_status_codes,
    placement_codes,
    with_code_problems,
)
from permanence_tracker.services.reference import choices, codes, short_label
from permanence_tracker.services.unit_of_work import UnitOfWork, UowFactory

CHANGE_RNES = ("L", "P", "T", "B", "U")


def current_episode(episodes: Iterable[Episode]) -> Episode | None:
    """The episode a change would end: the open one (no end date) that started last."""
    open_ = [e for e in episodes if e.end is None]
    return max(open_, key=lambda e: e.start) if open_ else None


def change_reasons(collection_year: int) -> tuple[tuple[str, str], ...]:
    """The RNE codes (with their 903 labels) of a change within a period of care: S starts a
    new period of care, so it is not one of them."""
    return tuple(c for c in choices("RNE", collection_year) if c[0] in CHANGE_RNES)


def leaving_reasons(collection_year: int) -> tuple[tuple[str, str], ...]:
    """The REC codes (with their 903 labels) for a child leaving care: every reason episode
    ceased of the year except X1, which means another episode follows (see :func:`end_care`)."""
    return choices("REC", collection_year, skip=(CONTINUING_REC,))


def suggested_rne(current: Episode, legal_status: str, placement: str) -> str:
    """The RNE that says what changed, to pre-select: B both, L the legal status, P the
    placement ("" when nothing changed). The carer is not in the codes, so a placement change
    suggests P (new carer); T or U, same carer, is the user's to choose (903 RNE)."""
    legal = legal_status != current.legal_status
    place = placement != current.placement
    return "B" if legal and place else "L" if legal else "P" if place else ""


def rne_problems(current: Episode, legal_status: str, placement: str, rne: str) -> list[Problem]:
    """Whether ``rne`` says what changed between ``current`` and the new values (903 RNE).

    The carer cannot be read from the codes, so P and B accept an unchanged placement type
    (a move between two foster carers is U6 to U6); T and U need the placement type to change,
    L needs it unchanged; L, B and U need the legal status to change, P and T need it unchanged.
    """
    if rne not in CHANGE_RNES:
        return [Problem("rne", f"{rne!r} is not a reason for a new episode within a period of "
                               "care: use L, P, T, B or U (S starts a new period of care)")]
    legal = legal_status != current.legal_status
    place = placement != current.placement
    was = f"{current.legal_status} ({short_label('LS', current.legal_status, '?')})"
    problems = []
    if rne in ("L", "B", "U") and not legal:
        problems.append(Problem("legal_status", f"is still {was}: RNE {rne} means the legal "
                                "status changed; choose the new legal status, or use P or T "
                                "if only the placement changed"))
    if rne in ("P", "T") and legal:
        problems.append(Problem("rne", f"the legal status changed ({current.legal_status} to "
                                       f"{legal_status}): use B (new carer) or U (same carer)"))
    if rne in ("T", "U") and not place:
        problems.append(Problem("placement", f"is still {current.placement}: RNE {rne} means the "
                                "placement type changed with the same carer; for a new carer "
                                "use " + ("P" if rne == "T" else "B")))
    if rne == "L" and place:
        problems.append(Problem("rne", f"the placement changed too ({current.placement} to "
                                       f"{placement}): use B (new carer) or U (same carer)"))
    return problems


def _open_episode(uow: UnitOfWork, child_id: str, seen: Episode | None
                  ) -> tuple[Child, list[Episode], Episode]:
    child = uow.repo.child(child_id)
    if child is None:
        raise NotFoundError(f"no child with ID {child_id!r}: check the ID")
    episodes = uow.repo.records(Episode, child_id)
    current = current_episode(episodes)
    if current is None:
        raise ValidationError([Problem("start", "the child is not looked after (no open "
                                                "episode): start a new period of care instead")])
    if seen is not None and (seen.id != current.id or seen.version != current.version):
        raise ConflictError(f"the current episode of {child_id} was changed by someone else "
                            "since you opened it; reload and make your change again")
    return child, episodes, current


@requires("records.edit")
def record_change(
    uow_factory: UowFactory,
    child_id: str,
    on: date,
    legal_status: str,
    placement: str,
    rne: str,
    today: date,
    seen: Episode | None = None,
    reason_place_change: str = "",
) -> tuple[Episode, Episode]:
    """End the open episode on ``on`` (REC X1) and open the next one the same day.

    ``seen`` is the open episode as the user saw it: if someone else has changed or ended it
    since, :class:`ConflictError` is raised and nothing is written. Returns (ended, new).
    """
    with uow_factory() as uow:
        child, episodes, current = _open_episode(uow, child_id, seen)
        ended = replace(current, end=on, rec=CONTINUING_REC)
        same_place = placement == current.placement
        new = Episode(
            child_id, on, rne, legal_status, cin=current.cin, placement=placement,
            home_post=current.home_post, reason_place_change=reason_place_change,
            provider=current.provider if same_place else "",
            pl_post=current.pl_post if same_place else "",
            urn=current.urn if same_place else "",
        )
        others = [e for e in episodes if e.id != current.id]
        problems = rne_problems(current, legal_status, placement, rne)
        if on == current.start:  # DEC = DECOM is valid (DfE rule 356), two DECOMs on one day not
            problems.append(Problem("start", f"the current episode started on {uk_date(on)}: "
                                             "a change that day would give two episodes "
                                             "starting the same day; edit the current episode "
                                             "instead"))
        problems += v.check_episode(ended, others, child, today, legal_status_codes(),
                                    placement_codes())
        problems += v.check_episode(new, [*others, ended], child, today, legal_status_codes(),
                                    placement_codes())
        # The new episode's codes must be in the lists of the year it starts (issue 8 s2.6).
        problems = with_code_problems(problems, episode_code_problems(new))
        if problems:
            raise ValidationError(_unique(problems))
        ended = uow.repo.update(ended)
        new = uow.repo.add(new)
        return ended, new


@requires("records.edit")
def end_care(uow_factory: UowFactory, child_id: str, on: date, rec: str, today: date,
             seen: Episode | None = None) -> Episode:
    """The child leaves care on ``on``: end the open episode with reason ``rec`` (not X1)."""
    with uow_factory() as uow:
        child, episodes, current = _open_episode(uow, child_id, seen)
        problems = []
        if rec == CONTINUING_REC:
            problems.append(Problem("rec", "X1 means another episode follows: record a change "
                                           "of legal status or placement instead, or choose why "
                                           "the child left care"))
        elif rec not in codes("REC"):
            problems.append(Problem("rec", f"{rec!r} is not a reason episode ceased: choose one "
                                           "from the list"))
        else:  # REC of the collection year the episode ends in (DfE rule 149; issue 8 s2.6)
            problems += code_problems("rec", "REC", rec, on, "the child leaves care in")
        ended = replace(current, end=on, rec=rec)
        others = [e for e in episodes if e.id != current.id]
        problems += v.check_episode(ended, others, child, today, legal_status_codes(),
                                    placement_codes())
        if problems:
            raise ValidationError(_unique(problems))
        return uow.repo.update(ended)


def _unique(problems: list[Problem]) -> list[Problem]:
    """The ended and the new episode can report the same problem (a future date): once."""
    return list(dict.fromkeys(problems))

"""The IRO list's use cases: add, edit, retire, reinstate and delete an IRO, and the list read.

An IRO "has history" once any child or review names them as IRO, or a panel names them as its
chair or a member present (a plan names no IRO). Such an IRO is never deleted, nor renamed
(the records would then name nobody): they are retired, which keeps every figure they are part
of and stops new children being allocated to them (:func:`.queries.active_iro_names`).
Every change goes through the repository, which audits it; an edit carries the version it read
and a stale one is refused with :class:`ConflictError`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from permanence_tracker.domain.entities import Iro
from permanence_tracker.domain.errors import ConflictError, NotFoundError, Problem, ValidationError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.unit_of_work import UnitOfWork, UowFactory

MAX_FTE = 1.5


@dataclass(frozen=True, slots=True)
class IroRow:
    """One IRO on the list, with whether any record names them (then never deleted)."""

    name: str
    fte: float
    dual_role: bool
    cp_cases: int
    active: bool
    has_history: bool
    version: int

    @property
    def iro(self) -> Iro:
        """The stored IRO, version included: what an edit starts from."""
        return Iro(self.name, self.fte, self.dual_role, self.cp_cases, self.active, self.version)


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _iro_record_problems(iro: Iro) -> list[Problem]:
    problems = []
    if not iro.name.strip():
        problems.append(Problem("name", "is required"))
    if not 0 < iro.fte <= MAX_FTE:
        problems.append(Problem("fte", f"{iro.fte} is not a full-time equivalent: use a number "
                                       f"above 0 and at most {MAX_FTE}, e.g. 0.8"))
    if iro.cp_cases < 0:
        problems.append(Problem("cp_cases", "cannot be negative"))
    if iro.cp_cases and not iro.dual_role:
        problems.append(Problem("cp_cases", "only a dual-role IRO holds child protection cases: "
                                            "record the IRO as dual role or enter 0"))
    return problems


def _stored(uow: UnitOfWork, name: str) -> Iro:
    iro = next((known for known in uow.iros() if known.name == name), None)
    if iro is None:
        raise NotFoundError(f"no IRO named {name!r}: check the name ('iro list' shows them)")
    return iro


def _check_version(stored: Iro, version: int | None) -> None:
    if version is not None and stored.version != version:
        raise ConflictError(
            f"iro {stored.name} was changed by someone else (version {stored.version}, you "
            f"edited version {version}); reload it and make your change again")


@requires("settings.read")
def iro_list(uow_factory: UowFactory) -> tuple[IroRow, ...]:
    """Every IRO on the list, active and retired, by name."""
    with uow_factory() as uow:
        named = uow.iro_names_in_use()
        return tuple(IroRow(i.name, i.fte, i.dual_role, i.cp_cases, i.active, i.name in named,
                            i.version) for i in uow.iros())


@requires("iros.edit")
def add_iro(uow_factory: UowFactory, iro: Iro) -> Iro:
    """Add a new IRO (the app's offer after ``editing.NOT_AN_IRO``, or Add IRO): a name already
    on the list is refused rather than overwritten, so adding can never change an IRO's FTE."""
    iro = replace(iro, name=iro.name.strip())
    _raise(_iro_record_problems(iro))
    with uow_factory() as uow:
        if any(known.name == iro.name for known in uow.iros()):
            raise ValidationError([Problem("name", f"{iro.name!r} is already an IRO: "
                                                   "choose them in the list or edit them")])
        return uow.repo.add(replace(iro, version=0))


@requires("iros.edit")
def save_iro(uow_factory: UowFactory, iro: Iro) -> Iro:
    """Add an IRO, or update the one with the same name (``iro add`` on the command line)."""
    _raise(_iro_record_problems(iro))
    with uow_factory() as uow:
        existing = {i.name: i for i in uow.iros()}
        if iro.name in existing:
            return uow.repo.update(replace(iro, version=existing[iro.name].version)
                                   if iro.version == 0 else iro)
        return uow.repo.add(iro)


@requires("iros.edit")
def update_iro(uow_factory: UowFactory, name: str, iro: Iro) -> Iro:
    """Change IRO ``name`` to ``iro`` (FTE, dual role, CP cases, and the name itself when
    ``iro.name`` differs), if nobody changed them since ``iro.version`` was read. Retiring is
    :func:`retire_iro`'s: ``iro.active`` is kept as stored. A rename is refused when the new
    name is already an IRO, or when records name the IRO (they would then name nobody)."""
    iro = replace(iro, name=iro.name.strip())
    _raise(_iro_record_problems(iro))
    with uow_factory() as uow:
        stored = _stored(uow, name)
        _check_version(stored, iro.version)
        iro = replace(iro, active=stored.active)
        if iro.name == name:
            return uow.repo.update(iro)
        if any(known.name == iro.name for known in uow.iros()):
            raise ValidationError([Problem("name", f"{iro.name!r} is already an IRO: choose "
                                                   "another name")])
        if name in uow.iro_names_in_use():
            raise ValidationError([Problem("name", f"{name!r} is named on children's, reviews' "
                                                   "or panels' records, so cannot be renamed: "
                                                   "add the new name as an IRO and retire "
                                                   f"{name!r}")])
        uow.repo.delete(stored)
        return uow.repo.add(replace(iro, version=0))


def _set_active(uow_factory: UowFactory, name: str, active: bool, version: int | None) -> Iro:
    with uow_factory() as uow:
        stored = _stored(uow, name)
        _check_version(stored, version)
        if stored.active == active:
            state = "active" if active else "retired"
            raise ValidationError([Problem("name", f"{name!r} is already {state}")])
        return uow.repo.update(replace(stored, active=active))


@requires("iros.edit")
def retire_iro(uow_factory: UowFactory, name: str, version: int | None = None) -> Iro:
    """Retire IRO ``name``: kept with their history, but no child is newly allocated to them.
    Children already allocated keep them until reallocated."""
    return _set_active(uow_factory, name, False, version)


@requires("iros.edit")
def reinstate_iro(uow_factory: UowFactory, name: str, version: int | None = None) -> Iro:
    """Make a retired IRO active again."""
    return _set_active(uow_factory, name, True, version)


@requires("iros.edit")
def delete_iro(uow_factory: UowFactory, name: str, version: int | None = None) -> None:
    """Delete IRO ``name``, entered by mistake; refused when any record names them."""
    with uow_factory() as uow:
        stored = _stored(uow, name)
        _check_version(stored, version)
        if name in uow.iro_names_in_use():
            raise ValidationError([Problem("name", f"{name!r} has history (named on children's, "
                                                   "reviews' or panels' records), so cannot be "
                                                   "deleted: retire them instead")])
        uow.repo.delete(stored)

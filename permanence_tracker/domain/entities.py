"""Frozen records of a child's care history, as the rules and services exchange them.

Field names follow the SSDA903 return where one exists (``rne``, ``legal_status``, ``rec``).
``id`` and ``version`` are storage identity and optimistic-lock counters (``None``/0 when new).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from permanence_tracker.domain.codes import PLAN_TYPES
from permanence_tracker.domain.panels import DEFAULT_PANEL_BUSINESS, DEFAULT_PANEL_TYPES

SHORT_BREAK_STATUSES = frozenset({"V3", "V4"})


@dataclass(frozen=True, slots=True)
class Child:
    child_id: str
    dob: date
    sex: str = ""  # canonical M / F / U (codes.canonical_sex; 903 "1"/"2" to 2023-24)
    forename: str = ""
    surname: str = ""
    ethnicity: str = ""
    upn: str = ""
    uasc: bool = False
    uasc_ceased: date | None = None
    mother: bool | None = None  # 903 Header MOTHER: 1 is a mother, 0 is not; None not recorded
    mother_child_dob: date | None = None  # 903 Header MC_DOB: her first child's date of birth
    locality: str = ""
    area: str = ""
    team: str = ""
    social_worker: str = ""
    iro: str = ""
    version: int = 0

    @property
    def name(self) -> str:
        return f"{self.forename} {self.surname}".strip()


@dataclass(frozen=True, slots=True)
class Episode:
    """One 903 episode: a stretch with one legal status and one placement."""

    child_id: str
    start: date
    rne: str
    legal_status: str
    cin: str = ""
    placement: str = ""
    provider: str = ""
    end: date | None = None
    rec: str = ""
    reason_place_change: str = ""
    home_post: str = ""
    pl_post: str = ""
    urn: str = ""
    id: int | None = None
    version: int = 0

    def open_on(self, day: date) -> bool:
        """Looked after on ``day``: started on or before it and not ended by it."""
        return self.start <= day and (self.end is None or self.end > day)


@dataclass(frozen=True, slots=True)
class Review:
    """A LAC review held (Care Planning Regs 2010 reg 33)."""

    child_id: str
    held: date
    participation: str = ""  # PN0..PN7
    iro: str = ""
    plan_in_place: bool | None = None
    notes: str = ""
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class PlanChange:
    """One entry in a child's permanence plan history; the latest agreed one is current."""

    child_id: str
    agreed: date
    primary: str
    parallel: str = ""
    notes: str = ""
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class MonitoringOutcome:
    child_id: str
    recorded: date
    outcome: str
    notes: str = ""
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    """A free-text note on a child's record, e.g. a comment brought in from a spreadsheet.

    ``source`` says where it came from (the file an import read), blank when typed."""

    child_id: str
    written: date
    text: str
    source: str = ""
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class AdoptionMilestones:
    """Adoption timeline for one child (903 AD1/PlacedAdoption); any date may be unknown."""

    child_id: str
    should_be_placed: date | None = None  # ADM decision (DATE_SHOULD_BE_PLACED)
    placement_order: date | None = None
    matched: date | None = None
    placed: date | None = None
    adoption_order: date | None = None
    reversed: date | None = None  # DATE_PLACED_CEASED / decision reversed
    reversed_reason: str = ""  # RD1..RD4
    foster_carer: bool | None = None
    adopters_number: str = ""  # 903 AD1 NB_ADOPTR: 1 or 2
    adopters_sex: str = ""  # 903 AD1 SEX_ADOPTR: M1, F1, MM, FF, MF
    adopters_status: str = ""  # 903 AD1 LS_ADOPTR: L0, L11, L12, L2, L3, L4
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class MissingEpisode:
    child_id: str
    kind: str  # "M" missing, "A" away from placement without authorisation
    start: date
    end: date | None = None
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class PreviousPermanence:
    """Permanence before this care (903 PrevPerm); the date may be partial."""

    child_id: str
    kind: str  # P1 adoption, P2 SGO, P3 CAO/residence, P4 unknown, Z1 none
    la: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class Iro:
    name: str
    fte: float = 1.0
    dual_role: bool = False
    cp_cases: int = 0
    active: bool = True
    version: int = 0


@dataclass(frozen=True, slots=True)
class Settings:
    """Authority-wide settings; thresholds marked *(to confirm)* in domain.md live here."""

    # Blank until an administrator names the authority (the app asks on a new tracker): a new
    # tracker must never head its reports with another authority's name or check its 903
    # return against another authority's code.
    authority_name: str = ""
    # The authority's ONS code (E06/E08/E09/E10 + 6 digits), as the 903's PL_LA holds it and the
    # DfE validator's placement-location rules compare with.
    authority_code: str = ""
    protective_marking: str = "OFFICIAL-SENSITIVE"
    caseload_low: int = 50
    caseload_high: int = 70
    closure_days: tuple[date, ...] = ()
    monitoring_outcomes: tuple[str, ...] = (
        "Adoption Order Granted",
        "Revocation of Care Order: placed at home",
        "Permanence Plan actively progressing and being monitored",
        "No longer looked after",
        "Permanent Fostering Panel Agreed",
        "Adoption family finding underway",
        "Permanent fostering family finding underway",
    )
    ico_weeks: int = 26
    a1_days: int = 426
    a2_days: int = 121
    panel_types: tuple[str, ...] = DEFAULT_PANEL_TYPES  # adoption, fostering, permanence
    panel_business: tuple[str, ...] = DEFAULT_PANEL_BUSINESS  # what an agenda item is about
    plan_types: tuple[str, ...] = PLAN_TYPES  # permanence plans a child's plan may record
    backup_keep_days: int = 30  # a SQLite tracker's backups older than this are pruned
    demo: bool = False  # a synthetic demo authority: marked DEMO wherever it shows
    version: int = 0


@dataclass(frozen=True, slots=True)
class ChildHistory:
    """Everything the rules need about one child, gathered by a read query."""

    child: Child
    episodes: tuple[Episode, ...] = ()
    reviews: tuple[Review, ...] = ()
    plans: tuple[PlanChange, ...] = ()
    outcomes: tuple[MonitoringOutcome, ...] = ()
    adoption: tuple[AdoptionMilestones, ...] = ()
    missing: tuple[MissingEpisode, ...] = ()
    previous: tuple[PreviousPermanence, ...] = field(default=())

"""The check use case: the DfE 903 validation rules run on what the export would write.

The year's return and the year before's are exported into a temporary folder and given to
``csc-validator-be-903`` as "This year" and "Prev year", so that the cross-year rules run too.
Each finding names the child, the rule's code and words, and the table, row and columns.
The validator's rules exist for the collection years 2022-23 to 2026-27.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from permanence_tracker.services.authorization import requires
from permanence_tracker.services.exports.ssda903.rows import return_rows
from permanence_tracker.services.exports.ssda903.service import (
    FIRST_YEAR,
    ExportYearError,
    check_year,
)
from permanence_tracker.services.exports.ssda903.validator import (
    RawFinding,
    require_python,
    run_rules,
)
from permanence_tracker.services.exports.ssda903.writer import write_tables
from permanence_tracker.services.progress import Progress, silent
from permanence_tracker.services.reference import year_text
from permanence_tracker.services.unit_of_work import UowFactory

RULE_YEARS = range(2023, 2028)  # lac_validator rules: lac2022_23 ... lac2026_27
# The validator needs the authority's ONS code (Settings.authority_code; only the placement-
# location rules use it): a tracker without one is refused rather than checked as another's.
NO_CODE = ("the authority's ONS code is not set, and the DfE rules compare placements with it: "
           "set authority_code in Settings (or `permanence-tracker settings set authority_code "
           "E06…/E08…/E09…/E10…`), then check again")


@dataclass(frozen=True)
class Finding:
    child: str
    table: str  # Header, Episodes, ... as the DfE names them
    row: int  # row of the exported CSV file, the header being row 1
    rule: str  # the DfE rule code, e.g. "393"
    message: str  # the rule's words
    columns: tuple[str, ...]
    previous_year: bool = False  # found in the year before's files

    @property
    def where(self) -> str:
        which = "previous year's " if self.previous_year else ""
        return f"{which}{self.table} row {self.row}"


@dataclass(frozen=True)
class CheckResult:
    year: int
    findings: tuple[Finding, ...]
    failed_rules: tuple[str, ...]  # rules that could not run on this data (validator bugs)
    rows: tuple[tuple[str, int], ...]  # (table, rows) of this year's return
    set_aside: tuple[Finding, ...] = ()  # the validator's own known defects, not the data's

    @property
    def children(self) -> int:
        return dict(self.rows).get("Header", 0)


@requires("export")
def check_903(uow_factory: UowFactory, year: int, today: date,
              local_authority: str | None = None,
              progress: Progress | None = None) -> CheckResult:
    """Run the DfE rules on ``year``'s export (with the year before's for cross-year rules).

    ``local_authority`` is the ONS code the rules take as this authority's; by default the
    settings' ``authority_code``.
    """
    progress = progress or silent
    check_year(year, today)
    if year not in RULE_YEARS:
        raise ExportYearError(f"the DfE validator has rules for {year_text(RULE_YEARS[0])} to "
                              f"{year_text(RULE_YEARS[-1])}, not {year_text(year)}")
    python = require_python()
    progress(0, 3, "Reading the children's records ...")
    with uow_factory() as uow:
        histories = uow.histories()
        local_authority = local_authority or uow.settings().authority_code
    this_year = return_rows(histories, year)
    if not this_year["Header"]:
        raise ExportYearError(f"the tracker holds no child looked after in {year_text(year)}: "
                              "there is no return to check; import or record that year first")
    if not local_authority:
        raise ExportYearError(NO_CODE)
    last_year = return_rows(histories, year - 1, sex_year=year) if year - 1 >= FIRST_YEAR else {}
    if not last_year.get("Header"):
        last_year = {}  # nothing held for the year before: the cross-year rules have no data
    progress(1, 3, f"Running the DfE rules on the {year_text(year)} return ...")
    with tempfile.TemporaryDirectory(prefix="903-return-") as work:
        this_files = write_tables(Path(work) / str(year), this_year)
        last_files = write_tables(Path(work) / str(year - 1), last_year) if last_year else []
        result = run_rules(python, year, this_files, last_files, local_authority)
    progress(2, 3, "Reading the findings ...")
    everything = sorted((_finding(f) for f in result["findings"]),
                        key=lambda f: (f.previous_year, f.child, f.rule, f.table, f.row))
    tables = {False: this_year, True: last_year}
    known = tuple(f for f in everything if validator_defect(f, year, tables[f.previous_year]))
    findings = tuple(f for f in everything if f not in known)
    progress(3, 3, "Done")
    return CheckResult(year, findings, tuple(result.get("failed_rules", ())),
                       tuple((t, len(rows)) for t, rows in this_year.items()), known)


# Known defects of csc-validator-be-903 0.1.17 that report correct data: (rule, the ruleset's
# collection year, table, column, value). The 2024-25 rule 146 lists supported accommodation
# as "k3" while the validator capitalises the data it reads, so it rejects every K3 (valid
# from 28 October 2023, DfE 903 guidance 2023-24 onwards); the 2025-26 rule has "K3".
VALIDATOR_DEFECTS = (("146", 2025, "Episodes", "PLACE", "K3"),)
VALIDATOR_DEFECT_NOTE = ("the 2024-25 rule 146 of csc-validator-be-903 rejects every K3 "
                         "placement (its list has 'k3'); K3 is valid from 28/10/2023")


def validator_defect(finding: Finding, year: int, tables: dict[str, list[dict[str, str]]]
                     ) -> bool:
    """Whether ``finding`` is one of :data:`VALIDATOR_DEFECTS` on the row it names."""
    rows = tables.get(finding.table, [])
    index = finding.row - 2  # the header is row 1
    if not 0 <= index < len(rows):
        return False
    return any(finding.rule == rule and year == rule_year and finding.table == table
               and rows[index].get(column) == value
               for rule, rule_year, table, column, value in VALIDATOR_DEFECTS)


def _finding(raw: RawFinding) -> Finding:
    table = raw["table"]
    previous = table.endswith("_last")
    return Finding(raw["child"], table.removesuffix("_last"), int(raw["row"]), raw["rule"],
                   raw["message"].strip(), tuple(raw.get("fields", ())), previous)

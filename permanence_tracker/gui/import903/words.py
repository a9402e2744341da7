"""Words of the 903 import dialog: what to do next after the shared report, and what an import
wrote (the status bar's message)."""

from __future__ import annotations

from permanence_tracker.domain.words import plural
from permanence_tracker.services.imports.ssda903.service import ImportResult
from permanence_tracker.text.import903_report import Advice

GUI_ADVICE = Advice(
    "Nothing was written: fix the rows above and check again, or choose \"Import only the "
    "valid rows\" to import the rest and save the rejected rows to a CSV.",
    "\"Import only the valid rows\" saves them all to a CSV")
REJECTS_NAME = "903-rejected-rows.csv"


def written_words(result: ImportResult) -> str:
    """"903 import written: 3 children inserted, 2 updated": what the import changed."""
    inserted = sum(c["inserted"] for c in result.plan.counts.values())
    updated = sum(c["updated"] for c in result.plan.counts.values())
    return (f"903 import written: {plural(inserted, 'record')} inserted, {updated:,} updated"
            + (f", {plural(result.rejected_rows, 'row')} rejected" if result.rejections
               else ""))

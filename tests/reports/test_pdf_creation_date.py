"""A real report carries the real creation time in its PDF metadata; byte-for-byte repeatable
PDFs (reportlab's invariant mode, creation date 01/01/2000) are for tests only (issue 10 §10)."""

from __future__ import annotations

import re
from datetime import date, datetime

from report_helpers import GENERATED

from permanence_tracker.domain.entities import Settings
from permanence_tracker.reports.base import INVARIANT_ENV, ReportMeta, build_pdf
from permanence_tracker.reports.text import para

META = ReportMeta.from_settings(Settings(authority_name="Northshire"), date(2026, 3, 31),
                                GENERATED)


def _render() -> bytes:
    return build_pdf("Creation date", META, [para("A line of text.")])


def _creation_date(pdf: bytes) -> date:
    found = re.search(rb"/CreationDate \(D:(\d{8})", pdf)
    assert found, "the PDF has no /CreationDate"
    return datetime.strptime(found.group(1).decode(), "%Y%m%d").date()


def test_a_real_report_is_dated_when_it_was_made(monkeypatch):
    monkeypatch.delenv(INVARIANT_ENV, raising=False)
    before = date.today()
    made = _creation_date(_render())
    assert before <= made <= date.today()  # today, even across midnight
    assert made != date(2000, 1, 1)


def test_mode_off_with_zero(monkeypatch):
    monkeypatch.setenv(INVARIANT_ENV, "0")
    assert _creation_date(_render()) >= date(2026, 1, 1)


def test_invariant_mode_gives_identical_bytes(monkeypatch):
    monkeypatch.setenv(INVARIANT_ENV, "1")
    first, second = _render(), _render()
    assert first == second
    assert _creation_date(first) == date(2000, 1, 1)

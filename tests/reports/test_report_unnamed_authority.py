"""A new tracker's reports are nobody else's (issue 10): until the authority is named in
Settings, the heading says it is not named instead of another authority's name."""

from __future__ import annotations

from datetime import date, datetime

from permanence_tracker.domain.entities import Settings
from permanence_tracker.reports.base import ReportMeta


def test_an_unnamed_authority_is_headed_as_not_named():
    meta = ReportMeta.from_settings(Settings(), date(2026, 3, 31), datetime(2026, 4, 1, 9, 30))
    assert meta.authority == "Authority not named (see Settings)"
    assert "Demo" not in meta.authority and not meta.demo


def test_a_named_authority_heads_its_reports():
    named = Settings(authority_name="  Northbridge Borough Council ")
    meta = ReportMeta.from_settings(named, date(2026, 3, 31), datetime(2026, 4, 1, 9, 30))
    assert meta.authority == "Northbridge Borough Council"

"""A report request that cannot be met: the service names the field in neutral words, and each
edge says it its own way (the CLI's flag, the Reports dialog's label)."""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.cli.reports import in_cli_words
from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.services.reporting.inputs import (
    ReportRequest,
    check_request,
    missing_inputs,
)

AS_OF = date(2026, 3, 31)


def _problems(request: ReportRequest) -> tuple[Problem, ...]:
    with pytest.raises(ValidationError) as raised:
        check_request(request)
    return raised.value.problems


@pytest.mark.parametrize("request_, problem", [
    (ReportRequest("review-prep", AS_OF), Problem("child", "the review-prep report needs a child")),
    (ReportRequest("outcome-sheet", AS_OF, child_id="C1"),
     Problem("panel", "the outcome-sheet report needs a panel")),
    (ReportRequest("cohort", AS_OF, date(2026, 4, 1)),
     Problem("from", "01/04/2026 is after the as-of date 31/03/2026: give a start on or "
                     "before it")),
])
def test_the_service_names_the_field_without_front_end_words(request_, problem):
    assert _problems(request_) == (problem,)
    assert "--" not in problem.message


def test_missing_inputs():
    assert missing_inputs(ReportRequest("review-prep", AS_OF)) == ("child",)
    assert missing_inputs(ReportRequest("outcome-sheet", AS_OF, panel_id=3)) == ()
    assert missing_inputs(ReportRequest("nope", AS_OF)) == ()
    check_request(ReportRequest("panel-summary", AS_OF, panel_id=3))  # nothing missing


@pytest.mark.parametrize("request_, said", [
    (ReportRequest("review-prep", AS_OF), "report: the review-prep report needs --child ID"),
    (ReportRequest("panel-summary", AS_OF), "report: the panel-summary report needs --panel ID"),
    (ReportRequest("cohort", AS_OF, date(2026, 4, 1)),
     "from: --from 01/04/2026 is after the as-of date 31/03/2026: give a start on or before it"),
    (ReportRequest("nope", AS_OF), "report: no report called 'nope': choose one of caseloads, "
     "outcome-sheet, panel-summary, panel-figures, cohort, review-prep"),
])
def test_the_command_line_says_its_flags(request_, said):
    with pytest.raises(ValidationError) as raised:
        check_request(request_)
    assert str(in_cli_words(request_, raised.value)) == said


def test_the_reports_dialog_says_its_labels():
    from permanence_tracker.gui.reports_dialog import said

    [problem] = _problems(ReportRequest("panel-figures", AS_OF, date(2026, 4, 1)))
    assert said(problem) == ("Period from 01/04/2026 is after the as-of date 31/03/2026: give a "
                             "start on or before it")
    assert said(Problem("report", "no report called 'x'")) == "no report called 'x'"

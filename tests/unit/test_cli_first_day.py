"""Issue 10 item 9, the command line without a database: a future ``--as-of`` warns on every
command that takes one, ``summary`` defaults to today, ``child add --help`` explains each
option, and the help says what a missing ``--sex`` records. (On a real tracker:
tests/integration/test_cli_init.py.)"""

from __future__ import annotations

import argparse
from datetime import date

import pytest

from permanence_tracker.cli import clock, entry

TODAY = date(2026, 3, 31)
WARNING = "warning: --as-of 01/01/2030 is in the future: figures are as recorded today\n"
# Every command that takes --as-of, with the rest of the arguments it needs.
AS_OF_COMMANDS = [
    ["summary"],
    ["demo"],
    ["panel", "list"],
    ["report", "cohort", "--out", "x.pdf"],
]


def _subparser(parser: argparse.ArgumentParser, *names: str) -> argparse.ArgumentParser:
    for name in names:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[name]
    return parser


def _commands_taking(option: str, parser=None, path=()):
    """Every (sub)command path whose parser has ``option``."""
    parser = parser or entry.build_parser()
    for action in parser._actions:
        if option in action.option_strings:
            yield path
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _commands_taking(option, child, (*path, name))


def test_the_list_of_as_of_commands_is_complete():
    assert sorted(_commands_taking("--as-of")) == sorted(
        tuple(c[: 2 if c[0] == "panel" else 1]) for c in AS_OF_COMMANDS)


@pytest.mark.parametrize("command", AS_OF_COMMANDS, ids=lambda c: c[0])
def test_a_future_as_of_warns_on_every_command(command, monkeypatch, capsys):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    future = entry.build_parser().parse_args([*command, "--as-of", "2030-01-01"])
    entry.warn_future_as_of(future)
    assert capsys.readouterr().err == WARNING
    for day in ("2026-03-31", "2020-01-01"):  # today and the past: no warning
        entry.warn_future_as_of(entry.build_parser().parse_args([*command, "--as-of", day]))
    entry.warn_future_as_of(entry.build_parser().parse_args(command))  # not given
    assert capsys.readouterr().err == ""


def test_summary_needs_no_as_of_and_says_it_defaults_to_today(capsys):
    assert entry.build_parser().parse_args(["summary"]).as_of is None
    with pytest.raises(SystemExit):
        entry.build_parser().parse_args(["summary", "--help"])
    assert "the date the figures describe (default: today)" in " ".join(
        capsys.readouterr().out.split())


def test_every_child_add_option_has_help():
    parser = _subparser(entry.build_parser(), "child", "add")
    unexplained = [a.option_strings or a.dest for a in parser._actions if not a.help]
    assert unexplained == []
    assert len(parser._actions) == 13  # -h, child_id, --dob, 9 text options, --sex


def test_child_add_help_says_a_missing_sex_is_recorded_as_not_known(capsys):
    with pytest.raises(SystemExit):
        entry.build_parser().parse_args(["child", "add", "--help"])
    assert "Not given: recorded as not known (U)" in " ".join(capsys.readouterr().out.split())


def test_only_init_demo_and_import_may_create_a_tracker():
    commands = [["init"], ["demo"], ["import-903", "x"], ["summary"], ["panel", "list"],
                ["child", "add", "C1", "--dob", "2015-01-01"], ["settings"],
                ["report", "cohort", "--out", "x.pdf"], ["export-903", "--year", "2026",
                                                         "--out", "x"]]
    parser = entry.build_parser()
    creating = {c[0] for c in commands if getattr(parser.parse_args(c), "creates", False)}
    assert creating == {"init", "demo", "import-903"}

"""Finding, running and installing the DfE 903 validator (``csc-validator-be-903``).

The validator pins pandas<2, so it lives in a virtual environment of its own
(:func:`permanence_tracker.paths.validator_python`) and runs in a child process: this module
starts :mod:`.validator_runner` as a plain script with that python and reads back its JSON.
``install_validator`` makes the user-data venv with pip, for installs from a wheel.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import venv
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypedDict

from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.files import write_whole
from permanence_tracker.paths import (
    VALIDATOR_ENV,
    VALIDATOR_PACKAGE,
    validator_python,
    validator_venv,
)

RUNNER = Path(__file__).with_name("validator_runner.py")
TIMEOUT_SECONDS = 900


class RawFinding(TypedDict):
    """One finding as :mod:`.validator_runner` writes it (JSON)."""

    child: str
    table: str  # "<table>" for this year's files, "<table>_last" for the year before's
    row: int
    rule: str
    message: str
    fields: list[str]


class RunnerResult(TypedDict):
    """What :mod:`.validator_runner` writes back (JSON)."""

    ruleset: str
    findings: list[RawFinding]
    failed_rules: list[str]


class ValidatorMissingError(TrackerError):
    """The validator is not installed: say how to install it."""


class ValidatorFailedError(TrackerError):
    """The validator ran but failed (its own error output is in the message)."""


def install_hint() -> str:
    return ("the DfE 903 validator (csc-validator-be-903) is not installed. Install it with "
            "`permanence-tracker validator install` (a virtual environment of its own in your "
            "user data folder; needs internet access to PyPI), or point "
            f"{VALIDATOR_ENV} at a python that has {VALIDATOR_PACKAGE} installed")


def require_python() -> Path:
    python = validator_python()
    if python is None:
        raise ValidatorMissingError(install_hint())
    return python


def run_rules(python: Path, year: int, this_year: Sequence[Path], prev_year: Sequence[Path],
              local_authority: str) -> RunnerResult:
    """The runner's result for the files of ``year`` and of the year before."""
    with tempfile.TemporaryDirectory(prefix="903-check-") as work:
        request, result = Path(work) / "request.json", Path(work) / "result.json"
        asked = json.dumps({
            "collection_year": str(year), "local_authority": local_authority,
            "this_year": [str(p) for p in this_year],
            "prev_year": [str(p) for p in prev_year]}).encode("utf-8")
        write_whole(request, lambda out: out.write(asked))  # 0600, as every file written
        try:
            done = subprocess.run([str(python), str(RUNNER), str(request), str(result)],
                                  capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ValidatorFailedError(f"cannot run the 903 validator ({python}): {exc}"
                                       ) from exc
        if done.returncode != 0 or not result.is_file():
            tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-8:])
            if "No module named 'lac_validator'" in tail:
                raise ValidatorMissingError(f"{python} has no lac_validator: " + install_hint())
            raise ValidatorFailedError(f"the 903 validator failed (exit {done.returncode}):\n"
                                       f"{tail}")
        written: RunnerResult = json.loads(result.read_text(encoding="utf-8"))
        return written


def install_validator(target: Path | None = None, log: Callable[[str], None] = print
                      ) -> Path:
    """Create a venv at ``target`` (default: the user data folder) and pip-install the
    validator into it; the venv's python. Raises :class:`ValidatorFailedError` on failure."""
    target = target or validator_venv()
    log(f"Creating a virtual environment for the 903 validator in {target} ...")
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(target)
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ValidatorFailedError(f"cannot create {target}: {exc}") from exc
    python = target / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    log(f"Installing {VALIDATOR_PACKAGE} (a few minutes) ...")
    done = subprocess.run([str(python), "-m", "pip", "install", "-q",
                           "--disable-pip-version-check", VALIDATOR_PACKAGE],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise ValidatorFailedError(f"pip could not install {VALIDATOR_PACKAGE}:\n{tail}")
    log(f"Installed: {python}")
    return python

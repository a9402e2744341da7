"""SSDA903 export and check: the DfE return written back out of the tracker, and the DfE's own
validation rules (``csc-validator-be-903``) run on it.

:mod:`.layout` names the DfE files and columns; :mod:`.rows` picks each year's rows from the
children's histories; :mod:`.writer` writes the CSV files all or nothing; :mod:`.service` is the
export use case; :mod:`.validator` finds and runs the validator in its own venv (through the
plain script :mod:`.validator_runner`) and installs it; :mod:`.check` is the check use case;
The commands ``export-903``, ``check-903`` and ``validator`` are in ``cli/export903.py``.
"""

"""SSDA903 import: read a local authority's 903 CSV returns (one or several collection years)
into the tracker, validating every row first.

Flow: :mod:`.reader` finds the CSV files and recognises each table by its column set;
:mod:`.parse` turns rows into facts (field values keyed like the stored records) or problems;
:mod:`.checks` adds the cross-row checks (unknown children, overlapping episodes) and the
cascades that keep a child's records whole; :mod:`.merge` folds the facts of several years
and compares them with the database; :mod:`.service` writes it all in one unit of work;
:mod:`.rejects` writes the rejected rows to a CSV. The report people read is made at the
edge (``text/import903_report.py``, shown by the CLI and the app).
"""

from permanence_tracker.services.imports.ssda903.service import ImportResult, import_903

__all__ = ["ImportResult", "import_903"]

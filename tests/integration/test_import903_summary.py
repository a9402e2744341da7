"""End to end: import the synthetic two-year return, then check ``summary --json`` by hand.

Working, as of 31/03/2026 (review rules: Care Planning Regs 2010 reg 33; working days skip
weekends and English bank holidays):
- C001 C2 from Mon 03/06/2024, open. Reviews 20/06/2024 (1st due 01/07/2024), 19/09/2024
  (2nd due 20/09), 10/03/2025 (3rd due 19/03/2025), 05/09/2025 (4th due 10/09/2025);
  5th due 05/09/2025 + 6 months = 05/03/2026: overdue.
- C002 V2 from Mon 06/01/2025, X1 on 02/06/2025 into C1 (same period). 1st due 03/02/2025
  (held 30/01), 2nd due 30/04/2025 (held 28/04), 3rd due 28/10/2025 (held 20/10);
  4th due 20/04/2026.
- C003 left care 01/08/2025 (E4A): not looked after.
- C004 C1 from Mon 16/03/2026, no review yet: 1st due 20 working days later, skipping Good
  Friday 03/04 and Easter Monday 06/04/2026 = 15/04/2026.
- C005 V2 from Mon 01/09/2025: 1st due 29/09/2025 (held 25/09), 2nd due 25/12/2025
  (held 19/12); 3rd due 19/06/2026.
- C006 C1 01/07/2024 -> C2 01/10/2024 -> E1 01/05/2025, one period. 1st due 29/07/2024
  (held 25/07), 2nd due 25/10/2024 (held 20/10), 3rd due 20/04/2025 (held 10/04), 4th due
  10/10/2025 (held 08/10); 5th due 08/04/2026.
- C007 V2 from Mon 03/11/2025: 1st due 01/12/2025 (held 28/11), 2nd due 28/02/2026
  (held 27/02); 3rd due 27/08/2026.
Looked after: C001, C002, C004, C005, C006, C007 = 6; by legal status C1 2 (C002, C004),
C2 1 (C001), E1 1 (C006), V2 2 (C005, C007).
"""

from __future__ import annotations

import json
from pathlib import Path

from permanence_tracker import cli

DATA = Path(__file__).parents[1] / "data" / "903"


def _due(child_id, number, due, overdue=False):
    return {"child_id": child_id, "review_number": number, "due": due, "overdue": overdue}


def test_summary_after_importing_a_small_return(context, capsys):
    assert cli.main(["--db", context.url, "import-903", str(DATA)]) == 0
    capsys.readouterr()
    assert cli.main(["--db", context.url, "summary", "--as-of", "2026-03-31", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["looked_after"] == 6
    assert figures["by_legal_status"] == {"C1": 2, "C2": 1, "E1": 1, "V2": 2}
    assert figures["reviews_due"] == [
        _due("C001", 5, "2026-03-05", overdue=True),
        _due("C002", 4, "2026-04-20"),
        _due("C004", 1, "2026-04-15"),
        _due("C005", 3, "2026-06-19"),
        _due("C006", 5, "2026-04-08"),
        _due("C007", 3, "2026-08-27"),
    ]

"""docs/security.md backs each answer with the tests that prove it: every test file it names
must exist, so the page cannot go on citing a test that was renamed or removed."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "security.md"


def cited_tests() -> list[str]:
    return re.findall(r"`(tests/[\w/*.]+\.py)`", DOC.read_text(encoding="utf-8"))


def test_security_doc_cites_tests():
    assert len(cited_tests()) >= 10


def test_every_test_the_security_doc_cites_exists():
    missing = [path for path in cited_tests() if not list(ROOT.glob(path))]
    assert not missing, f"docs/security.md cites tests that do not exist: {missing}"

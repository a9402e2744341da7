"""The page chrome, long tables, embedded fonts and the layer rule of the reports package."""

from __future__ import annotations

import ast
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from report_helpers import GENERATED, check_chrome, pages, pdf_text, squash

import permanence_tracker.reports as reports_package
from permanence_tracker.domain.entities import Settings
from permanence_tracker.reports.base import ReportMeta, build_pdf
from permanence_tracker.reports.tables import RowTable, table
from permanence_tracker.reports.text import para

AS_OF = date(2026, 3, 31)


def _meta(**settings) -> ReportMeta:
    return ReportMeta.from_settings(Settings(**settings), AS_OF, GENERATED)


def test_marking_from_the_settings_top_and_bottom_of_every_page(tmp_path):
    meta = _meta(authority_name="Northshire", protective_marking="OFFICIAL")
    rows = [[f"R{n:03d}", f"row {n}"] for n in range(150)]
    pdf = build_pdf("Long list", meta, [RowTable(["ID", "Text"], rows, [60, 200])])
    text = pdf_text(pdf, tmp_path)
    assert len(pages(text)) == 3  # about 60 rows a page
    check_chrome(text, "Long list", authority="Northshire", marking="OFFICIAL")


def test_blank_marking_falls_back_to_official_sensitive():
    assert _meta(protective_marking="  ").marking == "OFFICIAL-SENSITIVE"


def test_demo_data_says_so_on_every_page(tmp_path):
    pdf = build_pdf("Demo", _meta(demo=True), [para("x")])
    assert "DEMO — synthetic data" in pdf_text(pdf, tmp_path)


def test_long_tables_repeat_their_header_on_every_page(tmp_path):
    rows = [[f"R{n:03d}", "text"] for n in range(150)]
    story = [RowTable(["Fast ID", "Text"], rows, [60, 200]),
             table(["Wrapped ID", "Text"], rows, [60, 200])]
    found = pages(pdf_text(build_pdf("Tables", _meta(), story), tmp_path))
    fast = [p for p in found if "Fast ID" in p]
    wrapped = [p for p in found if "Wrapped ID" in p]
    assert len(fast) >= 3 and len(wrapped) >= 3
    everything = squash(" ".join(found))
    for n in (0, 74, 149):  # every row printed, once in each table
        assert everything.count(f"R{n:03d} text") == 2


def test_text_too_long_for_its_column_is_cut_with_an_ellipsis(tmp_path):
    rows = [["Permanence Plan actively progressing and being monitored"]]
    text = pdf_text(build_pdf("Cut", _meta(), [RowTable(["Outcome"], rows, [80])]), tmp_path)
    # 80 points less 2 x 2.5 padding holds "Permanence Pla" and the ellipsis at 8 points
    assert "Permanence Pla…" in text
    assert "actively" not in text


def test_record_text_is_not_read_as_markup(tmp_path):
    pdf = build_pdf("Escape", _meta(), [para("Carers <Smith> & Jones"),
                                        table(["A"], [["<b>x</b> & y"]], [200])])
    text = pdf_text(pdf, tmp_path)
    assert "Carers <Smith> & Jones" in text and "<b>x</b> & y" in text


def test_fonts_are_embedded_dejavu(tmp_path):
    if shutil.which("pdffonts") is None:
        pytest.fail("pdffonts is missing: install poppler-utils")
    source = tmp_path / "f.pdf"
    source.write_bytes(build_pdf("Fonts", _meta(), [para("Łukasz Ağa café")]))
    listing = subprocess.run(["pdffonts", str(source)], capture_output=True, text=True,
                             check=True).stdout
    fonts = [line for line in listing.splitlines()[2:] if line.strip()]
    assert fonts and all("DejaVuSans" in line for line in fonts)
    assert all(" yes " in line.split("DejaVuSans", 1)[1] for line in fonts)  # emb column
    assert "Łukasz Ağa café" in pdf_text(source.read_bytes(), tmp_path)


def _runtime_imports(path: Path) -> set[str]:
    """Modules imported outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text())
    skipped = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
               and getattr(block.test, "id", "") == "TYPE_CHECKING"
               for node in ast.walk(block)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_reports_lay_out_rows_and_never_reach_the_database_or_qt():
    folder = Path(reports_package.__file__).parent
    for module in folder.glob("*.py"):
        for name in _runtime_imports(module):
            assert not name.startswith(("sqlalchemy", "PySide6", "permanence_tracker.services",
                                        "permanence_tracker.persistence",
                                        "permanence_tracker.gui")), f"{module.name}: {name}"

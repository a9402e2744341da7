"""Layer rules, checked by parsing every module of the package with :mod:`ast`.

Only ``gui/`` may import Qt, only ``persistence/`` SQLAlchemy and Alembic, only ``reports/``
reportlab; ``domain/`` is pure (no other layer, no clock); ``services/`` never reach into the
GUI; every module says what lives in it and stays small. The door (front ends come in through
the services only) is checked in ``test_door.py`` with the loader and helpers of this module. A
failure lists ``file:line`` of each offence so it can be fixed where it is.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "permanence_tracker"
MAX_LINES = 600


def _generated(path: Path) -> bool:
    """Forms compiled from ui/*.ui by scripts/build_ui: not written by hand."""
    return path.parent.name == "forms" and path.name.startswith("ui_")


@dataclass(frozen=True)
class Module:
    path: Path
    name: str  # dotted, e.g. permanence_tracker.gui.main
    tree: ast.Module
    lines: int

    @property
    def where(self) -> str:
        return str(self.path.relative_to(PACKAGE.parent))

    @property
    def layer(self) -> str:
        """``gui``, ``domain`` ... for modules in a sub-package; the module name at the top."""
        return self.name.split(".")[1] if "." in self.name else ""


def _load(path: Path) -> Module:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    text = path.read_text(encoding="utf-8")
    return Module(path, ".".join(parts), ast.parse(text, filename=str(path)),
                  len(text.splitlines()))


MODULES = [_load(p) for p in sorted(PACKAGE.rglob("*.py"))]
HAND_WRITTEN = [m for m in MODULES if not _generated(m.path)]


def from_module(module: Module, node: ast.ImportFrom) -> str:
    """The absolute dotted name of the module ``from ... import`` reads in ``module``."""
    if not node.level:
        return node.module or ""
    package = module.name if module.path.name == "__init__.py" else module.name.rpartition(".")[0]
    base = package.split(".")
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: Module) -> list[tuple[int, str]]:
    """(line, dotted name) of every import, at any depth; relative ones made absolute."""
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            prefix = from_module(module, node)
            found.append((node.lineno, prefix))
            # `from permanence_tracker import gui` imports the sub-package gui too.
            found += [(node.lineno, f"{prefix}.{alias.name}") for alias in node.names]
    return found


def within(name: str, top: str) -> bool:
    return name == top or name.startswith(top + ".")


def offences(rule) -> list[str]:
    """Run ``rule(module) -> [(line, what)]`` over the hand-written modules."""
    return [f"{m.where}:{line}: {what}" for m in HAND_WRITTEN for line, what in rule(m)]


def check(rule) -> None:
    """Fail listing every offence, one ``file:line: what`` per line."""
    found = offences(rule)
    assert not found, f"{len(found)} offence(s):\n" + "\n".join(found)


def _third_party_rule(libraries: tuple[str, ...], layer: str):
    def rule(module: Module):
        if module.layer == layer:
            return []
        return [(line, f"imports {name} (only {layer}/ may)") for line, name in imports(module)
                if any(within(name, lib) for lib in libraries)]
    return rule


@pytest.mark.parametrize(("libraries", "layer"), [
    (("PySide6", "shiboken6"), "gui"),
    (("sqlalchemy", "alembic"), "persistence"),
    (("reportlab",), "reports"),
], ids=["qt-only-in-gui", "sqlalchemy-only-in-persistence", "reportlab-only-in-reports"])
def test_third_party_libraries_stay_in_their_layer(libraries, layer):
    check(_third_party_rule(libraries, layer))


def _layer_imports(module: Module, forbidden: tuple[str, ...]):
    return [(line, f"imports {name}") for line, name in imports(module)
            if any(within(name, f"permanence_tracker.{layer}") for layer in forbidden)]


def test_domain_imports_no_other_layer():
    forbidden = ("services", "persistence", "gui", "reports", "app", "cli")

    def rule(module: Module):
        return _layer_imports(module, forbidden) if module.layer == "domain" else []
    check(rule)


def test_services_do_not_import_the_gui():
    def rule(module: Module):
        return _layer_imports(module, ("gui",)) if module.layer == "services" else []
    check(rule)


def test_shared_text_imports_only_services_and_domain():
    """``text/`` holds words both front ends show (the 903 import report): made from what
    services return, so it reaches neither front end, nor persistence, reports or app.py."""
    def rule(module: Module):
        if module.layer != "text":
            return []
        return _layer_imports(module, ("gui", "cli", "persistence", "reports", "app"))
    check(rule)


def test_persistence_does_not_import_the_layers_above_it():
    def rule(module: Module):
        if module.layer != "persistence":
            return []
        return _layer_imports(module, ("services", "gui", "reports", "app", "cli"))
    check(rule)


CLOCK_CALLS = {("date", "today"), ("datetime", "today"), ("datetime", "now"),
               ("datetime", "utcnow"), ("time", "time")}


def clock_calls(module: Module) -> list[tuple[int, str]]:
    """Calls such as ``date.today()``, ``datetime.now()``, ``datetime.datetime.now()``."""
    found = []
    for node in ast.walk(module.tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        owner_name = owner.id if isinstance(owner, ast.Name) else \
            owner.attr if isinstance(owner, ast.Attribute) else None
        if (owner_name, node.func.attr) in CLOCK_CALLS:
            found.append((node.lineno, f"calls {owner_name}.{node.func.attr}(): pass as_of in"))
    return found


def test_domain_never_reads_the_clock():
    check(lambda m: clock_calls(m) if m.layer == "domain" else [])


def test_every_module_has_a_docstring():
    check(lambda m: [] if ast.get_docstring(m.tree) else
                    [(1, "has no module docstring saying what lives here")])


def test_no_module_is_over_600_lines():
    check(lambda m: [(m.lines, f"{m.lines} lines: split it")]
                    if m.lines > MAX_LINES else [])


# -- the checks themselves: each catches what it is meant to --------------------------------
def fake_module(source: str, name: str = "permanence_tracker.domain.fake") -> Module:
    path = PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")
    return Module(path, name, ast.parse(source), len(source.splitlines()))


def test_the_checks_see_what_they_should():
    assert len(HAND_WRITTEN) > 50 and any(m.layer == "gui" for m in HAND_WRITTEN)
    domain = fake_module("from ..services import summary\nimport datetime\n\n"
                   "def f():\n    from PySide6.QtCore import Qt\n"
                   "    return datetime.date.today(), date.today(), x.now()\n")
    assert imports(domain) == [(1, "permanence_tracker.services"),
                               (1, "permanence_tracker.services.summary"), (2, "datetime"),
                               (5, "PySide6.QtCore"), (5, "PySide6.QtCore.Qt")]
    assert [line for line, _ in _layer_imports(domain, ("services",))] == [1, 1]
    assert _third_party_rule(("PySide6",), "gui")(domain) == [
        (5, "imports PySide6.QtCore (only gui/ may)"),
        (5, "imports PySide6.QtCore.Qt (only gui/ may)")]
    assert [line for line, _ in clock_calls(domain)] == [6, 6]
    package_init = fake_module("from . import tables\n", "permanence_tracker.persistence")
    package_init = Module(PACKAGE / "persistence" / "__init__.py", package_init.name,
                          package_init.tree, 1)
    assert imports(package_init) == [(1, "permanence_tracker.persistence"),
                                     (1, "permanence_tracker.persistence.tables")]

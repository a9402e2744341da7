"""The door, checked with :mod:`ast`: ``gui/``, ``cli/`` and ``reports/`` reach stored data only
by handing the unit-of-work factory they hold to a service function.

What a module of those layers may not do (each failure is one ``file:line: what``):

- import ``persistence/``, or from ``services/unit_of_work.py`` anything but the type name
  ``UowFactory``; nor reach them by a dotted path (``permanence_tracker.persistence.engine``)
  or by a module name in a string (``importlib.import_module("permanence_tracker.persistence")``);
- take from the composition root (``app.py``) anything but what it offers front ends,
  :data:`APP_OFFERS` (``reports/`` nothing): not ``app.engines``, not ``app.uow_factory``;
- touch a repository (``.repo``, ``getattr(x, "repo")``), enter or leave a unit of work by hand
  (``__enter__``, ``__exit__``) or reach the database engine (``.engine``);
- call a unit-of-work factory (:func:`door_offences`), nor use a unit of work it got anyway.

Passing the factory on to a service (``records.add_child(session.uow, child)``) is the door
itself and stays allowed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pytest
from test_layers import HAND_WRITTEN, MODULES, Module, check, fake_module, from_module, within

PERSISTENCE = "permanence_tracker.persistence"
UNIT_OF_WORK = "permanence_tracker.services.unit_of_work"
APP = "permanence_tracker.app"
UOW_TYPES = frozenset({f"{UNIT_OF_WORK}.UowFactory"})  # the one name a front end may take
# What app.py offers front ends: opening the context (gui/main.py, cli/entry.py) and its refusal
# of a database with no tracker (cli/entry.py), its type
# (gui/session.py), what the welcome screen needs to choose a database (gui/main.py), and a
# URL without its password to remember (gui/trackers.py), and removing a tracker a failed
# command created (cli/entry.py). Nothing that builds an engine or a unit of work.
APP_OFFERS = frozenset({"Context", "open_context", "NoTrackerError", "data_dir", "default_url",
                        "env_database", "database_exists", "shown_url", "url_without_password",
                        "discard_created",
                        # encryption (issue 12): the passphrase's errors, whether a file is
                        # encrypted, and converting or re-keying a tracker file
                        "PassphraseError", "WrongPassphrase", "is_encrypted",
                        "encrypt_tracker", "decrypt_tracker", "change_passphrase",
                        # backups (issue 12): a tracker's backups without opening it (restore)
                        # and the local time they are named by
                        "backups_at", "now_local",
                        # who acts on a tracker file restore (or re-keying) does not open
                        "acting_on_file",
                        # migrate-to (issue 12): the copy of the open tracker to a server
                        "tracker_copy",
                        # migrate (issue 12): the owner brings a server's tracker up to date
                        "migrate_tracker"})
OFFERS = {"gui": APP_OFFERS, "cli": APP_OFFERS, "reports": frozenset(),
          "text": frozenset()}  # text/: words the front ends share (import903_report.py)

# Attributes no front end reads, whatever it holds: why, per attribute.
FORBIDDEN_ATTRIBUTES = {"repo": "touches a repository", "__enter__": "enters a unit of work",
                        "__exit__": "leaves a unit of work", "engine": "reaches the database"}
GETATTR = frozenset({"getattr", "hasattr", "setattr", "delattr", "attrgetter", "methodcaller"})

# A unit-of-work factory or a unit of work by name: uow, uow_factory, make_uow, self.uow ...
_UOW = re.compile(r"(?:^|_)uow(?:_|$)")
_DOTTED = re.compile(r"[A-Za-z_][\w.]*")


def _protocol_members(name: str) -> frozenset[str]:
    """The methods and properties of a Protocol in services/unit_of_work.py, read from its
    source so the list follows the Protocol."""
    module = next(m for m in MODULES if m.name == UNIT_OF_WORK)
    cls = next(n for n in module.tree.body if isinstance(n, ast.ClassDef) and n.name == name)
    return frozenset(n.name for n in cls.body if isinstance(n, ast.FunctionDef))


UNIT_MEMBERS = _protocol_members("UnitOfWork")  # repo, histories, settings, verify_audit ...
UNIT_USES = UNIT_MEMBERS - FORBIDDEN_ATTRIBUTES.keys()  # those flagged on a unit of work only


# -- what a module may import and name ----------------------------------------------------
def forbidden(path: str, offers: frozenset[str]) -> str | None:
    """Why a front end may not reach the dotted ``path``; None when it may."""
    if within(path, PERSISTENCE):
        return "persistence is for services: call a service"
    if within(path, UNIT_OF_WORK) and path not in UOW_TYPES:
        return "only the type UowFactory may be named: call a service"
    if within(path, APP) and path != APP and path[len(APP) + 1:].partition(".")[0] not in offers:
        return f"app.py offers front ends only {', '.join(sorted(offers)) or 'nothing'}"
    return None


@dataclass(frozen=True)
class Binding:
    line: int
    imported: str  # what the statement imports, dotted: a.b of `import a.b`
    name: str  # the name it binds here: a of `import a.b`, c of `from a import b as c`
    means: str  # what that name stands for: a of `import a.b`, a.b of `from a import b as c`


def bindings(module: Module) -> list[Binding]:
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.asname or alias.name.partition(".")[0]
                found.append(Binding(node.lineno, alias.name, name,
                                     alias.name if alias.asname else name))
        elif isinstance(node, ast.ImportFrom):
            base = from_module(module, node)
            found += [Binding(node.lineno, f"{base}.{a.name}", a.asname or a.name,
                              f"{base}.{a.name}") for a in node.names]
    return found


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _dotted(node: ast.expr) -> str | None:
    """``a.b.c`` of a chain of attributes on a name; None for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        owner = _dotted(node.value)
        return f"{owner}.{node.attr}" if owner else None
    return None


def _as_value(path: str) -> str | None:
    """The composition root as a whole (``vars(app)``) is no more allowed than its parts."""
    return "name what it offers" if path == APP else None


def reach_offences(module: Module, offers: frozenset[str]) -> list[tuple[int, str]]:
    """Imports of what :func:`forbidden` forbids; dotted paths that leave what their import
    allowed (``composition.engines``, ``permanence_tracker.persistence`` after ``import
    permanence_tracker.gui``); the composition root used as a value (``vars(composition)``); and
    module names in strings (``import_module``, ``sys.modules[...]``)."""
    found = []
    means = {}
    for binding in bindings(module):
        means[binding.name] = binding.means
        why = forbidden(binding.imported, offers)
        if why:
            found.append((binding.line, f"imports {binding.imported}: {why}"))
    parents = _parents(module.tree)
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                _DOTTED.fullmatch(node.value):
            why = forbidden(node.value, offers) or _as_value(node.value)  # f"...{x}" too
            if why:
                found.append((node.lineno, f"names {node.value}: {why}"))
        if not isinstance(node, ast.Name | ast.Attribute):
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.value is node:
            continue  # only the whole chain counts
        dotted = _dotted(node)
        head, _, rest = (dotted or "").partition(".")
        if head not in means:
            continue
        path = means[head] + (f".{rest}" if rest else "")
        why = forbidden(path, offers) or _as_value(path)
        if why and not forbidden(means[head], offers):  # else its import is the offence
            found.append((node.lineno, f"reaches {path}: {why}"))
    return found


@pytest.mark.parametrize("layer", ["gui", "cli", "reports", "text"])
def test_front_ends_and_reports_reach_no_persistence(layer):
    check(lambda m: reach_offences(m, OFFERS[layer]) if m.layer == layer else [])


# -- calling the factory and using a unit of work -----------------------------------------
def _name(node: ast.expr) -> str | None:
    """``f`` of ``f`` and of ``a.b.f``; None for anything else (a call's result, a subscript)."""
    return node.id if isinstance(node, ast.Name) else \
        node.attr if isinstance(node, ast.Attribute) else None


def _names(target: ast.expr) -> Iterator[str]:
    """The local names an assignment to ``target`` binds (``d`` of ``d[k] = ...`` too)."""
    for node in ast.walk(target):
        if isinstance(node, ast.Name):
            yield node.id


def _annotated(annotation: ast.expr | None, type_names: frozenset[str]) -> bool:
    """Whether an annotation names one of ``type_names``, as a name, attribute or string."""
    for node in ast.walk(annotation) if annotation is not None else ():
        if _name(node) in type_names or isinstance(node, ast.Constant) and \
                isinstance(node.value, str) and set(re.findall(r"\w+", node.value)) & type_names:
            return True
    return False


@dataclass
class Tracked:
    """Per function: the names whose value comes from a unit-of-work factory (the factory
    itself, an alias, a container, a partial or a lambda holding one) and the names bound to a
    unit of work; per module: attributes assigned a factory (``self.factory = session.uow``) and
    the names the types ``UowFactory`` and ``UnitOfWork`` are imported as."""

    factories: set[str] = field(default_factory=set)
    units: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    factory_types: frozenset[str] = frozenset({"UowFactory"})
    unit_types: frozenset[str] = frozenset({"UnitOfWork"})

    def inner(self) -> Tracked:
        """What a nested function or class starts from: what its closure tracks."""
        return replace(self, factories=set(self.factories), units=set(self.units))

    def factory(self, node: ast.AST) -> bool:
        """Whether ``node`` evaluates to a factory, or to something holding one."""
        match node:
            case ast.Name(id=name):
                return bool(_UOW.search(name)) or name in self.factories
            case ast.Attribute(value=value, attr=attr):
                return bool(_UOW.search(attr)) or attr in self.attributes or \
                    attr == "__call__" and self.factory(value)
            case ast.IfExp(body=body, orelse=orelse):
                return self.factory(body) or self.factory(orelse)
            case ast.BoolOp(values=values) | ast.Tuple(elts=values) | ast.List(elts=values) | \
                    ast.Set(elts=values) | ast.Dict(values=values):
                return any(self.factory(v) for v in values)
            case ast.NamedExpr(value=value) | ast.Starred(value=value) | \
                    ast.Subscript(value=value) | ast.Lambda(body=value):
                return self.factory(value)
            case ast.Call(func=func, args=[first, *_]) if _name(func) == "partial":
                return self.factory(first)
            case ast.Call(func=func, args=[_, ast.Constant(value=str(attr)), *_]) \
                    if _name(func) == "getattr":
                return bool(_UOW.search(attr)) or attr in self.attributes
        return False

    def opened(self, node: ast.AST) -> bool:
        """Whether ``node`` is a unit of work: a factory's call, or a unit entered."""
        match node:
            case ast.Call(func=ast.Attribute(value=ast.Name(id=name), attr="__enter__")):
                return name in self.units
            case ast.Call(func=func):
                return self.factory(func)
            case ast.Name(id=name):
                return name in self.units
        return False

    def bind(self, targets: list[ast.expr], value: ast.expr | None, in_class: bool) -> bool:
        """Track ``targets = value``; whether anything new was tracked."""
        before = len(self.factories) + len(self.units) + len(self.attributes)
        for target in targets:
            pairs = isinstance(target, ast.Tuple | ast.List) and \
                isinstance(value, ast.Tuple | ast.List) and len(target.elts) == len(value.elts)
            if pairs:  # a, b = f, x: pair them off
                for one, each in zip(target.elts, value.elts, strict=True):
                    self.bind([one], each, in_class)
            elif value is not None and self.factory(value):
                if isinstance(target, ast.Attribute) or in_class and isinstance(target, ast.Name):
                    self.attributes.add(_name(target) or "")
                else:
                    self.factories.update(_names(target))
            elif value is not None and self.opened(value):
                self.units.update(_names(target))
        return len(self.factories) + len(self.units) + len(self.attributes) > before


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def _own(scope: ast.AST) -> list[ast.AST]:
    """The nodes of a module, function, lambda or class outside the bodies nested in it (a
    nested function's defaults and decorators are evaluated here, so they are this scope's)."""
    body = scope.body if isinstance(scope.body, list) else [scope.body]  # a lambda's is one expr
    found, todo = [], list(body)
    while todo:
        node = todo.pop()
        found.append(node)
        for name, value in ast.iter_fields(node):
            if isinstance(node, _SCOPES) and name == "body":
                continue
            todo += [v for v in (value if isinstance(value, list) else [value])
                     if isinstance(v, ast.AST)]
    return found


def _bind_scope(scope: ast.AST, nodes: list[ast.AST], tracked: Tracked) -> None:
    """Track the parameters of ``scope`` and, to a fixed point, what its statements bind."""
    if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        args = scope.args
        params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        defaults = [None] * (len(params) - len(args.defaults) - len(args.kw_defaults)) + \
            [*args.defaults, *args.kw_defaults]
        for param, default in zip(params, defaults, strict=True):
            if _annotated(param.annotation, tracked.factory_types) or \
                    default is not None and tracked.factory(default):
                tracked.factories.add(param.arg)
            elif _annotated(param.annotation, tracked.unit_types):
                tracked.units.add(param.arg)
    in_class = isinstance(scope, ast.ClassDef)
    while True:
        changed = False
        for node in nodes:
            if isinstance(node, ast.Assign):
                changed |= tracked.bind(node.targets, node.value, in_class)
            elif isinstance(node, ast.AnnAssign):
                if _annotated(node.annotation, tracked.factory_types):  # as if = session.uow
                    changed |= tracked.bind([node.target], ast.Name("uow"), in_class)
                elif _annotated(node.annotation, tracked.unit_types):
                    tracked.units.update(_names(node.target))
                changed |= tracked.bind([node.target], node.value, in_class)
            elif isinstance(node, ast.NamedExpr):
                changed |= tracked.bind([node.target], node.value, in_class)
            elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
                changed |= tracked.bind([node.target], node.iter, in_class)
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                changed |= tracked.bind([node.optional_vars], node.context_expr, in_class)
        if not changed:
            return


def _scope_offences(nodes: list[ast.AST], tracked: Tracked) -> list[tuple[int, str]]:
    found = []
    for node in nodes:
        if isinstance(node, ast.Call) and tracked.factory(node.func):
            label = _name(node.func) or ast.unparse(node.func)
            found.append((node.lineno, f"opens a unit of work ({label}()): call a service"))
        elif isinstance(node, ast.Call) and _name(node.func) in GETATTR and node.args and \
                tracked.opened(node.args[0]) or isinstance(node, ast.Attribute) and \
                tracked.opened(node.value) and node.attr in UNIT_USES:
            found.append((node.lineno, f"uses a unit of work ({ast.unparse(node)}): "
                                       "call a service"))
        elif isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name) and \
                _UOW.search(node.optional_vars.id) and not tracked.opened(node.context_expr):
            found.append((node.optional_vars.lineno, "opens a unit of work (with ... as "
                                                     f"{node.optional_vars.id}): call a service"))
    return found


def _tracked_offences(tree: ast.Module, module: Tracked) -> list[tuple[int, str]]:
    """One pass over every scope, outer first (a closure sees its function's names)."""
    found = []
    todo = [(tree, module)]
    while todo:
        scope, outer = todo.pop()
        nodes = _own(scope)
        tracked = outer.inner()
        _bind_scope(scope, nodes, tracked)
        found += _scope_offences(nodes, tracked)
        todo += [(node, tracked) for node in nodes if isinstance(node, _SCOPES)]
    return found


def door_offences(module: Module) -> list[tuple[int, str]]:
    """Where a module walks round the services.

    - It reads an attribute of :data:`FORBIDDEN_ATTRIBUTES` (``x.repo``, ``u.__enter__()``,
      ``context.engine``), also through ``getattr(x, "repo")`` and the like.
    - It calls a unit-of-work factory: a name or attribute named like one (``uow_factory()``,
      ``session.uow()``, ``make_uow()``), a parameter typed ``UowFactory``, or anything whose
      value comes from one, traced per function through assignments, ``with``/``for`` targets,
      containers, ``partial`` and lambdas (``f = self.uow_factory; with f() as unit``), and
      module-wide through attributes (``self.factory = session.uow``). ``with f() as x`` is
      that call, whatever ``x`` is named.
    - It uses a unit of work it got anyway: a member of the ``UnitOfWork`` Protocol on a name
      bound to one (``unit.settings()``), ``getattr(unit, ...)``, or binds ``with ... as uow``.
    """
    found = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            found.append((node.lineno, f"{FORBIDDEN_ATTRIBUTES[node.attr]} (.{node.attr}): "
                                       "call a service"))
        elif isinstance(node, ast.Call) and _name(node.func) in GETATTR:
            for arg in node.args:
                parts = arg.value.split(".") if isinstance(arg, ast.Constant) and \
                    isinstance(arg.value, str) else []
                found += [(node.lineno, f"{FORBIDDEN_ATTRIBUTES[part]} ({_name(node.func)} "
                                        f"{part!r}): call a service")
                          for part in parts if part in FORBIDDEN_ATTRIBUTES]
    imported = [(b.name, b.means) for b in bindings(module)]
    tracked = Tracked(
        factory_types=frozenset({"UowFactory"} | {n for n, m in imported if m in UOW_TYPES}),
        unit_types=frozenset({"UnitOfWork"} | {n for n, m in imported
                                               if m == f"{UNIT_OF_WORK}.UnitOfWork"}))
    while True:  # until every attribute a factory is stored in is known
        known = set(tracked.attributes)
        offences = _tracked_offences(module.tree, tracked)
        if tracked.attributes == known:
            return found + offences


@pytest.mark.parametrize("layer", ["gui", "cli", "reports", "text"])
def test_front_ends_and_reports_go_through_the_services(layer):
    check(lambda m: door_offences(m) if m.layer == layer else [])


# -- the checks themselves: each catches what it is meant to --------------------------------
def test_the_offers_and_members_are_real():
    """APP_OFFERS names what app.py defines, and the Protocol has the members a review listed."""
    app = next(m for m in MODULES if m.name == APP)
    defined = {n.name for n in app.tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    assert not APP_OFFERS - defined
    assert {"repo", "__enter__", "__exit__", "histories", "settings", "save_settings",
            "get_value", "set_value", "iros", "verify_audit"} <= UNIT_MEMBERS
    assert any(m.layer == "gui" for m in HAND_WRITTEN) and any(m.layer == "cli" for m in MODULES)


def test_the_old_door_offences_are_still_seen():
    gui = fake_module("from ..persistence.uow import uow_factory\n"
                      "def f(session, factory):\n"
                      "    with session.uow() as uow:\n"
                      "        uow.repo.child_ids()\n"
                      "    with factory() as uow:\n"
                      "        pass\n"
                      "    make_uow(1).repo\n"
                      "    return records.add_child(session.uow, child), uow_factory, "
                      "repository()\n",
                      "permanence_tracker.gui.fake")
    assert reach_offences(gui, APP_OFFERS) == [
        (1, "imports permanence_tracker.persistence.uow.uow_factory: persistence is for "
            "services: call a service")]
    assert sorted(door_offences(gui)) == [
        (3, "opens a unit of work (uow()): call a service"),
        (4, "touches a repository (.repo): call a service"),
        (5, "opens a unit of work (with ... as uow): call a service"),
        (7, "opens a unit of work (make_uow()): call a service"),
        (7, "touches a repository (.repo): call a service")]


# Each line marked `#!` must give one offence per `|`-separated fragment, and no other line any.
EVASIONS = '''
from __future__ import annotations
import functools, importlib, sys
from typing import TYPE_CHECKING
from permanence_tracker.services.unit_of_work import UowFactory
from ..services.unit_of_work import UowFactory as Factory, UnitOfWork  #! .UnitOfWork
from permanence_tracker.services import unit_of_work  #! imports permanence_tracker.services.unit
import permanence_tracker.services.unit_of_work as uow_types  #! imports permanence_tracker.serv
from permanence_tracker import app as composition, persistence  #! imports permanence_tracker.pers
from permanence_tracker.app import Context, open_context, engines  #! imports permanence_tracker.ap
from ..app import uow_factory  #! imports permanence_tracker.app.uow_factory
from permanence_tracker.app import *  #! imports permanence_tracker.app.*
import permanence_tracker.gui.tasks
from permanence_tracker.services.records import editing as records
if TYPE_CHECKING:
    from permanence_tracker.services.unit_of_work import UowFactory

class Page:
    factory: UowFactory
    # The door itself: holding the factory and passing it to services is no offence.
    def __init__(self, session, context: Context):
        self.door = session.uow
        self.rows = records.child_record(session.uow, "C1")
        self.context = open_context(composition.default_url())
        records.add_child(self.door, child)
        self.job = lambda progress: records.load(self.uow_factory, progress)
        uow = self.session.uow
        records.panels(uow, as_of)
        self.ui.iro.addItems([""] + records.active_iro_names(uow))
        getattr(self, "title")
        self.rows.sort()

    # Walking round it: each call below opens a unit of work or uses one.
    def aliased(self, session, factory: Factory, maker=None):
        f = self.uow_factory
        with f() as unit:  #! (f())
            unit.settings()  #! unit.settings
            unit.histories(), unit.save_settings(s), unit.iros()  #! histories|save_settings|iros
            unit.get_value("k"), unit.set_value("k", "v"), unit.verify_audit()  #! get|set|verify
            getattr(unit, "repo")  #! getattr 'repo'|getattr(unit
        u = f()  #! (f())
        u.__enter__()  #! .__enter__
        entered = u.__enter__()  #! .__enter__
        entered.histories()  #! entered.histories
        type(u).__exit__(u, None, None, None)  #! .__exit__
        g = f
        h = g if session else None
        h()  #! (h())
        factory()  #! (factory())
        self.door()  #! (door())
        self.factory()  #! (factory())
        getattr(session, "uow")()  #! getattr(session, 'uow')()
        functools.partial(session.uow)()  #! functools.partial(session.uow)()
        makers = {"u": session.uow}
        makers["u"]()  #! makers['u']()
        for make in (session.uow,):
            make()  #! (make())
        later = lambda: f()  #! (f())
        with (unit2 := g()):  #! (g())
            unit2.verify_audit()  #! unit2.verify_audit
        (maker or session.uow)()  #! (maker or session.uow())
        (again := self.door)()  #! again := self.door
        again()  #! (again())
        self.uow_factory.__call__()  #! (__call__())
        pick = lambda: session.uow
        pick()()  #! (pick())
        every = [*(session.uow,)]
        every[0]()  #! every[0]()
        attrgetter("repo.child")(unit)  #! attrgetter 'repo'

    def composition_root(self, session):
        composition.engines.create(url)  #! reaches permanence_tracker.app.engines
        composition.uow_factory(e, "me", now)  #! reaches permanence_tracker.app.uow|(uow_factory
        permanence_tracker.app.engines  #! reaches permanence_tracker.app.engines
        permanence_tracker.persistence.engine.create(url)  #! reaches permanence_tracker.p|(.engine)
        vars(composition)["engines"]  #! reaches permanence_tracker.app: name what it offers
        importlib.import_module("permanence_tracker.persistence.engine")  #! names permanence
        sys.modules[f"permanence_tracker.persistence.{name}"]  #! names permanence_tracker.persis
        importlib.import_module(f"permanence_tracker.app.{name}")  #! names permanence_tracker.app.
        getattr(sys.modules["permanence_tracker.app"], name)  #! names permanence_tracker.app: name
        session.context.engine.connect()  #! reaches the database (.engine)
        composition.open_context(url).dispose()

def handed(unit: UnitOfWork):
    return unit.iros()  #! unit.iros

def stringly(make: "Factory", unit: "UnitOfWork"):
    make()  #! (make())
    return unit.settings  #! unit.settings
'''


def test_the_door_sees_each_evasion_and_passes_the_door():
    module = fake_module(EVASIONS, "permanence_tracker.gui.fake")
    found = reach_offences(module, APP_OFFERS) + door_offences(module)
    lines = EVASIONS.splitlines()
    expected = {number: text.split("#!")[1].strip().split("|")
                for number, text in enumerate(lines, 1) if "#!" in text}
    for number in sorted({line for line, _ in found} | expected.keys()):
        what = sorted(w for line, w in found if line == number)
        fragments = expected.get(number, [])
        assert len(what) == len(fragments) and \
            all(sum(f.strip() in w for w in what) == 1 for f in fragments), \
            f"line {number}: {lines[number - 1].strip()}\n  found {what}"


def test_reports_may_take_nothing_from_the_composition_root():
    reports = fake_module("from permanence_tracker.app import Context\n",
                          "permanence_tracker.reports.fake")
    assert [line for line, _ in reach_offences(reports, OFFERS["reports"])] == [1]
    assert reach_offences(reports, OFFERS["gui"]) == []

"""Every public service entry point, with every role: allowed or refused as domain.roles says.

Entry points are found, not listed: every public function of ``permanence_tracker.services.*``
taking ``uow_factory``. One without ``@requires`` (or an explicit ``@unchecked``) fails here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import permanence_tracker.services as services
from permanence_tracker.domain.roles import Actor, Role, allowed
from permanence_tracker.services.authorization import PermissionDenied, acting


def _entry_points():
    found = {}
    for info in pkgutil.walk_packages(services.__path__, "permanence_tracker.services."):
        module = importlib.import_module(info.name)
        for name, function in vars(module).items():
            if (name.startswith("_") or not inspect.isfunction(function)
                    or function.__module__ != module.__name__):
                continue
            if "uow_factory" in inspect.signature(function).parameters:
                found[f"{module.__name__}.{name}"] = function
    return found


ENTRY_POINTS = _entry_points()


class Reached(Exception):
    """The service got past its check and opened a unit of work."""


def _reached():
    raise Reached


def test_the_walk_finds_the_entry_points():
    assert len(ENTRY_POINTS) >= 60
    assert "permanence_tracker.services.records.editing.add_child" in ENTRY_POINTS
    # issue 12: the read-only search of everyone, and reactivating a user
    assert {"permanence_tracker.services.records.search.search_children",
            "permanence_tracker.services.records.search.read_found_child",
            "permanence_tracker.services.users.reactivate"} <= ENTRY_POINTS.keys()


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_every_entry_point_names_its_permission(name):
    function = ENTRY_POINTS[name]
    assert hasattr(function, "permission"), f"{name} has no @requires(permission)"
    if function.permission is None:
        assert function.unchecked_because


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_every_entry_point_with_every_role(name, role):
    function = ENTRY_POINTS[name]
    permission = getattr(function, "permission", "unchecked")
    factory = acting(_reached, Actor("someone", role, iro_name="Iro One"))
    arguments = {p: None for p, spec in inspect.signature(function).parameters.items()
                 if spec.default is inspect.Parameter.empty and spec.kind not in (
                     inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)}
    arguments["uow_factory"] = factory
    expected = permission is None or allowed(role, permission)
    try:
        function(**arguments)
    except PermissionDenied as refused:
        assert not expected, f"{name} refused {role.title}: {refused}"
        assert f"Your role ({role.title}) may not" in str(refused)
        assert "ask an administrator" in str(refused)
        return
    except Exception:  # past the check: Reached, or the dummy arguments broke it later
        pass
    assert expected, f"{name} let {role.title} through without {permission!r}"

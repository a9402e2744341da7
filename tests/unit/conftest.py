"""Fixtures for the service tests that need no database: an in-memory store and the unit-of-work
factory over it (tests/fakes.py). A test module may override ``uow`` to seed the store."""

from __future__ import annotations

import pytest
from fakes import FakeStore, fake_uow_factory


@pytest.fixture
def store():
    return FakeStore()


@pytest.fixture
def uow(store):
    return fake_uow_factory(store)

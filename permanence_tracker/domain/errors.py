"""Errors the services raise and every front end (CLI, GUI) shows to people."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with some input: where, what, and how to fix it."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class TrackerError(Exception):
    """Base of the errors a user may see."""


class ValidationError(TrackerError):
    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class ConflictError(TrackerError):
    """Someone else changed the record since it was read: the write was refused."""


class NotFoundError(TrackerError):
    pass


class PermissionDenied(TrackerError):
    """The acting user's role does not allow this use case (or this child, for an IRO); on a
    server, also the database refusing a login what its grants do not allow."""

"""SQLAlchemy Core tables. Every child-record table carries ``version`` for optimistic locking.

Panel meetings and their agenda items (``panel``, ``panel_item``) are versioned and audited
the same way; an item about a child belongs to that child's records (and audit trail).

Changes to these definitions need an Alembic revision in ``db/migrations/versions``; the
architecture tests check that the migrated schema matches this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.schema import SchemaItem

from permanence_tracker.domain.limits import CHILD_ID, NAME, NOTE_SOURCE, OUTCOME, PLAN_TYPE

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class NameList(TypeDecorator):
    """A tuple of names stored as lines of text (panel members present)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else "\n".join(value)

    def process_result_value(self, value, dialect):
        return None if value is None else tuple(n for n in value.split("\n") if n)


def _id() -> Column:
    return Column("id", Integer, primary_key=True, autoincrement=True)


def _version() -> Column:
    return Column("version", Integer, nullable=False, server_default="1")


def _child_fk() -> Column:
    return Column(
        "child_id", String(CHILD_ID), ForeignKey("child.child_id", ondelete="CASCADE"),
        nullable=False
    )


def _text(name: str, length: int | None = None) -> Column:
    """Text that is never NULL: blank ('') when not recorded, as the domain records it."""
    return Column(name, Text if length is None else String(length), nullable=False,
                  server_default="")


def _child_table(name: str, *items: SchemaItem) -> Table:
    """One kind of child record: its own ``id``, the child it belongs to (deleted with the
    child), ``items`` (its columns, then its indexes and constraints) and ``version``."""
    return Table(name, metadata, _id(), _child_fk(), *items, _version())


iro = Table(
    "iro",
    metadata,
    Column("name", String(NAME), primary_key=True),
    Column("fte", Float, nullable=False, server_default="1.0"),
    Column("dual_role", Boolean, nullable=False, server_default="0"),
    Column("cp_cases", Integer, nullable=False, server_default="0"),
    Column("active", Boolean, nullable=False, server_default="1"),
    _version(),
)

child = Table(
    "child",
    metadata,
    Column("child_id", String(CHILD_ID), primary_key=True),
    _text("forename", NAME),
    _text("surname", NAME),
    Column("dob", Date, nullable=False),
    _text("sex", 1),
    _text("ethnicity", 8),
    _text("upn", 13),
    Column("uasc", Boolean, nullable=False, server_default="0"),
    Column("uasc_ceased", Date),
    Column("mother", Boolean),
    Column("mother_child_dob", Date),
    _text("locality", NAME),
    _text("area", NAME),
    _text("team", NAME),
    _text("social_worker", NAME),
    _text("iro", NAME),
    _version(),
    Index("ix_child_iro", "iro"),
)

episode = _child_table(
    "episode",
    Column("start", Date, nullable=False),
    Column("rne", String(1), nullable=False),
    Column("legal_status", String(2), nullable=False),
    _text("cin", 2),
    _text("placement", 3),
    _text("provider", 3),
    Column("end", Date),
    _text("rec", 3),
    _text("reason_place_change", 5),
    _text("home_post", 8),
    _text("pl_post", 8),
    _text("urn", 10),
    UniqueConstraint("child_id", "start", name="uq_episode_child_start"),
)

review = _child_table(
    "review",
    Column("held", Date, nullable=False),
    _text("participation", 3),
    _text("iro", NAME),
    Column("plan_in_place", Boolean),
    _text("notes"),
    UniqueConstraint("child_id", "held", name="uq_review_child_held"),
)

plan = _child_table(
    "plan",
    Column("agreed", Date, nullable=False),
    Column("primary", String(PLAN_TYPE), nullable=False),
    _text("parallel", PLAN_TYPE),
    _text("notes"),
    Index("ix_plan_child", "child_id"),
)

outcome = _child_table(
    "monitoring_outcome",
    Column("recorded", Date, nullable=False),
    Column("outcome", String(OUTCOME), nullable=False),
    _text("notes"),
    Index("ix_outcome_child", "child_id"),
)

note = _child_table(
    "note",
    Column("written", Date, nullable=False),
    _text("text"),
    _text("source", NOTE_SOURCE),
    Index("ix_note_child", "child_id"),
)

adoption = _child_table(
    "adoption",
    Column("should_be_placed", Date),
    Column("placement_order", Date),
    Column("matched", Date),
    Column("placed", Date),
    Column("adoption_order", Date),
    Column("reversed", Date),
    _text("reversed_reason", 3),
    Column("foster_carer", Boolean),
    _text("adopters_number", 1),
    _text("adopters_sex", 2),
    _text("adopters_status", 3),
    Index("ix_adoption_child", "child_id"),
)

missing = _child_table(
    "missing",
    Column("kind", String(1), nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
    UniqueConstraint("child_id", "start", "kind", name="uq_missing_child_start_kind"),
)

previous = _child_table(
    "previous_permanence",
    Column("kind", String(2), nullable=False),
    _text("la", 4),
    Column("year", Integer),
    Column("month", Integer),
    Column("day", Integer),
    Index("ix_previous_child", "child_id"),
)

panel = Table(
    "panel",
    metadata,
    _id(),
    Column("date", Date, nullable=False),
    Column("type", Text, nullable=False),
    _text("chair", NAME),
    Column("members", NameList, nullable=False, server_default=""),
    Column("quorate", Boolean),  # unknown until the panel has met
    _text("venue"),
    _text("notes"),
    _version(),
    Index("ix_panel_date", "date"),
)

panel_item = Table(
    "panel_item",
    metadata,
    _id(),
    # No cascade: a panel is deleted only once its items are (each deletion audited).
    Column("panel_id", Integer, ForeignKey("panel.id"), nullable=False),
    Column("child_id", String(CHILD_ID), ForeignKey("child.child_id", ondelete="CASCADE")),
    Column("business", Text, nullable=False),
    _text("carers"),
    _text("terms"),
    _text("recommendation", 20),
    _text("reasons"),
    _text("dissent"),
    Column("minutes_received", Date),
    _text("adm_decision", 30),
    Column("adm_decision_date", Date),
    _text("adm_notes"),
    _version(),
    Index("ix_panel_item_panel", "panel_id"),
    Index("ix_panel_item_child", "child_id"),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
    _version(),
)

users = Table(  # who may use a shared tracker, and in which role (domain.roles.User)
    "users",
    metadata,
    Column("login", String(120), primary_key=True),  # the OS user or database login
    _text("display_name", NAME),
    Column("role", String(30), nullable=False),
    _text("iro_name", NAME),
    Column("active", Boolean, nullable=False, server_default="1"),
    _version(),
)

audit = Table(
    "audit",
    metadata,
    _id(),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user", String(120), nullable=False),
    Column("child_id", String(CHILD_ID)),  # no FK: the trail outlives a deleted child
    Column("table_name", String(40), nullable=False),
    Column("row_key", String(120), nullable=False),
    Column("action", String(6), nullable=False),  # insert, update, delete
    Column("old", Text),
    Column("new", Text),
    Column("hash", String(64), nullable=False),  # sha256 chained over the previous entry
    # PostgreSQL: the writing transaction (persistence/audit_guards.py checks each change has
    # its entry); NULL on SQLite and before 0009. Outside the hash: old entries still verify.
    Column("txid", BigInteger),
    Index("ix_audit_child", "child_id"),
    Index("ix_audit_txid", "txid", "table_name", "row_key",
          sqlite_where=text("txid IS NOT NULL"), postgresql_where=text("txid IS NOT NULL")),
)

# The chain's head: the last entry's id and hash, and how many entries lead up to it. Written
# in the same transaction as every append (persistence/audit.py ``move_head``), so removing
# entries from the END of the trail, which leaves the rest of the chain whole, shows.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1: one row
    Column("last_id", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
    Column("entries", Integer, nullable=False),
)


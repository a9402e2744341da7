"""SQLAlchemy Core tables. Every child-record table carries ``version`` for optimistic locking.

Panel meetings and their agenda items (``panel``, ``panel_item``) are versioned and audited
the same way; an item about a child belongs to that child's records (and audit trail).

Changes to these definitions need an Alembic revision in ``db/migrations/versions``; the
architecture tests check that the migrated schema matches this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
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
)

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


def _version() -> Column:
    return Column("version", Integer, nullable=False, server_default="1")


def _child_fk() -> Column:
    return Column(
        "child_id", String(40), ForeignKey("child.child_id", ondelete="CASCADE"), nullable=False
    )


iro = Table(
    "iro",
    metadata,
    Column("name", String(120), primary_key=True),
    Column("fte", Float, nullable=False, server_default="1.0"),
    Column("dual_role", Boolean, nullable=False, server_default="0"),
    Column("cp_cases", Integer, nullable=False, server_default="0"),
    Column("active", Boolean, nullable=False, server_default="1"),
    _version(),
)

child = Table(
    "child",
    metadata,
    Column("child_id", String(40), primary_key=True),
    Column("forename", String(120), nullable=False, server_default=""),
    Column("surname", String(120), nullable=False, server_default=""),
    Column("dob", Date, nullable=False),
    Column("sex", String(1), nullable=False, server_default=""),
    Column("ethnicity", String(8), nullable=False, server_default=""),
    Column("upn", String(13), nullable=False, server_default=""),
    Column("uasc", Boolean, nullable=False, server_default="0"),
    Column("uasc_ceased", Date),
    Column("mother", Boolean),
    Column("mother_child_dob", Date),
    Column("locality", String(120), nullable=False, server_default=""),
    Column("area", String(120), nullable=False, server_default=""),
    Column("team", String(120), nullable=False, server_default=""),
    Column("social_worker", String(120), nullable=False, server_default=""),
    Column("iro", String(120), nullable=False, server_default=""),
    _version(),
    Index("ix_child_iro", "iro"),
)

episode = Table(
    "episode",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _child_fk(),
    Column("start", Date, nullable=False),
    Column("rne", String(1), nullable=False),
    Column("legal_status", String(2), nullable=False),
    Column("cin", String(2), nullable=False, server_default=""),
    Column("placement", String(3), nullable=False, server_default=""),
    Column("provider", String(3), nullable=False, server_default=""),
    Column("end", Date),
    Column("rec", String(3), nullable=False, server_default=""),
    Column("reason_place_change", String(5), nullable=False, server_default=""),
    Column("home_post", String(8), nullable=False, server_default=""),
    Column("pl_post", String(8), nullable=False, server_default=""),
    Column("urn", String(10), nullable=False, server_default=""),
    _version(),
    UniqueConstraint("child_id", "start", name="uq_episode_child_start"),
)

review = Table(
    "review",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _child_fk(),
    Column("held", Date, nullable=False),
    Column("participation", String(3), nullable=False, server_default=""),
    Column("iro", String(120), nullable=False, server_default=""),
    Column("plan_in_place", Boolean),
    Column("notes", Text, nullable=False, server_default=""),
    _version(),
    UniqueConstraint("child_id", "held", name="uq_review_child_held"),
)

plan = Table(
    "plan",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _child_fk(),
    Column("agreed", Date, nullable=False),
    Column("primary", String(60), nullable=False),
    Column("parallel", String(60), nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    _version(),
    Index("ix_plan_child", "child_id"),
)

outcome = Table(
    "monitoring_outcome",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _child_fk(),
    Column("recorded", Date, nullable=False),
    Column("outcome", String(120), nullable=False),
    Column("notes", Text, nullable=False, server_default=""),
    _version(),
    Index("ix_outcome_child", "child_id"),
)

adoption = Table(
    "adoption",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _child_fk(),
    Column("should_be_placed", Date),
    Column("placement_order", Date),
    Column("matched", Date),
    Column("placed", Date),
    Column("adoption_order", Date),
    Column("reversed", Date),
    Column("reversed_reason", String(3), nullable=False, server_default=""),
    Column("foster_carer", Boolean),
    Column("adopters_number", String(1), nullable=False, server_default=""),
    Column("adopters_sex", String(2), nullable=False, server_default=""),
    Column("adopters_status", String(3), nullable=False, server_default=""),
    _version(),
    Index("ix_adoption_child", "child_id"),
)

missing = Table(
    "missing",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _child_fk(),
    Column("kind", String(1), nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
    _version(),
    UniqueConstraint("child_id", "start", "kind", name="uq_missing_child_start_kind"),
)

previous = Table(
    "previous_permanence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _child_fk(),
    Column("kind", String(2), nullable=False),
    Column("la", String(4), nullable=False, server_default=""),
    Column("year", Integer),
    Column("month", Integer),
    Column("day", Integer),
    _version(),
    Index("ix_previous_child", "child_id"),
)

panel = Table(
    "panel",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("date", Date, nullable=False),
    Column("type", Text, nullable=False),
    Column("chair", String(120), nullable=False, server_default=""),
    Column("members", NameList, nullable=False, server_default=""),
    Column("quorate", Boolean),  # unknown until the panel has met
    Column("venue", Text, nullable=False, server_default=""),
    Column("notes", Text, nullable=False, server_default=""),
    _version(),
    Index("ix_panel_date", "date"),
)

panel_item = Table(
    "panel_item",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # No cascade: a panel is deleted only once its items are (each deletion audited).
    Column("panel_id", Integer, ForeignKey("panel.id"), nullable=False),
    Column("child_id", String(40), ForeignKey("child.child_id", ondelete="CASCADE")),
    Column("business", Text, nullable=False),
    Column("carers", Text, nullable=False, server_default=""),
    Column("terms", Text, nullable=False, server_default=""),
    Column("recommendation", String(20), nullable=False, server_default=""),
    Column("reasons", Text, nullable=False, server_default=""),
    Column("dissent", Text, nullable=False, server_default=""),
    Column("minutes_received", Date),
    Column("adm_decision", String(30), nullable=False, server_default=""),
    Column("adm_decision_date", Date),
    Column("adm_notes", Text, nullable=False, server_default=""),
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

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user", String(120), nullable=False),
    Column("child_id", String(40)),  # no FK: the trail outlives a deleted child
    Column("table_name", String(40), nullable=False),
    Column("row_key", String(120), nullable=False),
    Column("action", String(6), nullable=False),  # insert, update, delete
    Column("old", Text),
    Column("new", Text),
    Column("hash", String(64), nullable=False),  # sha256 chained over the previous entry
    Index("ix_audit_child", "child_id"),
)

CHILD_TABLES = {
    "episode": episode,
    "review": review,
    "plan": plan,
    "monitoring_outcome": outcome,
    "adoption": adoption,
    "missing": missing,
    "previous_permanence": previous,
}

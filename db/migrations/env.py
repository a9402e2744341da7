"""Alembic environment: runs on the engine handed over by persistence.engine (no alembic.ini)."""

from alembic import context

from permanence_tracker.persistence.tables import metadata

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # e.g. `alembic` on the command line with -x url=...
    from permanence_tracker.persistence.engine import create

    engine = create(context.get_x_argument(as_dictionary=True)["url"])

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()

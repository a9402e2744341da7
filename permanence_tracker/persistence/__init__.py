"""SQLAlchemy storage: tables, engine set-up, migrations and the repository."""

"""Use cases and read queries. Front ends (CLI, GUI, reports) call these, never the database."""

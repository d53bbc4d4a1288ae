"""Alembic environment: always run from the app with a connection handed in (never a URL)."""

from alembic import context

from doancoso.core.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run only through doancoso.core.storage.db with a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode recreates tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

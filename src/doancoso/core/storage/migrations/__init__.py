"""Alembic migrations of the database schema (batch mode, named constraints)."""

"""Alembic migrations for :mod:`qa.store` (run with :func:`qa.store.migrate`)."""

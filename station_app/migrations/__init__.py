"""Alembic migrations of the station database, shipped inside the package."""
